"""What every form editor shares: the session it edits, its committing parts, and the
signals the main window listens to."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QScrollArea, QSplitter, QVBoxLayout, QWidget

from desktop.editing.effects import Changed
from desktop.presenters.session import FormSession
from desktop.ui.form_parts import CommittingPart, HeaderForm, TextBlock, title_label
from desktop.ui.indicator_panel import IndicatorPanel
from desktop.ui.sheet import SheetView


class FormEditor(QWidget):
    step_done = Signal(object)
    refused = Signal(str)
    figures_changed = Signal(str)   # count and sum of the numeric cells selected

    def __init__(self, session: FormSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.parts: list[QWidget] = []
        self.indicators = IndicatorPanel(session, session.layout.blocks.get("indicators", ""))
        self._wire(self.indicators)
        self.upper = QWidget()
        self.upper_layout = QVBoxLayout(self.upper)
        self.upper_layout.addWidget(title_label(session.layout.title))
        session.listeners.append(self._on_changed)

    def _wire(self, part: QWidget) -> QWidget:
        part.step_done.connect(self.step_done)   # type: ignore[attr-defined]
        part.refused.connect(self.refused)       # type: ignore[attr-defined]
        self.parts.append(part)
        return part

    def add_part(self, part: QWidget) -> QWidget:
        self.upper_layout.addWidget(self._wire(part))
        return part

    def header_fields(self) -> list[tuple[tuple[str, ...], str]]:
        return [((field.field,), field.label) for field in self.session.layout.header]

    def scrolled_upper(self) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.upper)
        return area

    def arrange(self, upper_share: int, grid_share: int) -> None:
        """The header blocks above, scrolling; the indicator grid below; a splitter between.
        Then the keyboard's order through them: Tab field by field, Ctrl+Tab block by block."""
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.scrolled_upper())
        splitter.addWidget(self.indicators)
        splitter.setStretchFactor(0, upper_share)
        splitter.setStretchFactor(1, grid_share)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._keyboard_order()

    # ------------------------------------------------------------ keyboard

    def blocks(self) -> list[list[QWidget]]:
        """The form's blocks in reading order (header → funds → goals → indicators), each
        as the widgets Tab stops at. Neighbouring parts of one kind (the header's lines,
        the two goal texts) make one block."""
        blocks: list[list[QWidget]] = []
        previous: type | None = None
        for part in [p for p in self.parts if p is not self.indicators] + [self.indicators]:
            stops = _stops(part)
            if not stops:
                continue
            if type(part) is previous and isinstance(part, (HeaderForm, TextBlock)):
                blocks[-1] += stops
            else:
                blocks.append(stops)
            previous = type(part)
        return blocks

    def _keyboard_order(self) -> None:
        stops = [stop for block in self.blocks() for stop in block]
        for first, second in pairwise(stops):
            QWidget.setTabOrder(first, second)
        for view in self.findChildren(SheetView):
            view.figures_changed.connect(self.figures_changed)
        for keys, delta in ((["Ctrl+Tab"], 1), (["Ctrl+Shift+Tab", "Ctrl+Shift+Backtab"], -1)):
            shortcut = QShortcut(self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setKeys([QKeySequence(key) for key in keys])
            shortcut.activated.connect(lambda d=delta: self.jump_block(d))

    def focus_first(self) -> None:
        blocks = self.blocks()
        if blocks:
            blocks[0][0].setFocus(Qt.FocusReason.TabFocusReason)

    def jump_block(self, delta: int) -> None:
        """Ctrl+Tab / Ctrl+Shift+Tab: the first field of the next (previous) block; a cell
        being edited is committed first."""
        for view in self.findChildren(SheetView):
            view.commit_open_editor()
        blocks = self.blocks()
        focus = QApplication.focusWidget()
        here = -1 if focus is None else next(
            (number for number, block in enumerate(blocks)
             if any(stop is focus or stop.isAncestorOf(focus) for stop in block)), -1)
        target = blocks[(here + delta) % len(blocks)][0] if blocks else None
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_changed(self, changed: Changed) -> None:
        self.refresh()

    def refresh(self) -> None:
        for part in self.parts:
            part.refresh()   # type: ignore[attr-defined]

    def commit_pending(self) -> None:
        """Commit whatever the clerk is typing (closing the window, switching forms)."""
        for part in self.parts:
            if isinstance(part, (HeaderForm, TextBlock)):
                part.commit_pending()
        for view in self.findChildren(SheetView):
            view.commit_open_editor()

    def select_finding(self, row: int, field: str) -> bool:
        return self.indicators.select_finding(row, field)

    def detach(self) -> None:
        """Stop listening to the session (the editor is being thrown away)."""
        if self._on_changed in self.session.listeners:
            self.session.listeners.remove(self._on_changed)


def _stops(part: QWidget) -> list[QWidget]:
    """The widgets of one part that Tab stops at, in order."""
    if isinstance(part, HeaderForm):
        return list(part.edits.values())
    if isinstance(part, TextBlock):
        return [part.edit]
    return list(part.findChildren(SheetView))[:1]


__all__ = ["CommittingPart", "FormEditor"]
