"""Exact hundredths: what the store keeps is what was typed, or it says why not."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.amounts import LARGEST_HUNDREDTHS, AmountNotStorable, exact_hundredths, stored_decimal


@pytest.mark.parametrize("text, count", [
    ("14268915.71", 1426891571), ("10", 1000), ("1.5", 150), ("1.50", 150),
    ("-0.01", -1), ("0", 0), ("0E-10", 0), ("1E+3", 100000), ("1.2300", 123),
])
def test_exact_values(text: str, count: int) -> None:
    assert exact_hundredths(Decimal(text)) == count


@pytest.mark.parametrize("text, why", [
    ("1.765", "最多两位小数"), ("0.001", "最多两位小数"), ("1E-1000000", "最多两位小数"),
    ("92233720368547758.08", "数值过大"), ("1E+1000000", "数值过大"), ("NaN", "不是数字"),
])
def test_refused_values(text: str, why: str) -> None:
    with pytest.raises(AmountNotStorable, match=why):
        exact_hundredths(Decimal(text), "分值")


def test_none_stays_none() -> None:
    assert exact_hundredths(None) is None and stored_decimal(None) is None


@given(st.integers(min_value=-LARGEST_HUNDREDTHS, max_value=LARGEST_HUNDREDTHS))
def test_every_storable_count_round_trips(count: int) -> None:
    value = Decimal(count).scaleb(-2)
    assert exact_hundredths(value) == count
    assert stored_decimal(value) == value
