"""项目支出绩效自评表 from a sheet: header fields, funds, goal, indicators.

The funds total row is kept as `stated_total` (the rules sum the sources and point out
a disagreement); 执行率 and 得分 are not read: they are derived, never facts. The printed
总分 row goes to `meta.published`, for the rules to compare. Amounts come in the layout's
`funds_unit` (the central layout prints 万元) and are kept in yuan, exactly.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from desktop.forms import FUNDS_COLUMNS, FUNDS_SOURCES, AmountRow, FormMeta, Funds, SelfEvaluation
from desktop.rules.printed import mark_printed
from desktop.template.cellvalues import label_key
from desktop.template.find import ReadError
from desktop.template.grid import Position
from desktop.template.read_fields import cell_number, field_text, read_year
from desktop.template.read_indicators import find_header, map_columns, read_indicators
from desktop.template.read_total import printed_totals
from desktop.template.source import Source

FUNDS_FIELDS = (*FUNDS_COLUMNS, "weight")
FUNDS_ROWS = ("total", *FUNDS_SOURCES)
HEADER_FIELDS = ("project_code", "project_name", "implementing_unit", "budget_unit")
YUAN_PER_UNIT = {"元": Decimal(1), "万元": Decimal(10000)}


_UNIT_IN_LABEL = re.compile(r"[(（]\s*(万元|元)\s*[)）]")


def stated_funds_unit(src: Source) -> str | None:
    """The unit the sheet's own funds heading states ("项目资金（万元）", "项目预算执行
    情况（万元）"): a clerk's district form may be in 万元 where its layout prints 元."""
    headings = [*src.layout.labels_for("blocks.funds_money"),
                *src.layout.labels_for("blocks.funds")]
    bases = {label_key(_UNIT_IN_LABEL.sub("", heading)) for heading in headings}
    for key in src.labels.at:
        match = _UNIT_IN_LABEL.search(key)
        if match and label_key(_UNIT_IN_LABEL.sub("", key)) in bases:
            return match.group(1)
    return None


def yuan_per_unit(src: Source) -> Decimal:
    """What one funds amount of the sheet is in yuan: the form keeps yuan; the sheet's
    funds heading says which unit it prints, else the layout does (its `"funds_unit"`:
    万元 in the central layout)."""
    unit = stated_funds_unit(src) or str(src.layout.raw.get("funds_unit", "元"))
    if unit not in YUAN_PER_UNIT:
        raise ReadError(f"表样 {src.layout.name} 的资金单位无法识别：{unit}")
    return YUAN_PER_UNIT[unit]


def _funds_header(src: Source) -> Position:
    for key in map(label_key, src.layout.labels_for("funds.initial")):
        for position in src.labels.at.get(key, ()):
            if src.labels.find_in_row(src.layout.labels_for("funds.annual"), position[0]):
                return position
    raise ReadError(f"{src.grid.name}：找不到资金表头（{src.layout.label('funds.initial')}、"
                    f"{src.layout.label('funds.annual')}）")


def _funds_columns(src: Source, row: int) -> dict[str, int]:
    columns: dict[str, int] = {}
    for name in FUNDS_FIELDS:
        position = src.labels.find_in_row(src.layout.labels_for(f"funds.{name}"), row)
        if position is not None:
            columns[name] = position[1]
    return columns


def _funds_rows(src: Source, header: int, last: int) -> dict[str, int]:
    """The row of 年度资金总额, 当年财政拨款, 上年结转资金 and 其他资金, each found by label."""
    rows: dict[str, int] = {}
    for row in range(header + 1, last):
        for name in FUNDS_ROWS:
            if name not in rows and src.labels.find_in_row(
                    src.layout.labels_for(f"funds_rows.{name}"), row):
                rows[name] = row
                break
    return rows


def _amount(src: Source, row: int, column: int | None, label: str) -> Decimal | None:
    if column is None:
        return None
    return cell_number(src.grid, (row, column), src.grid.value(row, column), label)


def _amount_row(src: Source, row: int, columns: dict[str, int]) -> AmountRow:
    factor, amounts = yuan_per_unit(src), {}
    for name in FUNDS_COLUMNS:
        value = _amount(src, row, columns.get(name), src.layout.label(f"funds.{name}"))
        amounts[name] = None if value is None else value * factor
    return AmountRow(**amounts)


def read_funds(src: Source, before: int) -> Funds:
    """资金使用情况 between its header and row `before` (the indicator header); none in
    a layout that prints no funds block (one the clerk taught from an indicator table)."""
    if not src.layout.labels_for("funds.initial"):
        return Funds()
    header = _funds_header(src)
    columns = _funds_columns(src, header[0])
    rows = _funds_rows(src, src.grid.end(*header)[0], before)
    sources: dict[str, Any] = {name: _amount_row(src, rows[name], columns)
                               for name in FUNDS_SOURCES if name in rows}
    funds = Funds(**sources)
    if "total" in rows:
        funds.stated_total = _amount_row(src, rows["total"], columns)
        weight = _amount(src, rows["total"], columns.get("weight"), src.layout.label("funds.weight"))
        funds.weight = Decimal("10") if weight is None else weight
    return funds


def _span_text(src: Source, row: int, label: Position) -> str:
    """The first text in the label's columns on `row` (the goal texts sit under their label)."""
    first, last = label[1], src.grid.end(*label)[1]
    for column in range(first, last + 1):
        text = src.grid.text(row, column)
        if text:
            return text
    return ""


def read_goal(src: Source, before: int) -> tuple[str, str]:
    """预期目标 and 实际完成情况: the first row under their labels that holds text."""
    expected = src.find("goal.expected")
    if expected is None or expected[0] >= before:
        return "", ""
    actual = src.labels.find_in_row(src.layout.labels_for("goal.actual"), expected[0])
    for row in range(src.grid.end(*expected)[0] + 1, before):
        texts = (_span_text(src, row, expected), _span_text(src, row, actual) if actual else "")
        if any(texts):
            return texts
    return "", ""


def _unit_code(src: Source) -> str | None:
    text = field_text(src, "unit_code")
    return text or None


def _printed_totals(src: Source, header: int) -> dict[str, str]:
    columns = {column.field: column.column for column in map_columns(src, header)}
    return printed_totals(src, columns, header)


def read_self_evaluation(src: Source) -> SelfEvaluation:
    indicators_at = find_header(src)[0]
    stop = (*src.layout.labels_for("blocks.total"), *src.layout.labels_for("blocks.remark"))
    indicators, points = read_indicators(src, stop)
    expected, actual = read_goal(src, indicators_at)
    header: dict[str, Any] = {name: field_text(src, name) or "" for name in HEADER_FIELDS}
    return mark_printed(SelfEvaluation(
        year=read_year(src), layout=src.layout.name, **header, unit_code=_unit_code(src),
        profile=str(src.layout.raw.get("profile", "default")),
        funds=read_funds(src, indicators_at), goal_expected=expected, goal_actual=actual,
        indicators=indicators, level1_weights=points,
        meta=FormMeta(published=_printed_totals(src, indicators_at))))
