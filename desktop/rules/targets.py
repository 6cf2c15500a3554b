"""Reading a 年度指标值 or 实际完成值 text: what kind of target it is, and its number.

Clerks type targets freely ("97%以上", "年处理投诉数量≥5 万宗", "2024年12月前", "及时"),
so the reader looks for the parts it understands and never raises: whatever it cannot
read as a number or a date is qualitative, and the clerk scores it by grade.

Amounts are converted to yuan (461.74万元 → 4617400 元) and a 万 before any count is
multiplied out (5 万宗 → 50000 宗), so that a target and an actual written in different
magnitudes compare directly. Percentages stay percent numbers with the unit "%".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from desktop.rules.dates import read_when
from desktop.textnorm import to_halfwidth


class TargetKind(StrEnum):
    POSITIVE = "positive"              # ≥, >, = (not 0) or a bare number: more is better
    REVERSE = "reverse"                # ≤, <: less is better
    EQUAL_ZERO = "equal_zero"          # "0次", "=0": nothing may happen
    DEADLINE = "deadline"              # a date or period; also an actual that is a date
    QUALITATIVE = "qualitative"        # 及时, 合格, 有效促进, "≤预算金额"…
    NOT_APPLICABLE = "not_applicable"  # 不适用 / 无
    EMPTY = "empty"
    COMPOUND = "compound"              # several numeric clauses in one cell


NUMERIC_KINDS = frozenset({TargetKind.POSITIVE, TargetKind.REVERSE, TargetKind.EQUAL_ZERO})


@dataclass(frozen=True)
class Reading:
    """What a target or actual text says. `text` is the text as typed."""

    kind: TargetKind
    text: str = ""
    op: str | None = None            # ">=", ">", "=", "<=", "<" or None
    value: Decimal | None = None     # in yuan for money, percent number for "%"
    unit: str = ""
    deadline: dt.date | None = None  # the last day that still counts as on time
    date: dt.date | None = None      # the day an actual names
    clauses: tuple[Reading, ...] = ()


NOT_APPLICABLE_WORDS = frozenset({"不适用", "无", "不涉及", "/", "-", "—", "——", "N/A"})

# Longer words first so that 不超过 wins over 超过 and 不低于 over 低于.
_PREFIX_OPS = {
    "大于等于": ">=", "小于等于": "<=", "不低于": ">=", "不少于": ">=", "不小于": ">=",
    "不高于": "<=", "不超过": "<=", "不多于": "<=", "不大于": "<=",
    "至少": ">=", "最少": ">=", "至多": "<=", "最多": "<=",
    "低于": "<", "少于": "<", "小于": "<", "高于": ">", "多于": ">", "超过": ">",
    "大于": ">", "等于": "=",
    ">=": ">=", "<=": "<=", "=>": ">=", "=<": "<=", "≥": ">=", "≤": "<=", "≧": ">=",
    "≦": "<=", ">": ">", "<": "<", "=": "=",
}
_SUFFIX_OPS = {"及以上": ">=", "或以上": ">=", "以上": ">=", "及以下": "<=", "或以下": "<=",
               "以下": "<=", "以内": "<=", "之内": "<=", "内": "<="}
_MULTIPLIERS = {"亿": Decimal(100_000_000), "万": Decimal(10_000)}
_UNITS = sorted(
    ["%", "‰", "元", "人", "次", "个", "宗", "家", "件", "处", "套", "份", "场", "篇", "台",
     "支", "条", "项", "天", "日", "周", "月", "户", "所", "名", "本", "册", "期", "批",
     "辆", "吨", "米", "亩", "株", "间", "座", "部", "块", "张", "通", "页", "字", "门",
     "篇次", "场次", "人次", "户次", "批次", "车次", "小时", "分钟", "工作日", "个工作日",
     "平方米", "公里", "千米", "平方公里", "㎡", "GB", "TB"], key=len, reverse=True)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_PREFIX_RE = re.compile(_alternation(_PREFIX_OPS))
_TAIL_RE = re.compile(
    rf"(?P<mult>{_alternation(_MULTIPLIERS)})?(?P<thousand>千(?=元))?"
    rf"(?P<unit>{_alternation(_UNITS)})?(?P<per>/[\u4e00-\u9fff])?"
    rf"(?:\(含\))?(?P<suffix>{_alternation(_SUFFIX_OPS)})?")
_NUMBER_RE = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?")
_THOUSANDS_RE = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
_SEPARATORS = ",;:、.。"


@lru_cache(maxsize=16384)
def normalise(text: str) -> str:
    """Half-width, no spaces, no thousands separators, no trailing punctuation."""
    flat = "".join(to_halfwidth(text).split())
    return _THOUSANDS_RE.sub("", flat).strip(_SEPARATORS)


def _kind(op: str | None, value: Decimal) -> TargetKind:
    if value == 0 and op in (None, "=", "<=", "<"):
        return TargetKind.EQUAL_ZERO
    if op in ("<=", "<"):
        return TargetKind.REVERSE
    return TargetKind.POSITIVE


def _prefix_op(prefix: str) -> str | None:
    """The last operator word before a number: "年处理投诉数量≥" → ">="."""
    matches = _PREFIX_RE.findall(prefix)
    return _PREFIX_OPS[matches[-1]] if matches else None


def scaled(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """Multiply out 万 / 亿 / 千元 prefixes: (461.74, "万元") → (4617400, "元")."""
    for word, factor in (*_MULTIPLIERS.items(), ("千", Decimal(1000))):
        if unit.startswith(word) and (word != "千" or unit == "千元"):
            return value * factor, unit[len(word):]
    return value, unit


def _clause(text: str, start: int, match: re.Match[str]) -> tuple[Reading, int]:
    """One number with its operator, unit and suffix; returns where the clause ends."""
    tail = _TAIL_RE.match(text, match.end())
    assert tail is not None  # every part of the pattern is optional
    raw_unit = (tail["mult"] or "") + (tail["thousand"] or "") + (tail["unit"] or "")
    value, unit = scaled(Decimal(match.group()), raw_unit + (tail["per"] or ""))
    op = _prefix_op(text[start:match.start()]) or _SUFFIX_OPS.get(tail["suffix"] or "")
    segment = text[start:tail.end()].strip(_SEPARATORS)
    return Reading(_kind(op, value), segment, op, value, unit), tail.end()


def _clauses(text: str) -> tuple[Reading, ...]:
    found: list[Reading] = []
    cursor = 0
    for match in _NUMBER_RE.finditer(text):
        if match.start() < cursor:
            continue
        reading, cursor = _clause(text, cursor, match)
        found.append(reading)
    return tuple(found)


def _parse(text: str) -> Reading:
    flat = normalise(text)
    if not flat:
        return Reading(TargetKind.EMPTY, text)
    if flat in NOT_APPLICABLE_WORDS:
        return Reading(TargetKind.NOT_APPLICABLE, text)
    when = read_when(flat)
    if when is not None:
        deadline, day = when
        return Reading(TargetKind.DEADLINE, text, deadline=deadline, date=day)
    clauses = _clauses(flat)
    if not clauses:
        return Reading(TargetKind.QUALITATIVE, text)
    if len(clauses) == 1:
        return replace(clauses[0], text=text)
    return Reading(TargetKind.COMPOUND, text, clauses=clauses)


@lru_cache(maxsize=16384)
def parse_reading(text: str) -> Reading:
    """Read a target or actual text; never raises, memoised for per-keystroke use."""
    return _parse(text if isinstance(text, str) else "")


_LEAD_WORDS = ("达到", "达", "为")


def clause_label(reading: Reading) -> str:
    """The words before a clause's number, without operators: "准确率达90%以上" → "准确率".

    Lets the clauses of a compound actual be matched to the target's by name.
    """
    head = _NUMBER_RE.split(normalise(reading.text), maxsplit=1)[0]
    head = _PREFIX_RE.sub("", head)
    for word in _LEAD_WORDS:
        head = head.removesuffix(word)
    return head


def with_unit(reading: Reading, unit: str) -> Reading:
    """Apply a 度量单位 column to a bare number: ("≥500", "万元") reads as ≥5000000 元."""
    unit = normalise(unit)
    if not unit or reading.value is None or reading.unit:
        return reading
    value, base = scaled(reading.value, unit)
    return replace(reading, value=value, unit=base, kind=_kind(reading.op, value))


def read_in_unit(text: str, unit: str) -> Reading:
    """`parse_reading` with a row's 度量单位 column applied."""
    return with_unit(parse_reading(text), unit)


def excel_serial_date(text: str, low: int, high: int) -> dt.date | None:
    """A bare 5-digit number in [low, high] read as an Excel 1900-system date serial.

    Excel counts 1900-02-29, a day that never was, so serials after 60 start from
    1899-12-30: 45503 → 2024-07-30.
    """
    flat = normalise(text) if isinstance(text, str) else ""
    if not (len(flat) == 5 and flat.isascii() and flat.isdigit()):
        return None
    serial = int(flat)
    if not low <= serial <= high or serial <= 60:
        return None
    return dt.date(1899, 12, 30) + dt.timedelta(days=serial)
