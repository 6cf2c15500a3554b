"""Form layouts as data: each official template is a file in resources/layouts/.

A layout names the labels of the header fields, the blocks and the indicator columns in
the order the official form prints them. The window builds its editors from it and the
xlsx template writer and reader place and find cells by it, so a new province's
template is a new file, not new code.

Beyond the fields the window needs, a layout file carries what the xlsx template needs
(read by `desktop.template`): `sheet` (column letters and widths, the blocks in printed
order with the columns each one uses), `styles` (font, the two greys, the number
format), `print` (A4 landscape, fit to width, repeated rows), `labels` (the printed
texts of the funds and goal blocks and the template note) and `aliases` (other
spellings the importer accepts for a label: 分值/权重, 项目编号/项目编码, …), to which
the synonyms every layout shares (resources/recognition/synonyms.json: 指标内容 for
三级指标, 全年完成值 for 实际完成值, …) are added on loading.
Every label is looked up by one key: a header field name, "indicators.<field>",
"blocks.<key>", or a key of `labels`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from desktop.forms import FormKind
from desktop.resources import resource_path

USER_PREFIX = "learned-"   # the names desktop.user_layouts gives taught layouts


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

    def label(self, key: str) -> str:
        """The text the form prints for `key`; "" when the layout does not print it."""
        if key.startswith("blocks."):
            return self.blocks.get(key.removeprefix("blocks."), "")
        if key.startswith("indicators."):
            column = self.column(key.removeprefix("indicators."))
            return column.label if column else ""
        field_ = next((f for f in self.header if f.field == key), None)
        if field_ is not None:
            return field_.label
        return str(self.raw.get("labels", {}).get(key, ""))

    def labels_for(self, key: str) -> tuple[str, ...]:
        """The printed label first, then every alias the importer also accepts."""
        found = [self.label(key), *self.raw.get("aliases", {}).get(key, ())]
        return tuple(dict.fromkeys(label for label in found if label))

    @property
    def exportable(self) -> bool:
        """Whether the layout describes its worksheet (`sheet`); an import-only layout
        (a locality's file read as it comes) exports in its `export_as` layout."""
        return bool(self.raw.get("sheet"))

    def starred(self, key: str) -> bool:
        """Whether the label of `key` is printed with "*" (the clerk's input)."""
        if key.startswith("indicators."):
            column = self.column(key.removeprefix("indicators."))
            return bool(column and column.starred)
        return key in self.raw.get("starred", ())


def _fields(items: list[dict[str, Any]]) -> tuple[LayoutField, ...]:
    return tuple(LayoutField(item["field"], item["label"], bool(item.get("starred", False)),
                             bool(item.get("locked", not item.get("starred", False))))
                 for item in items)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """Column names every layout accepts (resources/recognition/synonyms.json)."""
    path = resource_path("recognition", "synonyms.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: tuple(labels) for key, labels in data["aliases"].items()}


def with_synonyms(data: dict[str, Any]) -> dict[str, Any]:
    """The layout's aliases with the shared synonyms appended after its own spellings,
    so that the layout's first spelling stays the one it prints."""
    aliases = {key: list(labels) for key, labels in data.get("aliases", {}).items()}
    for key, labels in synonyms().items():
        aliases[key] = list(dict.fromkeys([*aliases.get(key, ()), *labels]))
    return {**data, "aliases": aliases}


STANDARD_LAYOUTS = {FormKind.SELF_EVALUATION: "district-2022",
                    FormKind.PROJECT_TARGET: "project-target",
                    FormKind.UNIT_TARGET: "unit-target"}
"""Each kind's standard template: where a form whose own layout is import-only, taught or
unknown here is shown and exported."""


def _layout_data(name: str) -> dict[str, Any] | None:
    """A shipped layout file, else one the clerk taught (desktop.user_layouts). The name
    may come from a file, so it is looked up among the shipped files, never joined into a
    path on its own ("../profiles/default" names nothing)."""
    if name in _shipped_names():
        path = resource_path("layouts", f"{name}.json")
        return dict(json.loads(path.read_text(encoding="utf-8")))
    if name.startswith(USER_PREFIX):
        from desktop.user_layouts import read_user_layout
        return read_user_layout(name)
    return None


@cache
def load_layout(name: str) -> Layout:
    found = _layout_data(name)
    if found is None:
        raise ValueError(f"未知的表样：{name}（可选：{'、'.join(layout_names())}）")
    data = with_synonyms(found)
    return Layout(name=data["name"], kind=FormKind(data["kind"]), title=data["title"],
                  description=data.get("description", ""), header=_fields(data["header"]),
                  indicator_columns=_fields(data["indicator_columns"]),
                  blocks=dict(data.get("blocks", {})), raw=data)


@lru_cache(maxsize=1)
def _shipped_names() -> tuple[str, ...]:
    """The layouts this release ships: its files do not change while it runs."""
    return tuple(sorted(p.stem for p in resource_path("layouts").glob("*.json")))


@lru_cache(maxsize=1)
def _all_names() -> tuple[str, ...]:
    from desktop.user_layouts import user_layout_paths
    return (*_shipped_names(), *user_layout_paths())


def layout_names(kind: FormKind | None = None) -> list[str]:
    """The shipped layouts by name, then those the clerk taught."""
    names = list(_all_names())
    if kind is None:
        return names
    return [name for name in names if load_layout(name).kind is kind]


def layout_or_standard(name: str, kind: FormKind) -> Layout:
    """The layout `name` if it is one of `kind`, else that kind's standard one: a form
    read from another machine may name a taught layout this one does not have."""
    if name in layout_names(kind):
        return load_layout(name)
    return load_layout(STANDARD_LAYOUTS[kind])


def required_fields(layout: Layout) -> tuple[str, ...]:
    """The header keys (a form attribute or "details.<key>") the layout's `required`
    list says the system refuses empty."""
    return tuple(str(key) for key in layout.raw.get("required", ()))


def forget_layouts() -> None:
    """Read the layouts afresh: a taught layout was saved, renamed or removed."""
    load_layout.cache_clear()
    _all_names.cache_clear()


def export_layout(layout: Layout) -> Layout:
    """The layout a form read by `layout` is exported in: itself when it describes a
    worksheet, else the one it names as `export_as`, else the first of its kind that
    does, else its kind's standard one (a locality's own file is read as it comes, but
    written as a standard one)."""
    if layout.exportable:
        return layout
    named = layout.raw.get("export_as")
    return load_layout(str(named) if named else STANDARD_LAYOUTS[layout.kind])
