"""Form layouts as data: each official template is a file in resources/layouts/.

A layout names the labels of the header fields, the blocks and the indicator columns in
the order the official form prints them. The window builds its editors from it and the
xlsx template writer and reader place and find cells by it, so a new province's
template is a new file, not new code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from desktop.forms import FormKind
from desktop.resources import resource_path


@dataclass(frozen=True)
class LayoutField:
    """A labelled value: a header field or an indicator column."""

    field: str          # the form attribute (project_code, actual, weight, …)
    label: str          # as the official form prints it (项目编号, 实际完成值, 分值, …)
    starred: bool = False   # printed with "*": the clerk's input
    locked: bool = True     # grey, filled by the system


@dataclass(frozen=True)
class Layout:
    name: str
    kind: FormKind
    title: str
    description: str
    header: tuple[LayoutField, ...]
    indicator_columns: tuple[LayoutField, ...]
    blocks: dict[str, str]       # block key → printed title (funds, goal, indicators, …)
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def column(self, name: str) -> LayoutField | None:
        return next((c for c in self.indicator_columns if c.field == name), None)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(column.field for column in self.indicator_columns)


def _fields(items: list[dict[str, Any]]) -> tuple[LayoutField, ...]:
    return tuple(LayoutField(item["field"], item["label"], bool(item.get("starred", False)),
                             bool(item.get("locked", not item.get("starred", False))))
                 for item in items)


@lru_cache(maxsize=None)
def load_layout(name: str) -> Layout:
    path = resource_path("layouts", f"{name}.json")
    if not path.is_file():
        raise ValueError(f"未知的表样：{name}（可选：{'、'.join(layout_names())}）")
    data = json.loads(path.read_text(encoding="utf-8"))
    return Layout(name=data["name"], kind=FormKind(data["kind"]), title=data["title"],
                  description=data.get("description", ""), header=_fields(data["header"]),
                  indicator_columns=_fields(data["indicator_columns"]),
                  blocks=dict(data.get("blocks", {})), raw=data)


def layout_names(kind: FormKind | None = None) -> list[str]:
    names = sorted(p.stem for p in resource_path("layouts").glob("*.json"))
    if kind is None:
        return names
    return [name for name in names if load_layout(name).kind is kind]
