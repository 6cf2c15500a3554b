"""The import preview: every sheet of the chosen files in a table before anything is
written, with what importing will do with each. The clerk unticks sheets, gives the
year a workbook lacks (once per file) or the project code Excel cut, then imports the
ticked sheets or cancels. The rows and choices live in `desktop.presenters.import_plan`.
A sheet in a layout the app does not know can be taught from here (学习此表样…,
`desktop.ui.layout_mapping`); its file is then read again with the new layout.
"""

from __future__ import annotations

import json
from datetime import date
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMenu,
    QSpinBox, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget,
)

from desktop.layouts import layout_names, load_layout
from desktop.presenters.import_plan import Action, ImportPlan, PlanRow
from desktop.presenters.layout_mapping import Teachable
from desktop.ui import i18n
from desktop.ui.form_parts import ok_cancel

if TYPE_CHECKING:
    from desktop.template.grid import Grid
    from desktop.template.learn import Proposal

Index = QModelIndex | QPersistentModelIndex
YEARS_KEY = "import/years"
KEPT_FOLDERS = 30
REFUSED_COLOUR = QColor("#b3261e")
NEEDS_COLOUR = QColor("#8a5300")
PASSED_COLOUR = QColor("#6b6b6b")


class Column(IntEnum):
    FILE = 0
    SHEET = 1      # carries the check box
    KIND = 2
    LAYOUT = 3
    YEAR = 4       # editable where the workbook has no year
    CODE = 5       # editable where Excel cut the code
    PROJECT = 6
    INDICATORS = 7
    ACTION = 8


# ---------------------------------------------------------------- the year per folder


