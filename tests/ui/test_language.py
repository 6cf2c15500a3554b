"""The window is Chinese, with no other language to choose, and Qt's own dialogs are
Chinese too: what the clerk sees in a file dialog opened by the app."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QTreeView

from desktop.ui import i18n, transfer
from desktop.ui.browser import BrowserPanel
from desktop.ui.browser_model import Column
from desktop.ui.findings import FindingsPanel

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def app(qapp):
    """The application, with its translations as the app installs them afterwards."""
    yield qapp
    i18n.install_translations(qapp)
    QApplication.sendPostedEvents()


def headers(panel: BrowserPanel) -> list[str]:
    return [panel.model.headerData(column, Qt.Orientation.Horizontal) for column in Column]


def test_chinese_with_qt_own_buttons_and_locale(app):
    assert i18n.install_translations(app)
    assert QCoreApplication.translate("MainWindow", "Undo") == "撤销"
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "确定"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QLocale().language() == QLocale.Language.Chinese


def test_an_english_choice_saved_by_an_older_version_is_ignored(app):
    settings = i18n.settings()
    settings.setValue("ui/language", "en")
    try:
        i18n.install_translations(app)
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    finally:
        settings.remove("ui/language")


def test_installing_again_replaces_rather_than_stacks(app):
    i18n.install_translations(app)
    first = len(i18n._installed)
    assert i18n.install_translations(app)
    assert len(i18n._installed) == first


def test_open_panels_follow_the_translations(app, store, qtbot):
    """Widgets built before the translators are installed re-say their texts."""
    i18n.remove_translations(app)
    browser, findings = BrowserPanel(store), FindingsPanel()
    qtbot.addWidget(browser)
    qtbot.addWidget(findings)
    assert headers(browser)[Column.TOTAL] == "Total"
    i18n.install_translations(app)
    QApplication.sendPostedEvents()
    assert headers(browser) == ["名称", "表格类型", "编码", "总分", "等级", "状态", "问题"]
    assert browser.search.placeholderText() == "搜索编码或名称"
    assert findings.placeholder.text() == "未发现问题"


def test_the_view_menu_has_no_language_entries(window):
    texts = [action.text() for action in window.view_menu.actions()]
    assert texts[0] == "刷新(&R)"
    for text in texts:
        assert not {"中文", "English", "语言", "Language"} & set(re.split(r"[\s(&)]+", text)), text
    assert not hasattr(window, "english_action") and not hasattr(window, "chinese_action")


def seen_in_file_dialog(qtbot, ask) -> dict[str, list[str]]:
    """What the clerk sees in the file dialog `ask()` opens: its labels, buttons, tool
    tips and column headers. The dialog is modal; it is read, then cancelled, from
    inside its own event loop."""
    seen: dict[str, list[str]] = {}

    def read_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, read_and_cancel)   # not shown yet
            return
        try:
            seen["labels"] = [label.text() for label in dialog.findChildren(QLabel)
                              if label.text()]
            seen["buttons"] = [button.text() for button in dialog.findChildren(QAbstractButton)
                               if button.text()]
            seen["tips"] = [button.toolTip() for button in dialog.findChildren(QAbstractButton)
                            if button.toolTip()]
            model = dialog.findChild(QTreeView).model()
            seen["columns"] = [model.headerData(c, Qt.Orientation.Horizontal)
                               for c in range(model.columnCount())]
        finally:
            dialog.reject()

    QTimer.singleShot(0, read_and_cancel)
    ask()
    return seen


@pytest.mark.parametrize("ask", [transfer.ask_import_files, transfer.ask_import_folder],
                         ids=["files", "folder"])
def test_the_app_file_dialogs_are_chinese(window, qtbot, ask):
    seen = seen_in_file_dialog(qtbot, lambda: ask(window))
    assert "查找范围(&L)：" in seen["labels"]       # "&Look in:", a gap of qtbase_zh_CN
    assert "文件类型(&T)：" in seen["labels"]       # "Files of &type:", the other
    assert "取消" in seen["buttons"]
    assert {"后退", "详情视图", "列表视图"} <= set(seen["tips"])
    assert seen["columns"][0] == "名称"
    for text in seen["labels"] + seen["buttons"] + seen["tips"] + seen["columns"]:
        without_mnemonic = re.sub(r"\(&\w\)", "", text)
        assert not LATIN_WORD.search(without_mnemonic), f"English in the file dialog: {text!r}"
