"""Layouts a clerk taught the app, kept as layout files in the user's data folder.

A workbook in a layout nobody shipped (a county's own 目标表, a project library's
export) is mapped once, column by column, in the window; the mapping is saved here as
a layout file of the same shape as those in resources/layouts/, so every later file of
that shape is read by it, and `desktop.layouts` lists it beside the shipped ones. The
file name is the layout's name (what forms store); `description` is what the clerk
called it, and renaming changes only that, so forms keep their layout. A removed
layout's file moves to `removed/`: its name is never given again, so a form read by it
never meets another layout under the name it stores.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.atomic import write_text_atomically
from desktop.forms import FormKind
from desktop.layouts import USER_PREFIX, forget_layouts

PREFIX = USER_PREFIX
_NAME = re.compile(r"^learned-[0-9]{1,6}$")
REMOVED = "removed"


class UserLayoutError(ValueError):
    """A taught layout that cannot be saved, renamed or removed; one line for the clerk."""


@dataclass(frozen=True)
class UserLayout:
    """A taught layout as the window lists it."""

    name: str           # learned-N: what forms store
    description: str    # what the clerk called it
    kind: str           # a FormKind value
    path: Path


def user_layouts_dir() -> Path:
    """`layouts/` in the platform's per-user data folder (not created until needed)."""
    from platformdirs import user_data_dir  # only when a taught layout is looked for
    return Path(user_data_dir("jixiao", appauthor=False)) / "layouts"


def user_layout_paths() -> dict[str, Path]:
    """Taught layouts by name, in the order they were taught. Names that do not look
    like ours are left alone, and a damaged file is left out: `desktop.layouts` lists
    these, and one bad file must not stop every sheet from being read."""
    return {name: path for name, path in _files().items() if _read(path) is not None}


def _files() -> dict[str, Path]:
    folder = user_layouts_dir()
    return _by_number(folder) if folder.is_dir() else {}


def _by_number(folder: Path) -> dict[str, Path]:
    """learned-2 before learned-10: in the order they were taught."""
    paths = [path for path in folder.glob("*.json") if _NAME.match(path.stem)]
    return {path.stem: path for path in sorted(paths, key=_number)}


def _number(path: Path) -> int:
    return int(path.stem.removeprefix(PREFIX))


def read_user_layout(name: str) -> dict[str, Any] | None:
    path = _files().get(name)
    return _read(path) if path is not None else None


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None      # a damaged file is as good as absent; the shipped layouts remain
    return data if _usable(data, path.stem) else None


def _usable(data: Any, name: str) -> bool:
    """Whether the file holds what `desktop.layouts.load_layout` builds a layout from
    (a file edited by hand or cut short by a full disk may not)."""
    def fields(key: str) -> bool:
        items = data.get(key)
        return isinstance(items, list) and all(
            isinstance(item, dict) and isinstance(item.get("field"), str)
            and isinstance(item.get("label"), str) for item in items)

    return isinstance(data, dict) and data.get("name") == name \
        and data.get("kind") in {kind.value for kind in FormKind} \
        and isinstance(data.get("title"), str) and fields("header") \
        and fields("indicator_columns")


def user_layouts() -> list[UserLayout]:
    """The taught layouts in the order they were taught (a damaged file is left out)."""
    found = []
    for name, path in user_layout_paths().items():
        data = read_user_layout(name)
        if data is not None:
            found.append(UserLayout(name, str(data.get("description", "")),
                                    str(data.get("kind", "")), path))
    return found


def _next_name() -> str:
    """One past every name given so far, the removed ones included."""
    folder = user_layouts_dir()
    given = [*_by_number(folder).values(), *_by_number(folder / REMOVED).values()] \
        if folder.is_dir() else []
    return f"{PREFIX}{max(map(_number, given), default=0) + 1}"


def save_user_layout(data: dict[str, Any], description: str) -> str:
    """Save a taught layout under a new name and return the name."""
    description = " ".join(description.split())
    if not description:
        raise UserLayoutError("请为表样起一个名字")
    name = _next_name()
    _write(name, {**data, "name": name, "description": description, "learned": True})
    return name


def rename_user_layout(name: str, description: str) -> None:
    data = read_user_layout(name)
    description = " ".join(description.split())
    if data is None:
        raise UserLayoutError(f"找不到自定义表样：{name}")
    if not description:
        raise UserLayoutError("表样名称不能为空")
    _write(name, {**data, "description": description})


def remove_user_layout(name: str) -> None:
    """Forget a taught layout; forms read by it keep their content (and print and
    export in their kind's standard layout)."""
    path = user_layout_paths().get(name)
    if path is None:
        raise UserLayoutError(f"找不到自定义表样：{name}")
    try:
        (path.parent / REMOVED).mkdir(exist_ok=True)
        path.replace(path.parent / REMOVED / path.name)
    except OSError as error:
        raise UserLayoutError(f"无法删除表样 {path}：{error.strerror}") from None
    forget_layouts()


def _write(name: str, data: dict[str, Any]) -> None:
    folder = user_layouts_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomically(folder / f"{name}.json",
                              json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError as error:
        raise UserLayoutError(f"无法保存表样到 {folder}：{error.strerror}") from None
    forget_layouts()
