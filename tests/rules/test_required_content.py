"""What a form must contain: 实际完成情况, actuals, required header fields, an indicator
under every 一级, a 成本指标 where the profile asks for one, no empty 二级 frame."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from conftest import load_sample
from desktop.forms import Indicator, ProjectTarget, SelfEvaluation, UnitTarget
from desktop.rules.evaluate import check_target_form, evaluate
from desktop.rules.findings import Finding


def row(level1: str, level2: str, name: str = "", target: str = "", actual: str = "",
        weight: str | None = None, score: str | None = None) -> Indicator:
    return Indicator(level1=level1, level2=level2, name=name, target=target, actual=actual,
                     weight=None if weight is None else Decimal(weight),
                     score=None if score is None else Decimal(score))


FULL = [row("产出指标", "数量指标", "培训场次", "≥4场", "5场", "50", "50"),
        row("效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", "30", "30"),
        row("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "96%", "10", "10")]
"""A complete self-evaluation's rows: one indicator under each 一级, all scored."""


def self_evaluation(indicators: list[Indicator], goal_actual: str = "按计划完成",
                    profile: str = "default") -> SelfEvaluation:
    return SelfEvaluation(year=2024, project_code="P1", project_name="项目", profile=profile,
                          goal_expected="完成培训", goal_actual=goal_actual,
                          indicators=indicators)


def fields(found: tuple[Finding, ...] | list[Finding]) -> list[tuple[int | None, str]]:
    return [(finding.row, finding.field) for finding in found]


def required_only(found: tuple[Finding, ...]) -> list[Finding]:
    """The findings of this issue, leaving out the funds block the test forms leave empty."""
    return [finding for finding in found if not finding.field.startswith("funds.")]


# ---------------------------------------------------------------- self-evaluation


def test_a_complete_form_has_none_of_these_findings() -> None:
    assert required_only(evaluate(self_evaluation(FULL)).findings) == []


def test_an_empty_goal_actual() -> None:
    found = evaluate(self_evaluation(FULL, goal_actual="  ")).findings
    assert [f for f in found if f.field == "goal_actual"] == [
        Finding(None, "goal_actual", "实际完成情况 为空：请填写项目目标的实际完成情况")]


@pytest.mark.parametrize("target", ["≥4场", "合格"])      # quantitative and qualitative
def test_a_weighted_indicator_without_actual(target: str) -> None:
    rows = [replace(FULL[0], target=target, actual="", score=None), *FULL[1:]]
    found = [f for f in evaluate(self_evaluation(rows)).findings if f.field == "actual"]
    assert found == [Finding(1, "actual", "第1行 实际完成值 为空：请填写 “培训场次” 的实际完成情况")]


@pytest.mark.parametrize("name", ["不适用", "无"])
def test_not_applicable_rows_with_no_weight_need_no_actual(name: str) -> None:
    rows = [*FULL, row("效益指标", "生态效益指标", name, name, "", "0")]
    assert required_only(evaluate(self_evaluation(rows)).findings) == []


def test_a_frame_row_kept_as_not_applicable_is_exempt() -> None:
    """Guangming keeps 二级 rows with only 实际完成值 “无” and 分值 0."""
    rows = [*FULL, row("效益指标", "生态效益指标", actual="无", weight="0")]
    assert required_only(evaluate(self_evaluation(rows)).findings) == []


def test_an_empty_second_level_frame() -> None:
    rows = [*FULL, row("效益指标", "生态效益指标")]
    assert required_only(evaluate(self_evaluation(rows)).findings) == [
        Finding(4, "name", "第4行 二级指标 “生态效益指标” 下没有三级指标：请填写三级指标，"
                           "不适用的填“无”并将分值设为 0")]


def test_each_missing_first_level_once() -> None:
    rows = [FULL[0], row("效益指标", "社会效益指标", "无", "无", "无", "0")]
    found = evaluate(self_evaluation(rows)).findings
    assert [f for f in found if f.field.startswith("level1.")] == [
        Finding(None, "level1.效益指标", "效益指标 下没有任何三级指标：每个一级指标至少应填写一项指标"),
        Finding(None, "level1.满意度指标", "满意度指标 下没有任何三级指标：每个一级指标至少应填写一项指标")]


