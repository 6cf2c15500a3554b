"""Sequences of steps, the Qt-free undo history, and whole-form steps."""

from __future__ import annotations

import copy

import pytest

from conftest import load_sample
from db.records import FormNotFound, FormState
from desktop.editing.effects import Changed
from desktop.editing.history import EditCommand, FormCommand, UndoHistory
from desktop.editing.service import FormService, OpenForm


def five_steps(service: FormService, open_form: OpenForm):  # type: ignore[no-untyped-def]
    yield service.set_cell(open_form, 0, "actual", "30")
    yield service.set_value(open_form, ("funds", "fiscal", "executed"), "1808700.00")
    yield service.insert_indicator(open_form, 1)
    yield service.paste_block(open_form, 1, "level1", [["产出指标", "数量指标", "新指标"]])
    yield service.remove_indicators(open_form, 4, 2)


def test_five_edits_and_five_undos_return_to_the_original(
        service: FormService, digital_city_open: OpenForm, reopen) -> None:
    original = copy.deepcopy(digital_city_open.form)
    history, states = UndoHistory(), []
    for step in five_steps(service, digital_city_open):
        history.push(EditCommand(service, digital_city_open, step))
        states.append(copy.deepcopy(digital_city_open.form))
        assert reopen(digital_city_open.form_id) == states[-1]
    for state in reversed([original, *states[:-1]]):
        history.undo()
        assert digital_city_open.form == state == reopen(digital_city_open.form_id)
    assert not history.can_undo() and history.redo_text() == "修改实际完成值"
    for state in states:
        history.redo()
        assert digital_city_open.form == state == reopen(digital_city_open.form_id)


def test_history_texts_and_a_new_step_forgets_the_undone(
        service: FormService, digital_city_open: OpenForm) -> None:
    history = UndoHistory()
    assert not history.can_undo() and history.undo_text() == ""
    for step in list(five_steps(service, digital_city_open))[:2]:
        history.push(EditCommand(service, digital_city_open, step))
    assert history.undo_text() == "修改当年财政拨款全年执行数"
    history.undo()
    assert history.redo_text() == "修改当年财政拨款全年执行数"
    history.push(EditCommand(service, digital_city_open,
                             service.set_cell(digital_city_open, 0, "score", "1")))
    assert not history.can_redo() and len(history) == 2
    with pytest.raises(LookupError):
        history.redo()


def test_create_form_can_be_undone_and_redone(service: FormService, reopen) -> None:
    sample = load_sample("guangming-2024-market")
    form_id, step = service.create_form(sample)
    assert step.label == "新建表格" and step.changed == Changed(forms=True)
    history = UndoHistory()
    history.push(FormCommand(service, step))
    history.undo()
    with pytest.raises(FormNotFound):
        reopen(form_id)
    history.redo()
    assert reopen(form_id) == sample


def test_delete_form_undo_brings_back_the_same_content_and_id(
        service: FormService, digital_city_open: OpenForm, reopen) -> None:
    form_id = digital_city_open.form_id
    service.store.set_state(form_id, FormState.CHECKED)
    edit = service.set_cell(digital_city_open, 0, "actual", "31")
    content = copy.deepcopy(digital_city_open.form)
    history = UndoHistory()
    history.push(EditCommand(service, digital_city_open, edit))
    history.push(FormCommand(service, service.delete_form(form_id)))
    assert service.store.list_forms() == []
    history.undo()
    assert reopen(form_id) == content
    assert service.store.summary(form_id).state is FormState.CHECKED
    history.undo()          # the edit made before the delete still undoes
    assert reopen(form_id).indicators[0].actual != "31"
    history.redo()
    history.redo()
    assert service.store.list_forms() == []


def test_replace_form_is_one_undoable_step(service: FormService,
                                           digital_city_open: OpenForm, reopen) -> None:
    form_id, original = digital_city_open.form_id, copy.deepcopy(digital_city_open.form)
    other = load_sample("longhua-2022-grid-info")
    step = service.replace_form(form_id, other, label="覆盖导入")
    assert reopen(form_id) == other
    service.undo_form_step(step)
    assert reopen(form_id) == original
    service.redo_form_step(step)
    assert reopen(form_id) == other


def test_a_step_replays_only_on_its_own_form(service: FormService,
                                             digital_city_open: OpenForm,
                                             project_target_open: OpenForm) -> None:
    step = service.set_cell(digital_city_open, 0, "actual", "1")
    with pytest.raises(ValueError):
        service.undo(project_target_open, step)