def remembered_years() -> dict[str, int]:
    """Folder → the year last given for a workbook there (clerks keep a year per folder)."""
    try:
        saved = json.loads(str(i18n.settings().value(YEARS_KEY, "{}")))
        return {str(folder): int(year) for folder, year in saved.items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def remember_years(years: dict[str, int]) -> None:
    """Keep the most recent folders only: the setting must not grow without end."""
    kept = dict(list(years.items())[-KEPT_FOLDERS:])
    i18n.settings().setValue(YEARS_KEY, json.dumps(kept, ensure_ascii=False))


# ---------------------------------------------------------------- the model


class ImportPlanModel(QAbstractTableModel):
    """The plan's rows as a table; every text shown is said here, through `tr`."""

    changed = Signal()   # a tick, a year or a code changed what will be imported
    read = Signal()      # a file was read again with what the clerk gave

    def __init__(self, plan: ImportPlan, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.refresh_layouts()

    def refresh_layouts(self) -> None:
        """The layouts' descriptions for the tooltips, again after one was taught."""
        self._layouts = {name: load_layout(name) for name in layout_names()}

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.plan.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("File"), self.tr("Sheet"), self.tr("Kind"), self.tr("Layout"),
                self.tr("Year"), self.tr("Project code"), self.tr("Project"),
                self.tr("Indicators"), self.tr("What will happen")][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        row = self.plan.rows[index.row()]
        if index.column() == Column.SHEET and row.checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if (index.column() == Column.YEAR and row.year_editable) or \
                (index.column() == Column.CODE and row.code_editable):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.plan.rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(index.row(), column)
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.SHEET and row.checkable:
            return Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.YEAR, Column.INDICATORS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # ------------------------------------------------------------ texts

    def text(self, index: int, column: Column) -> str:
        row = self.plan.rows[index]
        form = row.form
        if column == Column.FILE:   # once per file: the rows below are its sheets
            first = index == 0 or self.plan.rows[index - 1].path != row.path
            return row.path.name if first else ""
        values = {Column.SHEET: row.sheet, Column.KIND: row.kind,
                  Column.LAYOUT: row.planned.reading.layout,
                  Column.YEAR: str(form.year) if form else "",
                  Column.CODE: form.code if form else "",
                  Column.PROJECT: form.name if form else "",
                  Column.INDICATORS: str(len(form.indicators)) if form else "",
                  Column.ACTION: self.action_text(row)}
        return values[column]

    def action_text(self, row: PlanRow) -> str:
        """导入 / 已在库中 / 拒绝：… / 跳过：… / 暂不支持（…）, and what the clerk can supply."""
        action, detail = row.action, row.detail
        if action is Action.REPLACE:
            return self.tr("Already stored: will be replaced") if row.ticked \
                else self.tr("Already stored")
        texts = {Action.IMPORT: self.tr("Import"),
                 Action.NEEDS_YEAR: self.tr("No year: type the budget year in the Year column"),
                 Action.NEEDS_CODE: self.tr("Code cut by Excel: type the full project code"),
                 Action.REFUSED: self.tr("Refused: %1"),
                 Action.SKIPPED: self.tr("Skipped: %1"),
                 Action.UNSUPPORTED: self.tr("Not supported yet (%1)")}
        return texts[action].replace("%1", detail)

    def _tooltip(self, index: int, column: Column) -> str | None:
        """The whole line of a refusal, the file's path, the layout's description; any
        other cell its own text, which a narrow column may cut."""
        row = self.plan.rows[index]
        if column == Column.FILE:
            return str(row.path)
        if column == Column.LAYOUT and row.planned.reading.layout in self._layouts:
            return self._layouts[row.planned.reading.layout].description
        if column == Column.ACTION and row.action is Action.REPLACE:
            return self.tr("The store already holds this form. Tick it to replace the "
                           "stored form with this sheet.")
        if column == Column.ACTION and row.planned.reading.message:
            return row.planned.reading.message
        return self.text(index, column) or None

    @staticmethod
    def _colour(row: PlanRow) -> QBrush | None:
        colours = {Action.REFUSED: REFUSED_COLOUR, Action.NEEDS_YEAR: NEEDS_COLOUR,
                   Action.NEEDS_CODE: NEEDS_COLOUR, Action.SKIPPED: PASSED_COLOUR,
                   Action.UNSUPPORTED: PASSED_COLOUR}
        colour = colours.get(row.action)
        return QBrush(colour) if colour is not None else None

    def _edit_value(self, index: int, column: Column) -> Any:
        row = self.plan.rows[index]
        if column == Column.YEAR:
            return row.form.year if row.form else self.plan.suggested_year(row.path)
        if column == Column.CODE:
            return row.form.code if row.form else ""
        return self.text(index, column)

    # ------------------------------------------------------------ choices

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, column = self.plan.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.SHEET:
            return self.set_ticked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == Column.YEAR and row.year_editable and value:
            self.plan.give_year(row.path, int(value))
        elif column == Column.CODE and row.code_editable:
            self.plan.give_code(row.path, row.sheet, str(value or ""))
        else:
            return False
        self.read_again(row.path)
        return True

    def set_ticked(self, index: int, ticked: bool) -> bool:
        if not self.plan.set_ticked(index, ticked):
            return False
        self.dataChanged.emit(self.index(index, 0), self.index(index, len(Column) - 1))
        self.changed.emit()
        return True

    def read_again(self, path: Path) -> None:
        """Re-read one file with what the clerk gave; its rows update in place."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rows = self.plan.read_again(path)
        finally:
            QApplication.restoreOverrideCursor()
        start, count = self.plan.span(path)
        if len(rows) == count:
            self.plan.replace_file(path, rows)
            self.dataChanged.emit(self.index(start, 0),
                                  self.index(start + count - 1, len(Column) - 1))
        else:   # the file changed on disk since it was first read
            self.beginResetModel()
            self.plan.replace_file(path, rows)
            self.endResetModel()
        self.changed.emit()
        self.read.emit()


# ---------------------------------------------------------------- the view


class YearDelegate(QStyledItemDelegate):
    """A year box of plausible years that opens on the suggested year (the view selects
    it all, so typing replaces it)."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(1990, 2100)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(int(value) if value else date.today().year)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class PlanView(QTableView):
    """Tab leaves the table for the buttons; Space ticks or unticks the current row
    whichever of its cells has the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setItemDelegateForColumn(Column.YEAR, YearDelegate(self))
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        model = self.model()
        if event.key() == Qt.Key.Key_Space and current.isValid() \
                and isinstance(model, ImportPlanModel):
            row = model.plan.rows[current.row()]
            if row.checkable:
                model.set_ticked(current.row(), not row.ticked)
            event.accept()
            return
        super().keyPressEvent(event)


# ---------------------------------------------------------------- the dialog


class ImportPreviewDialog(QDialog):
    """What the chosen files hold and what importing will do; writes nothing itself."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import forms"))
        self.plan = plan
        self.model = ImportPlanModel(plan, self)
        self.view = PlanView()
        self.view.setModel(self.model)
        self.intro = QLabel(self.tr(
            "Tick the sheets to import. A sheet without a year or with a project code "
            "cut by Excel can be imported once you type it in the table (double-click "
            "or F2). Nothing is written before you press Import."))
        self.intro.setWordWrap(True)
        self.counts = QLabel()
        self.buttons = ok_cancel(self)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.teachable = Teachable()
        self.mapping_dialog: QDialog | None = None
        self.teach_button = self.buttons.addButton(self.tr("&Teach this layout…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.teach_button.setEnabled(False)     # until the current row can teach one
        self.teach_button.clicked.connect(self.teach)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.view, self.counts, self.buttons):
            layout.addWidget(widget)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for first, second in ((self.view, self.import_button),
                              (self.import_button, self.teach_button), (self.teach_button, cancel)):
            QWidget.setTabOrder(first, second)   # from the table, Tab reaches Import first
        self.model.changed.connect(self._show_counts)
        self.view.selectionModel().currentRowChanged.connect(self._update_teach)
        self.model.modelReset.connect(self._update_teach)
        self.model.read.connect(self._fit_columns)   # a re-read fills year, code, project
        self._fit_columns()
        self.resize(min(1280, 360 + sum(self.view.columnWidth(c) for c in list(Column)[:-1])),
                    min(640, 200 + 30 * len(self.plan.rows)))
        self._show_counts()
        self._start_on_first_question()

    def _fit_columns(self) -> None:
        """Columns fitted to what they show, the long texts capped (tooltips hold them)."""
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.resizeColumnsToContents()
        for column, widest in ((Column.FILE, 200), (Column.SHEET, 300), (Column.KIND, 220),
                               (Column.PROJECT, 260)):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), widest))
        header.setStretchLastSection(True)

    def _start_on_first_question(self) -> None:
        """The cursor on the first cell the clerk must fill, else on the first sheet."""
        rows = self.plan.rows
        column = Column.SHEET
        first = next((i for i, row in enumerate(rows)
                      if row.action in (Action.NEEDS_YEAR, Action.NEEDS_CODE)), 0)
        if rows and rows[first].action is Action.NEEDS_YEAR:
            column = Column.YEAR
        elif rows and rows[first].action is Action.NEEDS_CODE:
            column = Column.CODE
        if rows:
            self.view.setCurrentIndex(self.model.index(first, column))
        self.view.setFocus()

    def _show_counts(self) -> None:
        ticked = len(self.plan.chosen())
        self.counts.setText(self.tr("%1 sheets in %2 files; %3 ticked to import.")
                            .replace("%1", str(len(self.plan.rows)))
                            .replace("%2", str(len(self.plan.files())))
                            .replace("%3", str(ticked)))
        self.import_button.setEnabled(ticked > 0)

    # ------------------------------------------------------------ teaching a layout

    def teachable_sheet(self) -> tuple[Grid, Proposal] | None:
        """The current row's sheet and a proposal for it, when the row was skipped or
        refused and the sheet shows an indicator header to map."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        row = self.plan.rows[index.row()]
        if row.action not in (Action.SKIPPED, Action.REFUSED):
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.teachable.find(row.path, row.sheet)
        finally:
            QApplication.restoreOverrideCursor()

    def _update_teach(self) -> None:
        self.teach_button.setEnabled(self.teachable_sheet() is not None)

    def row_menu(self) -> QMenu:
        """The current row's context menu (deleted once closed)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = menu.addAction(self.tr("&Teach this layout…"))
        action.triggered.connect(self.teach)
        action.setEnabled(self.teach_button.isEnabled())
        return menu

    def _context_menu(self, position: QPoint) -> None:
        self.row_menu().popup(self.view.viewport().mapToGlobal(position))

    def teach(self) -> None:
        """The mapping dialog for the current sheet (window-modal); once it saved the
        layout, the sheet's file is read again and shows what the layout reads."""
        from desktop.ui.layout_mapping import LayoutMappingDialog
        found = self.teachable_sheet()
        if found is None:
            return
        path = self.plan.rows[self.view.currentIndex().row()].path
        dialog = LayoutMappingDialog(*found, self)
        dialog.accepted.connect(lambda: self._taught(path, found[0].name))
        dialog.finished.connect(dialog.deleteLater)
        self.mapping_dialog = dialog
        dialog.open()

    def _taught(self, path: Path, sheet: str) -> None:
        """Read the file again; the cursor on the taught sheet (a file refused whole
        now shows each of its sheets)."""
        self.teachable.forget(path)
        self.model.refresh_layouts()
        self.model.read_again(path)
        start, count = self.plan.span(path)
        rows = range(start, start + count)
        current = next((i for i in rows if self.plan.rows[i].sheet == sheet), start)
        if count:
            self.view.setCurrentIndex(self.model.index(current, Column.SHEET))
        self._update_teach()
        self.view.setFocus()
