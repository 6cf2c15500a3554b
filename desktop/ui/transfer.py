"""导入… / 导出… / 批量导出… in the window: file dialogs, a cancellable progress dialog,
and a summary of what was written or refused, one line per file."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from db.records import FormState
from desktop.importing import ImportResult, summary_line
from desktop.ui import folders
from desktop.ui.form_parts import ok_cancel

if TYPE_CHECKING:
    from db.store import Store
    from desktop.editing.service import FormStep
    from desktop.forms import Form
    from desktop.presenters.import_plan import ImportPlan
    from desktop.template.batch import ExportSummary

FORM_FILES = "*.xlsx *.xls *.json"


def progress_dialog(parent: QWidget, title: str) -> tuple[QProgressDialog, Callable[[int, int, str], bool]]:
    """A modal progress dialog and the callback the Qt-free batch functions call."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setCancelButtonText(QCoreApplication.translate("Transfer", "Cancel"))

    def report(done: int, total: int, what: str) -> bool:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        dialog.setLabelText(what)
        QCoreApplication.processEvents()
        return not dialog.wasCanceled()

    return dialog, report


def show_summary(parent: QWidget, title: str, headline: str, lines: list[str]) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(headline)
    if lines:
        box.setDetailedText("\n".join(lines))
    box.exec()


def import_paths(window, paths: list[str],
                 choose: Callable[[ImportPlan], bool] | None = None) -> list[ImportResult]:
    """Read files or folders (nothing written), let the clerk choose in the preview, then
    store the ticked sheets as one undo macro. `choose` stands in for the dialog in tests:
    it makes the choices on the plan and says whether to import."""
    from desktop.presenters.import_plan import ImportPlan, read_plan
    from desktop.ui.import_preview import remember_years, remembered_years
    service = window.workspace.service
    dialog, report = progress_dialog(window, QCoreApplication.translate("Transfer", "Importing"))
    planned = read_plan(service, paths, progress=report)
    dialog.close()
    if planned is None:
        return []
    plan = ImportPlan(service, planned, remembered_years())
    choose = choose or partial(preview, window)
    if planned and not choose(plan):
        return []
    remember_years(plan.remembered)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        results = plan.store()
    finally:
        QApplication.restoreOverrideCursor()
    _push_steps(window, [r for r in results if r.step is not None],
                QCoreApplication.translate("Transfer", "Import forms"))
    show_summary(window, QCoreApplication.translate("Transfer", "Import"), summary_line(results),
                 [r.message for r in results])
    return results


def preview(window, plan: ImportPlan) -> bool:
    """The import preview, modal: True when the clerk pressed Import."""
    from desktop.ui.import_preview import ImportPreviewDialog
    dialog = ImportPreviewDialog(plan, window)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class ImportedForms(QUndoCommand):
    """The forms one import stored, as one undo step: undone and redone together, and
    the window then reloads what shows them once, not once per form (an import of a
    thousand files would otherwise update the browser a thousand times).

    The import has stored them when the command is pushed, so its first redo() does
    nothing; undo() brings back what each form was before (nothing for a new form, the
    replaced content for a re-imported one), last stored first."""

    def __init__(self, window, steps: list[FormStep], label: str) -> None:
        super().__init__(label)
        self.window, self.steps, self._done = window, steps, True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        service = self.window.workspace.service
        for step in self.steps:
            service.redo_form_step(step)
        self._reload([step.form_id for step in self.steps if step.after is not None])

    def undo(self) -> None:
        service = self.window.workspace.service
        for step in reversed(self.steps):
            service.undo_form_step(step)
        self._reload([step.form_id for step in self.steps if step.before is not None])

    def _reload(self, present: list[int]) -> None:
        """What shows the forms, once; the last form still stored is opened, as after
        the import itself."""
        self.window.forms_set_changed([step.form_id for step in self.steps],
                                      shown=present[-1] if present else None)


