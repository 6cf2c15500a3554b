"""导入… / 导出… / 批量导出… through the window, with the dialogs' answers supplied."""

from __future__ import annotations


import pytest

from conftest import SAMPLE_FILES, load_sample
from db.records import FormState
from desktop.interchange.json_form import form_to_dict
from desktop.template.reader import read_workbook
from desktop.ui import transfer


@pytest.fixture
def window(empty_window):
    return empty_window


def test_export_of_the_open_form_writes_the_template_and_marks_it_exported(window, tmp_path):
    form_id, _ = window.workspace.service.create_form(load_sample("guangming-2024-market"))
    window.browser.refresh()
    window.open_form(form_id)
    target = tmp_path / "guangming.xlsx"
    assert transfer.export_current(window, str(target))
    back = read_workbook(target)
    assert back.indicators[6].score == window.session.form.indicators[6].score
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
