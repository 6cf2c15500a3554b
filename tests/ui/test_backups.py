"""Backups in the window: taken on close and daily, restored from the File menu, and a
restore reloads everything the window shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from conftest import SAMPLE_FILES, load_sample
from db.backup import BackupError, list_backups, make_backup
from desktop.ui import backups, i18n, menu_entries


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "jixiao.sqlite3"


@pytest.fixture
def window(qtbot, path: Path):
    from desktop.ui.app import build_window
    win = build_window(str(path))
    qtbot.addWidget(win)
    win.workspace.service.create_form(load_sample(SAMPLE_FILES[0].stem))
    win.browser.refresh()
    win.show()
    yield win
    win.close()
    win.workspace.service.store.close()


def form_names(window) -> list[str]:
    return sorted(s.name for s in window.workspace.service.store.list_forms())


def add_and_open_second_form(window) -> None:
    form_id, step = window.workspace.service.create_form(load_sample(SAMPLE_FILES[1].stem))
    window.push_form_step(step)
    window.form_set_changed(form_id, show=True)


def test_restoring_replaces_the_forms_and_reloads_the_window(window, path: Path) -> None:
    old = make_backup(path)
    before = form_names(window)
    add_and_open_second_form(window)
    assert window.editor is not None and window.undo_stack.count() == 1
    saved = backups.restore_into(window, old)
    assert form_names(window) == before
    assert window.editor is None and window.undo_stack.count() == 0
    assert saved.reason == "restore" and len(list_backups(path)) == 2
    window.open_form(window.workspace.service.store.list_forms()[0].id)   # still works


def test_the_menu_entry_picks_confirms_and_restores(window, path: Path, monkeypatch) -> None:
    old = make_backup(path)
    add_and_open_second_form(window)
    action = menu_entries.add_backup_actions(window)
    actions = window.file_menu.actions()
    assert actions.index(action) < actions.index(window.quit_action)
    monkeypatch.setattr(backups.BackupDialog, "exec",
                        lambda dialog: (dialog.list.setCurrentRow(0), QDialog.DialogCode.Accepted)[1])
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args: QMessageBox.StandardButton.Yes))
    action.trigger()
    assert len(form_names(window)) == 1
    assert backups.describe(old) in window.statusBar().currentMessage()


def test_the_dialog_lists_backups_newest_first(qtbot, window, path: Path) -> None:
    make_backup(path, "close")
    window.workspace.service.create_form(load_sample(SAMPLE_FILES[1].stem))
    make_backup(path, "auto")
    found = list_backups(path)
    dialog = backups.BackupDialog(found, path.parent / "backups", 10, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2 and not dialog.restore_button.isEnabled()
    dialog.list.setCurrentRow(1)
    assert dialog.restore_button.isEnabled() and dialog.chosen() == found[1]
    assert dialog.list.item(0).text().startswith(backups.describe(found[0]))


def test_without_backups_the_dialog_says_when_one_is_taken(qtbot, window, path: Path) -> None:
    dialog = backups.BackupDialog([], path.parent / "backups", 10, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and dialog.chosen() is None
    assert not dialog.restore_button.isEnabled()


def test_closing_takes_a_backup_once_per_change(window, path: Path) -> None:
    window.close()
    assert backups.back_up_on_close(window).reason == "close"
    assert backups.back_up_on_close(window) is None          # nothing changed since
    window.workspace.service.create_form(load_sample(SAMPLE_FILES[1].stem))
    assert backups.back_up_on_close(window) is not None


def test_the_daily_backup_is_taken_only_when_due(window, path: Path) -> None:
    assert backups.back_up_if_due(window) is not None
    window.workspace.service.create_form(load_sample(SAMPLE_FILES[1].stem))
    assert backups.back_up_if_due(window) is None             # the last one is minutes old


def test_the_number_kept_is_a_setting(window, path: Path) -> None:
    settings = i18n.settings()
    settings.setValue(backups.KEEP_KEY, 2)
    try:
        for sample in SAMPLE_FILES[1:4]:
            window.workspace.service.create_form(load_sample(sample.stem))
            backups.back_up(window, "auto")
        assert len(list_backups(path)) == 2
    finally:
        settings.remove(backups.KEEP_KEY)
    assert backups.kept_backups() == 10


def test_a_failed_backup_is_a_status_line_not_a_dialog(window, monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise BackupError("无法备份数据库到 X：磁盘已满")
    monkeypatch.setattr("db.backup.make_backup", refuse)
    assert backups.back_up(window, "close") is None
    assert window.statusBar().currentMessage() == "无法备份数据库到 X：磁盘已满"


def test_a_refused_restore_leaves_the_window_as_it_was(window, path: Path, tmp_path: Path,
                                                        monkeypatch) -> None:
    bad = tmp_path / "backups" / "jixiao-20240101-120000.000-auto.sqlite3"
    bad.parent.mkdir()
    bad.write_bytes(b"garbage" * 100)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _w, _t, text: warned.append(text)))
    monkeypatch.setattr(backups.BackupDialog, "exec",
                        lambda dialog: (dialog.list.setCurrentRow(0), QDialog.DialogCode.Accepted)[1])
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args: QMessageBox.StandardButton.Yes))
    before = form_names(window)
    assert backups.ask_restore(window) is None
    assert warned and "\n" not in warned[0] and form_names(window) == before


def test_the_menu_entry_is_said_again_when_the_catalogue_changes(qapp, window) -> None:
    from PySide6.QtWidgets import QApplication
    action = menu_entries.add_backup_actions(window)
    assert action.text() == "恢复备份(&R)…"
    try:
        i18n.remove_translations(qapp)
        QApplication.sendPostedEvents()
        assert action.text() == "&Restore backup…"   # the source text, said again
    finally:
        i18n.install_translations(qapp)
        QApplication.sendPostedEvents()
    assert action.text() == "恢复备份(&R)…"