def test_first_levels_are_found_from_short_names_and_continuation_rows() -> None:
    rows = [row("产出", "数量", "培训场次", "≥4场", "5场", "50", "50"),
            row("", "社会效益指标", "群众知晓率", "≥90%", "95%", "30", "30"),
            row("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "96%", "5", "5"),
            row("", "", "职工满意度", "≥90%", "96%", "5", "5")]
    found = evaluate(self_evaluation(rows)).findings
    assert [f for f in found if f.field.startswith(("level1.", "level2."))] == []


def test_the_central_profile_requires_a_cost_indicator() -> None:
    rows = [row("产出指标", "数量指标", "培训场次", "≥4场", "5场", "40", "40"),
            row("成本指标", "经济成本指标", "无", "无", "无", "0"),
            *FULL[1:]]
    found = evaluate(self_evaluation(rows, profile="central-2021")).findings
    assert [f for f in found if f.field.startswith(("level1.", "level2."))] == [
        Finding(None, "level1.成本指标", "成本指标 下没有任何三级指标：每个一级指标至少应填写一项指标")]
    costed = [*rows, row("成本指标", "经济成本指标", "人均培训成本", "≤200元", "180元", "10", "10")]
    found = evaluate(self_evaluation(costed, profile="central-2021")).findings
    assert [f for f in found if f.field.startswith(("level1.", "level2."))] == []


def test_a_cost_requirement_under_the_classic_framework() -> None:
    """`requires_cost` on a classic-framework profile asks for a 二级 成本指标."""
    from desktop.rules.profile import load_profile
    profile = replace(load_profile("default"), requires_cost=True)
    found = evaluate(self_evaluation(FULL), profile).findings
    assert [f for f in found if f.field == "level2.成本指标"] == [
        Finding(None, "level2.成本指标", "没有成本指标：本评分规则要求至少填写一项成本指标")]
    costed = [*FULL, row("产出指标", "成本指标", "人均成本", "≤200元", "180元", "0", "0")]
    assert not [f for f in evaluate(self_evaluation(costed), profile).findings
                if f.field == "level2.成本指标"]
    assert not load_profile("default").requires_cost
    assert load_profile("central-2021").requires_cost


# ---------------------------------------------------------------- target forms


TARGET_ROWS = [row("产出指标", "数量指标", "培训场次", "≥4场"),
               row("效益指标", "社会效益指标", "群众知晓率", "≥90%"),
               row("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%")]


def test_a_complete_project_target_has_no_findings() -> None:
    form = ProjectTarget(year=2024, project_name="项目", applicant_unit="单位",
                         indicators=TARGET_ROWS)
    assert check_target_form(form) == ()


def test_a_project_target_without_its_required_header() -> None:
    form = ProjectTarget(year=2024, project_name=" ", indicators=TARGET_ROWS)
    assert check_target_form(form) == (
        Finding(None, "project_name", "项目名称 为空：该项为必填项"),
        Finding(None, "applicant_unit", "申报单位名称 为空：该项为必填项"))


def test_the_shenzhen_layout_requires_code_and_annual_goal() -> None:
    form = ProjectTarget(year=2024, project_name="项目", applicant_unit="单位",
                         layout="shenzhen-project-target", indicators=TARGET_ROWS)
    assert fields(check_target_form(form)) == [(None, "project_code"),
                                               (None, "details.annual_goal")]
    filled = replace(form, project_code="4403", details={"annual_goal": "完成培训"})
    assert check_target_form(filled) == ()


def test_an_unknown_layout_is_held_to_the_standard_one() -> None:
    form = ProjectTarget(year=2024, layout="learned-elsewhere", indicators=TARGET_ROWS)
    assert fields(check_target_form(form)) == [(None, "project_name"), (None, "applicant_unit")]


@pytest.mark.parametrize("layout, label", [("unit-target", "单位名称"),
                                           ("guangdong-unit-target", "部门名称")])
def test_a_unit_target_needs_its_unit_name(layout: str, label: str) -> None:
    form = UnitTarget(year=2024, layout=layout, indicators=TARGET_ROWS)
    assert check_target_form(form) == (Finding(None, "unit_name", f"{label} 为空：该项为必填项"),)


def test_a_target_form_with_a_missing_first_level_and_an_empty_frame() -> None:
    form = UnitTarget(year=2024, unit_name="单位",
                      indicators=[*TARGET_ROWS[:2], row("满意度指标", "服务对象满意度指标")])
    assert check_target_form(form) == (
        Finding(3, "name", "第3行 二级指标 “服务对象满意度指标” 下没有三级指标：请填写三级指标，"
                           "不适用的填“无”"),
        Finding(None, "level1.满意度指标", "满意度指标 下没有任何三级指标：每个一级指标至少应填写一项指标"))


def test_a_target_form_of_another_framework_is_not_held_to_this_one() -> None:
    """Shanghai's 产出目标 / 效果目标 / 影响力目标 are not the classic 一级."""
    assert check_target_form(load_sample("shanghai-2020-target")) == ()


# ---------------------------------------------------------------- the samples


def test_the_samples_new_findings_are_what_they_really_lack() -> None:
    guangming = evaluate(load_sample("guangming-2024-market")).findings
    assert fields(guangming) == [(19, "actual"), (30, "name"), (30, "target"),
                                 (None, "level1.满意度指标")]
    for stem in ("longhua-2022-digital-city", "longhua-2022-grid-info"):
        assert required_only(evaluate(load_sample(stem)).findings) == [
            f for f in evaluate(load_sample(stem)).findings if f.field == "deviation"]
    shenzhen = check_target_form(load_sample("shenzhen-2023-unit-target"))
    assert fields(shenzhen) == [(64, "name"), (None, "tasks_total.total"),
                                (None, "tasks_total.fiscal")]
