"""An import of many files from the window: every form listed and stored once, the
browser updated once at the end rather than per form, and one undo step for all."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from conftest import SAMPLE_FILES, load_sample
from desktop.interchange.json_form import write_form
from desktop.ui import transfer

COPIES = 5
"""Of each sample: with five samples, more forms than the main window updates row by
row (MainWindow.FEW_FORMS), so the import takes the one-refresh path."""


@pytest.fixture
def window(empty_window):
    return empty_window


def _numbered_copy(stem: str, number: int):
    """The sample under its own code, so every file is a new form."""
    form = copy.deepcopy(load_sample(stem))
    code = f"IMPORT{number:04d}"
    if hasattr(form, "project_code"):
        form.project_code = code
    else:
        form.unit_code = code
    return form


def _folder_of_forms(folder: Path, copies: int) -> list[str]:
    """`copies` files of every sample, each a new form; their codes."""
    folder.mkdir()
    codes = []
    for number in range(copies * len(SAMPLE_FILES)):
        form = _numbered_copy(SAMPLE_FILES[number % len(SAMPLE_FILES)].stem, number)
        write_form(folder / f"{number:03d}.json", form)
        codes.append(form.code)
    return codes


def _stored_codes(window) -> list[str]:
    return sorted(summary.code for summary in window.workspace.service.store.list_forms())


def _watch_browser(window, monkeypatch) -> tuple[list[int], list[int]]:
    """Record the browser's whole re-listings and the rows it updates (by form id)."""
    browser = window.browser
    refreshes: list[int] = []
    rows: list[int] = []
    refresh, update_forms = browser.refresh, browser.update_forms
    monkeypatch.setattr(browser, "refresh", lambda: (refreshes.append(1), refresh())[-1])
    monkeypatch.setattr(browser, "update_forms",
                        lambda form_ids: (rows.extend(form_ids), update_forms(form_ids))[-1])
    return refreshes, rows


def test_every_imported_form_is_listed_and_stored_once_and_one_undo_removes_them(
        window, tmp_path, monkeypatch):
    codes = _folder_of_forms(tmp_path / "in", COPIES)
    assert len(codes) > window.FEW_FORMS
    refreshes, rows = _watch_browser(window, monkeypatch)
    results = transfer.import_paths(window, [str(tmp_path / "in")], lambda plan: True)
    imported = [result.form_id for result in results if result.ok]
    assert len(imported) == len(codes) and _stored_codes(window) == sorted(codes)   # each once
    assert len(refreshes) == 1 and set(rows) <= {imported[-1]}   # no row by row; the open one
    assert all(window.browser.select_form(form_id) for form_id in imported)
    assert window.session.form_id == imported[-1]          # the last one is open
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert _stored_codes(window) == [] and window.session is None
    assert not any(window.browser.select_form(form_id) for form_id in imported)
    window.undo_stack.redo()
    assert _stored_codes(window) == sorted(codes)
    assert all(window.browser.select_form(form_id) for form_id in imported)
    assert window.session.form_id == imported[-1]
    assert len(refreshes) == 3                              # once per import, undo and redo


def test_a_few_forms_update_only_their_own_rows(window, tmp_path, monkeypatch):
    codes = _folder_of_forms(tmp_path / "in", 1)
    assert len(codes) <= window.FEW_FORMS
    refreshes, rows = _watch_browser(window, monkeypatch)
    results = transfer.import_paths(window, [str(tmp_path / "in")], lambda plan: True)
    imported = [result.form_id for result in results if result.ok]
    assert len(imported) == len(codes) and _stored_codes(window) == sorted(codes)
    assert refreshes == [] and set(rows) == set(imported)
    assert all(window.browser.select_form(form_id) for form_id in imported)
    window.undo_stack.undo()
    assert not any(window.browser.select_form(form_id) for form_id in imported)


def tick_all(plan) -> bool:
    """The preview's choice to replace every stored form with the file's."""
    for index in range(len(plan.rows)):
        plan.set_ticked(index, True)
    return True


def test_undoing_a_reimport_brings_back_the_replaced_form_and_opens_it(window, tmp_path):
    sample = SAMPLE_FILES[0]
    [first] = transfer.import_paths(window, [str(sample)], lambda plan: True)
    renamed = load_sample(sample.stem)
    renamed.project_name += "（调整）"
    write_form(tmp_path / sample.name, renamed)
    [again] = transfer.import_paths(window, [str(tmp_path / sample.name)], tick_all)
    store = window.workspace.service.store
    assert again.form_id == first.form_id and window.undo_stack.count() == 2
    assert store.load_form(first.form_id).name == renamed.name
    window.undo_stack.undo()
    assert store.load_form(first.form_id).name == load_sample(sample.stem).name
    assert window.session.form_id == first.form_id
    assert window.session.form.name == load_sample(sample.stem).name
    assert window.browser.select_form(first.form_id)
