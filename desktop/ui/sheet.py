"""A table view that moves like a spreadsheet.

Typing on a cell replaces it, F2 edits it, Enter commits and moves down, Tab and
Shift+Tab commit and move to the next or previous cell the clerk may change (skipping
computed and "—" cells) and, past the last one, on to the next block of the form. Esc
cancels the edit and keeps the old value. Delete clears, Ctrl+C / Ctrl+V copy and paste
tab-separated cells, Ctrl+D fills down, Alt+↓ opens the cell's picker.

A value the form refuses keeps its editor open with what was typed and says why under
the cell, as a spreadsheet's data validation does; typing on a read-only cell says why
it cannot be changed, at the cell.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from desktop.presenters.selection import figures_of
from desktop.ui.cell_model import LOCKED_ROLE, NUMERIC_ROLE

Hint = QAbstractItemDelegate.EndEditHint
MOVING_HINTS = (Hint.SubmitModelCache, Hint.EditNextItem, Hint.EditPreviousItem)
"""How a keyboard commit ends (Enter, Tab, Shift+Tab): a refused value keeps its editor."""


class SheetDelegate(QStyledItemDelegate):
    """Keeps what the clerk is typing: Qt refreshes open editors whenever the model
    reports changed data, and a recomputed total elsewhere must not wipe a half-typed cell."""

    def setEditorData(self, editor: QWidget, index) -> None:
        if isinstance(editor, QLineEdit) and editor.isModified():
            return
        super().setEditorData(editor, index)


class CellNote(QLabel):
    """A short message under a cell or field: why a value was refused or a cell is
    read-only. It lives on the window, so a field near the edge of its panel is not
    clipped, and goes when the clerk types on."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("cell-note")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { background: #fffbe6; color: #5d4037; border: 1px solid"
                           " #d4a017; padding: 3px 6px; }")
        self.hide()

    def show_under(self, anchor: QWidget, cell: QRect, text: str) -> None:
        window = anchor.window()
        if self.parentWidget() is not window:
            self.setParent(window)
        self.setText(text)
        self.setFixedWidth(max(cell.width(), 260))
        self.adjustSize()
        below = anchor.mapTo(window, cell.bottomLeft())
        if below.y() + 2 + self.height() > window.height():
            below = anchor.mapTo(window, cell.topLeft()) - QPoint(0, self.height() + 4)
        left = min(below.x(), window.width() - self.width())   # kept inside the window
        self.move(max(0, left), max(0, below.y() + 2))
        self.show()
        self.raise_()


