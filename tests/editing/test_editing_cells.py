"""Single-value steps: header, funds, indicator and task cells, dict entries."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.editing.effects import Changed
from desktop.editing.service import FormService, OpenForm


def test_set_an_indicator_score(service: FormService, digital_city_open: OpenForm,
                                undo_round_trip) -> None:
    step = undo_round_trip(digital_city_open,
                           lambda: service.set_cell(digital_city_open, 3, "score", "1.5"))
    assert step.label == "修改得分"
    assert digital_city_open.form.indicators[3].score == Decimal("1.50")
    assert step.changed == Changed(rows=frozenset({3}))


def test_clear_a_score_to_take_the_rules_suggestion(service: FormService,
                                                    digital_city_open: OpenForm,
                                                    undo_round_trip) -> None:
    undo_round_trip(digital_city_open,
                    lambda: service.set_cell(digital_city_open, 0, "score", ""))
    assert digital_city_open.form.indicators[0].score is None


@pytest.mark.parametrize("field, value, label", [
    ("actual", "27人", "修改实际完成值"), ("weight", "６", "修改分值"),
    ("deviation", "因故延期", "修改偏差原因"), ("name", "新指标", "修改三级指标"),
])
def test_indicator_cells(service: FormService, digital_city_open: OpenForm, undo_round_trip,
                         field: str, value: str, label: str) -> None:
    step = undo_round_trip(digital_city_open,
                           lambda: service.set_cell(digital_city_open, 2, field, value))
    assert step.label == label


@pytest.mark.parametrize("path, value, label", [
    (("project_name",), "改过的项目名称", "修改项目名称"),
    (("goal_actual",), "全部完成", "修改实际完成情况"),
    (("year",), "2023", "修改年度"),
    (("unit_code",), "123012", "修改单位编码"),
])
def test_header_fields(service: FormService, digital_city_open: OpenForm, undo_round_trip,
                       path, value, label) -> None:
    step = undo_round_trip(digital_city_open,
                           lambda: service.set_value(digital_city_open, path, value))
    assert step.label == label
    assert step.changed == Changed(header=frozenset({path[0]}))


def test_a_header_edit_reaches_the_list(service: FormService,
                                        digital_city_open: OpenForm) -> None:
    service.set_value(digital_city_open, ("year",), 2030)
    assert service.store.years()[0] == 2030


@pytest.mark.parametrize("path, value, label", [
    (("funds", "fiscal", "annual"), "1,821,200.00", "修改当年财政拨款全年预算数"),
    (("funds", "carryover", "executed"), "￥12.5", "修改上年结转资金全年执行数"),
    (("funds", "other", "initial"), "", "修改其他资金年初预算数"),
    (("funds", "weight"), "20", "修改资金分值"),
])
def test_funds_cells(service: FormService, digital_city_open: OpenForm, undo_round_trip,
                     path, value, label) -> None:
    step = undo_round_trip(digital_city_open,
                           lambda: service.set_value(digital_city_open, path, value))
    assert step.label == label and step.changed == Changed(funds=True)


def test_level1_weight_changed_and_added(service: FormService, digital_city_open: OpenForm,
                                         undo_round_trip) -> None:
    step = undo_round_trip(digital_city_open, lambda: service.set_value(
        digital_city_open, ("level1_weights", "产出指标"), "45"))
    assert step.label == "修改产出指标权重"
    undo_round_trip(digital_city_open, lambda: service.set_value(
        digital_city_open, ("level1_weights", "成本指标"), "5"))
    assert list(digital_city_open.form.level1_weights)[-1] == "成本指标"


def test_project_target_details_and_budget(service: FormService,
                                           project_target_open: OpenForm,
                                           undo_round_trip) -> None:
    step = undo_round_trip(project_target_open, lambda: service.set_value(
        project_target_open, ("details", "project_overview"), "新的概况"))
    assert step.label == "修改项目概况"
    assert step.changed == Changed(header=frozenset({"details.project_overview"}))
    step = undo_round_trip(project_target_open, lambda: service.set_value(
        project_target_open, ("budget", "project_total_budget"), "6,229,239.50"))
    assert step.label == "修改项目总预算（元）"
    assert project_target_open.form.budget["project_total_budget"] == Decimal("6229239.50")


def test_a_new_budget_entry_is_added_and_undone(service: FormService,
                                               project_target_open: OpenForm,
                                               undo_round_trip) -> None:
    undo_round_trip(project_target_open, lambda: service.set_value(
        project_target_open, ("budget", "extra_budget"), "100"))
    assert list(project_target_open.form.budget)[-1] == "extra_budget"


def test_unit_target_goal_and_task_cells(service: FormService, unit_target_open: OpenForm,
                                         undo_round_trip) -> None:
    undo_round_trip(unit_target_open,
                    lambda: service.set_value(unit_target_open, ("goal",), "新目标"))
    step = undo_round_trip(unit_target_open, lambda: service.set_value(
        unit_target_open, ("tasks", 1, "total"), "1,372"))
    assert step.label == "修改总额" and step.changed == Changed(tasks=frozenset({1}))


def test_setting_what_is_already_there_makes_no_step(service: FormService,
                                                     digital_city_open: OpenForm) -> None:
    stamp = service.store.summary(digital_city_open.form_id).updated_at
    weight = digital_city_open.form.indicators[0].weight
    step = service.set_cell(digital_city_open, 0, "weight", f"{weight}0")
    assert step.is_empty and step.changed.nothing
    assert service.store.summary(digital_city_open.form_id).updated_at == stamp


def test_one_cell_edit_writes_one_row(service: FormService, digital_city_open: OpenForm,
                                      monkeypatch) -> None:
    from db import mapping
    written = []
    real = mapping.indicator_values
    monkeypatch.setattr(mapping, "indicator_values",
                        lambda row: written.append(row.name) or real(row))
    service.set_cell(digital_city_open, 5, "actual", "100%")
    assert written == [digital_city_open.form.indicators[5].name]
