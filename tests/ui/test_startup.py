"""Start-up: the window is drawn before the store opens, and then lists the forms."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from conftest import load_sample


def test_the_window_module_does_not_load_the_database_libraries() -> None:
    code = ("import sys; import desktop.ui.app; "
            "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'alembic', 'openpyxl') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_shown_window_lists_the_forms_once_the_store_is_attached(qtbot, store_url) -> None:
    from db.store import Store
    from desktop.ui.app import MainWindow, attach_store, make_application
    with Store(store_url) as store:
        from desktop.editing.service import FormService
        FormService(store).create_form(load_sample("longhua-2022-grid-info"))
    make_application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.browser is None and not window.new_action.isEnabled()
    assert attach_store(window, store_url, ask_demo=False)
    assert window.new_action.isEnabled()
    assert window.browser.model.rowCount() == 1           # one year
    window.workspace.service.store.close()


def test_a_store_that_cannot_be_opened_is_a_sentence(qtbot, tmp_path, monkeypatch) -> None:
    from desktop.ui.app import MainWindow, attach_store, make_application
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: shown.append(text)))
    bad = tmp_path / "not-a-database.sqlite3"
    bad.write_bytes(b"this is not SQLite" * 100)
    make_application()
    window = MainWindow()
    qtbot.addWidget(window)
    assert not attach_store(window, str(bad), ask_demo=False)
    assert shown and "\n" not in shown[0]


class PaintLog(QObject):
    """Appends "paint" to `order` at each paint event of the widget it filters."""

    def __init__(self, order: list[str]) -> None:
        super().__init__()
        self.order = order

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.order.append("paint")
        return False


def test_the_window_is_drawn_before_the_store_is_opened(qtbot, store_url, monkeypatch) -> None:
    """run_app's start sequence: a zero timer at show() would open the store before Qt
    had processed the window's first paint, leaving it blank for the whole open."""
    from db.store import Store
    from desktop.editing.service import FormService
    from desktop.ui import app
    with Store(store_url) as store:
        FormService(store).create_form(load_sample("longhua-2022-grid-info"))
    order: list[str] = []
    loading, opening = app._load_store_libraries, app.open_workspace
    app.make_application()
    window = app.MainWindow()
    qtbot.addWidget(window)
    monkeypatch.setattr(app, "_load_store_libraries",
                        lambda: (order.append("libraries"), loading())[1])
    monkeypatch.setattr(app, "open_workspace", lambda db: (   # "Opening the store…" on screen
        order.append("store" if window.opening.isVisible() else "store, unannounced"),
        opening(db))[1])
    painted = PaintLog(order)
    window.installEventFilter(painted)
    opened: list[bool] = []
    app.start(window, store_url, opened.append, ask_demo=False)
    assert order == []                                     # nothing before the event loop
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert opened == [True]
    assert order[0] == "paint" and order.index("libraries") < order.index("store")
    assert window.browser.model.rowCount() == 1
    window.workspace.service.store.close()


def test_a_store_that_cannot_be_opened_ends_the_start(qtbot, tmp_path, monkeypatch) -> None:
    from desktop.ui import app
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: None))
    bad = tmp_path / "not-a-database.sqlite3"
    bad.write_bytes(b"this is not SQLite" * 100)
    app.make_application()
    window = app.MainWindow()
    qtbot.addWidget(window)
    opened: list[bool] = []
    app.start(window, str(bad), opened.append, ask_demo=False)
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert opened == [False] and window.browser is None


def test_a_window_that_never_paints_still_gets_its_store(qtbot) -> None:
    from desktop.ui.app import AfterFirstPaint
    hidden = QWidget()
    qtbot.addWidget(hidden)
    ran: list[str] = []
    AfterFirstPaint(hidden, lambda: ran.append("ran"), fallback_ms=50)
    qtbot.waitUntil(lambda: bool(ran))
    hidden.show()                                           # a later paint runs nothing
    qtbot.waitExposed(hidden)
    hidden.repaint()
    QCoreApplication.processEvents()
    assert ran == ["ran"]
