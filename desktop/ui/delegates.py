"""Cell editors of the indicator grid: taxonomy pickers for 一级 and 二级, and the
grade picker that bounds a qualitative row's score to its band."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QStyleOptionViewItem, QWidget

from desktop.money import format2
from desktop.presenters import grid_actions
from desktop.presenters.grid import IndicatorGrid
from desktop.rules.scoring import GRADES, grade_band
from desktop.ui.cell_model import CellTableModel
from desktop.ui.sheet import SheetDelegate

Index = QModelIndex | QPersistentModelIndex


class GradeEditor(QWidget):
    """达成 / 部分达成 / 未达成 and a score; picking a grade proposes a score in its band."""

    def __init__(self, weight: Decimal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weight = weight
        self.grade = QComboBox(self)
        self.grade.addItems(list(GRADES))
        self.score = QLineEdit(self)
        self.score.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.grade, 3)
        layout.addWidget(self.score, 2)
        self.grade.activated.connect(self._propose)
        self.score.installEventFilter(self)
        self.setFocusProxy(self.score)
        self.setAutoFillBackground(True)
        self.initial: tuple[str, str] = ("", "")

    def show_picker(self) -> None:
        self.grade.showPopup()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt+↓ in the score opens the grade list, as it does in a spreadsheet."""
        if watched is self.score and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down \
                and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.show_picker()
            return True
        return super().eventFilter(watched, event)

    def value(self) -> tuple[str, str]:
        return self.grade.currentText(), self.score.text().strip()

    def _propose(self) -> None:
        low, high = grade_band(self.grade.currentText(), self.weight)
        proposal = high if self.grade.currentText() == GRADES[0] else low
        self.score.setText(format2(proposal))


class GridDelegate(SheetDelegate):
    def __init__(self, grid: IndicatorGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        field = self.grid.field(index.column())
        if field in ("level1", "level2"):
            combo = QComboBox(parent)
            combo.setEditable(True)
            choices = self.grid.level_choices() if field == "level1" \
                else self.grid.level2_choices(index.row())
            combo.addItems(choices)
            return combo
        if field == "score" and grid_actions.is_qualitative(self.grid, index.row()):
            row = self.grid.indicator_at(index.row())
            return GradeEditor(self.grid.weight_of(row) if row is not None else Decimal(0), parent)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            editor.setCurrentText(text)
        elif isinstance(editor, GradeEditor):
            evaluation = self.grid.session.evaluation
            row = self.grid.indicator_at(index.row())
            grade = evaluation.rows[row].grade if evaluation and row is not None else None
            editor.grade.setCurrentText(grade or GRADES[0])
            editor.score.setText(text)
            editor.initial = editor.value()
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, GradeEditor) and isinstance(model, CellTableModel):
            grade, score = editor.value()
            if (grade, score) == editor.initial:
                return
            model.run(lambda: grid_actions.commit_grade(self.grid, index.row(), grade, score))
        else:
            super().setModelData(editor, model, index)
