"""Unhandled exceptions in the window: logged with their traceback, then told to the
clerk in a dialog that names the log file. Never a silent exit.

PySide6 hands an exception raised in a slot or an overridden Qt method to
sys.excepthook and carries on with the event loop, so one hook covers both the
Python side and every Qt callback. Every accepted edit is already in the store, so
the clerk can keep working or restart; the dialog says so.
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.logs import log_exception

_showing = False
"""A dialog is open: a second error (a paint handler failing on every repaint) is only
logged, so the clerk does not face a cascade of dialogs."""


def install() -> None:
    """Route every unhandled exception, on the GUI thread or another, to `handle`."""
    sys.excepthook = handle
    threading.excepthook = _thread_hook


def handle(kind: type[BaseException], error: BaseException,
           traceback: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, traceback)
        return
    refusal = _refusal(error)
    if refusal is not None:
        show_refusal(refusal)
        return
    log = log_exception((kind, error, traceback), "窗口")
    show_error(error, str(log) if log else _no_log())


def _refusal(error: BaseException) -> str | None:
    """The one line of a refusal the store or the rules word for the clerk (the store
    is read-only, the form is stored already, a value is refused) that reached no
    handler of its own: it is no defect, and is said as it is, without a log."""
    from db.records import StoreError  # loaded by now: the store raised it
    from desktop.editing.errors import EditError
    return str(error) if isinstance(error, (StoreError, EditError)) else None


def show_refusal(line: str) -> None:
    if QApplication.instance() is None:
        print(line, file=sys.stderr)
        return
    title = QCoreApplication.translate("MainWindow", "Performance Form Assistant")
    QMessageBox.warning(QApplication.activeWindow(), title, line)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    """A worker thread may not open dialogs: its failure is logged only."""
    if args.exc_value is not None:
        log_exception((args.exc_type, args.exc_value, args.exc_traceback), "后台线程")


def _no_log() -> str:
    return QCoreApplication.translate("Crash", "(the log file could not be written)")


def message(error: BaseException, log: str) -> str:
    return QCoreApplication.translate(
        "Crash", "An unexpected error occurred (%1). Every accepted edit is saved; "
                 "details are in the log: %2").replace("%1", type(error).__name__).replace("%2", log)


def show_error(error: BaseException, log: str) -> None:
    """The dialog, or stderr when there is no application (or one is already open)."""
    global _showing
    if _showing or QApplication.instance() is None:
        print(message(error, log), file=sys.stderr)
        return
    from PySide6.QtCore import Qt  # its enums are costly to load; only needed here
    _showing = True
    try:
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QCoreApplication.translate("Crash", "Unexpected error"),
                          message(error, log), QMessageBox.StandardButton.Ok,
                          QApplication.activeWindow())
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
    finally:
        _showing = False
