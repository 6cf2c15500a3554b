"""Where things go on the sheet: the `sheet` part of a layout file, read into types.

Layout files name columns by letter ("B", "B:C") because that is how a clerk or a
colleague reading the official template describes it; everything below works in
1-based column numbers, as openpyxl does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter

from desktop.layouts import Layout


@dataclass(frozen=True)
class Span:
    """A run of columns, first to last inclusive (1-based)."""

    first: int
    last: int

    @classmethod
    def parse(cls, text: str) -> Span:
        """"B" → B..B, "B:E" → B..E."""
        left, _, right = text.partition(":")
        first = column_index_from_string(left.strip())
        last = column_index_from_string(right.strip()) if right else first
        if last < first:
            raise ValueError(f"表样列范围有误：{text}")
        return cls(first, last)

    @property
    def width(self) -> int:
        return self.last - self.first + 1

    def columns(self) -> range:
        return range(self.first, self.last + 1)

    def __str__(self) -> str:
        return f"{get_column_letter(self.first)}:{get_column_letter(self.last)}"


@dataclass(frozen=True)
class Block:
    """One block of the sheet in printed order: its type and the spans it uses."""

    type: str
    spec: dict[str, Any]

    def span(self, key: str) -> Span | None:
        value = self.spec.get(key)
        return Span.parse(value) if isinstance(value, str) else None

    def spans(self, key: str) -> dict[str, Span]:
        """A mapping of names to spans, such as the indicator columns."""
        return {name: Span.parse(text) for name, text in self.spec.get(key, {}).items()}


@dataclass(frozen=True)
class SheetSpec:
    """The geometry of one layout's worksheet."""

    name: str
    widths: dict[int, float]
    blocks: tuple[Block, ...]

    @property
    def last_column(self) -> int:
        return max(self.widths)

    def width_of(self, span: Span) -> float:
        return sum(self.widths.get(column, 9.0) for column in span.columns())

    def block(self, type_: str) -> Block | None:
        return next((block for block in self.blocks if block.type == type_), None)


def sheet_spec(layout: Layout) -> SheetSpec:
    """The layout's `sheet` section; a layout without one cannot be exported."""
    data = layout.raw.get("sheet")
    if not data:
        raise ValueError(f"表样 {layout.name} 没有定义工作表布局，无法导出 Excel")
    widths = {column_index_from_string(letter): float(width)
              for letter, width in data["columns"].items()}
    blocks = tuple(Block(item["type"], item) for item in data["blocks"])
    return SheetSpec(name=data.get("name", layout.title)[:31], widths=widths, blocks=blocks)
