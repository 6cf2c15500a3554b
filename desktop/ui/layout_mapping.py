"""学习此表样…: the clerk tells the app what each column and label of an unknown sheet
means, and the mapping is saved as a layout used for every later file of that shape.

Opened from the import preview on a skipped or refused sheet. The mapping itself
(`desktop.presenters.layout_mapping.Mapping`) is Qt-free; here it is shown as two
tables whose last column is a field chooser, with the reasons it cannot be saved yet
under them. Everything works from the keyboard: Tab moves between the kind, the name,
the two tables and the buttons; in a table the arrows move, and F2, Space or typing
opens the chooser of the current row.
"""

from __future__ import annotations

from enum import IntEnum
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import FormKind
from desktop.presenters.layout_mapping import COLUMN_FIELDS, Mapping
from desktop.template.grid import Grid
from desktop.template.learn import DETAIL, EXTRA, IGNORE, Proposal
from desktop.ui.form_parts import ok_cancel
from desktop.user_layouts import UserLayoutError

Index = QModelIndex | QPersistentModelIndex
PROBLEM_COLOUR = QColor("#b3261e")
VISIBLE_ROWS = 8        # a table shows this many rows before it scrolls


def field_text(field: str) -> str:
    """A field as the chooser names it (一级指标, 保留此列, 作为附加信息保留, …)."""
    translate = QCoreApplication.translate   # literal strings: lupdate collects them
    names = {
        "level1": translate("LayoutMapping", "Level 1 indicator"),
        "level2": translate("LayoutMapping", "Level 2 indicator"),
        "name": translate("LayoutMapping", "Level 3 indicator (indicator name)"),
        "target": translate("LayoutMapping", "Target value"),
        "unit": translate("LayoutMapping", "Unit of measure"),
        "actual": translate("LayoutMapping", "Actual value"),
        "weight": translate("LayoutMapping", "Points / weight"),
        "score": translate("LayoutMapping", "Score"),
        "deviation": translate("LayoutMapping", "Reason for deviation"),
        "explanation": translate("LayoutMapping", "Explanation"),
        EXTRA: translate("LayoutMapping", "Keep this column"),
        IGNORE: translate("LayoutMapping", "Ignore"),
        "project_code": translate("LayoutMapping", "Project code"),
        "project_name": translate("LayoutMapping", "Project name"),
        "applicant_unit": translate("LayoutMapping", "Applicant unit"),
        "implementing_unit": translate("LayoutMapping", "Implementing unit"),
        "budget_unit": translate("LayoutMapping", "Budget unit (supervising department)"),
        "unit_name": translate("LayoutMapping", "Unit name"),
        "unit_code": translate("LayoutMapping", "Unit code"),
        "competent_department": translate("LayoutMapping", "Supervising department"),
        "year": translate("LayoutMapping", "Year"),
        DETAIL: translate("LayoutMapping", "Keep as additional information"),
    }
    return names[field]


def kind_text(kind: FormKind) -> str:
    translate = QCoreApplication.translate
    return {FormKind.SELF_EVALUATION: translate("LayoutMapping", "Project self-evaluation"),
            FormKind.PROJECT_TARGET: translate("LayoutMapping", "Project performance target"),
            FormKind.UNIT_TARGET: translate("LayoutMapping", "Unit-wide performance target"),
            }[kind]


class Part(IntEnum):
    LABEL = 0
    SAMPLE = 1
    FIELD = 2      # the chooser


# ---------------------------------------------------------------- the two tables


