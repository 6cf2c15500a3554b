"""The import plan as a Qt table: one row per sheet, what importing does with it, and
the clerk's ticks, years and codes written back to the plan (`desktop.presenters.
import_plan`), whose file is then read again."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication

from desktop.layouts import layout_names, load_layout
from desktop.presenters.import_plan import Action, ImportPlan, PlanRow

Index = QModelIndex | QPersistentModelIndex
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
                  Column.LAYOUT: self._layout_text(row.planned.reading.layout),
                  Column.YEAR: str(form.year) if form else "",
                  Column.CODE: form.code if form else "",
                  Column.PROJECT: form.name if form else "",
                  Column.INDICATORS: str(len(form.indicators)) if form else "",
                  Column.ACTION: self.action_text(row)}
        return values[column]

    def _layout_text(self, name: str) -> str:
        """A shipped layout by its name; one the clerk taught by what the clerk called it."""
        layout = self._layouts.get(name)
        return layout.description if layout is not None and layout.raw.get("learned") else name

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
