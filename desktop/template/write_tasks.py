"""The task budget of the unit-wide target form: 任务名称, 主要内容 and three amounts.

金额合计 is written as the form states it (the clerk's figure, flagged by the rules when
it disagrees with the lines), or as the sum of the lines when the form states none.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.forms import Task, UnitTarget
from desktop.money import ZERO
from desktop.template.context import WriteContext
from desktop.template.geometry import Block, Span

AMOUNTS = ("total", "fiscal", "other")


def _header(ctx: WriteContext, columns: dict[str, Span], unit: str) -> None:
    for name in ("name", "content"):
        ctx.put(columns[name], ctx.label(f"tasks.{name}"), "label", rows=2)
    first, last = columns[AMOUNTS[0]].first, columns[AMOUNTS[-1]].last
    heading = ctx.label("tasks.amounts") + (f"（{unit}）" if unit else "")
    ctx.put(Span(first, last), heading, "label")
    ctx.row += 1
    for name in AMOUNTS:
        ctx.put(columns[name], ctx.label(f"tasks.{name}"), "label")
    ctx.row += 1


def _line(ctx: WriteContext, columns: dict[str, Span], task: Task) -> None:
    ctx.put(columns["name"], task.name, "system")
    ctx.put(columns["content"], task.content, "system_long")
    for name in AMOUNTS:
        ctx.put(columns[name], getattr(task, name), "system_number")
    ctx.row += 1


def _stated_or_summed(form: UnitTarget) -> Task:
    if form.stated_tasks_total is not None:
        return form.stated_tasks_total
    sums: dict[str, Decimal | None] = {}
    for name in AMOUNTS:
        values = [getattr(task, name) for task in form.tasks]
        sums[name] = None if all(v is None for v in values) else sum(
            (v or ZERO for v in values), ZERO)
    return Task(**sums)


def write_tasks(ctx: WriteContext, block: Block) -> None:
    form = ctx.form
    assert isinstance(form, UnitTarget)
    columns = block.spans("columns")
    _header(ctx, columns, form.amount_unit)
    for task in form.tasks:
        _line(ctx, columns, task)
    ctx.put(Span.parse(block.spec["total_label"]), ctx.layout.label("blocks.tasks_total"),
            "label")
    total = _stated_or_summed(form)
    for name in AMOUNTS:
        ctx.put(columns[name], getattr(total, name), "system_number")
    ctx.row += 1
