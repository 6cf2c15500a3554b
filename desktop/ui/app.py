"""Starting the window: the QApplication, the language, the store, and on a first start
with an empty store the offer to load the sample forms as a demo."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.resources import resource_path
from desktop.ui import crash, i18n
from desktop.ui.main_window import MainWindow

STARTUP_PROBE = "JIXIAO_STARTUP_PROBE"
"""Set by bench/bench_package.py: print "listed" once the store is open and listed, then
quit, so the packaged build's start-up can be timed like the unfrozen one."""

PAINT_FALLBACK_MS = 1000
"""How long start-up waits for the window's first paint before opening the store anyway:
a window that is hidden, minimised or on a platform that never paints it must still get
its store. A drawn window paints within a few milliseconds of the event loop starting."""

CJK_FAMILIES = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC",
                "WenQuanYi Micro Hei"]


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("jixiao")
    app.setOrganizationName("jixiao")
    # fontconfig would otherwise pick the Japanese variant of Noto CJK for 汉字.
    font = QFont(app.font())
    font.setFamilies(CJK_FAMILIES + font.families())
    app.setFont(font)
    app.setWindowIcon(QIcon(str(resource_path("icons", "jixiao.png"))))
    i18n.install_translations(app)
    return app


def offer_demo(window: MainWindow, ask: bool = True) -> bool:
    """On a first start with an empty store, offer the published sample forms."""
    if window.browser.model.rowCount():   # it has just listed the store: not empty
        return False
    from desktop.demo import load_demo  # only for an empty store
    service = window.workspace.service
    if ask:
        answer = QMessageBox.question(
            window, QCoreApplication.translate("App", "Welcome"),
            QCoreApplication.translate(
                "App", "The store is empty. Load the published sample forms as a demo?"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
    load_demo(service)
    window.browser.refresh()
    return True


def open_workspace(db: str | None):  # -> Workspace
    from db.store import Store  # SQLAlchemy and SQLModel: most of start-up's imports
    from desktop.editing.service import FormService
    from desktop.presenters.session import Workspace
    return Workspace(FormService(Store.open(db)))


def build_window(db: str | None = None) -> MainWindow:
    """A window on an open store, at once (tests, the self-test, screenshots)."""
    make_application()
    return MainWindow(open_workspace(db))


def attach_store(window: MainWindow, db: str | None, ask_demo: bool = True) -> bool:
    """Open the store into a shown window; a store that cannot be opened is a sentence."""
    workspace = _open_or_say(window, db)
    if workspace is None:
        return False
    _fill(window, workspace, ask_demo)
    return True


def _open_or_say(window: MainWindow, db: str | None):  # -> Workspace | None
    from db.records import StoreError
    try:
        with _busy():
            return open_workspace(db)
    except StoreError as error:
        QMessageBox.critical(window, QCoreApplication.translate("App", "Cannot open the store"),
                             str(error))
        return None


def _fill(window: MainWindow, workspace, ask_demo: bool) -> None:
    """List the open store's forms in the window, then the first-start demo and backups."""
    with _busy():
        window.attach(workspace)
    offer_demo(window, ask=ask_demo)
    from desktop.ui import backups  # after the first paint, like the store itself
    backups.start_automatic_backups(window)


@contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor over a step that blocks the event loop, so the clerk can tell the
    window is working rather than stuck; taken away before any dialog."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class AfterFirstPaint(QObject):
    """Runs `then` once, in the event-loop turn after `window`'s first paint event, when the
    drawn window has been handed to the screen; after `fallback_ms` if it never paints.

    A zero timer set at show() is not enough: it runs before Qt processes the expose and
    paint events, so a long first step would keep the window blank."""

    def __init__(self, window: QWidget, then: Callable[[], None],
                 fallback_ms: int = PAINT_FALLBACK_MS) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._run)
        self._fallback.start(fallback_ms)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            # The paint itself and the flush to the screen finish in this turn; run after.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        if self._then is None:
            return
        then, self._then = self._then, None
        self._fallback.stop()
        self._window.removeEventFilter(self)
        then()


def start(window: MainWindow, db: str | None, done: Callable[[bool], None],
          ask_demo: bool = True) -> AfterFirstPaint:
    """Show the window, and once it is drawn open the store and list its forms; `done`
    gets whether the store opened. Each blocking step runs in its own event-loop turn, so
    clicks, key presses and repaints that arrive in between are handled between steps.

    What still freezes the window is the store's open (the database libraries' import and
    the schema check) and the listing, each one call; closing that needs both moved off
    the GUI thread, with the engine created and used there only and the listing handed
    back as plain rows."""
    window.show_at_start()   # as it was closed; maximised on a first start

    def load_libraries() -> None:
        _load_store_libraries()
        QTimer.singleShot(0, window, open_store)

    def open_store() -> None:
        workspace = _open_or_say(window, db)
        if workspace is None:
            done(False)
            return
        QTimer.singleShot(0, window, lambda: (_fill(window, workspace, ask_demo), done(True)))

    return AfterFirstPaint(window, load_libraries)


def _load_store_libraries() -> None:
    """What open_workspace imports (SQLAlchemy, SQLModel, the rules): the larger part of
    opening a store, in a turn of its own."""
    with _busy():
        import db.store  # noqa: F401
        import desktop.editing.service
        import desktop.presenters.session  # noqa: F401
    # What is loaded by now lives as long as the process: the collector's full passes
    # need not walk it again. Listing a large store makes enough objects to start one
    # (0.1 s at 20,000 forms, nearly all of it spent on these modules' objects).
    gc.freeze()


def run_app(db: str | None = None) -> int:
    """Show the window first and open the store once it has been drawn, so the clerk sees
    the window as soon as Qt can draw it. Unhandled errors are logged and shown
    (desktop.ui.crash); closing the window takes a backup (desktop.ui.backups)."""
    app = make_application()
    crash.install()
    try:
        window = MainWindow()
        start(window, db, lambda opened: _started(app, opened))
        code = app.exec()
    except Exception:  # noqa: BLE001 - before or outside the event loop: still a dialog
        crash.handle(*sys.exc_info())  # type: ignore[arg-type]
        return 1
    from desktop.ui import backups
    backups.back_up_on_close(window)
    return code


def _started(app: QApplication, opened: bool) -> None:
    if not opened:
        app.exit(1)
    elif os.environ.get(STARTUP_PROBE):
        print("listed", flush=True)
        app.quit()
