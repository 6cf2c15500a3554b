"""A refused value or a failed write leaves the store and the screen exactly as they were."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from db import mapping
from db.records import StoreError
from desktop.editing.edits import SetValue
from desktop.editing.errors import EditError
from desktop.editing.history import EditCommand, UndoHistory
from desktop.editing.service import FormService, OpenForm


@pytest.fixture
def unchanged(digital_city_open: OpenForm, reopen):  # type: ignore[no-untyped-def]
    """Asserts, after the test body, that nothing changed in memory or in the store."""
    before = copy.deepcopy(digital_city_open.form)
    yield
    assert digital_city_open.form == before
    assert reopen(digital_city_open.form_id) == before


@pytest.mark.parametrize("field, value, message", [
    ("weight", "abc", "分值 不是数字：abc"),
    ("score", "1.234", "得分 最多两位小数：1.234"),
    ("score", 1.5, "得分 不是数字：1.5"),
    ("actual", 27, "实际完成值 应为文字：27"),
])
def test_a_bad_value_is_refused_with_a_reason(service: FormService,
                                              digital_city_open: OpenForm, unchanged,
                                              field, value, message) -> None:
    with pytest.raises(EditError) as refused:
        service.set_cell(digital_city_open, 2, field, value)
    assert str(refused.value) == message


def test_one_bad_cell_refuses_the_whole_paste(service: FormService,
                                              digital_city_open: OpenForm, unchanged) -> None:
    count = len(digital_city_open.form.indicators)
    with pytest.raises(EditError, match="得分 不是数字：x"):
        service.paste_block(digital_city_open, count - 1, "actual",
                            [["a", "1", "1"], ["b", "1", "x"]])


@pytest.mark.parametrize("edit, message", [
    (SetValue(("kind",), "x"), "没有这一项"),
    (SetValue(("meta", "notes"), "x"), "没有这一项"),
    (SetValue(("indicators", 99, "actual"), "x"), "第 100 行指标不存在"),
    (SetValue(("indicators", 0, "colour"), "x"), "没有“colour”这一栏"),
    (SetValue(("tasks", 0, "name"), "x"), "没有“tasks”这一栏"),
    (SetValue(("year",), "二〇二四"), "应为四位年份"),
    (SetValue(("funds", "weight"), ""), "资金分值 不能为空"),
    (SetValue(("level1_weights", "产出指标"), object()), "不是数字"),
])
def test_unknown_places_and_bad_values(service: FormService, digital_city_open: OpenForm,
                                       unchanged, edit, message) -> None:
    with pytest.raises(EditError, match=message):
        service.apply(digital_city_open, [edit], "测试")


def test_removing_a_dict_entry_only_undoes_an_addition(service: FormService,
                                                       digital_city_open: OpenForm,
                                                       unchanged) -> None:
    from desktop.editing.paths import ABSENT
    with pytest.raises(EditError, match="不能删除"):
        service.apply(digital_city_open, [SetValue(("level1_weights", "产出指标"), ABSENT)], "x")


def test_a_store_failure_midway_changes_nothing(service: FormService,
                                                digital_city_open: OpenForm, unchanged,
                                                monkeypatch) -> None:
    real, calls = mapping.indicator_values, []

    def fail_on_third(row):  # type: ignore[no-untyped-def]
        calls.append(row)
        if len(calls) == 3:
            raise StoreError("磁盘已满")
        return real(row)

    monkeypatch.setattr(mapping, "indicator_values", fail_on_third)
    with pytest.raises(StoreError, match="磁盘已满"):
        service.paste_block(digital_city_open, 0, "actual",
                            [["一"], ["二"], ["三"], ["四"]])
    assert len(calls) == 3


def test_a_failed_undo_can_be_tried_again(service: FormService, digital_city_open: OpenForm,
                                          reopen, monkeypatch) -> None:
    history = UndoHistory()
    before = copy.deepcopy(digital_city_open.form)
    step = service.set_cell(digital_city_open, 1, "score", "3")
    history.push(EditCommand(service, digital_city_open, step))
    after = copy.deepcopy(digital_city_open.form)

    def broken(*_args):  # type: ignore[no-untyped-def]
        raise StoreError("数据库正被另一个程序使用，请稍后再试")

    monkeypatch.setattr(service.store, "write_changes", broken)
    with pytest.raises(StoreError):
        history.undo()
    assert history.can_undo() and digital_city_open.form == after
    monkeypatch.undo()
    history.undo()
    assert digital_city_open.form == before == reopen(digital_city_open.form_id)
    assert digital_city_open.form.indicators[1].score == before.indicators[1].score
    assert before.indicators[1].score != Decimal("3")
