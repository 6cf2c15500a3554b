"""Starting the window: the QApplication, the store, and demo data on a first start."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from db.store import Store
from desktop.demo import load_demo
from desktop.editing.service import FormService
from desktop.ui.overview import OverviewWindow


def run_app(db: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("绩效填报助手")
    service = FormService(Store.open(db))
    if not service.store.list_forms():
        load_demo(service)
    window = OverviewWindow(service)
    window.show()
    return app.exec()
