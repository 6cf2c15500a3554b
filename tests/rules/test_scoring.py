"""Suggested scores, grades and over-completion, as DOMAIN's scoring table states them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.forms import Indicator
from desktop.rules.profile import load_profile
from desktop.rules.scoring import (
    grade_band,
    grade_of_total,
    in_band,
    is_over_completed,
    qualitative_grade,
    suggest_score,
)

PROFILE = load_profile()


def row(target: str, actual: str, weight: str = "10", **more: str) -> Indicator:
    return Indicator(target=target, actual=actual, weight=Decimal(weight), **more)


def suggested(target: str, actual: str, weight: str = "10", **more: str) -> Decimal | None:
    return suggest_score(row(target, actual, weight, **more), PROFILE)


@pytest.mark.parametrize("target, actual, expected", [
    ("≥500", "500", "10"),            # B = A: full marks
    ("≥500", "780", "10"),            # exceeded: still full (flagged elsewhere)
    ("≥500", "400", "8"),             # 400 / 500 × 10
    ("≥20000件", "19000件", "9.5"),
    ("≥3", "2", "6.67"),              # 6.666… rounds half up
    ("100%", "99%", "9.9"),
    ("=100%", "97.5%", "9.75"),
    (">=95%", "95%", "10"),
    ("17", "13", "7.65"),             # a bare number is a positive target
    ("≥500", "0", "0"),
])
def test_positive_targets_score_b_over_a(target: str, actual: str, expected: str) -> None:
    assert suggested(target, actual) == Decimal(expected)


@pytest.mark.parametrize("target, actual, expected", [
    ("≤100", "80", "10"),             # under the ceiling: full
    ("≤100", "100", "10"),
    ("≤100", "120", "8"),             # (1 − 20/100) × 10
    ("<3%", "4.5%", "5"),
    ("≤100", "199", "0.1"),
    ("≤100", "200", "0"),             # 2A or more: nothing
    ("≤100", "350", "0"),
    ("低于3%", "2.95%", "10"),
])
def test_reverse_targets_lose_the_excess_share(target: str, actual: str, expected: str) -> None:
    assert suggested(target, actual) == Decimal(expected)


@pytest.mark.parametrize("target, actual, expected", [
    ("0次", "0次", "10"), ("=0", "0", "10"), ("0次", "1次", "0"), ("0次", "无", "10"),
])
def test_equal_zero_is_all_or_nothing(target: str, actual: str, expected: str) -> None:
    assert suggested(target, actual) == Decimal(expected)


@pytest.mark.parametrize("target, actual, expected", [
    ("2024年11月30日前", "2024年9月29日", "10"),
    ("2024年11月30日前", "2024年11月30日", "10"),
    ("2024年12月前", "2024年12月31日", "10"),   # the Guangming sample scores this full
    ("2024年上半年", "2024-06-30", "10"),
    ("2024年上半年", "2024/7/1", None),           # late: the clerk decides
    ("2024年11月30日前", "已完成", None),
    ("2024年12月前", "45503", "10"),              # an Excel serial read as 2024-07-30
])
def test_deadlines_are_met_or_left_to_the_clerk(target: str, actual: str,
                                                  expected: str | None) -> None:
    result = suggested(target, actual, level2="时效指标")
    assert result == (None if expected is None else Decimal(expected))


def test_an_excel_serial_is_a_number_outside_a_timeliness_row() -> None:
    assert suggested("≥40000", "45503", level2="数量指标") == Decimal(10)


@pytest.mark.parametrize("target, actual, expected", [
    ("≤461.74万元", "4617360元", "10"),           # 万元 against 元 after conversion
    ("≤461.74万元", "461.736万元", "10"),
    ("≥100万元", "800000元", "8"),
    ("<1821100元", "1808698.26元", "10"),
    ("1", "100%", "10"),                           # a bare 1 against a percentage is 100 %
    ("1", "95%", "9.5"),
    ("≥273人", "321", "10"),                       # a bare actual compares directly
    ("3180", "3180套", "10"),
    ("≥５００", "４００", "8"),                     # full-width digits and signs
    ("９７％以上", "97.11%", "10"),
])
def test_units_compare_after_conversion(target: str, actual: str, expected: str) -> None:
    assert suggested(target, actual) == Decimal(expected)


def test_the_unit_column_applies_to_bare_numbers() -> None:
    assert suggested("≥500", "400", unit="万元") == Decimal(8)
    assert suggested("≥500", "4800000元", unit="万元") == Decimal("9.6")


@pytest.mark.parametrize("target, actual", [
    ("≥273人", "321次"),                           # 人 against 次 cannot be compared
    ("至少2次/周", "2次"),
    ("≥500", "很多"),
    ("≥500", ""),
])
def test_mismatched_or_missing_actuals_are_left_to_the_clerk(target: str, actual: str) -> None:
    assert suggested(target, actual) is None


def test_compound_targets_score_the_weakest_clause() -> None:
    target = "采集率达95%以上，准确率达90%以上，注销率达95%以上；"
    assert suggested(target, "采集率96.22%，准确率达99.31%，注销率95.35%") == Decimal(10)
    # 85.5 / 95 = 0.9 is the weakest of the three clauses
    assert suggested(target, "采集率85.5%，准确率达99%，注销率96%") == Decimal(9)
    # clauses matched by name when the actual names them in another order or adds one
    assert suggested("采集率达95%以上，准确率达98%以上", "准确率99%，采集率90%，其他3%") == \
        Decimal("9.47")
    assert suggested(target, "采集率96.22%") is None


@pytest.mark.parametrize("target, actual, grade, expected", [
    ("及时", "及时", "", "10"),                    # actual as the target: 达成
    ("有效促进", "有效促进", "", "10"),
    ("合格", "验收合格", "", "10"),
    ("合格", "基本合格", "", None),                # 部分达成: the clerk picks in the band
    ("及时", "未完成", "", None),
    ("及时", "正在推进", "", None),                # unknown wording: no grade
    ("及时", "正在推进", "达成", "10"),            # the clerk's explicit grade wins
    ("≤预算金额", "未超预算", "", None),
])
def test_qualitative_rows(target: str, actual: str, grade: str, expected: str | None) -> None:
    result = suggested(target, actual, grade=grade)
    assert result == (None if expected is None else Decimal(expected))


@pytest.mark.parametrize("actual, grade, expected", [
    ("及时", "", "达成"), ("按时完成", "", "达成"), ("基本完成", "", "部分达成"),
    ("部分达成", "", "部分达成"), ("未达成", "", "未达成"), ("未完成", "", "未达成"),
    ("不合格", "", "未达成"), ("", "", None), ("无", "", None), ("另见附件", "", None),
    ("完成", "未达成", "未达成"),
])
def test_qualitative_grade(actual: str, grade: str, expected: str | None) -> None:
    assert qualitative_grade(row("合格", actual, grade=grade)) == expected


def test_grade_bands_follow_the_regulation() -> None:
    assert grade_band("达成", Decimal(10)) == (Decimal(8), Decimal(10))
    assert grade_band("部分达成", Decimal(10)) == (Decimal(6), Decimal(8))
    assert grade_band("未达成", Decimal(10)) == (Decimal(0), Decimal(6))
    assert in_band("达成", Decimal(10), Decimal(10))
    assert not in_band("部分达成", Decimal(10), Decimal(8))   # 0.8w belongs to 达成
    assert in_band("未达成", Decimal(10), Decimal("5.99"))


def test_weightless_rows_score_nothing() -> None:
    assert suggested("不适用", "不适用", "0") == Decimal(0)
    assert suggested("", "无", "0") == Decimal(0)
    assert suggested("", "无", "10") is None
    assert suggest_score(Indicator(target="≥5", actual="5"), PROFILE) is None


@pytest.mark.parametrize("target, actual, over", [
    ("17", "27", True),            # 158.82 % of the target
    ("200000", "424876", True),
    ("≥20000件", "39288件", True),
    ("≥500", "650", False),        # exactly 130 % is within the margin
    ("≥500", "651", True),
    ("≥273人", "321人", False),
    ("95%", "100%", False),
    ("≤100", "10", False),         # under a ceiling is never over-completion
    ("及时", "及时", False),
])
def test_over_completion_beyond_the_margin(target: str, actual: str, over: bool) -> None:
    assert is_over_completed(row(target, actual), PROFILE) is over


@pytest.mark.parametrize("total, grade", [
    ("100", "优"), ("90", "优"), ("89.99", "良"), ("80", "良"), ("79.99", "中"), ("60", "中"),
    ("59.99", "差"), ("0", "差"),
])
def test_grade_of_total(total: str, grade: str) -> None:
    assert grade_of_total(Decimal(total)) == grade


TEXT = st.one_of(
    st.text(max_size=20),
    st.lists(st.sampled_from(["≥", "≤", "<", "=", "0", "1", "2", "45503", "100", ".5", "%",
                              "万元", "元", "人", "次", "以上", "以下", "2024年", "12月",
                              "31日", "前", "，", "及时", "未完成", "基本完成", "无", "不适用"]),
             max_size=8).map("".join))


@settings(max_examples=400, deadline=None)
@given(target=TEXT, actual=TEXT,
       weight=st.decimals(min_value=0, max_value=100, places=2),
       level2=st.sampled_from(["数量指标", "时效指标", ""]),
       unit=st.sampled_from(["", "%", "万元", "人"]),
       grade=st.sampled_from(["", "达成", "部分达成", "未达成"]))
def test_a_suggestion_never_leaves_zero_to_the_weight(target: str, actual: str, weight: Decimal,
                                                      level2: str, unit: str,
                                                      grade: str) -> None:
    indicator = Indicator(level2=level2, target=target, unit=unit, actual=actual,
                          weight=weight, grade=grade)
    result = suggest_score(indicator, PROFILE)
    assert result is None or Decimal(0) <= result <= weight
