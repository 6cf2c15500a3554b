"""The task budget of the unit-wide target form: 任务名称, 主要内容 and three amounts.

金额合计 is written as the form states it (the clerk's figure, flagged by the rules when
it disagrees with the lines), or as the sum of the lines when the form states none.

Guangdong's 年度重点工作任务 is the same block in another shape, all said by its layout:
one header row (名称 | 主要实施内容 | 拟投入的资金（万元） | 期望达到的目标), a side label
merged down column A ("side"), no 金额合计 (no "total_label"), the clerk's cells
unlocked ("input") and a closing 其他需完成的任务（可选填） row ("other").
"""

from __future__ import annotations

from typing import Any

from desktop.forms import Task, UnitTarget
from desktop.money import ZERO
from desktop.template.context import WriteContext
from desktop.template.geometry import Block, Span
from desktop.template.read_targets import OTHER_TASKS

AMOUNTS = ("total", "fiscal", "other")
LONG_TEXTS = {"content", "goal"}


def _header(ctx: WriteContext, columns: dict[str, Span], unit: str) -> None:
    if not set(AMOUNTS) <= set(columns):     # no amounts heading: one label per column
        for name, span in columns.items():
            ctx.put(span, ctx.label(f"tasks.{name}"), "label")
        ctx.row += 1
        return
    for name in ("name", "content"):
        ctx.put(columns[name], ctx.label(f"tasks.{name}"), "label", rows=2)
    first, last = columns[AMOUNTS[0]].first, columns[AMOUNTS[-1]].last
    heading = ctx.label("tasks.amounts") + (f"（{unit}）" if unit else "")
    ctx.put(Span(first, last), heading, "label")
    ctx.row += 1
    for name in AMOUNTS:
        ctx.put(columns[name], ctx.label(f"tasks.{name}"), "label")
    ctx.row += 1


def _line(ctx: WriteContext, columns: dict[str, Span], task: Task, base: str) -> None:
    """One task; `base` is "system" (grey, locked) or "input" (the clerk's)."""
    for name, span in columns.items():
        role = (f"{base}_number" if name in AMOUNTS else
                f"{base}_long" if name in LONG_TEXTS else base)
        ctx.put(span, getattr(task, name), role)
    ctx.row += 1


def _stated_or_summed(form: UnitTarget) -> Task:
    if form.stated_tasks_total is not None:
        return form.stated_tasks_total
    sums: dict[str, Any] = {}     # Task's amount fields by name, each Decimal | None
    for name in AMOUNTS:
        values = [getattr(task, name) for task in form.tasks]
        sums[name] = None if all(v is None for v in values) else sum(
            (v or ZERO for v in values), ZERO)
    return Task(**sums)


def _total(ctx: WriteContext, columns: dict[str, Span], label: Span) -> None:
    form = ctx.form
    assert isinstance(form, UnitTarget)
    ctx.put(label, ctx.layout.label("blocks.tasks_total"), "label")
    total = _stated_or_summed(form)
    for name in AMOUNTS:
        ctx.put(columns[name], getattr(total, name), "system_number")
    ctx.row += 1


def _other_tasks(ctx: WriteContext, spec: dict, base: str) -> None:
    """其他需完成的任务（可选填） and what the clerk wrote beside it, over `rows` rows."""
    form, rows = ctx.form, int(spec.get("rows", 1))
    assert isinstance(form, UnitTarget)
    ctx.put(Span.parse(spec["label"]), ctx.layout.label("blocks.other_tasks"), "label",
            rows=rows)
    ctx.put(Span.parse(spec["value"]), form.details.get(OTHER_TASKS, ""), f"{base}_long",
            rows=rows)
    ctx.row += rows


def write_tasks(ctx: WriteContext, block: Block) -> None:
    form = ctx.form
    assert isinstance(form, UnitTarget)
    columns, top = block.spans("columns"), ctx.row
    base = "input" if block.spec.get("input") else "system"
    _header(ctx, columns, form.amount_unit)
    for task in form.tasks:
        _line(ctx, columns, task, base)
    if "total_label" in block.spec:
        _total(ctx, columns, Span.parse(block.spec["total_label"]))
    side = block.span("side")
    if side is not None:       # 年度重点工作任务 down column A, beside header and tasks
        ctx.out.put(top, side, ctx.layout.label("blocks.tasks"), "label", rows=ctx.row - top)
    if "other" in block.spec:
        _other_tasks(ctx, block.spec["other"], base)
