"""One Qt table model for every grid of cells a presenter describes.

The model only forwards: the presenter (IndicatorGrid, FundsTable, TaskTable) knows the
rows, the cells and what an edit means; the model turns its Cells into Qt roles and
its edits into steps for the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from db.records import StoreError
from desktop.editing.errors import EditError
from desktop.editing.service import Step
from desktop.presenters.grid import Cell

GREY = QColor("#eceff1")          # the official template's "system fills this" grey
GREY_TEXT = QColor("#37474f")
PROBLEM = QColor("#fde0dc")
OVERRIDDEN = QColor("#fff3cd")

Index = QModelIndex | QPersistentModelIndex
LOCKED_ROLE = Qt.ItemDataRole.UserRole + 1    # why a read-only cell cannot be changed
NUMERIC_ROLE = Qt.ItemDataRole.UserRole + 2   # the cell holds a number (status-bar sum)


class CellSource(Protocol):
    def row_count(self) -> int: ...
    def column_count(self) -> int: ...
    def cell(self, row: int, column: int) -> Cell: ...
    def edit_value(self, row: int, column: int) -> str: ...


class CellTableModel(QAbstractTableModel):
    """`step_done` carries each accepted edit's Step; `refused` the one-line reason."""

    step_done = Signal(object)
    refused = Signal(str)

    def __init__(self, source: CellSource, commit: Callable[[int, int, str], Step | None],
                 headers: Callable[[int], str], row_labels: Callable[[int], str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source
        self._commit = commit
        self._headers = headers
        self._row_labels = row_labels
        self._cells: dict[tuple[int, int], Cell] = {}
        self._values: dict[tuple[int, int, int], Any] = {}
        self.last_refusal = ""   # the reason the last edit was refused, for the cell's note
        self.refused.connect(self._remember_refusal)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.source.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.source.column_count()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.EditRole:
            return self.source.edit_value(index.row(), index.column())
        key = (index.row(), index.column(), role)
        if key not in self._values:   # every paint asks every cell for every role
            self._values[key] = _role(self.cell(index.row(), index.column()), role)
        return self._values[key]

    def cell(self, row: int, column: int) -> Cell:
        """The presenter's cell, kept until the next refresh: a view asks for a cell's
        text, colours, font, alignment and flags separately, on every paint."""
        key = (row, column)
        cell = self._cells.get(key)
        if cell is None:
            cell = self._cells[key] = self.source.cell(row, column)
        return cell

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell(index.row(), index.column()).editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers(section) if 0 <= section < self.columnCount() else None
        if self._row_labels is not None and 0 <= section < self.rowCount():
            return self._row_labels(section)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.run(lambda: self._commit(index.row(), index.column(), str(value)))

    def run(self, action: Callable[[], Step | None]) -> bool:
        self.last_refusal = ""
        return run_announced(action, self.step_done, self.refused)

    def _remember_refusal(self, message: str) -> None:
        self.last_refusal = message

    def refresh(self, structure_changed: bool, shown: range | None = None) -> None:
        """After any step: new rows → reset; otherwise dataChanged, which keeps the open
        editor, the selection and the scroll position. Given the rows on screen, only
        their cells that changed are announced: the view repaints those and nothing else
        (an edit on a 300-row form changes a handful of cells); rows off screen are read
        afresh when scrolled to."""
        before = self._cells
        self._cells, self._values = {}, {}
        if structure_changed:
            self.beginResetModel()
            self.endResetModel()
        elif shown is not None:
            self._announce_changes(before, shown)
            return
        elif self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(0, self.rowCount() - 1))

    def _announce_changes(self, before: dict[tuple[int, int], Cell], shown: range) -> None:
        for row in shown:
            for column in range(self.columnCount()):
                if before.get((row, column)) != self.cell(row, column):
                    index = self.index(row, column)
                    self.dataChanged.emit(index, index)


def run_announced(action: Callable[[], Step | None], step_done: Any, refused: Any) -> bool:
    """Run an edit; emit its step for the undo stack, or the one-line reason it was
    refused. Every widget that edits a form goes through here."""
    try:
        step = action()
    except (EditError, StoreError) as error:   # a refused value; a read-only store
        refused.emit(str(error))
        return False
    if step is not None:
        step_done.emit(step)
    return True


def _role(cell: Cell, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return cell.text
    if role == Qt.ItemDataRole.ToolTipRole:
        return "\n".join(part for part in (cell.problem, cell.hint) if part) or None
    if role == Qt.ItemDataRole.BackgroundRole:
        color = PROBLEM if cell.problem else OVERRIDDEN if cell.overridden else \
            GREY if cell.computed else None
        return QBrush(color) if color is not None else None
    if role == Qt.ItemDataRole.ForegroundRole and cell.computed:
        return QBrush(GREY_TEXT)
    if role == Qt.ItemDataRole.FontRole and (cell.overridden or (cell.computed and cell.numeric)):
        font = QFont()
        font.setBold(True)
        return font
    if role == LOCKED_ROLE:
        return cell.locked
    if role == NUMERIC_ROLE:
        return cell.numeric
    if role == Qt.ItemDataRole.TextAlignmentRole:
        horizontal = Qt.AlignmentFlag.AlignRight if cell.numeric else Qt.AlignmentFlag.AlignLeft
        return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
    return None
