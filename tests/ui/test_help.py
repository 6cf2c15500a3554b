"""帮助: the guide (F1) and the shortcuts page show what the window really does, and the
repository's copies in docs/ are the ones the packaged program carries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop import help as content
from desktop.resources import resources_dir
from desktop.ui.help_dialog import GuideDialog, ShortcutsDialog

ROOT = Path(__file__).resolve().parents[2]

UNLISTED = {"quit_action"}
"""Quit is the platform's own key (Ctrl+Q here, none on Windows, where Alt+F4 closes any
window): a list for every clerk cannot name one."""


def open_dialogs(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def markdown_headings(text: str) -> list[str]:
    return [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]


@pytest.fixture
def guide(window, qtbot) -> GuideDialog:
    """The guide as F1 opens it on the window."""
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(open_dialogs(GuideDialog)))
    [dialog] = open_dialogs(GuideDialog)
    yield dialog
    dialog.close()


def test_f1_opens_the_guide_with_its_chinese_headings(guide):
    assert guide.windowTitle() == "使用说明"
    headings = guide.headings()
    assert headings == markdown_headings(content.guide_text())
    for section in ("导入表格", "以上年为基础新建（结转）", "用键盘填资金和指标", "查看和修改问题",
                    "导出导入模板", "打印和 PDF", "与往年对比", "备份与恢复"):
        assert section in headings
    assert "学习此表样" in guide.browser.toPlainText()


def test_f1_again_brings_the_open_guide_forward(guide, window, qtbot):
    window.guide_action.trigger()
    assert open_dialogs(GuideDialog) == [guide]


def test_the_help_menu(window):
    texts = [action.text() for action in window.help_menu.actions()]
    assert texts == ["使用说明(&U)", "快捷键(&K)", "", "关于(&A)"]
    assert window.guide_action.shortcut() == QKeySequence("F1")


@pytest.fixture
def shortcuts(window, qtbot) -> ShortcutsDialog:
    window.shortcuts_action.trigger()
    [dialog] = open_dialogs(ShortcutsDialog)
    yield dialog
    dialog.close()


def test_the_shortcuts_page_lists_every_shortcut(shortcuts):
    assert shortcuts.windowTitle() == "快捷键"
    headers = [shortcuts.table.horizontalHeaderItem(c).text() for c in range(2)]
    assert headers == ["按键", "作用"]
    assert shortcuts.rows() == [(content.display_keys(s), s.what)
                                for s in content.all_shortcuts()]
    shown = {shortcuts.table.item(row, 0).text() for row in range(shortcuts.table.rowCount())}
    assert {"窗口", "指标行", "表格内", "Ctrl+Shift+↑", "Alt+↓", "Ctrl+D"} <= shown


def window_actions(window) -> dict[str, QAction]:
    return {name: value for name, value in vars(window).items() if isinstance(value, QAction)}


def test_each_listed_window_shortcut_is_the_actions_own(window):
    """A key listed for an action is bound to it, and its first (main) key is listed."""
    actions = window_actions(window)
    for shortcut in content.all_shortcuts():
        if shortcut.action is None:
            continue
        bound = actions[shortcut.action].shortcuts()
        listed = [QKeySequence(key) for key in shortcut.keys]
        assert all(key in bound for key in listed), (shortcut, [k.toString() for k in bound])
        assert bound[0] in listed, (shortcut, bound[0].toString())


def test_every_window_shortcut_is_listed(window):
    listed = {s.action for s in content.all_shortcuts()}
    bound = {name for name, action in window_actions(window).items() if action.shortcuts()}
    assert bound - UNLISTED <= listed, f"shortcuts missing from desktop/help.py: {bound - listed}"


def test_the_docs_copies_are_what_the_program_carries():
    assert content.guide_path() == resources_dir() / "help" / content.GUIDE_FILE
    assert (ROOT / "docs" / content.GUIDE_FILE).read_text(encoding="utf-8") == \
        content.guide_text(), "docs/guide.md differs from resources/help/guide.md: run python -m desktop.help"
    assert (ROOT / "docs" / content.SHORTCUTS_DOC).read_text(encoding="utf-8") == \
        content.shortcuts_markdown(), "docs/shortcuts.md is stale: run python -m desktop.help"


KEY = re.compile(r"(?:(?:Ctrl|Alt|Shift)\+)+(?:[A-Z]\b|F\d+|Tab|Delete|Enter|[↑↓])|\bF\d+\b")


def test_every_key_the_guide_names_is_a_listed_shortcut():
    listed = {content.display(key) for s in content.all_shortcuts() for key in s.keys}
    named = set(KEY.findall(content.guide_text()))
    assert named, "the guide names no keys"
    assert named <= listed, named - listed
