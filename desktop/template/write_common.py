"""Blocks every form kind has: the title, labelled fields, a labelled text, indicators."""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby

from desktop.forms import Indicator, SelfEvaluation
from desktop.rules.profile import load_profile
from desktop.template.context import WriteContext, points_label
from desktop.template.geometry import Block, Span
from desktop.template.write_skeleton import with_frame

NUMBER_FIELDS = {"weight", "score"}


def write_title(ctx: WriteContext, block: Block) -> None:
    """The layout's title; "format" prints it with the year where the form does so
    ("{year}年{title}": 2023年市级部门整体预算绩效目标表, the year the reader takes back)."""
    title = block.spec.get("format", "{title}").format(title=ctx.layout.title,
                                                       year=ctx.form.year)
    ctx.put(block.span("span") or Span(1, ctx.spec.last_column), title, "title")
    ctx.out.title_row(ctx.row)
    ctx.row += 1


def field_value(ctx: WriteContext, key: str) -> str | Decimal | None:
    """A header, detail or budget field of the form, as it goes into its cell."""
    form = ctx.form
    if key.startswith("details."):
        return getattr(form, "details", {}).get(key.removeprefix("details."), "")
    if key.startswith("budget."):
        return getattr(form, "budget", {}).get(key.removeprefix("budget."))
    value = getattr(form, key, "")
    return "" if value is None else value if isinstance(value, Decimal) else str(value)


def _value_role(ctx: WriteContext, key: str, value: object, entry: dict) -> str:
    header = next((f for f in ctx.layout.header if f.field == key), None)
    clerk = entry.get("input", False) or (header is not None and not header.locked)
    kind = "number" if isinstance(value, Decimal) or key.startswith("budget.") else ""
    base = "input" if clerk else "system"
    return f"{base}_number" if kind else base


def _field_row(ctx: WriteContext, entries: list[dict]) -> None:
    used = []
    for entry in entries:
        label, value_span = Span.parse(entry["label"]), Span.parse(entry["value"])
        value = field_value(ctx, entry["field"])
        ctx.put(label, ctx.field_label(entry["field"]), "label")
        ctx.put(value_span, value, _value_role(ctx, entry["field"], value, entry))
        used += [label, value_span]
    ctx.fill_gaps(used)
    ctx.row += 1


def _extra_details(ctx: WriteContext, block: Block) -> list[list[dict]]:
    """Details of a target form that the layout does not name, labelled as the form was."""
    named = {entry["field"] for row in block.spec["rows"] for entry in row}
    template = block.spec["rows"][0][0]
    details = getattr(ctx.form, "details", {})
    return [[{**template, "field": f"details.{key}"}] for key in details
            if f"details.{key}" not in named and not ctx.layout.label(f"details.{key}")]


def write_fields(ctx: WriteContext, block: Block) -> None:
    """Rows of "label：value" pairs, optionally under a block title."""
    ctx.block_title(block.span("title"), f"blocks.{block.spec.get('key', '')}")
    rows = list(block.spec["rows"])
    if block.spec.get("extra_details"):
        rows += _extra_details(ctx, block)
    for entries in rows:
        _field_row(ctx, entries)


def write_text(ctx: WriteContext, block: Block) -> None:
    """A labelled long text, such as 年度总体目标 of the unit-wide form."""
    key = block.spec["field"]
    ctx.put(Span.parse(block.spec["label"]), ctx.label(key), "label")
    role = "input_long" if block.spec.get("input") else "system_long"
    ctx.put(Span.parse(block.spec["value"]), str(getattr(ctx.form, key, "")), role)
    ctx.row += 1


# ---------------------------------------------------------------- indicators


def _declared_points(ctx: WriteContext) -> dict[str, Decimal]:
    form = ctx.form
    if not isinstance(form, SelfEvaluation):
        return {}
    return {**load_profile(form.profile).level1_weights, **form.level1_weights}


def _scores(ctx: WriteContext) -> list[Decimal | None]:
    """The 得分 to print: what the clerk typed, else the rule's suggestion, else blank."""
    form, evaluation = ctx.form, ctx.evaluation
    if evaluation is None:
        return [None] * len(form.indicators)
    rows = evaluation.rows
    return [row.score if ind.score is not None else row.suggested
            for ind, row in zip(form.indicators, rows)]


def _runs(values: list[str]) -> list[tuple[int, int]]:
    """(first index, length) of each run of equal values; blanks are runs of one."""
    runs, index = [], 0
    for value, group in groupby(values):
        length = len(list(group))
        if value:
            runs.append((index, length))
        else:
            runs += [(index + i, 1) for i in range(length)]
        index += length
    return runs


def _merged_column(ctx: WriteContext, span: Span, top: int, values: list[str],
                   labels: list[str]) -> None:
    for first, length in _runs(values):
        ctx.out.put(top + first, span, labels[first], "system", rows=length)


def _cell(ctx: WriteContext, name: str, indicator: Indicator,
          score: Decimal | None) -> tuple[str | Decimal | None, str]:
    column = ctx.layout.column(name)
    clerk = column is not None and not column.locked
    if name in NUMBER_FIELDS:
        value = score if name == "score" else indicator.weight
        return value, "input_number" if clerk else "system_number"
    return getattr(indicator, name), "input" if clerk else "system"


def _indicator_header(ctx: WriteContext, block: Block, columns: dict[str, Span]) -> None:
    for name, span in columns.items():
        ctx.put(span, ctx.label(f"indicators.{name}"), "label")
    ctx.marks["indicators_header"] = ctx.row


def write_indicators(ctx: WriteContext, block: Block) -> None:
    """年度绩效指标: one row per indicator, 一级 and 二级 merged over their runs."""
    ctx.block_title(block.span("title"), "blocks.indicators")
    columns, indicators, scores = block.spans("columns"), ctx.form.indicators, _scores(ctx)
    if ctx.layout.raw.get("skeleton_rows"):     # a frame row for each 二级 left empty
        taxonomy = load_profile(ctx.form.profile).taxonomy
        indicators, scores = with_frame(indicators, scores, taxonomy)
    side = block.span("side")
    if side is not None:
        ctx.put(side, ctx.layout.label("blocks.indicators"), "label",
                rows=1 + len(indicators))
    _indicator_header(ctx, block, columns)
    top = ctx.row + 1
    level1 = [ind.level1 for ind in indicators]
    points = _declared_points(ctx) if block.spec.get("level1_points") else {}
    if "level1" in columns:
        _merged_column(ctx, columns["level1"], top, level1,
                       [points_label(name, points.get(name)) for name in level1])
    if "level2" in columns:
        keys = [f"{ind.level1}\x00{ind.level2}" if ind.level2 else "" for ind in indicators]
        _merged_column(ctx, columns["level2"], top, keys, [ind.level2 for ind in indicators])
    for offset, (indicator, score) in enumerate(zip(indicators, scores)):
        ctx.row = top + offset
        for name, span in columns.items():
            if name not in ("level1", "level2"):
                ctx.put(span, *_cell(ctx, name, indicator, score))
    ctx.row = top + len(indicators)
