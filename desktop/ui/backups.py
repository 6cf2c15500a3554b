"""Backups in the window: taken by themselves, restored from File ▸ Restore backup….

Automatic backups (db.backup does the copying): one shortly after the store opens if
the newest is a day old, again whenever a day has passed while the window stays open,
and one on close (desktop.ui.app calls these). A backup that fails is logged and shown in
the status bar, never a dialog: the clerk's work goes on. The number kept is the
setting "backups/keep" (default 10).

Restoring replaces the whole store (after backing up the current content), so the
window closes the open form, forgets its undo history and re-reads the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.logs import log_warning
from desktop.ui import i18n

# db.backup loads SQLAlchemy; the menu entry is added before the store is open, so the
# functions that need it import it then.
if TYPE_CHECKING:
    from pathlib import Path

    from db.backup import Backup
    from desktop.ui.main_window import MainWindow

KEEP_KEY = "backups/keep"
DEFAULT_KEEP = 10
FIRST_CHECK_MS = 10_000
CHECK_EVERY_MS = 60 * 60 * 1000   # look once an hour whether the daily backup is due


def kept_backups(settings: QSettings | None = None) -> int:
    """How many backups to keep: the setting, else 10; never fewer than one."""
    value = (settings or i18n.settings()).value(KEEP_KEY, DEFAULT_KEEP)
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return DEFAULT_KEEP


def window_store(window: MainWindow) -> Path | None:
    """The store file the window works on; None before it is open or for a server store."""
    from db.backup import store_file
    if window.workspace is None:
        return None
    return store_file(window.workspace.service.store.url)


# ---------------------------------------------------------------- automatic backups


def back_up(window: MainWindow, reason: str) -> Backup | None:
    """Take a backup now; a failure is logged and shown in the status bar only."""
    from db.backup import BackupError, make_backup
    store = window_store(window)
    if store is None:
        return None
    try:
        return make_backup(store, reason, kept_backups())
    except BackupError as error:
        log_warning(str(error))
        window.statusBar().showMessage(str(error), 15000)
        return None


def back_up_if_due(window: MainWindow) -> Backup | None:
    from db.backup import is_due
    store = window_store(window)
    if store is None or not is_due(store):
        return None
    return back_up(window, "auto")


def start_automatic_backups(window: MainWindow) -> QTimer:
    """Once the store is open: the daily backup when due, checked a little after start
    (so copying a large store does not delay the first screen) and then hourly."""
    QTimer.singleShot(FIRST_CHECK_MS, window, lambda: back_up_if_due(window))
    timer = QTimer(window)
    timer.setObjectName("daily-backup")
    timer.timeout.connect(lambda: back_up_if_due(window))
    timer.start(CHECK_EVERY_MS)
    return timer


def back_up_on_close(window: MainWindow) -> Backup | None:
    """After the window closed (its closeEvent committed the field being typed in)."""
    return back_up(window, "close")


# ---------------------------------------------------------------- restoring


def restore_into(window: MainWindow, backup: Backup) -> Backup | None:
    """Replace the store by the backup and reload the window; BackupError if refused
    (the store and the window are then as they were)."""
    from db.backup import restore_backup
    from db.schema_version import migrate_if_needed
    store = window.workspace.service.store
    if window.editor is not None:
        window.editor.commit_pending()   # typed text belongs in the backup of "before"
    saved = restore_backup(backup.path, window_store(window), kept_backups())
    store.engine.dispose()               # no pooled connection keeps the old schema
    migrate_if_needed(store.engine)      # an older backup may predate a migration
    reload_window(window)
    return saved


def reload_window(window: MainWindow) -> None:
    """The store changed underneath the window: close the form, drop the undo history
    (its steps describe the replaced content) and re-read the list."""
    from desktop.presenters.session import Workspace
    if window.session is not None:
        window.form_set_changed(window.session.form_id, show=False)
    window.undo_stack.clear()
    window.workspace = Workspace(window.workspace.service)
    window.browser.refresh()


def ask_restore(window: MainWindow) -> Backup | None:
    """File ▸ Restore backup…: pick a backup, confirm, restore, say what happened."""
    from db.backup import backup_folder, list_backups
    from db.records import StoreError  # BackupError, or a migration the backup needed
    translate = QCoreApplication.translate
    store = window_store(window)
    if store is None:
        window.statusBar().showMessage(
            translate("Backups", "This store has no backups (not a SQLite file)."), 10000)
        return None
    dialog = BackupDialog(list_backups(store), backup_folder(store), kept_backups(), window)
    chosen = dialog.chosen() if dialog.exec() else None
    if chosen is None or not _confirm(window, chosen):
        return None
    try:
        restore_into(window, chosen)
    except StoreError as error:
        QMessageBox.warning(window, translate("Backups", "Restore backup"), str(error))
        return None
    done = QCoreApplication.translate(
        "Backups", "Restored the backup of %1; the data it replaced was backed up first.")
    window.statusBar().showMessage(done.replace("%1", describe(chosen)), 15000)
    return chosen


def _confirm(window: MainWindow, backup: Backup) -> bool:
    question = QCoreApplication.translate(
        "Backups", "Replace all forms by the backup of %1? The current data is backed up first.")
    answer = QMessageBox.question(window, QCoreApplication.translate("Backups", "Restore backup"),
                                  question.replace("%1", describe(backup)))
    return answer == QMessageBox.StandardButton.Yes


def describe(backup: Backup) -> str:
    return f"{backup.taken:%Y-%m-%d %H:%M:%S}"


# ---------------------------------------------------------------- the dialog


class BackupDialog(QDialog):
    """The store's backups, newest first, with when and why each was taken."""

    def __init__(self, backups: list[Backup], folder: Path, keep: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.setWindowTitle(self.tr("Restore backup"))
        self.resize(560, 380)
        intro = QLabel(self.tr("Backups are kept in %1 (the newest %2).")
                       .replace("%1", str(folder)).replace("%2", str(keep)))
        intro.setWordWrap(True)
        self.list = QListWidget()
        for backup in backups:
            self.list.addItem(QListWidgetItem(self._line(backup)))
        if not backups:
            self.list.addItem(self.tr("No backups yet: one is taken when the window closes."))
            self.list.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("Restore"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(lambda row: self.restore_button.setEnabled(
            0 <= row < len(self.backups)))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        for widget in (intro, self.list, self.buttons):
            layout.addWidget(widget)

    def _line(self, backup: Backup) -> str:
        reason = {"auto": self.tr("daily"), "close": self.tr("on close"),
                  "restore": self.tr("before a restore")}.get(backup.reason, backup.reason)
        return f"{describe(backup)}    {reason}    {max(backup.size // 1024, 1)} KB"

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None
