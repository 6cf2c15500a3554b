"""Menu entries whose dialogs are big modules: the entry is made at start-up, the module
behind it is imported the first time the clerk opens it. Importing them while the window
is built cost about 60 ms before its first paint."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from desktop.ui.i18n import ActionText

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def _entry(window: MainWindow, name: str, before: QAction, open_it: Callable[[], None],
           text: Callable[[], str]) -> QAction:
    action = QAction(window)
    action.setObjectName(name)
    action.triggered.connect(open_it)
    window.file_menu.insertAction(before, action)
    ActionText(window, action, text)
    return action


def add_backup_actions(window: MainWindow) -> QAction:
    """File ▸ Restore backup…, placed before Quit; returns the action (window.restore_action)."""
    def restore() -> None:
        from desktop.ui.backups import ask_restore
        ask_restore(window)

    window.restore_action = _entry(
        window, "restore-backup", window.quit_action, restore,
        lambda: QCoreApplication.translate("Backups", "&Restore backup…"))
    window.file_menu.insertSeparator(window.quit_action)
    return window.restore_action


def add_user_layouts_action(window: MainWindow) -> QAction:
    """File ▸ Taught layouts…, after the import entries; returns it (window.user_layouts_action)."""
    def show() -> None:
        from desktop.ui.user_layouts_dialog import show_user_layouts
        show_user_layouts(window)

    window.user_layouts_action = _entry(
        window, "taught-layouts", window.export_action, show,
        lambda: QCoreApplication.translate("UserLayouts", "&Taught layouts…"))
    return window.user_layouts_action
