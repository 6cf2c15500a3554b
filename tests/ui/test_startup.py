"""Start-up: the window is drawn before the store opens, and then lists the forms."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

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
