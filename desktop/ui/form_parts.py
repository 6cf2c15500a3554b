"""The pieces every form editor is built from: a title, labelled header fields, a block
title and a multi-line text block. Each commits through the session when the clerk
leaves the field, and shows the form's current value after any step (undo included)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.paths import ABSENT, value_at
from desktop.money import format_plain
from desktop.presenters.session import FormSession
from desktop.ui.cell_model import run_announced
from desktop.ui.sheet import CellNote

Path = tuple[str, ...]


def title_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def block_label(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 2)
    return label


def _text_of(session: FormSession, path: Path) -> str:
    value = value_at(session.form, path)
    if value is None or value is ABSENT:
        return ""
    return format_plain(value) if isinstance(value, Decimal) else str(value)


class CommittingPart(QWidget):
    """A widget bound to form paths. `step_done` / `refused` as the grid models have."""

    step_done = Signal(object)
    refused = Signal(str)

    def __init__(self, session: FormSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

    def commit_value(self, path: Path, text: str) -> bool:
        if text == _text_of(self.session, path):
            return True
        return run_announced(lambda: self.session.run(
            lambda opened: self.session.service.set_value(opened, path, text)),
            self.step_done, self.refused)


class HeaderForm(CommittingPart):
    """Label–value pairs laid out in `columns` pairs per line, as the form's header.

    Enter or leaving a field commits it; Esc puts back the stored value. A value the form
    refuses stays in the field with the reason under it while the clerk is still there
    (Enter), and is put back when the clerk has moved on."""

    def __init__(self, session: FormSession, fields: Sequence[tuple[Path, str]],
                 columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.edits: dict[Path, QLineEdit] = {}
        self.note = CellNote()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, (path, label) in enumerate(fields):
            line, pair = divmod(number, columns)
            edit = QLineEdit()
            edit.setObjectName(".".join(path))
            edit.editingFinished.connect(lambda p=path, e=edit: self._finish(p, e))
            edit.textEdited.connect(self.note.hide)
            edit.installEventFilter(self)
            grid.addWidget(QLabel(f"{label}："), line, pair * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(edit, line, pair * 2 + 1)
            grid.setColumnStretch(pair * 2 + 1, 1)
            self.edits[path] = edit
        self.refresh()

    def _finish(self, path: Path, edit: QLineEdit) -> None:
        if not edit.isModified():
            return
        edit.setModified(False)
        refusals: list[str] = []
        self.refused.connect(refusals.append)
        try:
            accepted = self.commit_value(path, edit.text())
        finally:
            self.refused.disconnect(refusals.append)
        if accepted:
            return
        self.note.show_under(edit, edit.rect(), refusals[-1] if refusals else "")
        if edit.hasFocus():
            edit.setModified(True)   # still the clerk's text, still to be committed
            edit.selectAll()
        else:
            edit.setText(_text_of(self.session, path))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QLineEdit):
            # Qt does not repeat editingFinished for text it already reported (a refused
            # value the clerk then leaves): commit, or put the stored value back, here.
            path = next((p for p, e in self.edits.items() if e is watched), None)
            if path is not None and watched.isModified():
                self._finish(path, watched)
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit) \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            path = next((p for p, e in self.edits.items() if e is watched), None)
            if path is not None and watched.isModified():
                watched.setText(_text_of(self.session, path))
                watched.setModified(False)
                self.note.hide()
                return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Show the form's values; a field the clerk is still typing in is left alone."""
        for path, edit in self.edits.items():
            text = _text_of(self.session, path)
            if edit.text() != text and not edit.isModified():
                edit.setText(text)

    def commit_pending(self) -> None:
        for path, edit in self.edits.items():
            if edit.isModified():
                self._finish(path, edit)


class TextBlock(CommittingPart):
    """A labelled multi-line text, committed when the clerk leaves it."""

    def __init__(self, session: FormSession, path: Path, label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.path = path
        self.edit = QPlainTextEdit()
        self.edit.setObjectName(".".join(path))
        self.edit.setTabChangesFocus(True)
        self.edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(label))
        layout.addWidget(self.edit)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            self.commit_pending()
        elif watched is self.edit and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape \
                and self.edit.document().isModified():
            self.edit.setPlainText(_text_of(self.session, self.path))   # Esc: as stored
            self.edit.document().setModified(False)
            return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Show the form's text, unless the clerk is still typing in it."""
        text = _text_of(self.session, self.path)
        if self.edit.toPlainText() != text and not self.edit.document().isModified():
            self.edit.setPlainText(text)

    def commit_pending(self) -> None:
        if not self.edit.document().isModified():
            return
        self.edit.document().setModified(False)
        if not self.commit_value(self.path, self.edit.toPlainText()):
            self.edit.setPlainText(_text_of(self.session, self.path))


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line



def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """确定 / 取消 wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
