"""帮助 ▸ 使用说明 and 帮助 ▸ 快捷键: the guide rendered from its Markdown, and the
shortcuts as a table, both from `desktop.help`.

Both are non-modal and one of each per window: the clerk reads them beside the form,
and pressing F1 again brings the open guide to the front instead of stacking another.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import help as content
from desktop.ui.i18n import Retranslates


class _HelpDialog(Retranslates, QDialog):
    """A closable, non-modal window kept by its parent until closed."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.layout_ = QVBoxLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)

    def finish(self, body: QWidget) -> None:
        self.layout_.addWidget(body)
        self.layout_.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        raise NotImplementedError


class GuideDialog(_HelpDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(content.guide_text())
        self.finish(self.browser)
        self.resize(760, 720)

    def headings(self) -> list[str]:
        """The section titles as shown (what the tests and a reader look for)."""
        found, block = [], self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.append(block.text())
            block = block.next()
        return found

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("User guide"))


class ShortcutsDialog(_HelpDialog):
    """One table: a bold row per group (窗口, 指标行, 表格内), then its keys."""

    KEYS, WHAT = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(
            self.KEYS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._fill()
        self.finish(self.table)
        self.resize(620, 760)

    def _fill(self) -> None:
        bold = QFont(self.table.font())
        bold.setBold(True)
        for group in content.SHORTCUTS:
            row = self.table.rowCount()
            self.table.insertRow(row)
            title = QTableWidgetItem(group.title)
            title.setFont(bold)
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)   # a heading, not a row to select
            self.table.setItem(row, self.KEYS, title)
            self.table.setSpan(row, self.KEYS, 1, 2)
            for shortcut in group.shortcuts:
                row = self.table.rowCount()
                self.table.insertRow(row)
                self.table.setItem(row, self.KEYS, QTableWidgetItem(content.display_keys(shortcut)))
                self.table.setItem(row, self.WHAT, QTableWidgetItem(shortcut.what))

    def showEvent(self, event: QShowEvent) -> None:
        # Focus on 关闭 rather than the table, whose first cell would show as selected.
        super().showEvent(event)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what) of every shortcut row, as shown."""
        shown = []
        for row in range(self.table.rowCount()):
            what = self.table.item(row, self.WHAT)
            if what is not None:
                shown.append((self.table.item(row, self.KEYS).text(), what.text()))
        return shown

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])


def _show(parent: QWidget, kind: type[_HelpDialog]) -> _HelpDialog:
    """The parent's open dialog of `kind` brought to the front, else a new one."""
    dialog = next((child for child in parent.findChildren(kind) if child.isVisible()), None)
    if dialog is None:
        dialog = kind(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def show_guide(parent: QWidget) -> GuideDialog:
    return _show(parent, GuideDialog)  # type: ignore[return-value]


def show_shortcuts(parent: QWidget) -> ShortcutsDialog:
    return _show(parent, ShortcutsDialog)  # type: ignore[return-value]
