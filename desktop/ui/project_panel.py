"""本项目历年: the open form's project in every year, its trend, and the two things a
clerk does with a past year — compare with it, or start a new year from it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import KIND_TITLES, FormKind
from desktop.money import format2
from desktop.ui.form_parts import ok_cancel
from desktop.ui.i18n import Retranslates
from desktop.ui.trend_chart import TrendChart
from desktop.years.trends import TrendPoint, project_trend

FORM_ID = Qt.ItemDataRole.UserRole + 1



class ProjectPanel(Retranslates, QWidget):
    """`open_requested(form_id)`, `compare_requested(form_id)`, `carry_requested(form_id)`."""

    open_requested = Signal(int)
    compare_requested = Signal(int)
    carry_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form_id: int | None = None
        self.model = QStandardItemModel(0, 4, self)
        self.points: dict[int, TrendPoint] = {}   # the trend's points by form
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(lambda index: self.open_requested.emit(index.data(FORM_ID)))
        self.chart = TrendChart()
        self.compare_button = QPushButton()
        self.carry_button = QPushButton()
        self.compare_button.clicked.connect(self.compare_selected)
        self.carry_button.clicked.connect(lambda: self.form_id and self.carry_requested.emit(self.form_id))
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.carry_button)
        left = QVBoxLayout()
        left.addWidget(self.view)
        left.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(left, 3)
        layout.addWidget(self.chart, 2)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Form"), self.tr("Total"), self.tr("Grade")])
        self.compare_button.setText(self.tr("Compare with selected year…"))
        self.carry_button.setText(self.tr("New year from this form…"))

    def show_project(self, store, form_id: int | None) -> None:
        """List the project's forms of every year and draw its trend."""
        self.form_id = form_id
        self.model.removeRows(0, self.model.rowCount())
        self.points = {}
        if form_id is None:
            self.chart.set_points([])
            return
        totals = {point.form_id: point for point in project_trend(store, form_id)}
        self.points = totals
        for summary in store.forms_of_project(form_id):
            point = totals.get(summary.id)
            cells = [str(summary.year), KIND_TITLES[summary.kind],
                     format2(point.total) if point else "—", point.grade if point else "—"]
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setData(summary.id, FORM_ID)
                if summary.id == form_id:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
            self.model.appendRow(items)
        self.chart.set_points(sorted(totals.values(), key=lambda p: p.year))
        self.compare_button.setEnabled(self.model.rowCount() > 1)

    def update_figures(self, form_id: int, total: Decimal, rate: Decimal, grade: str) -> None:
        """The open form was edited: its row and its point of the trend follow at once,
        without reading the project's other years again."""
        point = self.points.get(form_id)
        if point is None:
            return
        self.points[form_id] = replace(point, total=total, rate=rate, grade=grade)
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(FORM_ID) == form_id:
                self.model.item(row, 2).setText(format2(total))
                self.model.item(row, 3).setText(grade)
        self.chart.set_points(sorted(self.points.values(), key=lambda p: p.year))

    def others(self) -> list[int]:
        ids = [self.model.index(row, 0).data(FORM_ID) for row in range(self.model.rowCount())]
        return [form_id for form_id in ids if form_id != self.form_id]

    def compare_selected(self) -> None:
        current = self.view.currentIndex()
        chosen = current.data(FORM_ID) if current.isValid() else None
        if chosen is None or chosen == self.form_id:
            others = self.others()
            chosen = others[0] if others else None
        if chosen is not None:
            self.compare_requested.emit(chosen)


class CarryDialog(QDialog):
    """以上年为基础新建: which year, and which form (the same kind, or the project's other
    kind: a target form from a self-evaluation and the reverse)."""

    def __init__(self, year: int, kind: FormKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New year from this form"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year + 1)
        self.kind = QComboBox()
        kinds = [kind] if kind is FormKind.UNIT_TARGET else \
            [kind] + [k for k in (FormKind.SELF_EVALUATION, FormKind.PROJECT_TARGET) if k is not kind]
        for choice in kinds:
            self.kind.addItem(KIND_TITLES[choice], choice)
        form = QFormLayout(self)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Form"), self.kind)
        form.addRow(ok_cancel(self))
