"""The desk: the browser on the left, the open form in the middle, its findings below.

Every edit of every form goes onto one undo stack, so "undo" always undoes the last
thing the clerk did, switching to that form first if another one is on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from desktop import __version__
from desktop.ui import i18n
from desktop.ui.i18n import Retranslates
from desktop.ui.status_label import StatusFigure

# What the window needs only once the store is open or a form is opened is imported
# there: it keeps the time from start to a drawn window short.
if TYPE_CHECKING:
    from desktop.editing.service import FormService, FormStep, Step
    from desktop.forms import FormKind
    from desktop.presenters.session import FormSession, Workspace
    from desktop.ui.browser import BrowserPanel
    from desktop.ui.editor_base import FormEditor
    from desktop.ui.findings import FindingsPanel


def editor_class(kind: FormKind) -> type:
    from desktop.forms import FormKind
    from desktop.ui.editor_self import SelfEvaluationEditor
    from desktop.ui.editor_target import ProjectTargetEditor, UnitTargetEditor
    return {FormKind.SELF_EVALUATION: SelfEvaluationEditor,
            FormKind.PROJECT_TARGET: ProjectTargetEditor,
            FormKind.UNIT_TARGET: UnitTargetEditor}[kind]


log = logging.getLogger(__name__)

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
LAST_FORM_KEY = "window/last-form"
LAST_STORE_KEY = "window/last-store"
STATE_VERSION = 1
"""Raise it when the docks change: a dock layout saved by an older window is then ignored."""


def _transfer():
    from desktop.ui import transfer
    return transfer


class FormStepCommand(QUndoCommand):
    """Creating, duplicating or deleting a whole form; done before it is pushed."""

    def __init__(self, window: MainWindow, step: FormStep) -> None:
        super().__init__(step.label)
        self.window, self.step, self._done = window, step, True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.window.workspace.service.redo_form_step(self.step)
        self.window.form_set_changed(self.step.form_id, show=self.step.after is not None)

    def undo(self) -> None:
        self.window.workspace.service.undo_form_step(self.step)
        self.window.form_set_changed(self.step.form_id, show=self.step.before is not None)


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys, and Ctrl+Y everywhere: clerks come from Excel and WPS,
    where Ctrl+Y redoes, and Linux's standard is only Ctrl+Shift+Z."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    ctrl_y = QKeySequence("Ctrl+Y")
    return keys if ctrl_y in keys else [*keys, ctrl_y]


class MainWindow(Retranslates, QMainWindow):
    """Shown before the store is open (opening it loads the database libraries, the
    larger part of start-up); `attach` then fills the browser and enables the actions."""

    def __init__(self, workspace: Workspace | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace = None  # type: ignore[assignment]  # set by attach()
        self.undo_stack = QUndoStack(self)
        self.editor: FormEditor | None = None
        self.browser: BrowserPanel | None = None
        self.opening = QLabel()
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.findings: FindingsPanel | None = None   # built with the store (see attach)
        self.stack = QStackedWidget()
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.setCentralWidget(self.stack)
        self.selection_figures = StatusFigure()   # count and sum of the selected cells, as Excel
        self.selection_figures.setObjectName("selection-figures")
        self.statusBar().addPermanentWidget(self.selection_figures)
        self.figures = StatusFigure()
        self.statusBar().addPermanentWidget(self.figures)
        self._docks()
        self._actions()
        self.resize(1360, 860)
        self.remembered = self._restore_layout()
        self.retranslate()
        self._enable(False)
        if workspace is not None:
            self.attach(workspace)

    def attach(self, workspace: Workspace) -> None:
        """The store is open: list its forms and let the clerk work."""
        from desktop.ui.browser import BrowserPanel
        self.workspace = workspace
        self.browser = BrowserPanel(workspace.service.store)
        self.browser.form_activated.connect(self.open_form)
        self.browser.form_entered.connect(self._open_to_work)
        self.browser_dock.setWidget(self.browser)
        self._store_panels(workspace)
        self.opening.deleteLater()
        self._set_title()
        self._enable(True)
        self._reopen_last_form()

    def _store_panels(self, workspace: Workspace) -> None:
        """The panels that show stored forms load the rules and the years package: they are
        built with the store, after the window is drawn, not before."""
        from desktop.ui.findings import FindingsPanel
        self.findings = FindingsPanel()
        self.findings.finding_activated.connect(self.go_to_finding)
        self.findings_dock.setWidget(self.findings)
        from desktop.ui.project_panel import ProjectPanel
        from desktop.ui.search_panel import SearchPanel
        self.project_panel = ProjectPanel()
        self.project_panel.open_requested.connect(self.open_form)
        self.project_panel.compare_requested.connect(self.compare_with)
        self.project_panel.carry_requested.connect(self.carry_forward)
        self.project_dock.setWidget(self.project_panel)
        self.search_panel = SearchPanel(workspace.service.store)
        self.search_panel.hit_activated.connect(self._open_hit)
        self.search_dock.setWidget(self.search_panel)

    def refresh(self) -> None:
        """Re-read the store: another window may have changed it (View ▸ Refresh)."""
        from desktop.ui.backups import reload_window
        if self.workspace is not None:
            reload_window(self)

    def _enable(self, enabled: bool) -> None:
        for action in (self.new_action, self.duplicate_action, self.delete_action,
                       self.checked_action, self.import_action, self.import_folder_action,
                       self.export_action, self.export_batch_action, self.print_action,
                       self.pdf_action, self.pdf_batch_action, self.compare_action,
                       self.carry_action, self.overview_action, self.search_action,
                       self.refresh_action, self.restore_action):
            action.setEnabled(enabled)

    # ------------------------------------------------------------ building

    def _docks(self) -> None:
        self.browser_dock = QDockWidget(self)
        self.browser_dock.setObjectName("browser-dock")
        self.browser_dock.setWidget(self.opening)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.browser_dock)
        self.findings_dock = QDockWidget(self)
        self.findings_dock.setObjectName("findings-dock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        self.project_dock = QDockWidget(self)
        self.project_dock.setObjectName("project-dock")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.project_dock)
        self.splitDockWidget(self.findings_dock, self.project_dock, Qt.Orientation.Horizontal)
        self.search_dock = QDockWidget(self)
        self.search_dock.setObjectName("search-dock")
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.search_dock)
        self.tabifyDockWidget(self.browser_dock, self.search_dock)
        self.browser_dock.raise_()
        self.resizeDocks([self.browser_dock], [520], Qt.Orientation.Horizontal)
        self.resizeDocks([self.findings_dock, self.project_dock], [700, 600],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.findings_dock], [180], Qt.Orientation.Vertical)

    def docks(self) -> list[QDockWidget]:
        return [self.browser_dock, self.search_dock, self.findings_dock, self.project_dock]

    # ------------------------------------------------------------ remembered between starts

    def _restore_layout(self) -> bool:
        """Size, place and docks as the window was closed; False on a first start."""
        settings = i18n.settings()
        geometry = settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            return False
        state = settings.value(STATE_KEY)
        if state is not None:
            self.restoreState(state, STATE_VERSION)
        return True

    def show_at_start(self) -> None:
        """Shown as it was left; maximised on a first start."""
        if self.remembered:
            self.show()
        else:
            self.showMaximized()

    def _remember_layout(self) -> None:
        settings = i18n.settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState(STATE_VERSION))
        if self.workspace is None:
            return   # the store never opened: the last form stays what it was
        session = self.session
        if session is None:
            settings.remove(LAST_FORM_KEY)
            settings.remove(LAST_STORE_KEY)
        else:
            settings.setValue(LAST_FORM_KEY, session.form_id)
            settings.setValue(LAST_STORE_KEY, self.workspace.service.store.url)

    def _reopen_last_form(self) -> None:
        """The form open at the last close, when this is its store and it is still there."""
        settings = i18n.settings()
        if settings.value(LAST_STORE_KEY) != self.workspace.service.store.url:
            return
        try:
            form_id = int(settings.value(LAST_FORM_KEY))
        except (TypeError, ValueError):
            return
        if not self.browser.model.has_form(form_id):
            return
        try:
            self.open_form(form_id)
        except Exception:  # a form that cannot open must not stop the start
            log.exception("could not reopen form %s", form_id)
            self._close_editor()

    def _action(self, slot, shortcut: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _actions(self) -> None:
        self.new_action = self._action(self.new_form, QKeySequence.StandardKey.New)
        self.duplicate_action = self._action(self.duplicate_form)
        self.delete_action = self._action(self.delete_form)
        self.checked_action = self._action(self.mark_checked)
        self.import_action = self._action(lambda: _transfer().ask_import_files(self),
                                          QKeySequence.StandardKey.Open)
        self.import_folder_action = self._action(lambda: _transfer().ask_import_folder(self))
        self.export_action = self._action(lambda: _transfer().export_current(self),
                                          QKeySequence("Ctrl+E"))
        self.export_batch_action = self._action(lambda: _transfer().ask_export_batch(self))
        self.print_action = self._action(self.print_preview, QKeySequence.StandardKey.Print)
        self.pdf_action = self._action(lambda: _transfer().ask_pdf(self))
        self.pdf_batch_action = self._action(lambda: _transfer().ask_pdf_batch(self))
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts(redo_keys())
        self.insert_action = self._action(lambda: self._grid("insert_row"), QKeySequence("Ctrl+I"))
        self.remove_action = self._action(lambda: self._grid("remove_rows"), QKeySequence("Ctrl+Shift+Delete"))
        self.up_action = self._action(lambda: self._grid("move_row", -1), QKeySequence("Ctrl+Shift+Up"))
        self.down_action = self._action(lambda: self._grid("move_row", 1), QKeySequence("Ctrl+Shift+Down"))
        self.spread_action = self._action(lambda: self._grid("spread_weights"))
        self.compare_action = self._action(lambda: self.project_panel.compare_selected())
        self.carry_action = self._action(lambda: self.session and self.carry_forward(self.session.form_id))
        self.overview_action = self._action(self.show_overview)
        self.search_action = self._action(self.focus_search, QKeySequence.StandardKey.Find)
        self.find_form_action = self._action(self.focus_form_list, QKeySequence("Ctrl+L"))
        self.refresh_action = self._action(self.refresh, QKeySequence.StandardKey.Refresh)
        self.guide_action = self._action(self._guide, QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action = self._action(self._shortcuts)
        self.about_action = self._action(self._about)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addActions([self.new_action, self.duplicate_action, self.delete_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.import_action, self.import_folder_action,
                                   self.export_action, self.export_batch_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.print_action, self.pdf_action, self.pdf_batch_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.checked_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = self.menuBar().addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.insert_action, self.remove_action, self.up_action,
                                   self.down_action, self.spread_action])
        self.years_menu = self.menuBar().addMenu("")
        self.years_menu.addActions([self.compare_action, self.carry_action, self.overview_action,
                                    self.search_action])
        self.view_menu = self.menuBar().addMenu("")
        self.view_menu.addActions([self.refresh_action, self.find_form_action])
        self.view_menu.addSeparator()
        # Each dock's own show/hide action: its text is the dock's (translated) title, so
        # a panel closed with its × comes back from here.
        self.view_menu.addActions([dock.toggleViewAction() for dock in self.docks()])
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addActions([self.guide_action, self.shortcuts_action])
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        from desktop.ui.menu_entries import add_backup_actions, add_user_layouts_action
        add_backup_actions(self)   # File ▸ Restore backup…, before Quit
        add_user_layouts_action(self)   # File ▸ Taught layouts…, after the imports

    def _set_title(self) -> None:
        """The program's name, and after it that the store can only be read (a file
        without write permission, a backup on a CD), so nobody types in vain."""
        title = self.tr("Performance Form Assistant")
        if self.workspace is not None and self.workspace.service.store.read_only:
            title = self.tr("%1 (read-only store: view and export only)").replace("%1", title)
        self.setWindowTitle(title)

    def retranslate(self) -> None:
        self._set_title()
        self.empty.setText(self.tr("Choose a form on the left, or create one with File ▸ New."))
        if self.browser is None:
            self.opening.setText(self.tr("Opening the store…"))
        self.browser_dock.setWindowTitle(self.tr("Forms"))
        self.findings_dock.setWindowTitle(self.tr("Findings"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.years_menu.setTitle(self.tr("&Years"))
        self.project_dock.setWindowTitle(self.tr("This project over the years"))
        self.search_dock.setWindowTitle(self.tr("Search"))
        self.help_menu.setTitle(self.tr("&Help"))
        for action, text in ((self.new_action, self.tr("&New form…")),
                             (self.duplicate_action, self.tr("&Duplicate form")),
                             (self.delete_action, self.tr("De&lete form…")),
                             (self.checked_action, self.tr("Mark as &checked")),
                             (self.import_action, self.tr("&Import forms…")),
                             (self.import_folder_action, self.tr("Import a &folder…")),
                             (self.export_action, self.tr("&Export form…")),
                             (self.export_batch_action, self.tr("Export a &year…")),
                             (self.print_action, self.tr("&Print preview…")),
                             (self.pdf_action, self.tr("Save as P&DF…")),
                             (self.pdf_batch_action, self.tr("PDF of a unit's &year…")),
                             (self.quit_action, self.tr("&Quit")),
                             (self.insert_action, self.tr("&Insert row")),
                             (self.remove_action, self.tr("&Delete rows")),
                             (self.up_action, self.tr("Move row &up")),
                             (self.down_action, self.tr("Move row do&wn")),
                             (self.spread_action, self.tr("&Spread weights evenly")),
                             (self.compare_action, self.tr("&Compare with an earlier year…")),
                             (self.carry_action, self.tr("&New year from this form…")),
                             (self.overview_action, self.tr("Unit &overview…")),
                             (self.search_action, self.tr("&Search all years")),
                             (self.refresh_action, self.tr("&Refresh")),
                             (self.find_form_action, self.tr("Find a &form in the list")),
                             (self.guide_action, self.tr("&User guide")),
                             (self.shortcuts_action, self.tr("&Keyboard shortcuts")),
                             (self.about_action, self.tr("&About"))):
            action.setText(text)
        self._show_figures()

    # ------------------------------------------------------------ forms

    def open_form(self, form_id: int) -> FormEditor | None:
        if self.editor is not None and self.editor.session.form_id == form_id:
            return self.editor
        self._close_editor()
        session = self.workspace.session(form_id)
        editor = editor_class(session.form.kind)(session)
        editor.step_done.connect(self._push)
        editor.refused.connect(self._refused)
        editor.figures_changed.connect(self.selection_figures.setText)
        session.listeners.append(self._session_changed)
        self.editor = editor
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        self.browser.select_form(form_id)
        self._session_changed(None)
        self.project_panel.show_project(self.workspace.service.store, form_id)
        return editor

    def _close_editor(self) -> None:
        if self.editor is None:
            return
        self.editor.commit_pending()
        self.editor.detach()
        self.selection_figures.setText("")
        session = self.editor.session
        if self._session_changed in session.listeners:
            session.listeners.remove(self._session_changed)
        self.stack.removeWidget(self.editor)
        self.editor.deleteLater()
        self.editor = None
        self.stack.setCurrentWidget(self.empty)

    @property
    def session(self) -> FormSession | None:
        return self.editor.session if self.editor is not None else None

    def _session_changed(self, _changed: object) -> None:
        session = self.session
        if session is None:
            return
        self.findings.show_findings(session.findings)
        self.browser.update_form(session.form_id)
        if session.evaluation is not None:      # the years panel follows the edit too
            result = session.evaluation
            self.project_panel.update_figures(session.form_id, result.total, result.rate,
                                              result.grade)
        self._show_figures()

    def _show_figures(self) -> None:
        session = self.session
        if session is None:
            self.figures.setText("")
            return
        text = self.tr("Findings: %1").replace("%1", str(len(session.findings)))
        from desktop.money import format2
        if session.evaluation is not None:
            text += "   " + self.tr("Total %1 · %2").replace(
                "%1", format2(session.evaluation.total)).replace("%2", session.evaluation.grade)
        self.figures.setText(text)

    def _push(self, step: Step) -> None:
        from desktop.ui.undo import StepCommand
        self.undo_stack.push(StepCommand(self.workspace, step, self.show_form))

    def show_form(self, form_id: int) -> None:
        if self.session is None or self.session.form_id != form_id:
            self.open_form(form_id)

    def _refused(self, reason: str) -> None:
        self.statusBar().showMessage(reason, 10000)

    def go_to_finding(self, row: int, field: str) -> None:
        if self.editor is not None:
            self.editor.select_finding(row, field)

    def _grid(self, method: str, *args: object) -> None:
        if self.editor is not None:
            getattr(self.editor.indicators, method)(*args)

    # ------------------------------------------------------------ whole forms

    def form_set_changed(self, form_id: int, show: bool) -> None:
        """A form was created, deleted or brought back: reload what shows it (its browser
        row only)."""
        self.forms_set_changed([form_id], shown=form_id if show else None)

    FEW_FORMS = 5
    """Up to this many changed forms have their browser rows read (in one query) and put
    in place; for more, one re-listing of the store is cheaper: on stores of 1,000 to
    20,000 forms it costs about as much as three to seven rows put in place."""

    def forms_set_changed(self, form_ids: list[int], shown: int | None = None) -> None:
        """Forms were created, deleted or brought back, one or many at once (an import and
        its undo): reload what shows them (a few browser rows one by one, many in one
        re-listing, never a pass per form), then open `shown`."""
        if self.session is not None and self.session.form_id in form_ids:
            self._close_editor()
        for form_id in form_ids:
            self.workspace.forget(form_id)
        if len(form_ids) <= self.FEW_FORMS:
            self.browser.update_forms(form_ids)
        else:
            self.browser.refresh()
        if shown is not None:
            self.open_form(shown)
        elif self.session is None:
            self.project_panel.show_project(self.workspace.service.store, None)

    def _push_form_step(self, step: FormStep, show: bool) -> None:
        self.form_set_changed(step.form_id, show)
        self.push_form_step(step)

    def push_form_step(self, step: FormStep) -> None:
        """Record a whole-form step that has already been done (created, imported…)."""
        self.undo_stack.push(FormStepCommand(self, step))

    def new_form(self) -> None:
        from desktop.ui.new_form import NewFormDialog
        dialog = NewFormDialog(self)
        if dialog.exec():
            self._store_new(lambda service: service.create_form(dialog.form(),
                                                                self.tr("New form")))

    def duplicate_form(self) -> None:
        """A copy of the open form under a blank code and a name marked as a copy: the
        same form cannot be stored twice (one per unit, project and year)."""
        if self.session is None:
            return
        self.editor.commit_pending()
        form = self.session.form
        self._store_new(lambda service: service.duplicate_form(form, self.tr("Duplicate form")))

    def _store_new(self, store: Callable[[FormService], tuple[int, FormStep]]) -> None:
        """Store a new form and open it; a refusal (the form is stored already, the store
        is read-only) is said in one line in the status bar."""
        from db.records import StoreError
        try:
            _form_id, step = store(self.workspace.service)
        except StoreError as error:
            self._refused(str(error))
            return
        self._push_form_step(step, show=True)

    def delete_form(self) -> None:
        session = self.session
        if session is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete form"),
            self.tr("Delete %1 (%2)? You can undo this with Edit ▸ Undo.")
            .replace("%1", session.form.name or "—").replace("%2", str(session.form.year)))
        if answer == QMessageBox.StandardButton.Yes:
            form_id = session.form_id
            self._close_editor()
            step = self.workspace.service.delete_form(form_id, self.tr("Delete form"))
            self._push_form_step(step, show=False)

    # ------------------------------------------------------------ years

    def compare_with(self, earlier_id: int) -> None:
        """Side by side with an earlier year's form of the same project."""
        if self.session is None:
            return
        from desktop.ui.compare_dialog import CompareDialog
        others = [earlier_id] + [i for i in self.project_panel.others() if i != earlier_id]
        dialog = CompareDialog(self.workspace.service.store, self.session.form_id, others, self)
        dialog.show()

    def carry_forward(self, form_id: int) -> None:
        """以上年为基础新建: one undoable step, then the new form opens."""
        from desktop.ui.project_panel import CarryDialog
        from desktop.years.carry import CarryError, create_carried
        summary = self.workspace.service.store.summary(form_id)
        dialog = CarryDialog(summary.year, summary.kind, self)
        if not dialog.exec():
            return
        if self.editor is not None:
            self.editor.commit_pending()
        try:
            _new_id, step = create_carried(self.workspace.service, form_id, dialog.year.value(),
                                           dialog.kind.currentData())
        except CarryError as error:
            self._refused(str(error))
            return
        self._push_form_step(step, show=True)

    def show_overview(self) -> None:
        from desktop.ui.overview_dialog import OverviewDialog
        session = self.session
        dialog = OverviewDialog(self.workspace.service.store, session.form.year if session else None,
                                session.form.unit if session else None, self)
        dialog.open_requested.connect(self.open_form)
        dialog.show()

    def focus_form_list(self) -> None:
        """Ctrl+L: the keyboard goes to the list's search box, from wherever it was, so a
        clerk who works without the mouse can always reach another form."""
        self.browser_dock.show()
        self.browser_dock.raise_()
        self.browser.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.browser.search.selectAll()

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.box.setFocus()

    def _open_hit(self, form_id: int, row: int) -> None:
        editor = self.open_form(form_id)
        if editor is not None and row >= 0:
            editor.select_finding(row + 1, "name")
        elif editor is not None:
            editor.focus_first()

    def _open_to_work(self, form_id: int) -> None:
        """A form opened from the browser by Enter: the keyboard goes with it, to its
        first field, so the clerk types into the form without reaching for the mouse."""
        editor = self.open_form(form_id)
        if editor is not None:
            editor.focus_first()

    def print_preview(self) -> None:
        """The open form in the official layout, to a printer or a PDF."""
        if self.session is None:
            return
        self.editor.commit_pending()
        from desktop.ui.printing import preview
        preview(self.session.form, self).exec()

    def mark_checked(self) -> None:
        """已检查: the clerk has been through the form and the rules find nothing."""
        session = self.session
        if session is None:
            return
        if session.findings:
            self._refused(self.tr("%1 findings remain; resolve them before marking the form "
                                  "checked.").replace("%1", str(len(session.findings))))
            return
        from db.records import FormState
        self.workspace.service.store.set_state(session.form_id, FormState.CHECKED)
        self.browser.update_form(session.form_id)

    # ------------------------------------------------------------ the rest

    def _guide(self) -> None:
        from desktop.ui.help_dialog import show_guide
        show_guide(self)

    def _shortcuts(self) -> None:
        from desktop.ui.help_dialog import show_shortcuts
        show_shortcuts(self)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About"),
                          self.tr("Performance Form Assistant %1").replace("%1", __version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing typed is lost: an open cell or text field is committed first. The
        window's size, docks and open form are remembered for the next start."""
        if self.editor is not None:
            self.editor.commit_pending()
        self._remember_layout()
        super().closeEvent(event)
