"""The figures a spreadsheet's status bar shows for the selected cells: how many hold a
number, and their sum, exact."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from desktop.money import AmountError, format_grouped, parse_decimal


def figures_of(cells: Iterable[tuple[str, bool]]) -> tuple[int, str] | None:
    """(count, sum) of the cells marked numeric whose text reads as a number ("待定",
    blanks and "—" are passed over); None when there is none."""
    values: list[Decimal] = []
    for text, numeric in cells:
        if not numeric or not text.strip():
            continue
        try:
            value = parse_decimal(text, "数值")
        except AmountError:
            continue
        if value is not None:
            values.append(value)
    if not values:
        return None
    return len(values), format_grouped(sum(values, Decimal(0)))
