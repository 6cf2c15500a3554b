"""Menu entries whose dialogs are big modules: the entry is made at start-up, the module
behind it is imported the first time the clerk opens it. Importing them while the window
is built cost about 60 ms before its first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from desktop.ui.i18n import ActionText

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def add_backup_actions(window: MainWindow) -> QAction:
    """File ▸ Restore backup…, placed before Quit; returns the action (window.restore_action)."""
    def restore() -> None:
        from desktop.ui.backups import ask_restore
        ask_restore(window)

    action = QAction(window)
    action.setObjectName("restore-backup")
    action.triggered.connect(restore)
    window.file_menu.insertAction(window.quit_action, action)
    window.file_menu.insertSeparator(window.quit_action)
    ActionText(window, action, lambda: QCoreApplication.translate("Backups", "&Restore backup…"))
    window.restore_action = action
    return action


def add_user_layouts_action(window: MainWindow) -> QAction:
    """File ▸ Taught layouts…, after the import entries; returns it (window.user_layouts_action)."""
    def show() -> None:
        from desktop.ui.user_layouts_dialog import show_user_layouts
        show_user_layouts(window)

    action = QAction(window)
    action.setObjectName("taught-layouts")
    action.triggered.connect(show)
    window.file_menu.insertAction(window.export_action, action)
    ActionText(window, action,
               lambda: QCoreApplication.translate("UserLayouts", "&Taught layouts…"))
    window.user_layouts_action = action
    return action
