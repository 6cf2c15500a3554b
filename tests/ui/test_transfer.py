"""导入… / 导出… / 批量导出… through the window, with the dialogs' answers supplied."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from conftest import SAMPLE_FILES, load_sample
from db.records import FormState
from desktop.interchange.json_form import form_to_dict
from desktop.template.batch import describe, export_file_name, open_findings
from desktop.template.reader import read_workbook
from desktop.ui import transfer
from desktop.ui.browser_model import Column
from desktop.ui.export_check import BatchFindingsBox, ExportFindingsBox


@pytest.fixture
def window(empty_window):
    return empty_window


def answer_findings_box(qtbot, button: str, kind: type = ExportFindingsBox) -> list[str]:
    """Press `button` ("export_button" or "fix_button"; of a BatchFindingsBox "all_button",
    "clean_button" or "cancel_button") of the findings question once it shows; returns
    the question's text as the clerk read it."""
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, kind)
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


def _year_2022(window) -> list[int]:
    """The five samples stored; the ids of 2022's two, one with findings, one without."""
    ids = [window.workspace.service.create_form(load_sample(p.stem))[0] for p in SAMPLE_FILES]
    window.browser.refresh()
    store = window.workspace.service.store
    return [i for i in ids if store.summary(i).year == 2022]


def _split_by_findings(window, form_ids: list[int]) -> tuple[list[int], list[int]]:
    store = window.workspace.service.store
    flagged = [i for i in form_ids if open_findings(store.load_form(i))]
    return flagged, [i for i in form_ids if i not in flagged]


def test_batch_export_of_a_year_writes_one_workbook_per_form(window, tmp_path, qtbot):
    year_2022 = _year_2022(window)
    store = window.workspace.service.store
    answer_findings_box(qtbot, "all_button", BatchFindingsBox)
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


def test_batch_export_names_the_forms_with_findings_before_writing(window, tmp_path, qtbot):
    year_2022 = _year_2022(window)
    store = window.workspace.service.store
    [flagged], [clean] = _split_by_findings(window, year_2022)
    flagged_form, clean_form = store.load_form(flagged), store.load_form(clean)
    seen = answer_findings_box(qtbot, "clean_button", BatchFindingsBox)
    summary = transfer.export_batch(window, year_2022, str(tmp_path / "out"))
    [question] = seen
    assert describe(flagged_form) in question and describe(clean_form) not in question
    assert f"{len(open_findings(flagged_form))}" in question.split(describe(flagged_form))[1]
    files = [path.name for path in (tmp_path / "out").iterdir()]
    assert files == [export_file_name(clean_form)]          # only the form without findings
    assert store.summary(clean).state == FormState.EXPORTED
    assert store.summary(flagged).state != FormState.EXPORTED
    _headline, lines = window.summaries[-1]
    assert summary is not None and any(describe(flagged_form) in line for line in lines)


def test_cancelling_the_batch_question_writes_nothing(window, tmp_path, qtbot):
    year_2022 = _year_2022(window)
    store = window.workspace.service.store
    seen = answer_findings_box(qtbot, "cancel_button", BatchFindingsBox)
    assert transfer.export_batch(window, year_2022, str(tmp_path / "out")) is None
    assert seen
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert all(store.summary(i).state != FormState.EXPORTED for i in year_2022)
    assert window.summaries == []


def test_a_batch_without_findings_exports_without_a_question(window, tmp_path):
    year_2022 = _year_2022(window)
    _, clean = _split_by_findings(window, year_2022)
    summary = transfer.export_batch(window, clean, str(tmp_path / "out"))   # no modal to answer
    assert summary is not None and len(summary.written) == len(clean)


def _state_shown(window, form_id: int) -> str:
    return window.browser.model.text(form_id, Column.STATE)


def _edit_deviation(window, text: str) -> None:
    """Type into the first indicator's 偏差原因 cell, as the clerk does."""
    grid = window.editor.indicators
    index = grid.model.index(0, grid.grid.column_of("deviation"))
    assert grid.model.setData(index, text, Qt.ItemDataRole.EditRole)


def test_an_edit_after_export_shows_changed_since_export_until_exported_again(window,
                                                                             tmp_path):
    form_id = _open(window, "longhua-2022-grid-info")
    model = window.browser.model
    assert transfer.export_current(window, str(tmp_path / "grid.xlsx"))
    assert _state_shown(window, form_id) == model.state_text("exported")
    _edit_deviation(window, "已按计划完成")
    assert window.session.findings == ()
    assert window.workspace.service.store.summary(form_id).state == FormState.CHANGED
    assert _state_shown(window, form_id) == model.state_text("changed")
    assert model.state_text("changed") != model.state_text("exported")
    assert transfer.export_current(window, str(tmp_path / "grid.xlsx"))
    assert _state_shown(window, form_id) == model.state_text("exported")


def test_a_batch_export_marks_a_changed_form_exported_again(window, tmp_path):
    form_id = _open(window, "longhua-2022-grid-info")
    assert transfer.export_current(window, str(tmp_path / "grid.xlsx"))
    _edit_deviation(window, "已按计划完成")
    assert _state_shown(window, form_id) == window.browser.model.state_text("changed")
    transfer.export_batch(window, [form_id], str(tmp_path / "out"))
    assert _state_shown(window, form_id) == window.browser.model.state_text("exported")


def test_with_findings_in_every_chosen_form_only_all_or_cancel_remain(window, tmp_path, qtbot):
    flagged, _ = _split_by_findings(window, _year_2022(window))
    enabled: list[bool] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, BatchFindingsBox)
        enabled.append(box.clean_button.isEnabled())
        qtbot.keyClick(box, Qt.Key.Key_Escape)           # Esc cancels

    QTimer.singleShot(0, press)
    assert transfer.export_batch(window, flagged, str(tmp_path / "out")) is None
    assert enabled == [False]
