"""Row steps: insert, remove, move, paste (growing the table) and weights."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.editing.effects import Changed
from desktop.editing.errors import EditError
from desktop.editing.service import FormService, OpenForm
from desktop.forms import Indicator, Task


def names(open_form: OpenForm) -> list[str]:
    return [row.name for row in open_form.form.indicators]


def test_insert_an_indicator(service: FormService, digital_city_open: OpenForm,
                             undo_round_trip) -> None:
    count = len(digital_city_open.form.indicators)
    new = Indicator(level1="产出指标", level2="数量指标", name="新增", weight=Decimal("1"))
    step = undo_round_trip(digital_city_open,
                           lambda: service.insert_indicator(digital_city_open, 2, new))
    assert step.label == "插入指标" and step.changed == Changed(structure=frozenset({"indicators"}))
    assert len(digital_city_open.form.indicators) == count + 1
    assert digital_city_open.form.indicators[2] == new
    assert digital_city_open.form.indicators[2] is not new


def test_remove_indicators(service: FormService, digital_city_open: OpenForm,
                           undo_round_trip) -> None:
    kept = names(digital_city_open)[:3] + names(digital_city_open)[5:]
    step = undo_round_trip(digital_city_open,
                           lambda: service.remove_indicators(digital_city_open, 3, 2))
    assert step.label == "删除指标" and names(digital_city_open) == kept


@pytest.mark.parametrize("index, destination", [(0, 5), (7, 1), (4, 4 + 0)])
def test_move_an_indicator(service: FormService, digital_city_open: OpenForm,
                           undo_round_trip, index: int, destination: int) -> None:
    moved = names(digital_city_open)[index]
    if index == destination:
        assert service.move_indicator(digital_city_open, index, destination).is_empty
        return
    step = undo_round_trip(digital_city_open, lambda: service.move_indicator(
        digital_city_open, index, destination))
    assert step.label == "移动指标" and names(digital_city_open)[destination] == moved


def test_move_a_block_to_the_end(service: FormService, digital_city_open: OpenForm,
                                 undo_round_trip) -> None:
    count = len(digital_city_open.form.indicators)
    block = names(digital_city_open)[1:4]
    undo_round_trip(digital_city_open, lambda: service.move_indicator(
        digital_city_open, 1, count - 3, count=3))
    assert names(digital_city_open)[-3:] == block


def test_task_rows(service: FormService, unit_target_open: OpenForm, undo_round_trip) -> None:
    from desktop.editing import steps
    form = unit_target_open.form
    insert = steps.insert_rows(form, "tasks", 5, [Task(name="新任务", total=Decimal("3"))])
    step = undo_round_trip(unit_target_open,
                           lambda: service.apply(unit_target_open, insert.edits, insert.label))
    assert step.label == "插入任务"
    remove = steps.remove_rows(unit_target_open.form, "tasks", 0, 2)
    undo_round_trip(unit_target_open,
                    lambda: service.apply(unit_target_open, remove.edits, remove.label))
    move = steps.move_rows(unit_target_open.form, "tasks", 0, 1, 2)
    undo_round_trip(unit_target_open,
                    lambda: service.apply(unit_target_open, move.edits, move.label))
    assert unit_target_open.form.stated_tasks_total is not None


def test_paste_fills_cells_and_grows_the_table(service: FormService,
                                               digital_city_open: OpenForm,
                                               undo_round_trip) -> None:
    count = len(digital_city_open.form.indicators)
    block = [["实际一", "2", "1.5"], ["实际二", "3", ""], ["实际三", "0", "0"]]
    step = undo_round_trip(digital_city_open, lambda: service.paste_block(
        digital_city_open, count - 1, "actual", block))
    rows = digital_city_open.form.indicators
    assert step.label == "粘贴" and len(rows) == count + 2
    assert [(r.actual, r.weight, r.score) for r in rows[-3:]] == [
        ("实际一", Decimal("2"), Decimal("1.5")), ("实际二", Decimal("3"), None),
        ("实际三", Decimal("0"), Decimal("0"))]
    assert "indicators" in step.changed.structure


def test_paste_in_the_views_column_order(service: FormService,
                                         digital_city_open: OpenForm) -> None:
    district = ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation")
    service.paste_block(digital_city_open, 0, "target", [["≥1", "2", "6", "6"]], district)
    row = digital_city_open.form.indicators[0]
    assert (row.target, row.actual, row.weight, row.score) == \
        ("≥1", "2", Decimal("6"), Decimal("6"))


def test_a_paste_wider_than_the_table_is_refused(service: FormService,
                                                 digital_city_open: OpenForm) -> None:
    with pytest.raises(EditError, match="超出表格右侧"):
        service.paste_block(digital_city_open, 0, "deviation", [["a", "b", "c"]])


def test_set_weights_is_one_step(service: FormService, digital_city_open: OpenForm,
                                 undo_round_trip) -> None:
    weights = [Decimal("1.76")] * 2 + [Decimal("1.24")]
    step = undo_round_trip(digital_city_open, lambda: service.set_weights(
        digital_city_open, [0, 1, 2], weights))
    assert step.label == "均分权重" and step.changed == Changed(rows=frozenset({0, 1, 2}))
    assert [r.weight for r in digital_city_open.form.indicators[:3]] == weights


def test_weights_must_match_the_rows(service: FormService, digital_city_open: OpenForm) -> None:
    with pytest.raises(EditError, match="不一致"):
        service.set_weights(digital_city_open, [0, 1], [Decimal("1")])
