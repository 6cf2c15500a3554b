"""The suggested score of an indicator row, and the grade bands of qualitative rows.

DOMAIN §"Scoring an indicator": positive targets score B/A of the weight, reverse
targets lose the share by which B exceeds A (nothing at 2A), "0次" is all or nothing,
a deadline is met or left to the clerk, and a qualitative row is graded 达成 / 部分达成
/ 未达成 with a score band each. A suggestion is always None or within [0, 分值]:
None means "the clerk decides".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.forms import Indicator
from desktop.money import HUNDRED, ZERO, round2
from desktop.rules.profile import RuleProfile
from desktop.rules.targets import (
    NUMERIC_KINDS,
    Reading,
    TargetKind,
    clause_label,
    excel_serial_date,
    normalise,
    parse_reading,
    read_in_unit,
)

ONE = Decimal(1)
RATIO_LIMIT = Decimal("1.5")
"""The largest actual read as a ratio against a percentage target above it."""
MET, PARTLY_MET, NOT_MET = "达成", "部分达成", "未达成"
GRADES = (MET, PARTLY_MET, NOT_MET)

# Checked in this order: "未完成" contains "完成", "基本完成" too.
_NOT_MET_WORDS = ("未达成", "未完成", "未达到", "未实现", "未按时", "未按期", "不合格", "不及时",
                  "不满意", "不规范", "不健全", "滞后", "延期")
_PARTLY_MET_WORDS = ("部分达成", "部分完成", "部分实现", "基本完成", "基本达成", "基本实现",
                     "基本达到", "基本满足", "基本合格", "基本及时", "基本规范", "基本健全")
_MET_WORDS = ("达成", "完成", "达到", "实现", "合格", "及时", "按时", "按期", "满足", "满意",
              "有效", "健全", "规范", "合规", "合理", "不超标", "解决", "促进", "提升", "提高",
              "良好", "优秀")


def target_reading(indicator: Indicator) -> Reading:
    """The target as read, with the 度量单位 column applied to a bare number."""
    return read_in_unit(indicator.target, indicator.unit)


def excel_date_offer(indicator: Indicator, profile: RuleProfile) -> dt.date | None:
    """The date an actual like "45503" stood for before Excel turned it into a serial.

    Only in a row that expects a date (a 时效指标 row, or a deadline target) and whose
    target is not itself a number, so that an ordinary count is never read as a date.
    """
    target = parse_reading(indicator.target).kind
    if not ("时效" in indicator.level2 or target is TargetKind.DEADLINE):
        return None
    if target in NUMERIC_KINDS or target is TargetKind.COMPOUND:
        return None
    return excel_serial_date(indicator.actual, profile.date_serial_min,
                             profile.date_serial_max)


def actual_reading(indicator: Indicator, profile: RuleProfile) -> Reading:
    """The actual as read: a date serial in a 时效 row reads as its date."""
    day = excel_date_offer(indicator, profile)
    if day is not None:
        return Reading(TargetKind.DEADLINE, indicator.actual, deadline=day, date=day)
    return read_in_unit(indicator.actual, indicator.unit)


def written_as_ratio(target: Reading, actual: Reading) -> bool:
    """An actual of at most 1.5 typed without "%" against a percentage target above
    1.5: a ratio, "0.88" against "≥90" % being 88 % (Chongqing's 全年完成值, whose "%"
    comes from the 计量单位 column, not from what was typed)."""
    if target.unit != "%" or actual.unit not in ("%", "") or "%" in normalise(actual.text):
        return False
    a, b = target.value, actual.value
    return a is not None and b is not None and b <= RATIO_LIMIT < a


def operands(target: Reading, actual: Reading) -> tuple[Decimal, Decimal] | None:
    """(A, B) in one unit, or None when the units do not compare (人 against 次).

    A bare target of at most 1 against a percentage is a ratio ("1" against "100%"),
    and so is a small bare actual against a percentage target (`written_as_ratio`).
    """
    if actual.kind not in NUMERIC_KINDS or target.value is None or actual.value is None:
        return None
    a, b = target.value, actual.value
    if written_as_ratio(target, actual):
        return a, b * HUNDRED
    if target.unit == actual.unit:
        return a, b
    if target.unit == "" and actual.unit == "%" and a <= ONE:
        return a * HUNDRED, b
    if target.unit == "%" and actual.unit == "" and b <= ONE:
        return a, b * HUNDRED
    if target.unit == "" or actual.unit == "":
        return a, b
    return None


def _fraction(kind: TargetKind, a: Decimal, b: Decimal) -> Decimal:
    """The share of the weight earned, in [0, 1]."""
    if kind is TargetKind.EQUAL_ZERO:
        return ONE if b <= ZERO else ZERO
    if kind is TargetKind.REVERSE:
        if b <= a:
            return ONE
        return max(ZERO, 2 - b / a) if a > ZERO else ZERO
    if b >= a:
        return ONE
    return max(ZERO, b / a) if a > ZERO else ZERO


def clause_pairs(target: Reading, actual: Reading) -> list[tuple[Reading, Reading]] | None:
    """Target clauses with their actual clauses: in order when the counts agree, else by
    the words before each number ("采集率", "准确率"); None when they cannot be matched."""
    wanted = target.clauses or (target,)
    given = actual.clauses or (actual,)
    if len(wanted) == len(given):
        return list(zip(wanted, given))
    pairs, rest = [], list(given)
    for clause in wanted:
        label = clause_label(clause)
        found = next((c for c in rest if label and clause_label(c) == label), None)
        if found is None:
            return None
        rest.remove(found)
        pairs.append((clause, found))
    return pairs


def _numeric_fraction(target: Reading, actual: Reading) -> Decimal | None:
    pairs = clause_pairs(target, actual)
    if pairs is None:
        return None
    fractions = []
    for wanted, given in pairs:
        both = operands(wanted, given)
        if both is None or wanted.kind not in NUMERIC_KINDS:
            return None
        fractions.append(_fraction(wanted.kind, *both))
    return min(fractions)


def _deadline_fraction(target: Reading, actual: Reading) -> Decimal | None:
    day = actual.date or actual.deadline
    if target.deadline is None or day is None or day > target.deadline:
        return None
    return ONE


def _share(indicator: Indicator, profile: RuleProfile) -> Decimal | None:
    target = target_reading(indicator)
    if target.kind is TargetKind.QUALITATIVE:
        return ONE if qualitative_grade(indicator) == MET else None
    if target.kind not in (*NUMERIC_KINDS, TargetKind.COMPOUND, TargetKind.DEADLINE):
        return None
    actual = actual_reading(indicator, profile)
    if target.kind is TargetKind.DEADLINE:
        return _deadline_fraction(target, actual)
    if target.kind is TargetKind.EQUAL_ZERO and normalise(indicator.actual) == "无":
        return ONE  # "无" against "0次": nothing happened
    return _numeric_fraction(target, actual)


def suggest_score(indicator: Indicator, profile: RuleProfile) -> Decimal | None:
    """The rule's score for a row, or None when the clerk has to decide."""
    weight = indicator.weight
    if weight is None or weight < ZERO:
        return None
    if weight == ZERO:
        return ZERO
    share = _share(indicator, profile)
    if share is None:
        return None
    # min(): a weight of more than 2 decimals must not round up past itself.
    return weight if share >= ONE else min(round2(share * weight), weight)


