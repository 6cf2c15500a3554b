"""Starting the window: the QApplication, the language, the store, and on a first start
with an empty store the offer to load the sample forms as a demo."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.resources import resource_path
from desktop.ui import crash, i18n
from desktop.ui.main_window import MainWindow

STARTUP_PROBE = "JIXIAO_STARTUP_PROBE"
"""Set by bench/bench_package.py: print "listed" once the store is open and listed, then
quit, so the packaged build's start-up can be timed like the unfrozen one."""

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
    from desktop.demo import load_demo
    service = window.workspace.service
    if service.store.list_forms():
        return False
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
    from db.store import Store   # SQLAlchemy and SQLModel: most of start-up's imports
    from desktop.editing.service import FormService
    from desktop.presenters.session import Workspace
    return Workspace(FormService(Store.open(db)))


def build_window(db: str | None = None) -> MainWindow:
    """A window on an open store, at once (tests, the self-test, screenshots)."""
    make_application()
    return MainWindow(open_workspace(db))


def attach_store(window: MainWindow, db: str | None, ask_demo: bool = True) -> bool:
    """Open the store into a shown window; a store that cannot be opened is a sentence."""
    from db.records import StoreError
    try:
        window.attach(open_workspace(db))
    except StoreError as error:
        QMessageBox.critical(window, QCoreApplication.translate("App", "Cannot open the store"),
                             str(error))
        return False
    offer_demo(window, ask=ask_demo)
    from desktop.ui import backups   # after the first paint, like the store itself
    backups.start_automatic_backups(window)
    return True


def run_app(db: str | None = None) -> int:
    """Show the window first and open the store in the first turn of the event loop, so
    the clerk sees the window as soon as Qt can draw it. Unhandled errors are logged and
    shown (desktop.ui.crash); closing the window takes a backup (desktop.ui.backups)."""
    app = make_application()
    crash.install()
    try:
        window = MainWindow()
        window.show_at_start()   # as it was closed; maximised on a first start
        QTimer.singleShot(0, lambda: attach_store(window, db) or app.exit(1))
        if os.environ.get(STARTUP_PROBE):
            QTimer.singleShot(0, lambda: (print("listed", flush=True), app.quit()))
        code = app.exec()
    except Exception:  # noqa: BLE001 - before or outside the event loop: still a dialog
        crash.handle(*sys.exc_info())  # type: ignore[arg-type]
        return 1
    from desktop.ui import backups
    backups.back_up_on_close(window)
    return code