def _push_steps(window, results: list[ImportResult], label: str) -> None:
    """The stored forms shown (a replaced form's open session dropped, the browser
    updated once) and put on the undo stack as one step; the last one opens."""
    if not results:
        return
    steps = [result.step for result in results if result.step is not None]
    window.forms_set_changed([step.form_id for step in steps], shown=steps[-1].form_id)
    window.undo_stack.push(ImportedForms(window, steps, label))


def _ask_save(window, purpose: str, title: str, name: str, file_filter: str) -> str:
    """A file to write, offered in the folder last used for `purpose`, which it becomes."""
    target, _ = QFileDialog.getSaveFileName(
        window, title, str(Path(folders.last_folder(purpose)) / name), file_filter)
    folders.remember_folder(purpose, target)
    return target


def _ask_folder(window, purpose: str, title: str) -> str:
    folder = QFileDialog.getExistingDirectory(window, title, folders.last_folder(purpose))
    folders.remember_folder(purpose, folder)
    return folder


def ask_import_files(window) -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        window, QCoreApplication.translate("Transfer", "Import forms"),
        folders.last_folder(folders.IMPORT),
        QCoreApplication.translate("Transfer", "Form files (%1)").replace("%1", FORM_FILES))
    if paths:
        folders.remember_folder(folders.IMPORT, paths[0])
        import_paths(window, paths)


def ask_import_folder(window) -> None:
    folder = _ask_folder(window, folders.IMPORT,
                         QCoreApplication.translate("Transfer", "Import a folder of forms"))
    if folder:
        import_paths(window, [folder])


def _current_target(window, target: str | None, title: str, suffix: str,
                    file_filter: str, purpose: str):
    """The open form (its pending typing committed) and where to write it; None to stop."""
    from desktop.template.batch import export_file_name
    session = window.session
    if session is None:
        return None
    window.editor.commit_pending()
    if target is None:
        target = _ask_save(window, purpose, title, export_file_name(session.form, suffix),
                           file_filter)
    return (session, Path(target)) if target else None


def export_current(window, target: str | None = None) -> bool:
    """The open form to the official template (or JSON by the chosen suffix), once the
    clerk has seen its open findings and chosen to export anyway."""
    from desktop.template.batch import export_one
    from desktop.ui.export_check import findings_allow_export
    session = window.session
    if session is None:
        return False
    window.editor.commit_pending()
    if not findings_allow_export(window, session.findings):
        return False
    chosen = _current_target(
        window, target, QCoreApplication.translate("Transfer", "Export form"), ".xlsx",
        QCoreApplication.translate("Transfer", "Import template (*.xlsx);;JSON (*.json)"),
        folders.EXPORT)
    if chosen is None:
        return False
    session, path = chosen
    outcome = export_one(session.form, path, "json" if path.suffix.lower() == ".json" else "xlsx")
    if not outcome.ok:
        QMessageBox.warning(window, QCoreApplication.translate("Transfer", "Export"), outcome.message)
        return False
    store = window.workspace.service.store
    if not store.read_only:   # the file is written; a read-only store keeps its states
        store.set_state(session.form_id, FormState.EXPORTED)
        window.browser.update_form(session.form_id)
    window.statusBar().showMessage(outcome.message, 10000)
    return True


def ask_pdf(window, target: str | None = None) -> bool:
    """The open form as a PDF in the official layout (A4 landscape, fonts embedded)."""
    chosen = _current_target(window, target, QCoreApplication.translate("Transfer", "Save as PDF"),
                             ".pdf", "PDF (*.pdf)", folders.PDF)
    return chosen is not None and _write_pdf(window, [chosen[0].form], chosen[1])


def _write_pdf(window, forms: list, target: Path) -> bool:
    from desktop.ui.printing import write_pdf
    try:
        write_pdf(forms, target)
    except OSError as error:
        QMessageBox.warning(window, "PDF", QCoreApplication.translate(
            "Transfer", "Cannot write %1 (%2)").replace("%1", str(target))
            .replace("%2", error.strerror or str(error)))
        return False
    window.statusBar().showMessage(QCoreApplication.translate(
        "Transfer", "Wrote %1").replace("%1", str(target)), 10000)
    return True


