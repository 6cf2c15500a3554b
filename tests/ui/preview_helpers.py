"""Driving the real import preview from a test, without a blocking exec()."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop.ui.import_preview import ImportPreviewDialog

Ok, Cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel


def through_dialog(window, qtbot, act: Callable[[ImportPreviewDialog], None],
                   button=Ok) -> Callable:
    """A `choose` for import_paths: the real dialog, acted on, then a button pressed."""
    def choose(plan) -> bool:
        dialog = ImportPreviewDialog(plan, window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        act(dialog)
        qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted
    return choose
