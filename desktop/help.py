"""What 帮助 shows: the user guide and the keyboard shortcuts, kept here as data.

The shortcuts page in the window is a table of `SHORTCUTS`, and `docs/shortcuts.md` is
written from the same data (`python -m desktop.help`), so the two cannot disagree; the
tests also check every key the main window binds against its action.

The guide is Markdown in `resources/help/guide.md` (what a packaged build carries);
`docs/guide.md` is the same file for readers of the repository.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.resources import resource_path

GUIDE_FILE = "guide.md"
SHORTCUTS_DOC = "shortcuts.md"
DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"


@dataclass(frozen=True)
class Shortcut:
    keys: tuple[str, ...]
    """Qt's portable key names ("Ctrl+Shift+Up"): what QKeySequence reads, so a test can
    compare them with the actions; `display` turns them into what the clerk reads."""
    what: str
    action: str | None = None
    """The main window's QAction attribute that carries these keys, if one does; keys
    handled inside the grids have none."""


@dataclass(frozen=True)
class ShortcutGroup:
    title: str
    shortcuts: tuple[Shortcut, ...]


SHORTCUTS: tuple[ShortcutGroup, ...] = (
    ShortcutGroup("窗口", (
        Shortcut(("Ctrl+N",), "新建表格", "new_action"),
        Shortcut(("Ctrl+O",), "导入表格（先显示导入预览）", "import_action"),
        Shortcut(("Ctrl+E",), "把打开的表格导出为导入模板", "export_action"),
        Shortcut(("Ctrl+P",), "打印预览（可打印或存为 PDF）", "print_action"),
        Shortcut(("Ctrl+Z",), "撤销", "undo_action"),
        Shortcut(("Ctrl+Y", "Ctrl+Shift+Z"), "重做", "redo_action"),
        Shortcut(("Ctrl+L",), "到表格列表的搜索框（输入编码或名称，Enter 打开）",
                 "find_form_action"),
        Shortcut(("Ctrl+F",), "搜索历年表格", "search_action"),
        Shortcut(("F5",), "刷新（重新读取数据库）", "refresh_action"),
        Shortcut(("F1",), "使用说明", "guide_action"),
    )),
    ShortcutGroup("指标行", (
        Shortcut(("Ctrl+I",), "在当前行下方插入一行", "insert_action"),
        Shortcut(("Ctrl+Shift+Delete",), "删除所选行", "remove_action"),
        Shortcut(("Ctrl+Shift+Up",), "上移当前行", "up_action"),
        Shortcut(("Ctrl+Shift+Down",), "下移当前行", "down_action"),
    )),
    ShortcutGroup("表格内", (
        Shortcut(("Enter",), "确认并移到下一行；在最后一条指标上按则新增一行"),
        Shortcut(("Tab", "Shift+Tab"), "下一个 / 上一个可填单元格，到头后进入下一块"),
        Shortcut(("Ctrl+Tab", "Ctrl+Shift+Tab"), "跳到下一块 / 上一块（资金、目标、指标）"),
        Shortcut(("F2",), "编辑当前单元格（直接打字也会开始编辑）"),
        Shortcut(("Esc",), "取消编辑，恢复原内容"),
        Shortcut(("Alt+Down",), "打开下拉选择（如 达成 / 部分达成 / 未达成）"),
        Shortcut(("Ctrl+D",), "向下填充：把所选区域第一行的内容填到下面各行"),
        Shortcut(("Ctrl+C", "Ctrl+V"), "复制 / 粘贴（与 Excel、WPS 互通）"),
        Shortcut(("Delete",), "清空当前单元格"),
    )),
)

_SHOWN_AS = {"Up": "↑", "Down": "↓"}


def display(key: str) -> str:
    """One key as the clerk reads it: arrows as arrows."""
    return "+".join(_SHOWN_AS.get(part, part) for part in key.split("+"))


def display_keys(shortcut: Shortcut) -> str:
    return " / ".join(display(key) for key in shortcut.keys)


def all_shortcuts() -> list[Shortcut]:
    return [shortcut for group in SHORTCUTS for shortcut in group.shortcuts]


def shortcuts_markdown() -> str:
    """`docs/shortcuts.md`: the same table the window shows under 帮助 ▸ 快捷键."""
    lines = ["# 快捷键", "",
             "窗口中“帮助 ▸ 快捷键”显示同一张表。本页由 `python -m desktop.help` 生成，请勿手改。"]
    for group in SHORTCUTS:
        lines += ["", f"## {group.title}", "", "| 按键 | 作用 |", "|---|---|"]
        lines += [f"| {display_keys(s)} | {s.what} |" for s in group.shortcuts]
    return "\n".join(lines) + "\n"


def guide_path() -> Path:
    return resource_path("help", GUIDE_FILE)


def guide_text() -> str:
    return guide_path().read_text(encoding="utf-8")


def write_docs(docs: Path = DOCS_DIR) -> list[Path]:
    """Refresh the repository's copies: the shortcuts page and the guide."""
    shortcuts, guide = docs / SHORTCUTS_DOC, docs / GUIDE_FILE
    shortcuts.write_text(shortcuts_markdown(), encoding="utf-8")
    guide.write_text(guide_text(), encoding="utf-8")
    return [shortcuts, guide]


if __name__ == "__main__":
    for written in write_docs():
        sys.stdout.write(f"{written}\n")