def pdf_of_forms(window, form_ids: list[int], target: Path) -> bool:
    """One PDF of several forms, each on new pages: a unit's year for the paper file."""
    store = window.workspace.service.store
    return _write_pdf(window, [store.load_form(form_id) for form_id in form_ids], target)


def ask_pdf_batch(window) -> None:
    dialog = BatchExportDialog(window, QCoreApplication.translate("Transfer", "PDF of a unit's year"))
    if not dialog.exec() or not dialog.chosen_ids():
        return
    target = _ask_save(window, folders.PDF, QCoreApplication.translate("Transfer", "Save as PDF"),
                       f"{dialog.year.currentData()}.pdf", "PDF (*.pdf)")
    if target:
        pdf_of_forms(window, dialog.chosen_ids(), Path(target))


class BatchExportDialog(QDialog):
    """Which forms: a year, and optionally one unit of that year."""

    def __init__(self, window, title: str | None = None) -> None:
        super().__init__(window)
        self.setWindowTitle(title or QCoreApplication.translate("Transfer", "Export a year"))
        self.summaries = window.workspace.service.store.list_forms()
        self.year = QComboBox()
        for year in sorted({s.year for s in self.summaries}, reverse=True):
            self.year.addItem(str(year), year)
        self.unit = QComboBox()
        self.year.currentIndexChanged.connect(self._fill_units)
        layout = QFormLayout(self)
        layout.addRow(QCoreApplication.translate("Transfer", "Year"), self.year)
        layout.addRow(QCoreApplication.translate("Transfer", "Unit"), self.unit)
        layout.addRow(ok_cancel(self))
        self._fill_units()

    def _fill_units(self) -> None:
        self.unit.clear()
        self.unit.addItem(QCoreApplication.translate("Transfer", "All units"), None)
        for unit in sorted({s.unit for s in self.summaries if s.year == self.year.currentData()}):
            self.unit.addItem(unit, unit)

    def chosen_ids(self) -> list[int]:
        return [s.id for s in self.summaries if s.year == self.year.currentData()
                and (self.unit.currentData() is None or s.unit == self.unit.currentData())]


def export_batch(window, form_ids: list[int], folder: str) -> ExportSummary | None:
    """The chosen forms into `folder`, once the clerk has seen which of them have open
    findings and chosen what to export; None when the clerk cancelled (nothing written)."""
    from desktop.template.batch import export_forms, flagged_forms
    from desktop.ui.export_check import BatchChoice, batch_choice
    store = window.workspace.service.store
    if window.editor is not None:
        window.editor.commit_pending()
    forms = store.load_forms(form_ids)
    flagged = flagged_forms(forms)
    choice = batch_choice(window, flagged, len(forms))
    if choice is BatchChoice.CANCEL:
        return None
    skipped = {f.form_id: f for f in flagged} if choice is BatchChoice.CLEAN else {}
    chosen = {form_id: form for form_id, form in forms.items() if form_id not in skipped}
    dialog, report = progress_dialog(window, QCoreApplication.translate("Transfer", "Exporting"))
    summary = export_forms(list(chosen.values()), folder, progress=report)
    dialog.close()
    summary.outcomes += [f.skipped for f in skipped.values()]
    _mark_exported(store, chosen, summary)
    window.browser.refresh()
    show_summary(window, QCoreApplication.translate("Transfer", "Export"), summary.summary_line(),
                 [o.message for o in summary.outcomes])
    return summary


def _mark_exported(store: Store, forms: dict[int, Form], summary: ExportSummary) -> None:
    """Exported again, whatever the form's state was: the file now shows the form."""
    written = {id(o.form) for o in summary.outcomes if o.ok}
    if store.read_only:   # the files are written; a read-only store keeps its states
        return
    for form_id, form in forms.items():
        if id(form) in written:
            store.set_state(form_id, FormState.EXPORTED)


def ask_export_batch(window) -> None:
    dialog = BatchExportDialog(window)
    if not dialog.exec() or not dialog.chosen_ids():
        return
    folder = _ask_folder(window, folders.EXPORT,
                         QCoreApplication.translate("Transfer", "Export into folder"))
    if folder:
        export_batch(window, dialog.chosen_ids(), folder)
