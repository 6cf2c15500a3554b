"""The findings panel: every problem of the open form, as the rules word it.

Messages are Chinese sentences from `desktop.rules.findings` that already name the row
and the column, so the panel shows them as they are, one per line, and only hands back
where each one points (row, field) when the clerk clicks it or presses Enter.

`show_findings` runs after every edit. It rewrites the list in place rather than
resetting it, so the scroll position and the finding the clerk was on stay put while
the findings above and below change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QStackedLayout, QStyle, QTreeView, QWidget

from desktop.ui.i18n import Retranslates

if TYPE_CHECKING:   # the rules load with the first form, not with the window
    from desktop.rules.findings import Finding

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The 1-based indicator row a finding points at; -1 for the form (funds, totals)."""
FIELD_ROLE = Qt.ItemDataRole.UserRole + 2
"""The field it points at: an Indicator attribute or a path like "funds.total.annual"."""
FORM_LEVEL = -1
ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _key(index: QModelIndex) -> tuple[int, str] | None:
    if not index.isValid():
        return None
    return index.data(ROW_ROLE), index.data(FIELD_ROLE)


def _shown(finding: Finding) -> tuple[str, int, str]:
    """What a finding's row holds: its message and where it points."""
    return finding.message, FORM_LEVEL if finding.row is None else finding.row, finding.field


def _changed_stretch(old: Sequence[object], new: Sequence[object]) -> tuple[int, int, int]:
    """(start, old_end, new_end): old[start:old_end] must become new[start:new_end];
    everything before `start` and after the ends is the same in both."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    old_end, new_end = len(old), len(new)
    while old_end > start and new_end > start and old[old_end - 1] == new[new_end - 1]:
        old_end, new_end = old_end - 1, new_end - 1
    return start, old_end, new_end


class FindingsPanel(Retranslates, QWidget):
    """A list of findings; a click or Enter on one asks to go to its cell."""

    finding_activated = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.placeholder = QLabel(self)
        self._stack = QStackedLayout(self)
        self._shown: list[tuple[str, int, str]] = []   # what the rows say, in order
        self._set_up_view()
        self._set_up_placeholder()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.placeholder)
        self.retranslate()
        self.show_findings(())

    def _set_up_view(self) -> None:
        """A one-column tree rather than a list: with word-wrapped lines a QListView lays
        out every finding again whenever one comes or goes, a tree only those on screen
        (scrolling by whole findings), which is a frame's difference on a typed score."""
        view = self.view
        view.setModel(self.model)
        view.setWordWrap(True)
        view.setRootIsDecorated(False)
        view.setItemsExpandable(False)
        view.setHeaderHidden(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setIconSize(QSize(16, 16))
        view.clicked.connect(self._activate)
        view.installEventFilter(self)

    def _set_up_placeholder(self) -> None:
        label = self.placeholder
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)  # greyed: nothing to act on
        label.setWordWrap(True)

    # ------------------------------------------------------------ the lead's API

    def show_findings(self, findings: Sequence[Finding]) -> None:
        """Show these findings, in the order the rules give them (the order to fix them).

        Only the stretch that differs from what is shown is rewritten: an edit that adds
        or fixes one finding inserts or removes that one row, instead of shifting the
        text of every row below it (each a word-wrapped line Qt would lay out again)."""
        current = _key(self.view.currentIndex())
        shown = [_shown(finding) for finding in findings]
        start, old_end, new_end = _changed_stretch(self._shown, shown)
        self._shown = shown
        common = min(old_end, new_end)
        for position in range(start, common):
            self._fill(self.model.item(position), findings[position])
        for position in range(common, new_end):
            item = self._new_item()
            self._fill(item, findings[position])
            self.model.insertRow(position, item)
        if old_end > common:
            self.model.removeRows(common, old_end - common)
        self._restore_current(current)
        self._stack.setCurrentWidget(self.view if findings else self.placeholder)

    def count(self) -> int:
        return self.model.rowCount()

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.placeholder.setText(self.tr("No problems found"))
        self.view.setToolTip(self.tr("Click a problem to go to its cell"))

    # ------------------------------------------------------------ internals

    def _new_item(self) -> QStandardItem:
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        item = QStandardItem(icon, "")
        item.setEditable(False)
        return item

    def _fill(self, item: QStandardItem, finding: Finding) -> None:
        message, row, field = _shown(finding)
        item.setText(message)
        item.setData(row, ROW_ROLE)
        item.setData(field, FIELD_ROLE)

    def _restore_current(self, key: tuple[int, str] | None) -> None:
        """Stay on the same finding (same row and field) if it is still there."""
        if key is None or _key(self.view.currentIndex()) == key:
            return
        for position in range(self.model.rowCount()):
            index = self.model.index(position, 0)
            if _key(index) == key:
                self.view.setCurrentIndex(index)
                return
        self.view.selectionModel().clear()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.finding_activated.emit(index.data(ROW_ROLE), index.data(FIELD_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter goes to the current finding, like a click (see BrowserPanel)."""
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in ACTIVATE_KEYS):
            self._activate(self.view.currentIndex())
            return True
        return super().eventFilter(watched, event)
