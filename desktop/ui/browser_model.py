"""The browser's Qt model: year → unit → form rows, narrowed by the search text.

A store may hold 20,000 forms, so the model keeps no item per cell: the tree is three
levels of plain Python (year and unit groups, each form one `BrowserEntry`) and `data`
says a cell's text, tooltip, alignment, colour or font when the view asks for it,
which it does for the rows on screen. Rows are updated, inserted and removed in place,
so the view keeps its selection, expansion and scroll position across an edit.

The search filters inside the model rather than through a QSortFilterProxyModel.
QTreeView lays out every expanded row, and each row it lays out is a call into Python:
a proxy doubles those calls (it maps every index it hands out back to this model) and
asks about every form again on each keystroke. Here a query is one pass of substring
tests over the entries, and the view is told of a layout change, so it keeps its
expanded branches, current row and selection where they are still shown.

A model index says what its row is by number (`internalId`): a year or unit row
carries its group's number, a form row its unit group's number with FORM_BIT set.
Numbers are never reused, so an index kept across a removal can never name another
group.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.presenters.browser import BrowserEntry, grouped, normalise_query

FORM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""On every cell of a form row: the form's id. Absent on year and unit rows."""
GROUP_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""On the first cell of a year or unit row: a key that survives a rebuild."""
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
"""On year and unit rows: the year or unit itself, to re-say it in another language."""

PROBLEM_COLOUR = QColor("#b3261e")

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    KIND = 1
    CODE = 2
    TOTAL = 3
    GRADE = 4
    STATE = 5
    FINDINGS = 6


COLUMN_COUNT = len(Column)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGNMENTS = {Column.TOTAL: RIGHT, Column.GRADE: Qt.AlignmentFlag.AlignCenter,
              Column.FINDINGS: Qt.AlignmentFlag.AlignCenter}
"""Figures line up like in a spreadsheet, headers over their figures."""
PROBLEM_COLUMNS = frozenset({int(Column.STATE), int(Column.FINDINGS)})
"""Red when the form has findings."""
TOOLTIP_COLUMNS = frozenset({int(Column.NAME), int(Column.KIND)})
"""Cut short in a narrow dock, so said whole in a tooltip."""

# The model's methods run once per row the view lays out (20,000 and more on a large
# store): roles, columns and alignments as plain ints and tuples compare and index
# faster than Qt's enum members, which Python looks up as attributes on every use.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
FONT = int(Qt.ItemDataRole.FontRole)
FORM_ID = int(FORM_ID_ROLE)
GROUP_KEY = int(GROUP_KEY_ROLE)
KEY = int(KEY_ROLE)
NAME_COLUMN = int(Column.NAME)
COLUMN_ALIGNMENTS = tuple(ALIGNMENTS.get(column) for column in Column)

FORM_BIT = 1 << 30
"""Set in the internalId of a form row (beside its unit's number); group numbers stay
far below it, and it fits the id on a 32-bit platform too."""


class _Group:
    """A year row (its children unit groups) or a unit row (its children the forms).

    `children` are all of them, `shown` those the search lets through (the very same
    list when there is no search, so that an edit changes both). `row` is the group's
    place among its shown siblings and `rows` each shown form's row, kept current on
    every change so that `parent()` and `form_index()` answer without a search.
    """

    __slots__ = ("children", "is_year", "key", "number", "parent", "row", "rows", "shown")

    def __init__(self, number: int, key: Any, parent: _Group | None,
                 children: list[Any] | None = None) -> None:
        self.number = number
        self.key = key                       # the year (int) or the unit (str)
        self.parent = parent                 # None for a year
        self.is_year = parent is None        # an attribute: read once per row laid out
        self.children: list[Any] = [] if children is None else children
        self.shown: list[Any] = self.children
        self.row = 0
        self.rows: dict[int, int] = {}      # form id → shown row, on a unit group

    @property
    def group_key(self) -> str:
        """GROUP_KEY_ROLE: what the browser remembers a collapsed branch by."""
        return f"{self.key}" if self.parent is None else f"{self.parent.key}/{self.key}"

    def renumber(self) -> None:
        """Rows of the shown children after one came or went (a few units, or one
        unit's forms: never the whole tree)."""
        if self.is_year:
            for row, unit in enumerate(self.shown):
                unit.row = row
        else:
            self.rows = {entry.form_id: row for row, entry in enumerate(self.shown)}


def _form_order(entry: BrowserEntry) -> tuple[str, str]:
    """Within a unit, forms stand by code, then name, as the store lists them."""
    return entry.code, entry.name


def search_key(entry: BrowserEntry) -> str:
    """Code and name as a query is compared with them (`matches`), kept apart so that
    no query matches across the two ("\\0" is never in a typed query)."""
    return f"{normalise_query(entry.code)}\0{normalise_query(entry.name)}"


class BrowserModel(QAbstractItemModel):
    """The tree of stored forms, read-only, with each form's row found by its id.

    Every translated text is produced here (`self.tr`), kept per language in
    `_texts`, so `retranslate` re-says them all by announcing that every row changed.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[_Group] = []                  # every year group, newest first
        self._years: list[_Group] = self._all         # those the search lets through
        self._groups: dict[int, _Group] = {}          # number → group, for internalId
        self._entries: dict[int, BrowserEntry] = {}   # form id → entry
        self._units: dict[int, _Group] = {}           # form id → its unit group
        self._numbers = itertools.count(1)
        self._query = ""
        self._keys: dict[int, tuple[BrowserEntry, str]] = {}   # form id → (entry, key)
        self._bold = QFont()
        self._bold.setBold(True)
        self._problem = QBrush(PROBLEM_COLOUR)
        self._texts: dict[str, Any] = {}
        self._cell_texts: tuple[Callable[[BrowserEntry], str], ...] = ()
        self._say_texts()

    # ------------------------------------------------------------ texts

    def header_labels(self) -> list[str]:
        return [self.tr("Name"), self.tr("Kind"), self.tr("Code"), self.tr("Total"),
                self.tr("Grade"), self.tr("State"), self.tr("Findings")]

    def state_text(self, key: str) -> str:
        """The State column in the current language (草稿 / 有问题 / 已检查 / 已导出 /
        自导出后已修改)."""
        return self._texts["states"].get(key, key)

    def year_text(self, year: int) -> str:
        return self._texts["year"].replace("%1", str(year))

    def unit_text(self, unit: str) -> str:
        return unit or self._texts["no unit"]

    def _say_texts(self) -> None:
        """Every translated text the cells use, asked of the catalogue once per language
        rather than once per cell painted."""
        self._texts = {
            "headers": self.header_labels(),
            "states": {"draft": self.tr("Draft"), "problems": self.tr("Has problems"),
                       "checked": self.tr("Checked"), "exported": self.tr("Exported"),
                       "changed": self.tr("Changed since export")},
            "year": self.tr("Year %1"), "no unit": self.tr("(no unit)"),
            "untitled": self.tr("(untitled)")}
        untitled, states = self._texts["untitled"], self._texts["states"]
        self._cell_texts = (   # by Column
            lambda entry: entry.name or untitled,
            lambda entry: entry.kind_title,
            lambda entry: entry.code,
            lambda entry: entry.total,
            lambda entry: entry.grade,
            lambda entry: states.get(entry.state, entry.state),
            lambda entry: str(entry.findings))

    def retranslate(self) -> None:
        """Re-say every text that came from a translation: headers, years, states."""
        self._say_texts()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        self._announce_rows(QModelIndex(), len(self._years))
        for year in self._years:
            self._announce_rows(self._group_index(year), len(year.shown))
            for unit in year.shown:
                self._announce_rows(self._group_index(unit), len(unit.shown))

    def _announce_rows(self, parent: QModelIndex, count: int) -> None:
        if count:
            self.dataChanged.emit(self.index(0, 0, parent),
                                  self.index(count - 1, COLUMN_COUNT - 1, parent))

    # ------------------------------------------------------------ forms by id

    def has_form(self, form_id: int) -> bool:
        """Is the form listed (whether or not the search shows it)?"""
        return form_id in self._entries

    def entry(self, form_id: int) -> BrowserEntry | None:
        return self._entries.get(form_id)

    def form_index(self, form_id: int, column: int = Column.NAME) -> QModelIndex:
        """The form's cell; invalid when the form is not listed or the search hides it."""
        unit = self._units.get(form_id)
        row = None if unit is None else unit.rows.get(form_id)
        if unit is None or row is None:
            return QModelIndex()
        return self.createIndex(row, column, unit.number | FORM_BIT)

    def text(self, form_id: int, column: Column) -> str:
        """What the form's cell in `column` reads; "" when the form is not listed."""
        entry = self._entries.get(form_id)
        return "" if entry is None else self._cell_texts[column](entry)

    def layout_key(self) -> list[tuple[int, int, str]]:
        """What decides the tree's shape: which form sits under which year and unit, in
        the store's order (shown or not)."""
        return [(entry.form_id, entry.year, entry.unit) for year in self._all
                for unit in year.children for entry in unit.children]

    # ------------------------------------------------------------ the search

    @property
    def query(self) -> str:
        """The search text as compared (`normalise_query`); "" shows every form."""
        return self._query

    def set_query(self, text: str) -> None:
        """Show only the forms whose code or name contains `text`, and their year and
        unit rows; blank shows all."""
        query = normalise_query(text)
        if query != self._query:
            self._query = query
            self._refilter()

    def _matches(self, entry: BrowserEntry) -> bool:
        """Does the form's code or name contain the query (`matches`, with the form's
        side normalised once per entry, when it is first searched)?"""
        kept = self._keys.get(entry.form_id)
        if kept is None or kept[0] is not entry:
            kept = self._keys[entry.form_id] = (entry, search_key(entry))
        return self._query in kept[1]

    def _refilter(self) -> None:
        """Show what the query lets through, as a layout change: indexes the view keeps
        (expanded branches, current row, selection) follow their rows, or become
        invalid when their row is no longer shown."""
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        held = [(self._object_at(index), index.column()) for index in kept]
        self._show()
        self.changePersistentIndexList(kept, [self._index_of(thing, column)
                                              for thing, column in held])
        self.layoutChanged.emit()

    def _show(self) -> None:
        """Recompute the shown lists and rows from the query (one pass over the forms)."""
        if not self._query:
            self._years = self._all
            for year in self._all:
                year.shown = year.children
                for unit in year.children:
                    if unit.shown is not unit.children:   # narrowed by the last search
                        unit.shown = unit.children
                        unit.renumber()
                year.renumber()
            self._renumber_years()
            return
        self._years = []
        for year in self._all:
            year.shown = []
            for unit in year.children:
                unit.shown = [entry for entry in unit.children if self._matches(entry)]
                unit.renumber()
                if unit.shown:
                    year.shown.append(unit)
            year.renumber()
            if year.shown:
                self._years.append(year)
        self._renumber_years()

    def _object_at(self, index: Index) -> _Group | BrowserEntry | None:
        if not index.isValid():
            return None
        number = index.internalId()
        if number & FORM_BIT:
            unit = self._groups.get(number ^ FORM_BIT)
            return None if unit is None else unit.shown[index.row()]
        return self._groups.get(number)

    def _index_of(self, thing: _Group | BrowserEntry | None, column: int) -> QModelIndex:
        if isinstance(thing, _Group):
            return self._group_index(thing, column) if self._is_shown(thing) else QModelIndex()
        return QModelIndex() if thing is None else self.form_index(thing.form_id, column)

    def _is_shown(self, group: _Group) -> bool:
        siblings = self._years if group.parent is None else group.parent.shown
        return group.row < len(siblings) and siblings[group.row] is group and (
            group.parent is None or self._is_shown(group.parent))

    # ------------------------------------------------------------ changes

    def rebuild(self, entries: list[BrowserEntry]) -> None:
        """Replace every row (a reset: the view reads back only what it shows)."""
        self.beginResetModel()
        self._all, self._groups, self._entries, self._units = [], {}, {}, {}
        for year, units in grouped(entries).items():
            year_group = self._new_group(year, None)
            self._all.append(year_group)
            for unit, forms in units.items():
                year_group.children.append(self._new_group(unit, year_group, forms))
        self._show()
        self.endResetModel()

    def update_entry(self, entry: BrowserEntry) -> None:
        """The form's new texts in its row, which stays in its year and unit; an
        unchanged entry announces nothing. During a search, a form that starts or
        stops matching shows or goes."""
        unit = self._units[entry.form_id]
        old = self._entries[entry.form_id]
        if old == entry:
            return
        self._entries[entry.form_id] = entry
        row = unit.rows.get(entry.form_id)
        if unit.shown is unit.children:   # no search: the shown row is the row
            unit.children[row] = entry
        else:
            unit.children[unit.children.index(old)] = entry
            if (row is not None) != self._matches(entry):
                self._refilter()
                return
            if row is not None:
                unit.shown[row] = entry
        if row is not None:
            self.dataChanged.emit(self.createIndex(row, 0, unit.number | FORM_BIT),
                                  self.createIndex(row, COLUMN_COUNT - 1,
                                                   unit.number | FORM_BIT))

    def insert_entry(self, entry: BrowserEntry) -> None:
        """One new form's row, in the store's order (newest year first, then unit, code,
        name), its year and unit rows made when they are new: the topmost new row is
        inserted with what hangs under it, no rebuild. During a search the rows are
        shown as the search decides."""
        year = next((group for group in self._all if group.key == entry.year), None)
        if year is None:
            self._insert_year(entry)
            return
        unit = next((group for group in year.children if group.key == entry.unit), None)
        if unit is None:
            self._insert_unit(year, entry)
            return
        row = bisect_right([_form_order(form) for form in unit.children], _form_order(entry))
        if self._query:
            unit.children.insert(row, entry)
            self._place(entry, unit)
            self._refilter()
            return
        self.beginInsertRows(self._group_index(unit), row, row)
        unit.children.insert(row, entry)
        unit.renumber()
        self._place(entry, unit)
        self.endInsertRows()

    def remove_entry(self, form_id: int) -> None:
        """A deleted form's row goes, and its unit and year rows when they are left empty
        (the topmost emptied row is removed with what hangs under it)."""
        unit = self._units.get(form_id)
        if unit is None:
            return
        year = unit.parent
        assert year is not None
        if len(unit.children) == 1:
            self._remove_group(year if len(year.children) == 1 else unit)
            return
        if self._query:
            unit.children.remove(self._entries[form_id])
            self._forget(form_id)
            self._refilter()
            return
        row = unit.rows[form_id]
        self.beginRemoveRows(self._group_index(unit), row, row)
        del unit.children[row]
        unit.renumber()
        self._forget(form_id)
        self.endRemoveRows()

    def _insert_year(self, entry: BrowserEntry) -> None:
        """Years stand newest first."""
        row = next((row for row, group in enumerate(self._all) if group.key < entry.year),
                   len(self._all))
        year = self._new_group(entry.year, None)
        year.children.append(self._new_group(entry.unit, year, [entry]))
        if self._query:
            self._all.insert(row, year)
            self._refilter()
            return
        self.beginInsertRows(QModelIndex(), row, row)
        self._all.insert(row, year)
        self._renumber_years()
        self.endInsertRows()

    def _insert_unit(self, year: _Group, entry: BrowserEntry) -> None:
        """Units stand in the store's order of their names."""
        row = next((row for row, group in enumerate(year.children) if group.key > entry.unit),
                   len(year.children))
        unit = self._new_group(entry.unit, year, [entry])
        if self._query:
            year.children.insert(row, unit)
            self._refilter()
            return
        self.beginInsertRows(self._group_index(year), row, row)
        year.children.insert(row, unit)
        year.renumber()
        self.endInsertRows()

    def _remove_group(self, group: _Group) -> None:
        siblings = self._all if group.parent is None else group.parent.children
        if self._query:
            siblings.remove(group)
            self._drop(group)
            self._refilter()
            return
        parent = QModelIndex() if group.parent is None else self._group_index(group.parent)
        self.beginRemoveRows(parent, group.row, group.row)
        del siblings[group.row]
        if group.parent is None:
            self._renumber_years()
        else:
            group.parent.renumber()
        self._drop(group)
        self.endRemoveRows()

    def _drop(self, group: _Group) -> None:
        """Forget a removed group, what hangs under it and their numbers."""
        for unit in (group.children if group.is_year else [group]):
            for entry in unit.children:
                self._forget(entry.form_id)
            self._groups.pop(unit.number, None)
        self._groups.pop(group.number, None)

    def _new_group(self, key: Any, parent: _Group | None,
                   forms: list[BrowserEntry] | None = None) -> _Group:
        group = _Group(next(self._numbers), key, parent, forms)
        self._groups[group.number] = group
        if forms is not None:
            group.renumber()
            for entry in forms:
                self._place(entry, group)
        return group

    def _renumber_years(self) -> None:
        for row, year in enumerate(self._years):
            year.row = row

    def _place(self, entry: BrowserEntry, unit: _Group) -> None:
        self._entries[entry.form_id] = entry
        self._units[entry.form_id] = unit

    def _forget(self, form_id: int) -> None:
        self._entries.pop(form_id, None)
        self._units.pop(form_id, None)

    def _group_index(self, group: _Group, column: int = 0) -> QModelIndex:
        return self.createIndex(group.row, column, group.number)

    # ------------------------------------------------------------ QAbstractItemModel

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if row < 0 or not 0 <= column < COLUMN_COUNT:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._years):
                return self.createIndex(row, column, self._years[row].number)
            return QModelIndex()
        number = parent.internalId()
        group = None if number & FORM_BIT else self._groups.get(number)
        if group is None or row >= len(group.shown):
            return QModelIndex()
        if group.is_year:
            return self.createIndex(row, column, group.shown[row].number)
        return self.createIndex(row, column, number | FORM_BIT)

    def parent(self, child: Index = QModelIndex()) -> Any:
        if not child.isValid():
            return QModelIndex()
        number = child.internalId()
        if number & FORM_BIT:
            unit = self._groups.get(number ^ FORM_BIT)
            return QModelIndex() if unit is None else self._group_index(unit)
        group = self._groups.get(number)
        if group is None or group.parent is None:
            return QModelIndex()
        return self._group_index(group.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._years)
        number = parent.internalId()
        if number & FORM_BIT or parent.column() != 0:
            return 0
        group = self._groups.get(number)
        return 0 if group is None else len(group.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return COLUMN_COUNT

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        """Asked of every row the view lays out: a form row answers at once."""
        if parent.isValid() and parent.internalId() & FORM_BIT:
            return False
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == DISPLAY:
            return self._texts["headers"][section]
        if role == ALIGNMENT:
            return COLUMN_ALIGNMENTS[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        number = index.internalId()
        if number & FORM_BIT:
            unit = self._groups.get(number ^ FORM_BIT)
            if unit is None:
                return None
            return self._form_data(unit.shown[index.row()], index.column(), role)
        group = self._groups.get(number)
        return None if group is None else self._group_data(group, index.column(), role)

    def _form_data(self, entry: BrowserEntry, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self._cell_texts[column](entry)
        if role == ALIGNMENT:
            return COLUMN_ALIGNMENTS[column]
        if role == FOREGROUND:
            return self._problem if entry.findings and column in PROBLEM_COLUMNS else None
        if role == FORM_ID:
            return entry.form_id
        if role == TOOLTIP and column in TOOLTIP_COLUMNS:
            return self._cell_texts[column](entry)
        return None

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        """A year or unit says itself in the first cell; the others stay empty."""
        if column != NAME_COLUMN:
            return None
        if role in (DISPLAY, TOOLTIP):
            return self.year_text(group.key) if group.is_year else self.unit_text(group.key)
        if role == FONT and group.is_year:
            return self._bold
        if role == GROUP_KEY:
            return group.group_key
        if role == KEY:
            return group.key
        return None
