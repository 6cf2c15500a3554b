"""Exact amounts and points: Decimal throughout, half-up to 2 places.

Every amount, weight and score passes through here on its way in from text and on its
way out to text, so no float ever touches money.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation

from desktop.textnorm import to_halfwidth

CENT = Decimal("0.01")
ZERO = Decimal("0")
HUNDRED = Decimal("100")
LONGEST_NUMBER = 40
"""Characters a number may take (¥1,000,000,000,000.00 is 22): longer text is refused
before Decimal and int() spend time on it (Python refuses int() of 4,300 digits)."""


class AmountError(ValueError):
    """Text that is not an amount; the message is a clerk-readable Chinese sentence."""


def round2(value: Decimal) -> Decimal:
    """Round half up to 2 decimal places, as the budget system does.

    The working precision grows with the value: under the default 28 digits a value of
    10^26 or more cannot be quantized to cents and Decimal raises InvalidOperation.
    """
    digits = max(28, value.adjusted() + 3) if value.is_finite() else 28
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=Context(prec=digits))


def format2(value: Decimal | None) -> str:
    """Two decimals, no thousands separators: the form the budget system prints."""
    if value is None:
        return ""
    return f"{round2(value):f}"


def format_grouped(value: Decimal | None) -> str:
    """Two decimals with thousands separators (1,234,567.00), as a clerk reads an amount
    on screen and on paper; editing and export keep `format2`'s plain digits."""
    if value is None:
        return ""
    return f"{round2(value):,f}"


def format_plain(value: Decimal | None, *, grouped: bool = False) -> str:
    """The shortest exact text for a value: 10 rather than 10.00, 1.5 rather than 1.50;
    `grouped` adds thousands separators (1,250.5) for display."""
    if value is None:
        return ""
    text = f"{value:,f}" if grouped else f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def parse_decimal(text: str | int | Decimal | None, what: str = "金额") -> Decimal | None:
    """Read an amount or a number of points; blank gives None.

    Accepts full-width digits, thousands separators, a leading ¥ or ￥ and surrounding
    spaces; refuses anything else with a one-line Chinese reason.
    """
    if text is None:
        return None
    if isinstance(text, Decimal):
        return text
    if isinstance(text, bool):
        raise AmountError(f"{what} 不是数字：{text}")
    if isinstance(text, int):
        return _within_reach(Decimal(text), what, str(text))
    cleaned = to_halfwidth(str(text)).strip().replace(",", "").replace(" ", "")
    cleaned = cleaned.lstrip("¥￥")
    if cleaned == "":
        return None
    if len(cleaned) > LONGEST_NUMBER:
        raise AmountError(f"{what} 不是数字：{shorten(str(text))}")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise AmountError(f"{what} 不是数字：{shorten(str(text))}") from None
    if not value.is_finite():
        raise AmountError(f"{what} 不是数字：{text}")
    return _within_reach(value, what, str(text))


def _within_reach(value: Decimal, what: str, text: str) -> Decimal:
    """The value, if it could have been written out in LONGEST_NUMBER digits.

    "1e999999999" is eleven characters, and a sum with it overflows Decimal; "1e-999999999"
    prints as a billion zeros. No amount, weight or score is anywhere near either.
    """
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)   # finite
    if value and value.adjusted() >= LONGEST_NUMBER:
        raise AmountError(f"{what} 数值过大：{shorten(text)}")
    if exponent < -LONGEST_NUMBER:
        raise AmountError(f"{what} 小数位数过多：{shorten(text)}")
    return value


def shorten(text: str, limit: int = 30) -> str:
    """A value quoted in a one-line message: its start, when it is long."""
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[:limit]}…（共 {len(text)} 字）"


def to_hundredths(value: Decimal | None) -> int | None:
    """Store form: an exact integer count of hundredths (fen for amounts in yuan)."""
    if value is None:
        return None
    return int(round2(value) * 100)


def from_hundredths(count: int | None) -> Decimal | None:
    if count is None:
        return None
    return (Decimal(count) / 100).quantize(CENT)
