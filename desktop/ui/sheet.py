"""A table view that moves like a spreadsheet: type to edit, Enter moves down, Tab
right, Delete clears the cell, Ctrl+C copies and Ctrl+V pastes tab-separated cells."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QHeaderView, QLineEdit, QStyledItemDelegate,
    QTableView, QWidget,
)


class SheetDelegate(QStyledItemDelegate):
    """Keeps what the clerk is typing: Qt refreshes open editors whenever the model
    reports changed data, and a recomputed total elsewhere must not wipe a half-typed cell."""

    def setEditorData(self, editor: QWidget, index) -> None:  # noqa: ANN001
        if isinstance(editor, QLineEdit) and editor.isModified():
            return
        super().setEditorData(editor, index)


class SheetView(QTableView):
    """`paste_requested(row, column, text)`: the editor decides what a paste means."""

    paste_requested = Signal(int, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setHighlightSections(False)
        self.setItemDelegate(SheetDelegate(self))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move(1, 0)   # Enter: the next row, as in a spreadsheet

    def commit_open_editor(self) -> None:
        """Commit and close a cell editor that is still open (the window is closing)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex()) or self.focusWidget()
        if editor is not None and editor is not self:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move(1, 0)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._clear_current()
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_clipboard()
                return
        super().keyPressEvent(event)

    def _move(self, rows: int, columns: int) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        target = self.model().index(current.row() + rows, current.column() + columns)
        if target.isValid():
            self.setCurrentIndex(target)

    def _clear_current(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.flags() & Qt.ItemFlag.ItemIsEditable:
            self.model().setData(current, "", Qt.ItemDataRole.EditRole)

    def copy_selection(self) -> None:
        indexes = sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes:
            return
        rows: dict[int, dict[int, str]] = {}
        for index in indexes:
            rows.setdefault(index.row(), {})[index.column()] = str(index.data() or "")
        left = min(i.column() for i in indexes)
        right = max(i.column() for i in indexes)
        lines = ["\t".join(cells.get(c, "") for c in range(left, right + 1))
                 for _, cells in sorted(rows.items())]
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def paste_clipboard(self) -> None:
        current = self.currentIndex()
        selected = self.selectedIndexes()
        if selected:
            current = min(selected, key=lambda i: (i.row(), i.column()))
        text = QGuiApplication.clipboard().text()
        if isinstance(current, QModelIndex) and current.isValid() and text:
            self.paste_requested.emit(current.row(), current.column(), text)
