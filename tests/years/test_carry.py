"""以上年为基础新建: the plan is carried, what happened is cleared, one undo removes it."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from conftest import load_sample
from db.records import FormNotFound
from desktop.forms import FormKind, ProjectTarget, SelfEvaluation
from desktop.rules.evaluate import evaluate
from desktop.years.carry import CARRY_LABEL, CarryError, carry_forward, create_carried


def test_actuals_scores_and_reasons_are_cleared_and_the_plan_kept(guangming):
    before = copy.deepcopy(guangming)
    new = carry_forward(guangming, 2025)
    assert isinstance(new, SelfEvaluation) and new.year == 2025
    assert guangming == before                      # the earlier form is untouched
    assert [(r.level1, r.level2, r.name, r.unit, r.weight) for r in new.indicators] == \
        [(r.level1, r.level2, r.name, r.unit, r.weight) for r in guangming.indicators]
    assert all(r.actual == r.deviation == r.grade == "" and r.score is None
               for r in new.indicators)
    assert any(r.deviation for r in guangming.indicators)        # there was one to clear
    assert (new.project_code, new.project_name, new.unit_code, new.layout) == \
        (guangming.project_code, guangming.project_name, guangming.unit_code, guangming.layout)
    assert new.level1_weights == guangming.level1_weights
    assert new.goal_expected == guangming.goal_expected and new.goal_actual == ""
    assert new.funds.weight == guangming.funds.weight
    assert all(getattr(new.funds.source(name), column) is None
               for name in ("fiscal", "carryover", "other")
               for column in ("initial", "annual", "executed"))
    assert new.meta.published == {} and "2024" in new.meta.source


def test_targets_are_kept_and_deadlines_move_to_the_new_year(guangming):
    new = carry_forward(guangming, 2025)
    pairs = list(zip(guangming.indicators, new.indicators))
    assert all(old.target == row.target for old, row in pairs if "2024" not in old.target)
    deadlines = [(old.target, row.target) for old, row in pairs if "2024" in old.target]
    assert ("2024年11月30日前", "2025年11月30日前") in deadlines


def test_the_carried_form_points_at_its_blank_budget(grid_info):
    findings = [f.field for f in evaluate(carry_forward(grid_info, 2023)).findings]
    assert "funds.total.annual" in findings


def test_storing_it_is_one_step_that_undo_removes(service, grid_info):
    earlier, _ = service.create_form(grid_info)
    form_id, step = create_carried(service, earlier, 2023)
    assert step.label == CARRY_LABEL and step.created
    stored = service.store.load_form(form_id)
    assert stored.year == 2023 and stored.indicators[1].target == "97%以上"
    assert stored.indicators[1].actual == "" and stored.indicators[1].score is None
    service.undo_form_step(step)
    with pytest.raises(FormNotFound):
        service.store.summary(form_id)
    assert [s.id for s in service.store.list_forms()] == [earlier]
    service.redo_form_step(step)
    assert service.store.load_form(form_id) == stored


def test_a_second_form_for_the_same_year_is_refused(service, grid_info):
    earlier, _ = service.create_form(grid_info)
    create_carried(service, earlier, 2023)
    with pytest.raises(CarryError, match="已在库中"):
        create_carried(service, earlier, 2023)


def test_next_year_s_targets_from_a_self_evaluation(digital_city):
    target = carry_forward(digital_city, 2023, FormKind.PROJECT_TARGET)
    assert isinstance(target, ProjectTarget)
    assert (target.project_code, target.applicant_unit) == \
        (digital_city.project_code, digital_city.implementing_unit)
    assert target.budget["same_project_prior_year_budget"] == Decimal("1821100.00")
    assert target.budget["same_project_prior_year_executed"] == Decimal("1808698.26")
    assert target.budget["project_current_year_budget"] is None
    assert target.details["overall_and_phased_goals"] == digital_city.goal_expected
    assert [r.target for r in target.indicators] == [r.target for r in digital_city.indicators]


def test_a_target_form_carried_and_answered():
    shanghai = load_sample("shanghai-2020-target")
    next_year = carry_forward(shanghai, 2021)
    assert next_year.budget["same_project_prior_year_budget"] == \
        shanghai.budget["project_current_year_budget"]
    assert next_year.budget["project_current_year_budget"] is None
    assert next_year.details["planned_start_date"] == "2021-01-01"
    answer = carry_forward(shanghai, 2020, FormKind.SELF_EVALUATION)
    assert isinstance(answer, SelfEvaluation) and answer.layout == "district-2022"
    assert [r.name for r in answer.indicators] == [r.name for r in shanghai.indicators]
    assert answer.goal_expected == shanghai.details["overall_and_phased_goals"]


def test_a_unit_form_is_carried_only_as_a_unit_form():
    unit = load_sample("shenzhen-2023-unit-target")
    new = carry_forward(unit, 2024)
    assert [t.name for t in new.tasks] == [t.name for t in unit.tasks]
    assert all(t.total is None and t.fiscal is None for t in new.tasks)
    with pytest.raises(CarryError):
        carry_forward(unit, 2024, FormKind.SELF_EVALUATION)


def test_a_layouts_own_goal_field_carries_into_the_self_evaluation() -> None:
    """Shenzhen's declaration keeps its goal as 年度目标, Wuhan's as 项目绩效总目标: the
    layout names the field, and the self-evaluation's 预期目标 starts from it."""
    from desktop.layouts import load_layout
    for layout in ("shenzhen-project-target", "wuhan-application", "project-target"):
        key = load_layout(layout).raw.get("goal_detail", "overall_and_phased_goals")
        declared = ProjectTarget(year=2024, project_code="4403", project_name="社区工作站",
                                 layout=layout, details={key: f"{layout} 的年度目标",
                                                         "other": "不是目标"})
        carried = carry_forward(declared, 2024, FormKind.SELF_EVALUATION)
        assert carried.goal_expected == f"{layout} 的年度目标"
        back = carry_forward(carried, 2025, FormKind.PROJECT_TARGET, layout=layout)
        assert back.details == {key: f"{layout} 的年度目标"}
