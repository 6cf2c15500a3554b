"""Refusals the store words for the clerk reach the window as that one line: a store
that can only be read, a form that is stored already. Never the crash dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from conftest import load_sample
from desktop.ui import crash


def _open_first_form(window) -> None:
    window.open_form(window.browser.presenter.entries()[0].form_id)


def test_a_read_only_store_says_so_in_the_title_and_at_the_refused_cell(window, tmp_path):
    store = window.workspace.service.store
    store.read_only = True           # as a file without write permission opens
    window.retranslate()
    assert "只读" in window.windowTitle()
    _open_first_form(window)
    panel = window.editor.indicators
    index = panel.model.index(0, panel.grid.column_of("actual"))
    before = index.data()
    assert not panel.model.setData(index, "1", Qt.ItemDataRole.EditRole)
    assert "只读" in panel.model.last_refusal
    assert index.data() == before


def test_exporting_from_a_read_only_store_writes_the_file_and_keeps_the_state(
        window, tmp_path, monkeypatch):
    from desktop.ui import export_check, transfer
    monkeypatch.setattr(export_check, "findings_allow_export", lambda parent, findings: True)
    store = window.workspace.service.store
    _open_first_form(window)
    state_before = window.browser.model.entry(window.session.form_id).state
    store.read_only = True
    target = tmp_path / "out.xlsx"
    assert transfer.export_current(window, str(target))
    assert target.is_file()
    assert window.browser.model.entry(window.session.form_id).state == state_before


def test_duplicating_a_form_stores_a_copy_under_a_blank_code(window):
    _open_first_form(window)
    original = window.session.form
    before = len(window.browser.presenter.entries())
    window.duplicate_form()
    assert len(window.browser.presenter.entries()) == before + 1
    copy = window.session.form
    assert copy.project_code == "" and copy.name.startswith(original.name)
    assert copy.name != original.name


def test_a_new_form_that_is_stored_already_is_refused_in_the_status_bar(window, monkeypatch):
    from desktop.ui import new_form
    twin = load_sample("longhua-2022-grid-info")
    monkeypatch.setattr(new_form.NewFormDialog, "exec", lambda self: True)
    monkeypatch.setattr(new_form.NewFormDialog, "form", lambda self: twin)
    before = len(window.browser.presenter.entries())
    window.new_form()
    assert len(window.browser.presenter.entries()) == before
    assert "已在库中" in window.statusBar().currentMessage()


def test_a_refusal_nobody_caught_is_a_warning_not_the_crash_dialog(window, monkeypatch):
    from db.records import StoreReadOnly
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(crash, "show_error", lambda *args: shown.append("crash"))
    error = StoreReadOnly("数据库 x 是只读的：可以查看和导出，不能修改或导入")
    crash.handle(type(error), error, None)
    assert shown == [str(error)]
