"""The browser's Qt model: year → unit → form rows, and the search filter over it.

A QStandardItemModel is enough here: the rows are few (hundreds at most) and the
browser only ever replaces their text. Rows are updated in place, so the view keeps
its selection, expansion and scroll position across an edit.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from desktop.presenters.browser import BrowserEntry, grouped, matches, normalise_query

FORM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""On every cell of a form row: the form's id. Absent on year and unit rows."""
GROUP_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""On the first cell of a year or unit row: a key that survives a rebuild."""
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
"""On year and unit rows: the year or unit itself, to re-say it in another language."""

PROBLEM_COLOUR = QColor("#b3261e")


class Column(IntEnum):
    NAME = 0
    KIND = 1
    CODE = 2
    TOTAL = 3
    GRADE = 4
    STATE = 5
    FINDINGS = 6


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGNMENTS = {Column.TOTAL: RIGHT, Column.GRADE: Qt.AlignmentFlag.AlignCenter,
              Column.FINDINGS: Qt.AlignmentFlag.AlignCenter}
"""Figures line up like in a spreadsheet, headers over their figures."""


def _group_row(text: str, key: str, raw: object) -> list[QStandardItem]:
    first = QStandardItem(text)
    first.setData(key, GROUP_KEY_ROLE)
    first.setData(raw, KEY_ROLE)
    first.setToolTip(text)
    rest = [QStandardItem() for _ in range(len(Column) - 1)]
    for item in (first, *rest):
        item.setEditable(False)
    return [first, *rest]


class BrowserModel(QStandardItemModel):
    """The tree of stored forms, with a handle on each form row for in-place updates.

    Every translated text is produced here (`self.tr`), so `retranslate` can re-say
    them all after a language switch without rebuilding a row.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(Column), parent)
        self.rows: dict[int, list[QStandardItem]] = {}
        self.entries: dict[int, BrowserEntry] = {}
        self.setHorizontalHeaderLabels(self.header_labels())
        for column, alignment in ALIGNMENTS.items():
            self.setHeaderData(column, Qt.Orientation.Horizontal, alignment,
                               Qt.ItemDataRole.TextAlignmentRole)

    # ------------------------------------------------------------ texts

    def header_labels(self) -> list[str]:
        return [self.tr("Name"), self.tr("Kind"), self.tr("Code"), self.tr("Total"),
                self.tr("Grade"), self.tr("State"), self.tr("Findings")]

    def state_text(self, key: str) -> str:
        """The State column in the current language (草稿 / 有问题 / 已检查 / 已导出 /
        自导出后已修改)."""
        texts = {"draft": self.tr("Draft"), "problems": self.tr("Has problems"),
                 "checked": self.tr("Checked"), "exported": self.tr("Exported"),
                 "changed": self.tr("Changed since export")}
        return texts.get(key, key)

    def year_text(self, year: int) -> str:
        return self.tr("Year %1").replace("%1", str(year))

    def unit_text(self, unit: str) -> str:
        return unit or self.tr("(no unit)")

    # ------------------------------------------------------------ rows

    def layout_key(self) -> list[tuple[int, int, str]]:
        """What decides the tree's shape: which form sits under which year and unit."""
        return [(entry.form_id, entry.year, entry.unit) for entry in self.entries.values()]

    def rebuild(self, entries: list[BrowserEntry]) -> None:
        """Replace every row (rows removed and inserted: no reset, so no lost header)."""
        self.setRowCount(0)
        self.rows, self.entries = {}, {}
        bold = QFont()
        bold.setBold(True)
        for year, units in grouped(entries).items():
            year_row = _group_row(self.year_text(year), f"{year}", year)
            year_row[0].setFont(bold)
            for unit, forms in units.items():
                unit_row = _group_row(self.unit_text(unit), f"{year}/{unit}", unit)
                for entry in forms:
                    unit_row[0].appendRow(self._form_row(entry))
                year_row[0].appendRow(unit_row)
            self.appendRow(year_row)

    def update_entry(self, entry: BrowserEntry) -> None:
        self.fill_form_row(self.rows[entry.form_id], entry)

    def insert_entry(self, entry: BrowserEntry) -> None:
        """One new form's row, in the store's order (newest year first, then unit, code,
        name), its year and unit rows made when they are new: rows inserted, no rebuild."""
        unit_item = self._unit_item(entry.year, entry.unit)
        position = next((row for row in range(unit_item.rowCount())
                         if _form_order(entry) < _form_order(self._entry_at(unit_item, row))),
                        unit_item.rowCount())
        unit_item.insertRow(position, self._form_row(entry))

    def remove_entry(self, form_id: int) -> None:
        """A deleted form's row goes, and its unit and year rows when they are left empty."""
        items = self.rows.pop(form_id, None)
        self.entries.pop(form_id, None)
        if items is None:
            return
        unit_item = items[0].parent()
        unit_item.removeRow(items[0].row())
        if unit_item.rowCount() == 0:
            year_item = unit_item.parent()
            year_item.removeRow(unit_item.row())
            if year_item.rowCount() == 0:
                self.removeRow(year_item.row())

    def _entry_at(self, unit_item: QStandardItem, row: int) -> BrowserEntry:
        return self.entries[unit_item.child(row).data(FORM_ID_ROLE)]

    def _unit_item(self, year: int, unit: str) -> QStandardItem:
        year_item = self._child_group(self.invisibleRootItem(), year,
                                      lambda: _group_row(self.year_text(year), f"{year}", year),
                                      before=lambda other: other < year, bold=True)
        return self._child_group(year_item, unit,
                                 lambda: _group_row(self.unit_text(unit), f"{year}/{unit}", unit),
                                 before=lambda other: other > unit)

    def _child_group(self, parent: QStandardItem, key: object, make, before,
                     bold: bool = False) -> QStandardItem:
        """The group row under `parent` holding `key`, made at its place when missing:
        before the first sibling for which `before(sibling_key)` holds."""
        for row in range(parent.rowCount()):
            if parent.child(row).data(KEY_ROLE) == key:
                return parent.child(row)
        position = next((row for row in range(parent.rowCount())
                         if before(parent.child(row).data(KEY_ROLE))), parent.rowCount())
        items = make()
        if bold:
            font = QFont()
            font.setBold(True)
            items[0].setFont(font)
        parent.insertRow(position, items)
        return items[0]

    def _form_row(self, entry: BrowserEntry) -> list[QStandardItem]:
        items = [QStandardItem() for _ in Column]
        for item in items:
            item.setEditable(False)
            item.setData(entry.form_id, FORM_ID_ROLE)
        for column, alignment in ALIGNMENTS.items():
            items[column].setTextAlignment(alignment)
        self.rows[entry.form_id] = items
        self.fill_form_row(items, entry)
        return items

    def fill_form_row(self, items: list[QStandardItem], entry: BrowserEntry) -> None:
        """Write an entry's texts into its row; a text that did not change emits nothing."""
        self.entries[entry.form_id] = entry
        name = entry.name or self.tr("(untitled)")
        texts = {Column.NAME: name, Column.KIND: entry.kind_title, Column.CODE: entry.code,
                 Column.TOTAL: entry.total, Column.GRADE: entry.grade,
                 Column.STATE: self.state_text(entry.state),
                 Column.FINDINGS: str(entry.findings)}
        for column, text in texts.items():
            items[column].setText(text)
        items[Column.NAME].setToolTip(name)
        items[Column.KIND].setToolTip(entry.kind_title)
        problem = QBrush(PROBLEM_COLOUR) if entry.findings else None
        for column in (Column.STATE, Column.FINDINGS):
            items[column].setData(problem, Qt.ItemDataRole.ForegroundRole)

    def retranslate(self) -> None:
        """Re-say every text that came from a translation: headers, years, states."""
        self.setHorizontalHeaderLabels(self.header_labels())
        for year_row in range(self.rowCount()):
            year_item = self.item(year_row)
            year_item.setText(self.year_text(year_item.data(KEY_ROLE)))
            for unit_row in range(year_item.rowCount()):
                unit_item = year_item.child(unit_row)
                unit_item.setText(self.unit_text(unit_item.data(KEY_ROLE)))
        for form_id, items in self.rows.items():
            self.fill_form_row(items, self.entries[form_id])


def _form_order(entry: BrowserEntry) -> tuple[str, str]:
    """Within a unit, forms stand by code, then name, as the store lists them."""
    return entry.code, entry.name


class FormFilter(QSortFilterProxyModel):
    """Shows the forms whose code or name contains the search text, and their branches.

    Only form rows match by themselves; a year or unit row shows when one of its forms
    does (recursive filtering), so branches with no match disappear.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._query = ""

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        query = normalise_query(text)
        if query == self._query:
            return
        self.beginFilterChange()
        self._query = query
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        first = source.index(source_row, Column.NAME, source_parent)
        if first.data(FORM_ID_ROLE) is None:
            return False
        code = source.index(source_row, Column.CODE, source_parent).data() or ""
        return matches(self._query, code, first.data() or "")
