"""Side by side: this year's form against an earlier year's, indicators aligned by
一级 / 二级 / name, what changed highlighted, both years' funds and totals above."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QHeaderView, QLabel, QVBoxLayout, QWidget

from desktop.forms import KIND_TITLES
from desktop.presenters.compare_table import CompareTable, totals_line
from desktop.ui.cell_model import CellTableModel
from desktop.ui.sheet import SheetView
from desktop.years.compare import compare

WIDEST = 180
"""Pixels a column may take before its texts wrap."""
WIDTH, HEIGHT = 1340, 720
"""Both years of every column side by side, within a 1366 × 768 laptop screen."""


class CompareDialog(QDialog):
    def __init__(self, store, current_id: int, earlier_ids: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.current_id = store, current_id
        self.setWindowTitle(self.tr("Compare with an earlier year"))
        self.choice = QComboBox()
        for form_id in earlier_ids:
            summary = store.summary(form_id)
            self.choice.addItem(f"{summary.year} 年 {KIND_TITLES[summary.kind]}", form_id)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.summary = QLabel()
        self.view = SheetView()
        self.view.setObjectName("comparison")
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.totals)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.choice.currentIndexChanged.connect(self.show_comparison)
        self.resize(WIDTH, HEIGHT)
        self.show_comparison()

    def show_comparison(self) -> None:
        earlier_id = self.choice.currentData()
        if earlier_id is None:
            return
        forms = self.store.load_forms([self.current_id, earlier_id])
        self.comparison = compare(forms[self.current_id], forms[earlier_id])
        self.table = CompareTable(self.comparison)
        self.model = CellTableModel(self.table, self.table.commit, self.table.header,
                                    self.table.row_label, self)
        self.view.setModel(self.model)
        self._fit_columns()
        self.totals.setText(totals_line(self.comparison))
        self.summary.setText(self.comparison.summary_line())

    def _fit_columns(self) -> None:
        """Each column as wide as its texts but at most WIDEST, the longer texts wrapped
        onto taller rows: two years of five fields must fit side by side."""
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), WIDEST))
        self.view.resizeRowsToContents()