def qualitative_grade(indicator: Indicator) -> str | None:
    """达成 / 部分达成 / 未达成 from the clerk's choice or the actual's wording."""
    chosen = indicator.grade.strip()
    if chosen in GRADES:
        return chosen
    actual = normalise(indicator.actual)
    if not actual or parse_reading(indicator.actual).kind is TargetKind.NOT_APPLICABLE:
        return None
    if actual == normalise(indicator.target):
        return MET
    for words, grade in ((_NOT_MET_WORDS, NOT_MET), (_PARTLY_MET_WORDS, PARTLY_MET),
                         (_MET_WORDS, MET)):
        if any(word in actual for word in words):
            return grade
    return None


def grade_band(grade: str, weight: Decimal) -> tuple[Decimal, Decimal]:
    """The score band of a grade: 达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w)."""
    low, high = {MET: ("0.8", "1"), PARTLY_MET: ("0.6", "0.8"), NOT_MET: ("0", "0.6")}[grade]
    return Decimal(low) * weight, Decimal(high) * weight


def in_band(grade: str, weight: Decimal, score: Decimal) -> bool:
    """Whether a score lies in its grade's band; only 达成's band includes its top."""
    low, high = grade_band(grade, weight)
    return low <= score <= high if grade == MET else low <= score < high


def is_over_completed(indicator: Indicator, profile: RuleProfile) -> bool:
    """A positive target exceeded beyond the margin: B > A × 1.30 in some clause."""
    target = target_reading(indicator)
    if target.kind not in (TargetKind.POSITIVE, TargetKind.COMPOUND):
        return False
    pairs = clause_pairs(target, actual_reading(indicator, profile)) or []
    for wanted, given in pairs:
        both = operands(wanted, given) if wanted.kind is TargetKind.POSITIVE else None
        if both and both[0] > ZERO and both[1] > both[0] * profile.over_completion_margin:
            return True
    return False


def over_completion_percent(indicator: Indicator, profile: RuleProfile) -> Decimal | None:
    """B / A × 100 of a simple positive row, 2 decimals; None for other rows."""
    target = target_reading(indicator)
    both = operands(target, actual_reading(indicator, profile))
    if target.kind is not TargetKind.POSITIVE or both is None or both[0] <= ZERO:
        return None
    return round2(both[1] / both[0] * HUNDRED)


def grade_of_total(total: Decimal) -> str:
    """优 90–100, 良 80–89.99, 中 60–79.99, 差 below 60."""
    for floor, grade in ((90, "优"), (80, "良"), (60, "中")):
        if total >= floor:
            return grade
    return "差"
