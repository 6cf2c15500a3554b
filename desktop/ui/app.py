"""Starting the window: the QApplication, the language, the store, and on a first start
with an empty store the offer to load the sample forms as a demo."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from db.store import Store
from desktop.demo import load_demo
from desktop.editing.service import FormService
from desktop.presenters.session import Workspace
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow

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
    i18n.install_translations(app)
    return app


def offer_demo(window: MainWindow, ask: bool = True) -> bool:
    """On a first start with an empty store, offer the published sample forms."""
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


def build_window(db: str | None = None) -> MainWindow:
    make_application()
    return MainWindow(Workspace(FormService(Store.open(db))))


def run_app(db: str | None = None) -> int:
    app = make_application()
    window = MainWindow(Workspace(FormService(Store.open(db))))
    window.show()
    offer_demo(window)
    return app.exec()
