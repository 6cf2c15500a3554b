"""Labelled fields: "项目编号：| 4403…", found by label wherever the row moved to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from desktop.money import AmountError
from desktop.template.cellvalues import cell_decimal
from desktop.template.find import NeedsInput, ReadError, value_right_of
from desktop.template.grid import Grid, Position
from desktop.template.kinds import title_candidates
from desktop.template.source import Source
from desktop.textnorm import to_halfwidth

_YEAR = re.compile(r"(?<![0-9])(1[9][0-9]{2}|2[0-9]{3})(?![0-9])")
_YEAR_TITLE = re.compile(r"(?<![0-9])([0-9]{4})\s*年(?![0-9])")
_YEAR_LINE = re.compile(r"[(\[【]?\s*([0-9]{4})\s*年度\s*[)\]】]?")
"""A cell that is nothing but the year, "( 2019年度)": a goal or a project name that
mentions "2023年度" is no year line (Shenzhen's target sheets print no year at all)."""
CODE_FIELDS = {"project_code", "unit_code"}


@dataclass(frozen=True)
class FieldValue:
    """A field's cell: its raw value and where it is; `position` None when found inline."""

    raw: object
    text: str
    position: Position | None


def read_field(src: Source, key: str) -> FieldValue | None:
    """The value beside the field's label, or inside its cell ("单位：万元"); None if the
    sheet does not carry the label at all."""
    grid, layout = src.grid, src.layout
    position = src.find(key)
    if position is not None:
        value = value_right_of(grid, position, src.label_keys)
        if value is None:
            return FieldValue(None, "", None)
        return FieldValue(grid.value(*value), grid.text(*value), value)
    inline = src.labels.find_prefixed(layout.labels_for(key))
    if inline is not None:
        return FieldValue(inline[1], inline[1], None)
    return None


def field_text(src: Source, key: str) -> str | None:
    """A text field; None when the sheet does not carry its label."""
    found = read_field(src, key)
    if found is None:
        return None
    if key in CODE_FIELDS:
        return code_text(src, key, found)
    return found.text


def code_text(src: Source, key: str, found: FieldValue) -> str:
    """A code is text; one Excel stored as a number lost its digits past the 15th."""
    raw = found.raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and abs(raw) >= 1e15:
        given = src.options.codes.get(src.grid.name, "").strip()
        if given:
            return given
        where = src.grid.where(*found.position) if found.position else src.grid.name
        raise NeedsInput(f"{where}：{src.layout.label(key)} 被 Excel 存成了数字，第 15 位以后已丢失；"
                         "请把该单元格设为文本，重新填入完整编码", "code")
    return found.text


def cell_number(grid: Grid, position: Position | None, raw: object,
                label: str) -> Decimal | None:
    """A number cell, or ReadError "Sheet1!F12：分值 不是数字：abc"."""
    try:
        return cell_decimal(raw, label)
    except AmountError as error:
        where = grid.where(*position) if position else grid.name
        raise ReadError(f"{where}：{error}") from None


def read_year(src: Source) -> int:
    """The form's year: its year field, else the title ("2023年…表"), else a "( 2019年度)"
    line, else the year the clerk gave; a date in a target never counts."""
    grid, layout = src.grid, src.layout
    found = read_field(src, "year")
    if found is not None and found.text:
        match = _YEAR.search(to_halfwidth(found.text))
        if match is None or found.text.startswith("="):   # a formula Excel never ran
            where = grid.where(*found.position) if found.position else grid.name
            raise ReadError(f"{where}：{layout.label('year')} 不是年份：{found.text}")
        return int(match.group(1))
    for title in title_candidates(grid):     # "2023年市级部门整体预算绩效目标表"
        match = _YEAR_TITLE.search(to_halfwidth(title))
        if match:
            return int(match.group(1))
    for position in sorted(grid.values):     # "( 2019年度)" under the title
        match = _YEAR_LINE.fullmatch(to_halfwidth(grid.text(*position)))
        if match:
            return int(match.group(1))
    if src.options.year is not None:
        return src.options.year
    raise NeedsInput(f"{grid.name}：表中没有预算年度", "year")
