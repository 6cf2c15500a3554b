"""A status-bar figure that does not move the window's layout as it changes.

The figures in the status bar (问题 and 总分, the selection's 计数/求和) change with
every edit. A plain QLabel asks its parents to lay out again whenever its text's width
changes, and the main window then repaints its whole area: a frame's worth of work
for a few characters. This label only ever grows, to the widest text it has shown, and
holds a fixed size otherwise, so a new figure repaints the label alone.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

SPARE_CHARACTERS = 4
"""Room for a figure a few digits longer than the first one shown."""


class StatusFigure(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._width = 0

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        wanted = self.sizeHint().width()
        if wanted > self._width:    # grow once, with room to spare, then stay put
            spare = self.fontMetrics().horizontalAdvance("0" * SPARE_CHARACTERS)
            self._width = wanted + spare
            self.setFixedSize(self._width, self.sizeHint().height())
