"""Blocks only the self-evaluation has: funds, goal, 总分 and 备注 with the template note.

Derived figures (年度资金总额, 执行率, the funds score, 总分) are written as values the
rules computed, never as formulas: a formula written by openpyxl has no cached value,
so the budget system's importer would read nothing.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.forms import FUNDS_COLUMNS, FUNDS_SOURCES, AmountRow, SelfEvaluation
from desktop.template.context import WriteContext
from desktop.template.geometry import Block, Span

DASH = "—"
SCORED_COLUMNS = ("weight", "rate", "score")


def _funds_header(ctx: WriteContext, corner: Span, columns: dict[str, Span]) -> None:
    ctx.put(corner, None, "label")
    for name, span in columns.items():
        ctx.put(span, ctx.label(f"funds.{name}"), "label")
    ctx.row += 1


def _funds_row(ctx: WriteContext, row_label: Span, columns: dict[str, Span], name: str,
               amounts: AmountRow) -> None:
    ctx.put(row_label, ctx.label(f"funds_rows.{name}"), "label")
    for column in FUNDS_COLUMNS:
        if column in columns:
            ctx.put(columns[column], getattr(amounts, column), "system_number")
    figures = _total_figures(ctx) if name == "total" else {}
    for column in SCORED_COLUMNS:
        if column in columns:
            value = figures.get(column, DASH)
            ctx.put(columns[column], value, "system_number" if figures else "system_center")
    ctx.row += 1


def _total_figures(ctx: WriteContext) -> dict[str, Decimal]:
    form, evaluation = ctx.form, ctx.evaluation
    assert isinstance(form, SelfEvaluation) and evaluation is not None
    return {"weight": form.funds.weight, "rate": evaluation.rate,
            "score": evaluation.funds_score}


def write_funds(ctx: WriteContext, block: Block) -> None:
    """资金使用情况: the total row is the sum of the sources, with 分值, 执行率 and 得分."""
    form, evaluation = ctx.form, ctx.evaluation
    assert isinstance(form, SelfEvaluation) and evaluation is not None
    ctx.block_title(block.span("title"), "blocks.funds")
    side, row_label = block.span("side"), block.span("row_label")
    assert side is not None and row_label is not None
    columns = block.spans("columns")
    _funds_header(ctx, Span(side.first, row_label.last), columns)
    ctx.put(side, ctx.layout.label("blocks.funds_money"), "label", rows=1 + len(FUNDS_SOURCES))
    _funds_row(ctx, row_label, columns, "total", evaluation.funds_total)
    for name in FUNDS_SOURCES:
        _funds_row(ctx, row_label, columns, name, form.funds.source(name))


def write_goal(ctx: WriteContext, block: Block) -> None:
    """项目目标完成情况: 预期目标 (from the targets) and the clerk's 实际完成情况."""
    form = ctx.form
    assert isinstance(form, SelfEvaluation)
    ctx.block_title(block.span("title"), "blocks.goal")
    expected, actual = block.span("expected"), block.span("actual")
    assert expected is not None and actual is not None
    ctx.put(Span.parse(block.spec["label"]), ctx.layout.label("blocks.goal_row"), "label",
            rows=2)
    ctx.put(expected, ctx.label("goal.expected"), "label")
    ctx.put(actual, ctx.label("goal.actual"), "label")
    ctx.row += 1
    ctx.put(expected, form.goal_expected, "system_long")
    ctx.put(actual, form.goal_actual, "input_long")
    ctx.row += 1


def write_total(ctx: WriteContext, block: Block) -> None:
    """总分: Σ 分值 (100 when the weights are right) and funds score + Σ indicator scores."""
    evaluation = ctx.evaluation
    assert evaluation is not None
    ctx.put(Span.parse(block.spec["label"]), ctx.layout.label("blocks.total"), "label")
    ctx.put(Span.parse(block.spec["weight"]), evaluation.weights_total, "system_number")
    ctx.put(Span.parse(block.spec["score"]), evaluation.total, "system_number")
    rest = block.span("rest")
    if rest is not None:
        ctx.put(rest, DASH, "system_center")
    ctx.row += 1


def write_remark(ctx: WriteContext, block: Block) -> None:
    """备注, carrying the template note the official form prints there."""
    ctx.put(Span.parse(block.spec["label"]), ctx.field_label("blocks.remark"), "label")
    text = ctx.layout.label(block.spec["text"]) if block.spec.get("text") else ""
    ctx.put(Span.parse(block.spec["value"]), text, "note")
    ctx.row += 1
