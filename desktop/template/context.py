"""What every block writer shares while one form is written into one sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from desktop.forms import Form, SelfEvaluation
from desktop.layouts import Layout
from desktop.money import format_plain
from desktop.rules.evaluate import Evaluation, evaluate
from desktop.template.geometry import SheetSpec, Span
from desktop.template.sheet import SheetWriter
from desktop.template.styles import Look


@dataclass
class WriteContext:
    """The form, its layout and the sheet; `row` is the next free row."""

    form: Form
    layout: Layout
    spec: SheetSpec
    look: Look
    out: SheetWriter
    row: int = 1
    marks: dict[str, int] = field(default_factory=dict)
    held: dict[int, set[int]] = field(default_factory=dict)
    """Columns of rows below that a side label merged down over them already covers."""

    @cached_property
    def evaluation(self) -> Evaluation | None:
        """The rules' figures (执行率, scores, 总分), worked out once per export."""
        return evaluate(self.form) if isinstance(self.form, SelfEvaluation) else None

    def label(self, key: str) -> str:
        """The printed label of `key`, starred as the official form stars input columns."""
        text = self.layout.label(key)
        return f"* {text}" if text and self.layout.starred(key) else text

    def field_label(self, key: str) -> str:
        """A label that introduces a value to its right: "项目编号："."""
        return f"{self.label(key)}{self.look.label_suffix}"

    def put(self, span: Span, value: str | Decimal | None, role: str, rows: int = 1) -> None:
        self.out.put(self.row, span, value, role, rows)

    def block_title(self, span: Span | None, key: str) -> None:
        """A block's own title row ("资金使用情况") across `span`, if the layout has one."""
        if span is not None:
            self.put(span, self.layout.label(key), "block")
            self.row += 1

    def fill_gaps(self, used: list[Span], role: str = "system") -> None:
        """Blank cells for the columns of the current row no block wrote into."""
        taken = {column for span in used for column in span.columns()}
        taken |= self.held.get(self.row, set())
        start = None
        for column in range(1, self.spec.last_column + 2):
            free = column <= self.spec.last_column and column not in taken
            if free and start is None:
                start = column
            elif not free and start is not None:
                self.put(Span(start, column - 1), None, role)
                start = None


def points_label(level1: str, points: Decimal | None) -> str:
    """"产出指标 (50分)", as the official form labels a 一级指标."""
    if not level1 or points is None:
        return level1
    return f"{level1} ({format_plain(points)}分)"
