"""What every form editor shares: the session it edits, its committing parts, and the
signals the main window listens to."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from desktop.editing.effects import Changed
from desktop.presenters.session import FormSession
from desktop.ui.form_parts import CommittingPart, HeaderForm, TextBlock, title_label
from desktop.ui.indicator_panel import IndicatorPanel
from desktop.ui.sheet import SheetView


class FormEditor(QWidget):
    step_done = Signal(object)
    refused = Signal(str)

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
        """The header blocks above, scrolling; the indicator grid below; a splitter between."""
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.scrolled_upper())
        splitter.addWidget(self.indicators)
        splitter.setStretchFactor(0, upper_share)
        splitter.setStretchFactor(1, grid_share)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

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


__all__ = ["CommittingPart", "FormEditor"]
