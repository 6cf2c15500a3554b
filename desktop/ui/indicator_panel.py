"""The indicator grid with its actions: insert, delete and move rows, 均分权重, paste
from Excel, and taking the date an Excel serial stands for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QVBoxLayout, QWidget

from desktop.editing.service import Step
from desktop.presenters import grid_actions
from desktop.presenters.grid import IndicatorGrid, RowKind
from desktop.presenters.session import FormSession
from desktop.ui.cell_model import CellTableModel
from desktop.ui.delegates import GridDelegate
from desktop.ui.form_parts import block_label
from desktop.ui.sheet import SheetView

WIDTHS = {"level1": 112, "level2": 100, "name": 210, "target": 100, "unit": 64,
          "actual": 100, "weight": 60, "score": 64, "deviation": 176, "explanation": 280}
STRETCH = "name"   # the column that gives way when the window narrows


class IndicatorPanel(QWidget):
    step_done = Signal(object)
    refused = Signal(str)

    def __init__(self, session: FormSession, title: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.grid = IndicatorGrid(session)
        self.model = CellTableModel(self.grid, self._commit, self.grid.header,
                                    self._row_label, self)
        self.view = SheetView(self)
        self.view.setObjectName("indicator-grid")
        self.view.setModel(self.model)
        self.view.setItemDelegate(GridDelegate(self.grid, self.view))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.paste_requested.connect(self._paste)
        self.view.fill_down_requested.connect(self._fill_down)
        self.view.append_row = self._append_row
        self.model.step_done.connect(self.step_done)
        self.model.refused.connect(self.refused)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if title:
            layout.addWidget(block_label(title))
        layout.addWidget(self.view)
        self._size_columns()

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        for column in range(self.grid.column_count()):
            header.resizeSection(column, WIDTHS.get(self.grid.field(column), 100))
        stretch = self.grid.column_of(STRETCH)
        header.setMinimumSectionSize(48)
        if stretch is not None and self.grid.column_count() > 4:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(self.grid.column_count() - 1,
                                        QHeaderView.ResizeMode.Stretch)

    def _row_label(self, row: int) -> str:
        index = self.grid.indicator_at(row)
        return "" if index is None else str(index + 1)

    def _commit(self, row: int, column: int, text: str) -> Step | None:
        return grid_actions.commit_cell(self.grid, row, column, text)

    def refresh(self) -> None:
        """After any step on the form: recompute rows and marks, then repaint."""
        structure_changed = self.grid.rebuild()
        current = self.view.currentIndex()
        self.model.refresh(structure_changed, self._rows_on_screen())
        if structure_changed and current.isValid():
            self.view.setCurrentIndex(self.model.index(
                min(current.row(), self.model.rowCount() - 1), current.column()))

    def _rows_on_screen(self) -> range:
        rows = self.model.rowCount()
        first = self.view.rowAt(0)
        last = self.view.rowAt(self.view.viewport().height() - 1)
        if first < 0:
            return range(0, rows)
        return range(first, (last if last >= 0 else rows - 1) + 1)

    def select_finding(self, row: int, field: str) -> bool:
        place = self.grid.cell_of_finding(row if row >= 0 else None, field)
        if place is None:
            return False
        index = self.model.index(*place)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()
        return True

    # ------------------------------------------------------------ actions

    def run(self, action: Callable[[], Step | None]) -> None:
        self.model.run(action)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else self.grid.row_count() - 1

    def insert_row(self) -> None:
        self.run(lambda: grid_actions.insert_row(self.grid, self.current_row()))

    def remove_rows(self) -> None:
        rows = sorted({index.row() for index in self.view.selectedIndexes()}) or \
            [self.current_row()]
        self.run(lambda: grid_actions.remove_rows(self.grid, rows))

    def move_row(self, delta: int) -> None:
        row, column = self.current_row(), max(self.view.currentIndex().column(), 0)
        steps: list[Step] = []
        self.run(lambda: _kept(steps, grid_actions.move_row(self.grid, row, delta)))
        if steps:
            moved_to = self.grid.display_row(steps[0].forward[0].destination)
            if moved_to is not None:
                self.view.setCurrentIndex(self.model.index(moved_to, column))

    def spread_weights(self) -> None:
        row = self.current_row()
        if 0 <= row < self.grid.row_count():
            level1 = self.grid.rows[row].level1
            self.run(lambda: grid_actions.spread_weights(self.grid, level1))

    def accept_date(self) -> None:
        row = self.current_row()
        self.run(lambda: grid_actions.accept_date(self.grid, row))

    def _paste(self, row: int, column: int, text: str) -> None:
        block = grid_actions.parse_clipboard(text)
        if self.model.run(lambda: grid_actions.paste(self.grid, row, column, block)):
            self.view.select_cells(grid_actions.pasted_cells(self.grid, row, column, block))
        else:
            self.view.show_note(self.model.index(row, column), self.model.last_refusal)

    def _fill_down(self, rows: list[int], columns: list[int]) -> None:
        if not self.model.run(lambda: grid_actions.fill_down(self.grid, rows, columns)):
            self.view.show_note(self.view.currentIndex(), self.model.last_refusal)

    def _append_row(self, row: int) -> bool:
        """Enter below the last indicator row: a new row in the same 一级 and 二级."""
        if self.grid.indicator_at(row) is None:
            return False
        return self.model.run(lambda: grid_actions.insert_row(self.grid, row))

    def _context_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        row = self.view.indexAt(point).row()
        if row >= 0:
            self.view.setCurrentIndex(self.view.indexAt(point))
        self._add(menu, self.tr("Insert row below"), self.insert_row)
        self._add(menu, self.tr("Delete rows"), self.remove_rows)
        self._add(menu, self.tr("Move up"), lambda: self.move_row(-1))
        self._add(menu, self.tr("Move down"), lambda: self.move_row(1))
        if self.session.scored and row >= 0 and self.grid.rows[row].kind is not RowKind.TOTAL:
            self._add(menu, self.tr("Spread weights evenly"), self.spread_weights)
        offer = grid_actions.date_offer(self.grid, row) if row >= 0 else None
        if offer is not None:
            self._add(menu, self.tr("Use the date %1").replace("%1", offer.isoformat()),
                      self.accept_date)
        menu.addSeparator()
        self._add(menu, self.tr("Copy"), self.view.copy_selection)
        self._add(menu, self.tr("Paste"), self.view.paste_clipboard)
        menu.exec(self.view.viewport().mapToGlobal(point))

    def _add(self, menu: QMenu, text: str, slot: Callable[[], None]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action


def _kept(kept: list[Step], step: Step | None) -> Step | None:
    """Pass a step through while keeping it, to follow the moved row."""
    if step is not None:
        kept.append(step)
    return step
