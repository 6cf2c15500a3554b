"""Exact conversion of amounts, weights and scores to the store's integer hundredths.

`desktop.money.to_hundredths` rounds half up, which is right for display and wrong for
storage: a value with a third decimal would lose it without a word. The store refuses
such a value instead, so that what comes back is always what went in.
"""

from __future__ import annotations

from decimal import Decimal

from db.records import StoreError
from desktop.money import from_hundredths

LARGEST_HUNDREDTHS = 2**63 - 1   # a signed 64-bit integer, SQLite's and BIGINT's range
_LARGEST_SHIFT = 19             # 10**19 already exceeds the range


class AmountNotStorable(StoreError):
    """A number the store cannot keep exactly: more than two decimals, or too large."""


def exact_hundredths(value: Decimal | None, what: str = "金额") -> int | None:
    """The value as a whole number of hundredths, or AmountNotStorable if inexact."""
    if value is None:
        return None
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        raise AmountNotStorable(f"{what} 不是数字：{value}")
    if value and value.adjusted() > _LARGEST_SHIFT:   # before int() meets 10,000 digits
        raise AmountNotStorable(f"{what} 数值过大：{value:.3e}")
    number = int("".join(map(str, digits)) or "0")
    count = _shift(number, exponent + 2, value, what)
    if count > LARGEST_HUNDREDTHS:
        raise AmountNotStorable(f"{what} 数值过大：{value}")
    return -count if sign else count


def _shift(number: int, shift: int, value: Decimal, what: str) -> int:
    """number × 10**shift in integers, refusing a fraction of a hundredth."""
    if number == 0:
        return 0
    if shift >= 0:
        if shift > _LARGEST_SHIFT:
            raise AmountNotStorable(f"{what} 数值过大：{value}")
        return int(number * 10**shift)
    if -shift > len(str(number)):
        raise AmountNotStorable(f"{what} 最多两位小数：{value}")
    count, rest = divmod(number, 10**-shift)
    if rest:
        raise AmountNotStorable(f"{what} 最多两位小数：{value}")
    return int(count)


def stored_decimal(value: Decimal | None, what: str = "金额") -> Decimal | None:
    """The value exactly as the store will give it back (two decimal places)."""
    return from_hundredths(exact_hundredths(value, what))


MOST_PLACES = 6
"""Target forms state 万元 to six decimals at most (a fen is 0.000001 万元)."""
_LARGEST_TEXT_DIGITS = 24


def exact_text(value: Decimal | None, what: str = "金额") -> str | None:
    """A target form's amount as exact decimal text, or AmountNotStorable: more than six
    decimals (finer than a fen in 万元) or more digits than any budget holds."""
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise AmountNotStorable(f"{what} 不是数字：{value}")
    if value and value.adjusted() >= _LARGEST_TEXT_DIGITS - MOST_PLACES:
        raise AmountNotStorable(f"{what} 数值过大：{value:.3e}")
    if exponent < -MOST_PLACES and value != value.quantize(Decimal(1).scaleb(-MOST_PLACES)):
        raise AmountNotStorable(f"{what} 最多 {MOST_PLACES} 位小数：{value}")
    if exponent < -MOST_PLACES:
        value = value.quantize(Decimal(1).scaleb(-MOST_PLACES))
    return f"{value:f}"


def decimal_from_text(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)
