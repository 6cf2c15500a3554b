"""A small fixed table (the funds block, the task budget) edited in place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMenu, QSizePolicy, QVBoxLayout, QWidget

from desktop.editing.service import Step
from desktop.ui.cell_model import CellSource, CellTableModel
from desktop.ui.sheet import SheetView


class TablePanel(QWidget):
    step_done = Signal(object)
    refused = Signal(str)

    def __init__(self, source: CellSource, commit: Callable[[int, int, str], Step | None],
                 headers: Callable[[int], str], row_labels: Callable[[int], str],
                 name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CellTableModel(source, commit, headers, row_labels, self)
        self.view = SheetView(self)
        self.view.setObjectName(name)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setWordWrap(False)   # long texts are elided; the tooltip shows them whole
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.view.paste_requested.connect(self._paste)
        self.view.fill_down_requested.connect(self._fill_down)
        self.model.step_done.connect(self.step_done)
        self.model.refused.connect(self.refused)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.refresh()

    def refresh(self, structure_changed: bool = False) -> None:
        # The table is a few rows: every row counts as on screen, so only the cells
        # an edit changed are repainted (the rest of the block stays as it is).
        self.model.refresh(structure_changed, None if structure_changed
                           else range(self.model.rowCount()))
        rows = self.model.rowCount() * self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(self.view.horizontalHeader().sizeHint().height() + rows
                                 + 2 * self.view.frameWidth())

    def add_row_actions(self, insert: Callable[[int], Step | None],
                        remove: Callable[[int], Step | None], insert_text: str,
                        remove_text: str) -> None:
        """A context menu that inserts and deletes rows of a growable table."""
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        def menu(point: QPoint) -> None:
            row = self.view.indexAt(point).row()
            if row < 0:
                row = self.model.rowCount() - 1
            popup = QMenu(self)
            popup.addAction(insert_text).triggered.connect(
                lambda: self.model.run(lambda: insert(row)))
            popup.addAction(remove_text).triggered.connect(
                lambda: self.model.run(lambda: remove(row)))
            popup.exec(self.view.viewport().mapToGlobal(point))

        self.view.customContextMenuRequested.connect(menu)

    def _paste(self, row: int, column: int, text: str) -> None:
        """A single value pasted into one cell; blocks belong to the indicator grid."""
        value = text.strip().split("\t")[0].split("\n")[0]
        self._set(row, column, value)

    def _fill_down(self, rows: list[int], columns: list[int]) -> None:
        """Ctrl+D: the top selected cell of each column into the editable cells below it."""
        if len(rows) == 1:
            rows = [rows[0] - 1, rows[0]]
        for column in columns:
            source = self.model.index(rows[0], column)
            if not self.view.is_editable(source):
                continue   # a computed total is not copied over the clerk's figures
            value = str(source.data(Qt.ItemDataRole.EditRole) or "")
            for row in rows[1:]:
                if self.view.is_editable(self.model.index(row, column)) \
                        and not self._set(row, column, value):
                    return

    def _set(self, row: int, column: int, value: str) -> bool:
        index = self.model.index(row, column)
        if self.model.setData(index, value):
            return True
        self.view.show_note(index, self.model.last_refusal)
        return False
