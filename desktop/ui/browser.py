"""The left-hand browser: every stored form by year and unit, with a search box.

The panel owns no data of its own: rows come from `BrowserPresenter` (Qt-free) and
land in `BrowserModel`, which the search box narrows. A refresh after an edit
updates rows in place, and a full rebuild keeps the clerk's selection, collapsed
branches and scroll position, so the browser never jumps under the mouse.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyle, QTreeView, QVBoxLayout, QWidget

from desktop.presenters.browser import STATE_KEYS, BrowserEntry, BrowserPresenter
from desktop.ui.browser_model import FORM_ID_ROLE, GROUP_KEY_ROLE, BrowserModel, Column
from desktop.ui.i18n import Retranslates

if TYPE_CHECKING:   # the store loads SQLAlchemy: only app start-up imports it
    from db.store import Store

VISUAL_ORDER = (Column.NAME, Column.TOTAL, Column.GRADE, Column.STATE, Column.FINDINGS,
                Column.KIND, Column.CODE)
"""The figures right after the name: in a narrow dock the clerk sees total, grade, state
and findings without scrolling; the long kind title and the 21-digit code come last.
The model's columns keep their documented order (Column)."""
NAME_COLUMN_MAX = 300
"""Widest the Name column grows by itself; longer names elide (the tooltip has them)."""
COLUMN_PADDING = 12
"""Air beyond the widest text, so two-character Chinese headers (总分, 问题) breathe."""
FIT_ROWS = 60
"""Rows measured when the columns are fitted to their contents: what a tall screen
shows and more, at a bounded cost whatever the number of forms (Qt measures 1,000)."""
ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class BrowserPanel(Retranslates, QWidget):
    """Search box over a tree of forms; a click or Enter on a form asks to open it."""

    form_activated = Signal(int)
    form_entered = Signal(int)   # opened by Enter: the keyboard goes on into the form

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = BrowserPresenter(store)
        self.model = BrowserModel(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.view = QTreeView(self)
        self._collapsed: set[str] = set()
        self._applying_expansion = False
        self._set_up_view()
        self._lay_out()
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._open_first_match)
        self.retranslate()
        self.refresh()

    def _set_up_view(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = view.header()
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(FIT_ROWS)
        for visual, column in enumerate(VISUAL_ORDER):
            header.moveSection(header.visualIndex(column), visual)
        view.clicked.connect(self._activate)
        view.expanded.connect(lambda index: self._remember_expansion(index, True))
        view.collapsed.connect(lambda index: self._remember_expansion(index, False))
        view.installEventFilter(self)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)

    # ------------------------------------------------------------ for the main window

    def refresh(self) -> None:
        """Re-read every form from the store; only forms edited since are re-evaluated.
        When no form came, went or moved, only the rows whose texts changed are
        announced; otherwise the tree is rebuilt."""
        entries = self.presenter.entries()
        shape = [(entry.form_id, entry.year, entry.unit) for entry in entries]
        if shape and shape == self.model.layout_key():
            for entry in entries:
                self.model.update_entry(entry)
            if self.model.query:   # a renamed form may have come or gone with its branch
                self._apply_expansion()
            return
        self._rebuild(entries)

    def update_form(self, form_id: int) -> None:
        """One form's row as the store now has it: rewritten in place, inserted when the
        form is new, removed when it is gone, moved when its year or unit changed. The
        rest of the tree is left as it is (no rebuild, no reset)."""
        self.update_forms([form_id])

    def update_forms(self, form_ids: Sequence[int]) -> None:
        """`update_form` for several forms at once (an import, or its undo): their rows
        read in one query, the branches opened and the current row kept once."""
        now = {entry.form_id: entry for entry in self.presenter.entries_of(form_ids)}
        current = self.current_form_id()
        placed = [self._place(form_id, now.get(form_id)) for form_id in form_ids]
        if any(placed) or self.model.query:   # with a search, a renamed form may have
            self._apply_expansion()           # come or gone with its branch
        if any(placed) and current is not None and self.model.has_form(current):
            self.select_form(current, reveal=False)

    def _place(self, form_id: int, entry: BrowserEntry | None) -> bool:
        """Put the form's row where `entry` says (None: the form is gone); True when a
        row was inserted, removed or moved rather than rewritten in place."""
        old = self.model.entry(form_id)
        if old is not None and entry is not None and entry.group == old.group:
            self.model.update_entry(entry)
            return False
        if old is not None:
            self.model.remove_entry(form_id)
        if entry is not None:
            self.model.insert_entry(entry)
        return old is not None or entry is not None

    def select_form(self, form_id: int, *, reveal: bool = True) -> bool:
        """Make the form current and visible (with `reveal`, clearing a search that
        hides it); does not emit form_activated. False when the form is not listed."""
        index = self.model.form_index(form_id)
        if not index.isValid() and reveal and self.model.has_form(form_id):
            self.search.clear()
            index = self.model.form_index(form_id)
        if not index.isValid():
            return False
        self.view.expand(index.parent().parent())
        self.view.expand(index.parent())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def current_form_id(self) -> int | None:
        return self.view.currentIndex().data(FORM_ID_ROLE)

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search code or name"))
        self.search.setToolTip(self.tr("Shows the forms whose project code or name "
                                       "contains the text"))
        self.model.retranslate()
        self._fit_columns()

    # ------------------------------------------------------------ internals

    def _rebuild(self, entries: list[BrowserEntry]) -> None:
        current = self.current_form_id()
        scroll = self.view.verticalScrollBar().value()
        self.model.rebuild(entries)
        self._apply_expansion()
        self._fit_columns()
        if current is not None:
            self.select_form(current, reveal=False)
        self.view.verticalScrollBar().setValue(scroll)

    def _activate(self, index: QModelIndex, by_keyboard: bool = False) -> None:
        form_id = index.data(FORM_ID_ROLE)
        if form_id is not None:
            self.form_activated.emit(form_id)
            if by_keyboard:
                self.form_entered.emit(form_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a form row opens it. `activated` is not used: depending on the
        platform it also fires on a click or double-click, opening a form twice."""
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in ACTIVATE_KEYS):
            self._activate(self.view.currentIndex(), by_keyboard=True)
            return True
        return super().eventFilter(watched, event)

    def _open_first_match(self) -> None:
        """Enter in the search box opens the first form found: type a code, press Enter."""
        index = self._first_form(QModelIndex())
        if index is not None:
            self.view.setCurrentIndex(index)
            self._activate(index, by_keyboard=True)

    def _first_form(self, parent: QModelIndex) -> QModelIndex | None:
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            if index.data(FORM_ID_ROLE) is not None:
                return index
            found = self._first_form(index)
            if found is not None:
                return found
        return None

    def _search_changed(self, text: str) -> None:
        self.model.set_query(text)
        self._apply_expansion()

    def _remember_expansion(self, index: QModelIndex, expanded: bool) -> None:
        """Branches the clerk collapses stay collapsed across rebuilds (not during a
        search, which opens everything it finds)."""
        key = index.data(GROUP_KEY_ROLE)
        if self._applying_expansion or self.model.query or key is None:
            return
        (self._collapsed.discard if expanded else self._collapsed.add)(key)

    def _apply_expansion(self) -> None:
        """Open every year and unit row the clerk has not closed (during a search, every
        one: it opens all it finds); a search or a rebuild shows rows anew, which the
        view would otherwise show closed. Only the group rows are visited: years, and
        the units under them, never the forms under a unit."""
        self._applying_expansion = True
        try:
            for year in self._expand_groups(QModelIndex()):
                self._expand_groups(year)
        finally:
            self._applying_expansion = False

    def _expand_groups(self, parent: QModelIndex) -> list[QModelIndex]:
        """Open or close each group row under `parent` as remembered; returns them."""
        groups = []
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            key = index.data(GROUP_KEY_ROLE)
            if key is None:
                continue
            collapsed = key in self._collapsed and not self.model.query
            self.view.setFirstColumnSpanned(row, parent, True)  # long unit names
            self.view.setExpanded(index, not collapsed)
            groups.append(index)
        return groups

    def _fit_columns(self) -> None:
        """Every column as wide as its header and its cells, so Chinese headers are
        never cut; the Name column within reason. Qt measures the rows on screen and
        those next to them, FIT_ROWS in all (set on the header), not every form of a
        large store; so the State column is kept wide enough for every state."""
        for column in Column:
            self.view.resizeColumnToContents(column)
            self.view.setColumnWidth(column, self.view.columnWidth(column) + COLUMN_PADDING)
        name_width = min(self.view.columnWidth(Column.NAME), NAME_COLUMN_MAX)
        self.view.setColumnWidth(Column.NAME, name_width)
        self.view.setColumnWidth(Column.STATE, max(self.view.columnWidth(Column.STATE),
                                                   self._widest_state()))

    def _widest_state(self) -> int:
        """The width the longest state text needs, with the cell's own margins."""
        metrics = self.view.fontMetrics()
        margin = 2 * (self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        return max(metrics.horizontalAdvance(self.model.state_text(key))
                   for key in STATE_KEYS) + margin + COLUMN_PADDING
