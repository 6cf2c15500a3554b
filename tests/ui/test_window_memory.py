"""The window remembers between starts: its size and docks, the open form, and the
folders last used in the file dialogs; a first start is maximised."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QToolBar

from conftest import SAMPLE_FILES, load_sample


def _built(qtbot, store_url):
    from desktop.ui.app import build_window
    win = build_window(store_url)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _closed(win) -> None:
    win.close()
    win.workspace.service.store.close()


def test_docks_size_and_open_form_come_back_in_the_next_window(qtbot, store_url):
    first = _built(qtbot, store_url)
    ids = [first.workspace.service.create_form(load_sample(path.stem))[0]
           for path in SAMPLE_FILES]
    first.browser.refresh()
    first.open_form(ids[2])
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, first.findings_dock)
    first.project_dock.close()
    first.resize(700, 500)
    qtbot.waitUntil(lambda: first.size().width() == 700)
    _closed(first)

    second = _built(qtbot, store_url)
    assert not second.project_dock.isVisible()
    assert second.dockWidgetArea(second.findings_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert second.findings_dock.isVisible() and second.browser_dock.isVisible()
    assert (second.width(), second.height()) == (700, 500)
    assert second.remembered
    assert second.session is not None and second.session.form_id == ids[2]
    _closed(second)


def test_a_form_deleted_since_or_another_store_opens_nothing(qtbot, store_url, tmp_path):
    first = _built(qtbot, store_url)
    form_id = first.workspace.service.create_form(load_sample(SAMPLE_FILES[0].stem))[0]
    first.browser.refresh()
    first.open_form(form_id)
    _closed(first)

    other = _built(qtbot, f"sqlite:///{tmp_path / 'other.sqlite3'}")
    other.workspace.service.create_form(load_sample(SAMPLE_FILES[0].stem))
    assert other.session is None      # same id, but not the store it was open in
    _closed(other)

    from db.store import Store
    with Store(store_url) as store:
        store.delete_form(form_id)
    again = _built(qtbot, store_url)
    assert again.session is None
    _closed(again)


def test_closing_with_no_form_open_forgets_the_form(qtbot, store_url):
    first = _built(qtbot, store_url)
    form_id = first.workspace.service.create_form(load_sample(SAMPLE_FILES[0].stem))[0]
    first.browser.refresh()
    first.open_form(form_id)
    first._close_editor()
    _closed(first)
    second = _built(qtbot, store_url)
    assert second.session is None
    _closed(second)


def test_a_first_start_is_maximised_and_a_later_one_is_not(qtbot, store_url):
    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow
    make_application()
    first = MainWindow()
    qtbot.addWidget(first)
    assert not first.remembered
    first.show_at_start()
    qtbot.waitUntil(lambda: first.isMaximized())
    first.showNormal()
    qtbot.waitUntil(lambda: not first.isMaximized())
    first.close()

    later = MainWindow()
    qtbot.addWidget(later)
    assert later.remembered
    later.show_at_start()
    qtbot.waitExposed(later)
    assert not later.isMaximized()
    later.close()


def test_every_dock_and_toolbar_has_a_stable_name(window):
    for widget in window.findChildren(QDockWidget) + window.findChildren(QToolBar):
        assert widget.objectName(), widget
    names = [dock.objectName() for dock in window.findChildren(QDockWidget)]
    assert len(names) == len(set(names))


def test_the_view_menu_hides_and_shows_every_panel(window, qtbot):
    in_menu = window.view_menu.actions()
    docks = window.findChildren(QDockWidget)
    assert set(docks) == set(window.docks())
    for dock in docks:
        action = dock.toggleViewAction()
        assert action in in_menu
        assert action.text() == dock.windowTitle() and action.text()
    window.project_dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: not window.project_dock.isVisible())
    assert not window.project_dock.toggleViewAction().isChecked()
    window.project_dock.toggleViewAction().trigger()
    qtbot.waitUntil(window.project_dock.isVisible)
    # A panel closed with its own × comes back from the menu.
    window.findings_dock.close()
    assert not window.findings_dock.toggleViewAction().isChecked()
    window.findings_dock.toggleViewAction().trigger()
    qtbot.waitUntil(window.findings_dock.isVisible)


def test_the_folder_helper_round_trips(tmp_path):
    from desktop.ui import folders
    assert folders.last_folder(folders.IMPORT) == str(Path.home())
    chosen = tmp_path / "imports" / "a form.xlsx"
    chosen.parent.mkdir()
    chosen.write_bytes(b"")
    folders.remember_folder(folders.IMPORT, chosen)
    (tmp_path / "pdfs").mkdir()
    folders.remember_folder(folders.PDF, str(tmp_path / "pdfs"))
    folders.remember_folder(folders.EXPORT, tmp_path / "out" / "not yet.xlsx")
    folders.remember_folder(folders.IMPORT, "")          # a cancelled dialog
    assert folders.last_folder(folders.IMPORT) == str((tmp_path / "imports").resolve())
    assert folders.last_folder(folders.PDF) == str((tmp_path / "pdfs").resolve())
    # A folder that does not (or no longer) exist is not offered.
    assert folders.last_folder(folders.EXPORT) == str(Path.home())
    (tmp_path / "out").mkdir()
    assert folders.last_folder(folders.EXPORT) == str((tmp_path / "out").resolve())
    with pytest.raises(ValueError):
        folders.last_folder("elsewhere")
