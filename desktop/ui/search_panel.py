"""Search across all years as you type: code, name, indicator names and the goal texts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from desktop.ui.i18n import Retranslates
from desktop.years.search import SearchHit, search

FORM_ID, ROW = Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2
PAUSE_MS = 150   # let the clerk finish a word before searching 20,000 forms


class SearchPanel(Retranslates, QWidget):
    """`hit_activated(form_id, indicator_row)`; the row is -1 when the hit is not a row."""

    hit_activated = Signal(int, int)

    def __init__(self, store=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.box = QLineEdit()
        self.box.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 4, self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._activate)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.run)
        self.box.textChanged.connect(lambda _text: self.timer.start())
        self.box.returnPressed.connect(self._open_first)
        self.box.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.box)
        layout.addWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Search all years: code, name, indicator, goal"))
        self.model.setHorizontalHeaderLabels([self.tr("Year"), self.tr("Name"), self.tr("Where"),
                                              self.tr("Text")])

    def run(self) -> list[SearchHit]:
        self.model.removeRows(0, self.model.rowCount())
        text = self.box.text().strip()
        if not text or self.store is None:
            return []
        hits = search(self.store, text)
        for hit in hits:
            items = [QStandardItem(part) for part in (str(hit.year), hit.name, hit.where, hit.snippet)]
            for item in items:
                item.setData(hit.form_id, FORM_ID)
                item.setData(-1 if hit.row is None else hit.row, ROW)
            items[3].setToolTip(hit.snippet)
            self.model.appendRow(items)
        self.view.resizeColumnToContents(0)
        return hits

    def _open_first(self) -> None:
        """Enter in the box: search now and open the first hit, as the browser's box does."""
        self.timer.stop()
        self.run()
        first = self.model.index(0, 0)
        if first.isValid():
            self.view.setCurrentIndex(first)
            self._activate(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ in the box goes down into the hits."""
        if watched is self.box and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down \
                and self.model.rowCount():
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            self.view.setCurrentIndex(self.model.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def _activate(self, index) -> None:
        self.hit_activated.emit(index.data(FORM_ID), index.data(ROW))
