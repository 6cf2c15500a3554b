"""Each finding a clerk can meet on one row, worded as the form names its columns."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.forms import Indicator
from desktop.rules.findings import Finding, row_findings
from desktop.rules.profile import load_profile

PROFILE = load_profile()


def findings(number: int, target: str, actual: str, weight: str | None = "10",
             score: str | None = None, **more: str) -> list[tuple[str, str]]:
    indicator = Indicator(name="指标", target=target, actual=actual,
                          weight=None if weight is None else Decimal(weight),
                          score=None if score is None else Decimal(score), **more)
    return [(f.field, f.message) for f in row_findings(number, indicator, PROFILE)]


def test_a_lower_score_needs_a_reason() -> None:
    assert findings(12, "≥500", "480", "1.76", "1.45") == [
        ("deviation", "第12行 偏差原因分析及改进措施 为空：得分 1.45 低于分值 1.76")]
    assert findings(12, "≥500", "480", "1.76", "1.45", deviation="受疫情影响") == []


def test_a_suggested_lower_score_needs_a_reason_too() -> None:
    assert findings(3, "≥500", "400") == [
        ("deviation", "第3行 偏差原因分析及改进措施 为空：得分 8 低于分值 10")]


def test_over_completion_needs_a_reason_even_at_full_marks() -> None:
    assert findings(1, "≥500", "780", "1.76", "1.76") == [
        ("deviation", "第1行 偏差原因分析及改进措施 为空：实际完成值 “780” 超额完成年度指标值 “≥500”"
                      "（完成 156%，超过 130%），请说明原因")]
    assert findings(1, "≥500", "650", "1.76", "1.76") == []    # 130 % is within the margin


def test_a_score_above_the_weight() -> None:
    assert findings(3, "≥500", "500", "10", "12") == [
        ("score", "第3行 得分 12 高于分值 10：得分不能大于分值")]


def test_a_qualitative_score_outside_its_band() -> None:
    assert findings(4, "合格", "基本合格", "10", "9", deviation="部分设备返修") == [
        ("score", "第4行 得分 9 不在“部分达成”的分数段 6 至 8（不含 8） 内")]
    assert findings(4, "合格", "合格", "10", "7", deviation="验收延后") == [
        ("score", "第4行 得分 7 不在“达成”的分数段 8 至 10 内")]
    assert findings(4, "合格", "基本合格", "10", "7", deviation="部分设备返修") == []


def test_an_actual_that_is_not_a_number() -> None:
    assert findings(2, "≥500", "已完成") == [
        ("actual", "第2行 实际完成值 “已完成” 不是数字：年度指标值 “≥500” 要求填写数值"),
        ("score", "第2行 得分 待定：无法按规则算出建议得分，请填写得分")]


def test_a_unit_that_does_not_match_the_target() -> None:
    assert findings(5, "≥273人", "321次", "2", "2") == [
        ("unit", "第5行 实际完成值 的单位“次”与年度指标值 的单位“人”不一致，无法比较")]


def test_a_missed_deadline_is_left_to_the_clerk() -> None:
    assert findings(6, "2024年11月30日前", "2024年12月15日", level2="时效指标") == [
        ("score", "第6行 得分 待定：实际完成时间 2024-12-15 晚于期限 2024-11-30，请按实际情况打分")]


def test_an_ungraded_qualitative_row_asks_for_a_grade() -> None:
    assert findings(7, "有效促进", "正在推进") == [
        ("grade", "第7行 得分 待定：请选择 达成、部分达成 或 未达成，并在相应分数段内打分")]


def test_an_empty_actual_is_pending() -> None:
    assert findings(8, "≥500", "") == [
        ("actual", "第8行 实际完成值 为空：请填写 “指标” 的实际完成情况"),
        ("score", "第8行 得分 待定：实际完成值 为空")]


def test_missing_weight_and_missing_target() -> None:
    assert findings(9, "≥500", "500", weight=None) == [
        ("weight", "第9行 分值 为空：请填写该指标的分值")]
    assert findings(9, "", "无", "10", "10") == [("target", "第9行 年度指标值 为空，但分值为 10")]


def test_a_date_that_is_not_one() -> None:
    assert findings(10, "2024年2月30日前", "2024年2月1日", "2", "2") == [
        ("target", "第10行 年度指标值 “2024年2月30日前” 读不出完整的日期（年、月、日）")]


@pytest.mark.parametrize("target, actual", [("不适用", "不适用"), ("", "无"), ("≥500", "")])
def test_rows_without_weight_raise_nothing(target: str, actual: str) -> None:
    assert findings(11, target, actual, "0", "0") == []


def test_findings_are_plain_values() -> None:
    finding = Finding(3, "score", "第3行 得分 待定")
    assert finding == Finding(3, "score", "第3行 得分 待定")
    assert hash(finding) == hash(Finding(3, "score", "第3行 得分 待定"))
