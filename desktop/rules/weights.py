"""Spreading a 一级指标's points over its rows.

The budget system refuses a form whose 分值 column does not add up, so the weights
must be 2-decimal numbers that sum exactly, not an even split rounded row by row.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.money import CENT, round2


def spread_evenly(total: Decimal, count: int) -> list[Decimal]:
    """`count` 2-decimal weights summing exactly to `total` (itself rounded to cents).

    Largest remainder: every row gets total / count rounded down to the cent, and the
    first rows one cent more until the sum is reached. 50 over 29 rows gives
    12 × 1.73 then 17 × 1.72.
    """
    if count <= 0:
        return []
    base, extra = divmod(int(round2(total) / CENT), count)
    return [(base + (1 if row < extra else 0)) * CENT for row in range(count)]