class SheetView(QTableView):
    """`paste_requested(row, column, text)` and `fill_down_requested(rows, columns)`: the
    panel decides what a paste or a fill means. `figures_changed(count, total)` follows
    the numeric cells selected. `append_row`, when set, adds a row below the last one
    (Enter there) and says whether it did."""

    paste_requested = Signal(int, int, str)
    fill_down_requested = Signal(list, list)
    figures_changed = Signal(str)

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
        self.note = CellNote()
        self.append_row: Callable[[int], bool] | None = None
        self._refusal: tuple[QWidget, str] | None = None

    def setModel(self, model) -> None:
        super().setModel(model)
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    # ------------------------------------------------------------ where the cursor may go

    def is_editable(self, index: QModelIndex) -> bool:
        return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)

    def next_editable(self, index: QModelIndex, forward: bool) -> QModelIndex:
        """The next cell the clerk may change, row by row; invalid past the last one."""
        model, columns = self.model(), self.model().columnCount()
        position = index.row() * columns + index.column() if index.isValid() else \
            (-1 if forward else model.rowCount() * columns)
        step, end = (1, model.rowCount() * columns) if forward else (-1, -1)
        for place in range(position + step, end, step):
            candidate = model.index(*divmod(place, columns))
            if self.is_editable(candidate) and not self.isColumnHidden(candidate.column()):
                return candidate
        return QModelIndex()

    def editable_below(self, index: QModelIndex) -> QModelIndex:
        """The next cell down this column the clerk may change (a subtotal is skipped)."""
        for row in range(index.row() + 1, self.model().rowCount()):
            candidate = self.model().index(row, index.column())
            if self.is_editable(candidate):
                return candidate
        return QModelIndex()

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action in (QAbstractItemView.CursorAction.MoveNext,
                      QAbstractItemView.CursorAction.MovePrevious):
            # No wrapping: past the last editable cell Tab leaves for the next block.
            return self.next_editable(self.currentIndex(),
                                      action == QAbstractItemView.CursorAction.MoveNext)
        return super().moveCursor(action, modifiers)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.note.hide()
        super().currentChanged(current, previous)

    def enter_from(self, forward: bool) -> None:
        """Arriving by Tab (or Ctrl+Tab): the first editable cell; by Shift+Tab the last."""
        target = self.next_editable(QModelIndex(), forward)
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.enter_from(event.reason() == Qt.FocusReason.TabFocusReason)

    def leave(self, forward: bool) -> None:
        """On to the next (or previous) widget of the form's tab order."""
        QWidget.focusNextPrevChild(self, forward)

    def move_down(self) -> None:
        """Enter: the next editable cell down; below the last row, a new row if the
        table grows."""
        current = self.currentIndex()
        if not current.isValid():
            return
        target = self.editable_below(current)
        if not target.isValid() and self.append_row is not None \
                and self.append_row(current.row()):
            target = self.editable_below(self.model().index(current.row(), current.column()))
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)

    # ------------------------------------------------------------ editing

    def edit(self, index, trigger=None, event=None):  # untyped: Qt's overloads
        if trigger is None:
            return super().edit(index)   # the public slot; Qt calls the overload below
        self.note.hide()
        return super().edit(index, trigger, event)

    def commitData(self, editor: QWidget) -> None:
        model = self.model()
        if hasattr(model, "last_refusal"):
            model.last_refusal = ""
        super().commitData(editor)
        refusal = getattr(model, "last_refusal", "")
        self._refusal = (editor, refusal) if refusal else None

    def closeEditor(self, editor: QWidget, hint: Hint) -> None:
        refusal, self._refusal = self._refusal, None
        if refusal is not None and refusal[0] is editor and hint in MOVING_HINTS:
            self._keep_open(editor, refusal[1])
            return
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem):
            # Move on without opening the next cell: typing there replaces it, as in Excel.
            super().closeEditor(editor, Hint.NoHint)
            self._tab(hint == Hint.EditNextItem)
            return
        super().closeEditor(editor, hint)
        if hint == Hint.RevertModelCache:
            self.note.hide()   # Esc: the old value stands, and so does nothing to explain
        elif refusal is not None and refusal[0] is editor:
            self.show_note(self.currentIndex(), refusal[1])   # focus left: old value kept
        elif hint == Hint.SubmitModelCache:
            self.move_down()

    def _keep_open(self, editor: QWidget, message: str) -> None:
        self.show_note(self.currentIndex(), message)
        line = editor if isinstance(editor, QLineEdit) else editor.findChild(QLineEdit)
        editor.setFocus()
        if line is not None:
            line.selectAll()

    def _tab(self, forward: bool) -> None:
        target = self.next_editable(self.currentIndex(), forward)
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)
        else:
            self.leave(forward)

    def show_note(self, index: QModelIndex, text: str) -> None:
        if index.isValid() and text:
            self.scrollTo(index)
            self.note.show_under(self.viewport(), self.visualRect(index), text)

    def why_locked(self, index: QModelIndex) -> str:
        return str(index.data(LOCKED_ROLE) or "") or "此格由系统填写，不能修改"

    def commit_open_editor(self) -> None:
        """Commit and close a cell editor that is still open (the window is closing)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex()) or self.focusWidget()
        if editor is not None and editor is not self:
            self.commitData(editor)
            self._refusal = None
            super().closeEditor(editor, Hint.NoHint)

    # ------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
        elif not self._handled(event):
            self.note.hide()
            super().keyPressEvent(event)

    def _handled(self, event: QKeyEvent) -> bool:
        """The keys a spreadsheet gives meaning that Qt's table does not."""
        key, modifiers = event.key(), event.modifiers()
        current = self.currentIndex()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.move_down()
        elif key == Qt.Key.Key_Escape and self.note.isVisible():
            self.note.hide()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._clear_current()
        elif key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier:
            self.open_picker(current)
        elif key == Qt.Key.Key_D and modifiers == Qt.KeyboardModifier.ControlModifier:
            self.fill_down()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
        elif current.isValid() and not self.is_editable(current) and _is_typing(event):
            self.show_note(current, self.why_locked(current))
        else:
            return False
        return True

    def open_picker(self, index: QModelIndex) -> None:
        """Alt+↓: edit the cell and drop its list down (一级, 二级, 达成/部分达成/未达成)."""
        if not self.is_editable(index):
            self.show_note(index, self.why_locked(index))
            return
        self.edit(index)
        widget = self.focusWidget()
        while widget is not None and widget is not self:
            if isinstance(widget, QComboBox):
                widget.showPopup()
                return
            picker = getattr(widget, "show_picker", None)
            if callable(picker):
                picker()
                return
            widget = widget.parentWidget()

    def _clear_current(self) -> None:
        current = self.currentIndex()
        if self.is_editable(current):
            self.model().setData(current, "", Qt.ItemDataRole.EditRole)
        elif current.isValid():
            self.show_note(current, self.why_locked(current))

    # ------------------------------------------------------------ ranges

    def selected_rows_and_columns(self) -> tuple[list[int], list[int]]:
        indexes = self.selectedIndexes() or [self.currentIndex()]
        rows = sorted({i.row() for i in indexes if i.isValid()})
        columns = sorted({i.column() for i in indexes if i.isValid()})
        return rows, columns

    def fill_down(self) -> None:
        """Ctrl+D: the top cell of the selection into the cells below it; with one row
        selected, the cell above into it."""
        rows, columns = self.selected_rows_and_columns()
        if rows and columns:
            self.fill_down_requested.emit(rows, columns)

    def select_cells(self, cells: list[tuple[int, int]]) -> None:
        """Select exactly these cells (a pasted or filled range stays selected)."""
        selection = QItemSelection()
        for row, column in cells:
            index = self.model().index(row, column)
            if index.isValid():
                selection.select(index, index)
        if not selection.isEmpty():
            first = self.model().index(*cells[0])
            self.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.selectionModel().select(selection,
                                         QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _selection_changed(self) -> None:
        cells = [(str(i.data() or ""), bool(i.data(NUMERIC_ROLE)))
                 for i in self.selectedIndexes()]
        self.figures_changed.emit(figures_text(figures_of(cells)) if len(cells) > 1 else "")

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


def figures_text(figures: tuple[int, str] | None) -> str:
    """计数 and 求和 of the selected numeric cells, as the status bar shows them."""
    if figures is None:
        return ""
    count, total = figures
    return QCoreApplication.translate("SheetView", "Count: %1    Sum: %2") \
        .replace("%1", str(count)).replace("%2", total)


def _is_typing(event: QKeyEvent) -> bool:
    """A key that would start an edit: printable text without Ctrl/Alt, or F2."""
    if event.key() == Qt.Key.Key_F2:
        return True
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
        return False
    return bool(event.text()) and event.text().isprintable()
