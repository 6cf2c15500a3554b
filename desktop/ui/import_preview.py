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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.presenters.import_plan import Action, ImportPlan
from desktop.presenters.layout_mapping import Teachable
from desktop.ui import i18n
from desktop.ui.form_parts import ok_cancel
from desktop.ui.import_plan_model import Column, ImportPlanModel, Index

if TYPE_CHECKING:
    from desktop.template.grid import Grid
    from desktop.template.learn import Proposal

YEARS_KEY = "import/years"
KEPT_FOLDERS = 30


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