class ChoiceModel(QAbstractTableModel):
    """The indicator columns (`headers` False) or the header cells of a mapping: the
    label as printed, a value beside it, and the field it maps to (editable)."""

    changed = Signal()

    def __init__(self, mapping: Mapping, headers: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.mapping = mapping
        self.headers = headers

    def choices(self) -> tuple:
        proposal = self.mapping.proposal
        return proposal.headers if self.headers else proposal.columns

    def options(self) -> tuple[str, ...]:
        return self.mapping.header_fields() if self.headers else COLUMN_FIELDS

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.choices())

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Part)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if self.headers:
            return [self.tr("Label"), self.tr("Value"), self.tr("Maps to")][section]
        return [self.tr("Column"), self.tr("First row"), self.tr("Maps to")][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == Part.FIELD else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        choice, part = self.choices()[index.row()], Part(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = {Part.LABEL: choice.label, Part.SAMPLE: choice.sample,
                     Part.FIELD: field_text(choice.field)}
            return texts[part] or None
        if role == Qt.ItemDataRole.EditRole and part == Part.FIELD:
            return choice.field
        if role == Qt.ItemDataRole.ForegroundRole and part == Part.FIELD \
                and choice.field in (IGNORE, EXTRA, DETAIL):
            return QPalette().color(QPalette.ColorRole.PlaceholderText)   # kept as is
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != Part.FIELD \
                or value not in self.options():
            return False
        if self.headers:
            self.mapping.set_header(index.row(), str(value))
        else:
            self.mapping.set_column(index.row(), str(value))
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True

    def reload(self) -> None:
        """The kind changed: the header cells were guessed again."""
        self.beginResetModel()
        self.endResetModel()


class Chooser(QComboBox):
    """The field combo. Enter closes it (the delegate commits and closes the editor)
    and goes no further: it must not reach the dialog and press OK."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)


class FieldDelegate(QStyledItemDelegate):
    """The field chooser: a combo of the options of the row's table, committed as soon
    as one is picked (an arrow key, or a click in its list), so the problems update
    at once; Enter, Tab or a click elsewhere closes it."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        editor = Chooser(parent)
        for field in index.model().options():
            editor.addItem(field_text(field), field)
        editor.activated.connect(lambda _i: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ChoiceView(QTableView):
    """Tab leaves the table; the arrows move between rows; F2, Space or typing opens
    the chooser of the current row, whichever of its cells has the focus."""

    def __init__(self, model: ChoiceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.SelectedClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setItemDelegateForColumn(Part.FIELD, FieldDelegate(self))
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        model.modelReset.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """Columns to their contents (a long sample is cut) and up to VISIBLE_ROWS rows."""
        self.resizeColumnsToContents()
        for part, widest in ((Part.LABEL, 220), (Part.SAMPLE, 260)):
            self.setColumnWidth(part, min(self.columnWidth(part) + 16, widest))
        self.setColumnWidth(Part.FIELD, max(self.columnWidth(Part.FIELD), 240))
        rows = min(max(self.model().rowCount(), 1), VISIBLE_ROWS)
        self.setMinimumHeight(self.horizontalHeader().sizeHint().height() + 4
                              + rows * self.verticalHeader().defaultSectionSize())
        if self.model().rowCount() and not self.currentIndex().isValid():
            self.setCurrentIndex(self.model().index(0, Part.FIELD))

    def sizeHint(self) -> QSize:
        """As tall as its rows (up to VISIBLE_ROWS): a short table takes no more room."""
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        opens = event.key() == Qt.Key.Key_F2 or (event.text() and event.text().isprintable())
        if current.isValid() and current.column() != Part.FIELD and opens:
            self.setCurrentIndex(current.siblingAtColumn(Part.FIELD))   # the row's chooser
        super().keyPressEvent(event)


# ---------------------------------------------------------------- the dialog


class LayoutMappingDialog(QDialog):
    """Teach this layout: the mapping, then OK saves it (`saved` is its name)."""

    def __init__(self, grid: Grid, proposal: Proposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Teach this layout"))
        self.mapping = Mapping(grid, proposal)
        self.saved: str | None = None
        self.columns_model = ChoiceModel(self.mapping, headers=False, parent=self)
        self.headers_model = ChoiceModel(self.mapping, headers=True, parent=self)
        self.columns_view = ChoiceView(self.columns_model)
        self.headers_view = ChoiceView(self.headers_model)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.buttons = ok_cancel(self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._build(grid)
        for model in (self.columns_model, self.headers_model):
            model.changed.connect(self._show_problems)
        self._show_problems()
        self.columns_view.setFocus()
        self.resize(860, self.sizeHint().height())

    def _build(self, grid: Grid) -> None:
        intro = QLabel(self.tr(
            "The app does not know the layout of sheet “%1”. Tell it what each column and "
            "label means (double-click a choice, or press F2 or Space): the layout is saved "
            "and used for every later sheet of this shape.").replace("%1", grid.name))
        intro.setWordWrap(True)
        self.kind = QComboBox()
        for kind in FormKind:
            self.kind.addItem(kind_text(kind), kind.value)   # Qt keeps a str, not the enum
        self.kind.setCurrentIndex(self.kind.findData(self.mapping.kind.value))
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.name = QLineEdit(self.mapping.name)
        self.name.textChanged.connect(self._name_typed)
        form = QFormLayout()
        form.addRow(self.tr("&Kind of form:"), self.kind)
        form.addRow(self.tr("&Name of the layout:"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        for text, view in ((self.tr("&Indicator columns (header row %1)")
                            .replace("%1", str(self.mapping.proposal.header_row)),
                            self.columns_view),
                           (self.tr("&Labels above the indicators"), self.headers_view)):
            label = QLabel(text)
            label.setBuddy(view)
            layout.addWidget(label)
            layout.addWidget(view)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        order = [self.kind, self.name, self.columns_view, self.headers_view, self.ok_button,
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in pairwise(order):   # the order they are read in
            QWidget.setTabOrder(first, second)

    def chosen_kind(self) -> FormKind:
        return FormKind(self.kind.currentData())

    def _kind_chosen(self) -> None:
        self.mapping.set_kind(self.chosen_kind())
        self.headers_model.reload()
        self._show_problems()

    def _name_typed(self, text: str) -> None:
        self.mapping.name = text
        self._show_problems()

    def _show_problems(self) -> None:
        """Why OK is disabled, one line each; else what OK will do."""
        problems = self.mapping.problems()
        palette = self.problems.palette()
        palette.setColor(QPalette.ColorRole.WindowText, PROBLEM_COLOUR if problems
                         else QPalette().color(QPalette.ColorRole.WindowText))
        self.problems.setPalette(palette)
        self.problems.setText("\n".join(f"• {line}" for line in problems) if problems
                              else self.tr("OK saves the layout and reads the sheet again."))
        self.ok_button.setEnabled(not problems)

    def accept(self) -> None:
        try:
            self.saved = self.mapping.save()
        except UserLayoutError as error:
            QMessageBox.warning(self, self.tr("Teach this layout"), str(error))
            return
        super().accept()
