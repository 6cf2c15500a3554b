"""Spreading a 一级指标's points over its rows so that the 分值 column adds up exactly."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desktop.rules.weights import spread_evenly


def test_fifty_points_over_twenty_nine_rows() -> None:
    weights = spread_evenly(Decimal(50), 29)
    assert weights == [Decimal("1.73")] * 12 + [Decimal("1.72")] * 17
    assert sum(weights) == Decimal("50.00")


def test_even_and_empty_spreads() -> None:
    assert spread_evenly(Decimal(30), 3) == [Decimal(10)] * 3
    assert spread_evenly(Decimal(10), 0) == []
    assert spread_evenly(Decimal("0.05"), 7) == [Decimal("0.01")] * 5 + [Decimal(0)] * 2


@given(total=st.decimals(min_value=0, max_value=100, places=2),
       count=st.integers(min_value=1, max_value=400))
def test_a_spread_sums_exactly_in_cents(total: Decimal, count: int) -> None:
    weights = spread_evenly(total, count)
    assert len(weights) == count
    assert sum(weights) == total
    assert all(weight == weight.quantize(Decimal("0.01")) for weight in weights)
    assert max(weights) - min(weights) <= Decimal("0.01")
