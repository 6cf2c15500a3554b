"""Indicator rows whose target stands in three columns: 指标性质 | 指标值 | 计量单位.

The provincial 一体化 systems' templates (Chongqing's 自评表) split a target into its
operator, value and unit, print each 一级 as a group row of its own (产出类指标 …) and
the 二级 in a 指标类型 column. The operator and value make the target ("≥" and 1 →
"≥1"), the unit goes to `unit`; an operator or unit "无" adds nothing. Columns the
layout lists in `extra_columns` (评价标准) are kept in `Indicator.extra` by label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.forms import Indicator
from desktop.rules.profile import Taxonomy
from desktop.template.cellvalues import label_key
from desktop.template.find import ReadError
from desktop.template.grid import Position
from desktop.template.read_fields import cell_number
from desktop.template.read_indicators import extra_columns, map_columns
from desktop.template.source import Source
from desktop.textnorm import squeeze_spaces, to_halfwidth

OPERATOR_SIGNS = ("≥", "≤", "≧", "≦", ">", "<", "=")


def find_split_header(src: Source) -> Position:
    """The header row: where 指标名称 and 指标类型 stand side by side."""
    for label in src.layout.labels_for("indicators.name"):
        for position in src.labels.at.get(label_key(label), ()):
            if src.labels.find_in_row(src.layout.labels_for("indicators.level2"), position[0]):
                return position
    wanted = "、".join(filter(None, (src.layout.label("indicators.level2"),
                                     src.layout.label("indicators.name"))))
    raise ReadError(f"{src.grid.name}：找不到指标表头（{wanted}）")


@dataclass(frozen=True)
class SplitColumns:
    """Where each field stands: the standard ones, the operator, the extra columns."""

    fields: dict[str, int]
    operator: int | None = None
    extra: dict[str, int] = field(default_factory=dict)

    def all(self) -> list[int]:
        return [*self.fields.values(), *filter(None, [self.operator]), *self.extra.values()]


def split_columns(src: Source, row: int) -> SplitColumns:
    fields = {column.field: column.column for column in map_columns(src, row)}
    operator = src.labels.find_in_row(src.layout.labels_for("operator"), row)
    return SplitColumns(fields, operator[1] if operator else None, extra_columns(src, row))


def _plain(text: str) -> str:
    return squeeze_spaces(to_halfwidth(text))


def compose_target(src: Source, operator: str, value: str) -> str:
    """"≥" and "1" → "≥1"; an operator the layout lists as none ("无") adds nothing, and
    neither does one the value already starts with."""
    blank = {_plain(word) for word in src.layout.raw.get("no_operator", ())}
    operator = _plain(operator)
    if not value or not operator or operator in blank or value.startswith(OPERATOR_SIGNS):
        return value
    return operator + value


def unit_text(src: Source, unit: str) -> str:
    """The 计量单位 as the rules read it: "无" (or another none the layout lists) is ""."""
    blank = {_plain(word) for word in src.layout.raw.get("no_unit", ())}
    return "" if _plain(unit) in blank else unit


class _Groups:
    """The 一级 of the group row above, the 二级 carried over blank 指标类型 cells."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.level1 = ""
        self.level2 = ""

    def group(self, text: str) -> str | None:
        """The 一级 a 指标类型 text names (产出类指标 → 产出指标), else None."""
        full = self.taxonomy.full_level1(text)
        return full if full in self.taxonomy.levels else None

    def levels(self, text: str) -> tuple[str, str]:
        level1 = self.group(text)
        if level1 is not None:          # a row typed with its 一级 itself: no 二级
            self.level1, self.level2 = level1, ""
        elif text:
            self.level2 = self.taxonomy.full_level2(self.level1, text)
            self.level1 = self.level1 or self.taxonomy.level1_of(self.level2) or ""
        return self.level1, self.level2


def _text(src: Source, row: int, column: int | None) -> str:
    return src.grid.text(row, column) if column is not None else ""


def _frame_only(src: Source, row: int, columns: SplitColumns) -> bool:
    """A row showing nothing but its 指标类型 cell (alone or merged across the row): a
    group row (产出类指标), or the frame of a 二级 with no indicator under it."""
    type_column = columns.fields.get("level2")
    return all(src.grid.own(row, column) is None
               for column in columns.all() if column != type_column)


def _no_name(src: Source, row: int, columns: SplitColumns) -> bool:
    column = columns.fields.get("name")
    return column is None or src.grid.own(row, column) is None


def _indicator(src: Source, row: int, columns: SplitColumns, groups: _Groups) -> Indicator:
    where = columns.fields
    level1, level2 = groups.levels(_plain(_text(src, row, where.get("level2"))))
    weight_at = where.get("weight")
    weight = None if weight_at is None else cell_number(
        src.grid, (row, weight_at), src.grid.value(row, weight_at),
        src.layout.label("indicators.weight"))
    extra = {label: text for label, column in columns.extra.items()
             if (text := _text(src, row, column))}
    return Indicator(
        level1=level1, level2=level2, name=_text(src, row, where.get("name")),
        target=compose_target(src, _text(src, row, columns.operator),
                              _text(src, row, where.get("target"))),
        unit=unit_text(src, _text(src, row, where.get("unit"))),
        actual=_text(src, row, where.get("actual")), weight=weight, extra=extra)


def read_split_rows(src: Source, header: Position, columns: SplitColumns,
                    taxonomy: Taxonomy) -> list[Indicator]:
    """The rows under the header up to 合计 / 说明; group rows set the 一级."""
    stop = (*src.layout.labels_for("blocks.total"), *src.layout.labels_for("blocks.remark"))
    groups, indicators = _Groups(taxonomy), []
    for row in range(src.grid.end(*header)[0] + 1, src.grid.max_row + 1):
        if src.labels.row_has(row, stop):
            break
        if all(src.grid.own(row, column) is None for column in columns.all()):
            continue
        text = _plain(_text(src, row, columns.fields.get("level2")))
        named_group = groups.group(text) is not None and _no_name(src, row, columns)
        if named_group or _frame_only(src, row, columns):
            groups.levels(text)     # a group row may print its 一级's points: not a row
            continue
        indicators.append(_indicator(src, row, columns, groups))
    return indicators
