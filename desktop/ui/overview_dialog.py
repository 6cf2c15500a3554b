"""Unit overview: every form of a unit and year in one sortable table with total, grade,
execution rate and findings, exportable to xlsx."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.years.overview import COLUMN_TITLES, COLUMNS, OverviewRow, sort_rows, unit_overview

NUMERIC = frozenset({"total", "rate", "findings"})
Index = QModelIndex | QPersistentModelIndex


class OverviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[OverviewRow] = []

    def set_rows(self, rows: list[OverviewRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()].text(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return COLUMN_TITLES[COLUMNS[section]]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Grades rank 优 > 良 > 中 > 差; target forms (no total) stay last either way."""
        self.layoutAboutToBeChanged.emit()
        self.rows = sort_rows(self.rows, COLUMNS[column],
                              descending=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class OverviewDialog(QDialog):
    open_requested = Signal(int)

    def __init__(self, store, year: int | None = None, unit: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Unit overview"))
        self.year, self.unit = QComboBox(), QComboBox()
        for known in store.years():
            self.year.addItem(str(known), known)
        self.model = OverviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(
            lambda index: self.open_requested.emit(self.model.rows[index.row()].form_id))
        self.export_button = QPushButton(self.tr("Export to xlsx…"))
        self.export_button.clicked.connect(lambda: self.export())
        top = QHBoxLayout()
        for widget in (self.year, self.unit, self.export_button):
            top.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.year.currentIndexChanged.connect(self._fill_units)
        self.unit.currentIndexChanged.connect(self.load)
        if year is not None:
            self.year.setCurrentIndex(max(0, self.year.findData(year)))
        self._fill_units(unit)
        self.resize(1000, 560)

    def _fill_units(self, unit: object = None) -> None:
        self.unit.blockSignals(True)
        self.unit.clear()
        if self.year.currentData() is not None:
            self.unit.addItems(self.store.units(self.year.currentData()))
        if isinstance(unit, str) and self.unit.findText(unit) >= 0:
            self.unit.setCurrentText(unit)
        self.unit.blockSignals(False)
        self.load()

    def load(self) -> None:
        year, unit = self.year.currentData(), self.unit.currentText()
        self.model.set_rows(unit_overview(self.store, year, unit) if year is not None else [])
        self.view.sortByColumn(COLUMNS.index("total"), Qt.SortOrder.DescendingOrder)
        self.view.resizeColumnsToContents()

    def export(self, target: str | None = None) -> bool:
        from desktop.years.overview_xlsx import export_overview_xlsx, overview_title
        year, unit = self.year.currentData(), self.unit.currentText()
        if target is None:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Export to xlsx"),
                                                    f"{year}-{unit}.xlsx", "Excel (*.xlsx)")
        if not target:
            return False
        try:
            export_overview_xlsx(self.model.rows, target, overview_title(year, unit))
        except OSError as error:
            QMessageBox.warning(self, self.tr("Export to xlsx"), f"{target}：{error.strerror}")
            return False
        return True
