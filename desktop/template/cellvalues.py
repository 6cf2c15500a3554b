"""Cell values in and out: what a form field becomes in a cell, and back.

Writing: text stays text (a leading =, +, - or @ must not turn it into a formula, a
"#N/A" not into an error value); numbers are written as exact Decimals, which openpyxl
prints with 16 significant digits, so anything up to 15 digits (Excel's own precision)
reads back exactly. A value with more digits than Excel can hold is written as text.

Reading: a cell may hold text, an int, a float, a date or a time, whatever the clerk's
Excel made of it. Numbers come back through their shortest 15-digit form, so a float
never leaks binary noise into an amount; text comes back as the clerk sees it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from desktop.money import AmountError, format_plain, parse_decimal
from desktop.textnorm import squeeze_spaces, to_halfwidth

EXCEL_DIGITS = 15
EXCEL_TEXT_LIMIT = 32767
FORMULA_STARTS = ("=", "+", "-", "@")
ERROR_TEXTS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}
DASHES = {"—", "–", "-", "_", "——", "/", "－"}
"""What forms print in a number cell that has no number ("—" beside the source rows)."""

_PERCENT_DECIMALS = re.compile(r"0\.(0+)%")


class UncalculatedFormula(str):
    """A formula the file saved without its result ("=SUM(C5:C6)"), kept as its text so
    that a number read of it fails naming the cell instead of reading as blank."""


# ---------------------------------------------------------------- writing


def safe_text(text: str) -> str:
    """Text openpyxl can store: control characters other than tab and newline dropped."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def guarded(text: str) -> bool:
    """Text a spreadsheet would take for a formula or an error value if typed as is."""
    return text.startswith(FORMULA_STARTS) or text.strip() in ERROR_TEXTS


def fits_a_number_cell(value: Decimal) -> bool:
    """Whether Excel can hold the value exactly: 15 significant digits at most."""
    return value.is_finite() and len(value.normalize().as_tuple().digits) <= EXCEL_DIGITS


# ---------------------------------------------------------------- reading


def decimal_of_float(number: float) -> Decimal:
    """The value Excel shows for a float: its 15-significant-digit form (1808698.26)."""
    return Decimal(format(number, f".{EXCEL_DIGITS}g"))


def _percent_text(value: Decimal, number_format: str) -> str:
    match = _PERCENT_DECIMALS.search(number_format)
    places = len(match.group(1)) if match else 0
    return f"{(value * 100).quantize(Decimal(1).scaleb(-places)):f}%"


def _number_text(value: Decimal, number_format: str) -> str:
    if "%" in number_format:
        return _percent_text(value, number_format)
    return format_plain(value)


def _date_text(value: dt.date | dt.datetime | dt.time) -> str:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    return value.isoformat()


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell as the text the clerk sees: 27 → "27", 0.92 in a % cell → "92%"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return _date_text(value)
    if isinstance(value, float):
        return _number_text(decimal_of_float(value), number_format)
    if isinstance(value, (int, Decimal)):
        return _number_text(Decimal(value), number_format)
    return str(value).strip()


def cell_decimal(value: object, what: str) -> Decimal | None:
    """A number cell: blank or a dash gives None; text is read like a typed amount."""
    if value is None:
        return None
    if isinstance(value, (bool, dt.date, dt.datetime, dt.time)):
        raise AmountError(f"{what} 不是数字：{cell_text(value)}")
    if isinstance(value, float):
        return decimal_of_float(value)
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, UncalculatedFormula):
        raise AmountError(f"{what} 是公式 {value}，文件中没有它的计算结果"
                          "（请用 Excel 打开并保存后再导入）")
    text = str(value).strip()
    if squeeze_spaces(text) in DASHES:
        return None
    return parse_decimal(text, what=what)


def label_key(text: str) -> str:
    """A label as compared: half-width, no spaces, no star, no trailing colon.

    "年 度 绩 效 指 标", "* 实际完成值" and "项目编号：" meet their layout labels here.
    """
    flat = squeeze_spaces(to_halfwidth(text))
    return flat.lstrip("*").rstrip(":")
