"""年度绩效指标, read by its header labels: one Indicator per row that writes anything.

Handles what clerks' files do to the block: 一级/二级 merged over their rows, repeated
on every row, or blank on continuation rows (a blank continues the row above, as in
DOMAIN §2); "产出指标 (50分)" labels (the points become the form's 一级 weights);
extra blank rows; columns in another order or an extra 度量单位 column; 一级/二级 written
short (产出, 数量: the taxonomy's aliases give the full names); and, in layouts that
print a frame row for every 二级 (`"skeleton_rows": true`), rows that write nothing but
一级/二级, which are the frame and no indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.forms import Indicator
from desktop.money import parse_decimal
from desktop.rules.profile import Taxonomy, load_profile
from desktop.template.cellvalues import label_key
from desktop.template.find import ReadError
from desktop.template.grid import Position
from desktop.template.read_fields import cell_number
from desktop.template.source import Source
from desktop.textnorm import squeeze_spaces, to_halfwidth

FIELDS = ("level1", "level2", "name", "target", "unit", "actual", "weight", "score",
          "deviation", "explanation")
LEVEL_FIELDS = ("level1", "level2")
NUMBER_FIELDS = {"weight", "score"}
_POINTS = re.compile(r"^(?P<name>.*?)[(（](?P<points>[0-9.]+)分[)）]$")


@dataclass(frozen=True)
class Column:
    field: str
    column: int
    label: str      # as the file prints it, for messages


def split_points(text: str) -> tuple[str, Decimal | None]:
    """"产出指标 (50分)" → ("产出指标", 50); "产出指标" → ("产出指标", None)."""
    flat = squeeze_spaces(to_halfwidth(text))
    match = _POINTS.match(flat)
    if not match:
        return flat, None
    return match["name"], parse_decimal(match["points"])


def find_header(src: Source) -> Position:
    """The indicator header row: where 三级指标 stands beside 一级指标 (or, in a layout
    without a 一级 column, beside another indicator column it names)."""
    names = src.layout.labels_for("indicators.name")
    beside = ["level1"] if src.layout.column("level1") else [
        column.field for column in src.layout.indicator_columns if column.field != "name"]
    neighbours = [label for field_ in beside
                  for label in src.layout.labels_for(f"indicators.{field_}")]
    for key in names:
        for position in src.labels.at.get(label_key(key), ()):
            if src.labels.find_in_row(neighbours, position[0]):
                return position
    wanted = "、".join(filter(None, (src.layout.label("indicators.level1"),
                                     src.layout.label("indicators.name"))))
    raise ReadError(f"{src.grid.name}：找不到指标表头（{wanted}）")


def map_columns(src: Source, row: int) -> list[Column]:
    """Which column holds which field, from the header row's labels."""
    found: dict[str, Column] = {}
    for column in src.grid.starts(row):
        key = label_key(src.grid.text(row, column))
        for field_ in FIELDS:
            labels = {label_key(label) for label in src.layout.labels_for(f"indicators.{field_}")}
            if key in labels and field_ not in found:
                found[field_] = Column(field_, column, key)
                break
    return list(found.values())


def _writes_something(src: Source, row: int, columns: list[Column]) -> bool:
    return any(src.grid.own(row, c.column) is not None for c in columns if c.field != "level1")


def _frame_only(src: Source, row: int, columns: list[Column]) -> bool:
    """A row that writes nothing but 一级/二级: the printed frame of a 二级 with no 三级."""
    return all(src.grid.own(row, c.column) is None for c in columns
               if c.field not in LEVEL_FIELDS)


def _row(src: Source, row: int, columns: list[Column]) -> dict[str, Any]:
    """Indicator field values by field name (text or amount, by the field)."""
    values: dict[str, Any] = {}
    for column in columns:
        if column.field in NUMBER_FIELDS:
            values[column.field] = cell_number(src.grid, (row, column.column),
                                               src.grid.value(row, column.column), column.label)
        else:
            values[column.field] = src.grid.text(row, column.column)
    return values


class _Continuation:
    """Carries 一级 and 二级 down over blank continuation cells, by their full names."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.level1 = ""
        self.level2 = ""
        self.points: dict[str, Decimal] = {}

    def apply(self, values: dict[str, object]) -> None:
        level1, points = split_points(str(values.get("level1", "")))
        level1 = self.taxonomy.full_level1(level1)
        level2 = squeeze_spaces(str(values.get("level2", "")))
        level2 = self.taxonomy.full_level2(level1 or self.level1, level2)
        if not level1:
            level1 = self.level1
        if not level2 and level1 == self.level1:
            level2 = self.level2
        if points is not None:
            self.points.setdefault(level1, points)
        self.level1, self.level2 = level1, level2
        values["level1"], values["level2"] = level1, level2


def extra_columns(src: Source, row: int) -> dict[str, int]:
    """Columns the layout keeps by their printed label (`extra_columns`: 评价标准, a
    taught layout's 考核方法 …), where the header row shows them."""
    found = {}
    for label in src.layout.raw.get("extra_columns", ()):
        position = src.labels.find_in_row((label,), row)
        if position is not None:
            found[str(label)] = position[1]
    return found


def _extras(src: Source, row: int, columns: dict[str, int]) -> dict[str, str]:
    texts = {label: src.grid.text(row, column) for label, column in columns.items()}
    return {label: text for label, text in texts.items() if text}


def read_indicators(src: Source, stop: tuple[str, ...] = ()) -> tuple[list[Indicator],
                                                                       dict[str, Decimal]]:
    """The indicator rows below the header, up to a row showing one of `stop` (总分…)."""
    header = find_header(src)
    columns, kept = map_columns(src, header[0]), extra_columns(src, header[0])
    profile = load_profile(str(src.layout.raw.get("profile", "default")))
    carry, indicators = _Continuation(profile.taxonomy), []
    frame = bool(src.layout.raw.get("skeleton_rows"))
    for row in range(src.grid.end(*header)[0] + 1, src.grid.max_row + 1):
        if stop and src.labels.row_has(row, stop):
            break
        if not _writes_something(src, row, columns):
            continue
        values = _row(src, row, columns)
        carry.apply(values)     # a frame row still starts its 一级 for the rows below
        if frame and _frame_only(src, row, columns):
            continue
        indicators.append(Indicator(**values, extra=_extras(src, row, kept)))
    return indicators, carry.points
