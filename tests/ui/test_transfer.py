"""导入… / 导出… / 批量导出… through the window, with the dialogs' answers supplied."""

from __future__ import annotations


from pathlib import Path

import pytest

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication

from conftest import SAMPLE_FILES, load_sample
from db.records import FormState
from desktop.interchange.json_form import form_to_dict
from desktop.template.reader import read_workbook
from desktop.ui import transfer
from desktop.ui.export_check import ExportFindingsBox


@pytest.fixture
def window(empty_window):
    return empty_window


def answer_findings_box(qtbot, button: str) -> list[str]:
    """Press `button` ("export_button" or "fix_button") of the findings question once it
    shows; returns the question's text as the clerk read it."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, ExportFindingsBox)
        seen.append(box.text() + "\n" + box.informativeText())
        qtbot.mouseClick(getattr(box, button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)
    return seen


def _open(window, stem: str) -> int:
    form_id, _ = window.workspace.service.create_form(load_sample(stem))
    window.browser.refresh()
    window.open_form(form_id)
    return form_id


def test_export_of_the_open_form_writes_the_template_and_marks_it_exported(window, tmp_path,
                                                                             qtbot):
    form_id = _open(window, "guangming-2024-market")
    target = tmp_path / "guangming.xlsx"
    seen = answer_findings_box(qtbot, "export_button")
    assert transfer.export_current(window, str(target))
    findings = window.session.findings
    assert seen and str(len(findings)) in seen[0]
    assert all(f.message in seen[0] for f in findings)    # each open finding, named
    back = read_workbook(target)
    assert back.indicators[6].score == window.session.form.indicators[6].score
    assert window.workspace.service.store.summary(form_id).state == FormState.EXPORTED


def test_go_and_fix_writes_nothing_and_points_at_the_first_finding(window, tmp_path, qtbot):
    form_id = _open(window, "guangming-2024-market")
    target = tmp_path / "guangming.xlsx"
    answer_findings_box(qtbot, "fix_button")
    assert not transfer.export_current(window, str(target))
    assert not target.exists()
    assert window.workspace.service.store.summary(form_id).state != FormState.EXPORTED
    first = window.session.findings[0]
    grid = window.editor.indicators
    current = grid.view.currentIndex()
    assert window.findings_dock.isVisible()
    assert (current.row(), current.column()) == grid.grid.cell_of_finding(first.row, first.field)


def test_a_form_without_findings_exports_without_a_question(window, tmp_path):
    form_id = _open(window, "longhua-2022-grid-info")
    assert window.session.findings == ()
    assert transfer.export_current(window, str(tmp_path / "grid.xlsx"))   # no modal to answer
    assert window.workspace.service.store.summary(form_id).state == FormState.EXPORTED


def test_import_of_files_and_folders_is_one_undo_step(window, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SAMPLE_FILES:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.json").write_text("{", encoding="utf-8")
    results = transfer.import_paths(window, [str(folder)], lambda plan: True)
    store = window.workspace.service.store
    assert len(store.list_forms()) == 5
    headline, lines = window.summaries[-1]
    assert "5" in headline and any("broken.json" in line for line in lines)
    assert sum(r.ok for r in results) == 5
    window.undo_stack.undo()
    assert store.list_forms() == []
    window.undo_stack.redo()
    assert len(store.list_forms()) == 5


def tick_all(plan) -> bool:
    """The preview's choice to replace every stored form with the file's."""
    for index in range(len(plan.rows)):
        plan.set_ticked(index, True)
    return True


def test_reimport_replaces_only_what_the_clerk_ticks(window):
    sample = str(SAMPLE_FILES[0])
    transfer.import_paths(window, [sample], lambda plan: True)
    results = transfer.import_paths(window, [sample], lambda plan: True)
    assert [r.duplicate for r in results] == [True]   # stored ones come unticked
    results = transfer.import_paths(window, [sample], tick_all)
    assert [r.ok for r in results] == [True]
    assert len(window.workspace.service.store.list_forms()) == 1


def test_declining_the_preview_imports_nothing(window):
    assert transfer.import_paths(window, [str(SAMPLE_FILES[0])], lambda plan: False) == []
    assert window.workspace.service.store.list_forms() == [] and window.summaries == []


def test_batch_export_of_a_year_writes_one_workbook_per_form(window, tmp_path):
    ids = [window.workspace.service.create_form(load_sample(p.stem))[0] for p in SAMPLE_FILES]
    window.browser.refresh()
    store = window.workspace.service.store
    year_2022 = [i for i in ids if store.summary(i).year == 2022]
    summary = transfer.export_batch(window, year_2022, str(tmp_path / "out"))
    files = sorted((tmp_path / "out").glob("*.xlsx"))
    assert len(files) == len(year_2022) == 2 and not summary.refused
    for form_id in year_2022:
        original = store.load_form(form_id)
        match = [read_workbook(f) for f in files if original.code in f.name]
        assert match and form_to_dict(match[0])["indicators"] == form_to_dict(original)["indicators"]
        assert store.summary(form_id).state == FormState.EXPORTED


def test_the_save_dialog_starts_where_the_clerk_last_saved(window, tmp_path, monkeypatch):
    _open(window, "longhua-2022-grid-info")
    chosen = tmp_path / "exports"
    chosen.mkdir()
    offered: list[str] = []

    def save_dialog(_parent, _title, start, _filters):
        offered.append(start)
        return str(chosen / Path(start).name), ""

    monkeypatch.setattr(transfer.QFileDialog, "getSaveFileName", save_dialog)
    assert transfer.export_current(window) and transfer.export_current(window)
    assert Path(offered[1]).parent == chosen          # the second time, the folder of the first
    assert Path(offered[0]).name == Path(offered[1]).name   # named after the form both times
