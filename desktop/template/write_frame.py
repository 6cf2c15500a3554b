"""The printed frame around a form's values: side labels, heading rows, a closing note.

Regional layouts print more than "label：value" pairs. Guangdong's 目标表 runs a label
down column A over a whole block (预算整体情况 over its six rows) and heads its budget
grid with rows of labels (部门预算支出 | 预算金额（万元） | 收入来源 | …); Shenzhen's 申报表
ends with the system's note. None of these carry a value of the form: they are written
from the layout alone, grey and locked like every label.
"""

from __future__ import annotations

from desktop.template.context import WriteContext
from desktop.template.geometry import Block, Span


def write_side(ctx: WriteContext, block: Block) -> None:
    """A label merged down `span` over the next `rows` rows, which the blocks after it
    fill beside it; the current row does not move."""
    span = block.span("span")
    assert span is not None
    rows = int(block.spec.get("rows", 1))
    ctx.put(span, ctx.layout.label(block.spec["label"]), "label", rows=rows)
    for row in range(ctx.row, ctx.row + rows):
        ctx.held.setdefault(row, set()).update(span.columns())


def write_labels(ctx: WriteContext, block: Block) -> None:
    """One row of label cells ("cells": column span → label key), nothing else on it."""
    used = []
    for columns, key in block.spec["cells"].items():
        span = Span.parse(columns)
        ctx.put(span, ctx.layout.label(key), "label")
        used.append(span)
    ctx.fill_gaps(used, "label")
    ctx.row += 1


def write_note(ctx: WriteContext, block: Block) -> None:
    """The closing note across the sheet ("备注：作为导入模板，…"), a row of its own."""
    span = block.span("span") or Span(1, ctx.spec.last_column)
    ctx.put(span, ctx.layout.label(block.spec["text"]), "note")
    ctx.row += 1
