"""What the window's new form, duplicate form and new-year-from-this-form do when the
form they would store is one the store holds already (the same unit's form of that
kind, project and year): one Chinese line the window shows, never an internal error;
and a duplicate is a form of its own."""

from __future__ import annotations

import pytest

from db.records import FormExists, StoreError
from desktop.blank import blank_form
from desktop.editing.history import FormCommand, UndoHistory
from desktop.editing.service import FormService
from desktop.forms import SelfEvaluation
from desktop.years.carry import CarryError, create_carried


def _one_line(error: pytest.ExceptionInfo[BaseException]) -> str:
    said = str(error.value)
    assert said and "\n" not in said
    return said


def test_a_new_blank_form_of_a_stored_identity_is_one_line(service: FormService) -> None:
    service.create_form(blank_form("city-2024", 2025, "C1", "新项目"))
    count = len(service.store.list_forms())
    with pytest.raises(StoreError) as refused:   # what the window catches and shows
        service.create_form(blank_form("city-2024", 2025, "C1", "新项目（重填）"))
    assert isinstance(refused.value, FormExists)
    assert "2025 年「新项目（重填）」" in _one_line(refused)
    assert len(service.store.list_forms()) == count


def test_a_duplicate_is_a_form_of_its_own_named_as_a_copy(service: FormService,
                                                          guangming) -> None:
    original, _ = service.create_form(guangming)
    history = UndoHistory()
    first_id, first = service.duplicate_form(service.store.load_form(original))
    history.push(FormCommand(service, first))
    second_id, second = service.duplicate_form(service.store.load_form(original))
    history.push(FormCommand(service, second))
    copies = [service.store.load_form(form_id) for form_id in (first_id, second_id)]
    assert [form.name for form in copies] == [f"{guangming.name}（副本）",
                                              f"{guangming.name}（副本2）"]
    assert all(isinstance(form, SelfEvaluation) and form.project_code == "" for form in copies)
    assert copies[0].indicators == guangming.indicators
    assert service.store.load_form(original) == guangming
    history.undo()
    history.undo()
    assert [summary.id for summary in service.store.list_forms()] == [original]


def test_a_duplicate_of_a_unit_form_is_named_as_a_copy(service: FormService) -> None:
    from conftest import load_sample
    unit_form = load_sample("shenzhen-2023-unit-target")
    original, _ = service.create_form(unit_form)
    copy_id, _ = service.duplicate_form(service.store.load_form(original))
    copied = service.store.load_form(copy_id)
    assert copied.name == f"{unit_form.name}（副本）" and copied.code == ""


def test_a_new_year_already_stored_is_refused_in_one_line(service: FormService,
                                                          grid_info) -> None:
    earlier, _ = service.create_form(grid_info)
    create_carried(service, earlier, 2023)
    with pytest.raises(CarryError, match="已在库中") as refused:
        create_carried(service, earlier, 2023)
    _one_line(refused)


def test_a_new_year_stored_meanwhile_elsewhere_is_refused_in_one_line(
        service: FormService, grid_info, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another clerk stored the form between the look and the write: the store's own
    refusal reaches the window as the same kind of line."""
    earlier, _ = service.create_form(grid_info)
    create_carried(service, earlier, 2023)
    monkeypatch.setattr(service.store, "identical_form", lambda _form: None)
    with pytest.raises(CarryError, match="已在库中") as refused:
        create_carried(service, earlier, 2023)
    _one_line(refused)


def test_undoing_a_delete_after_the_form_came_back_another_way_is_one_line(
        service: FormService, guangming) -> None:
    form_id, _ = service.create_form(guangming)
    deleted = service.delete_form(form_id)
    service.create_form(guangming)               # imported again meanwhile
    with pytest.raises(FormExists) as refused:
        service.undo_form_step(deleted)
    _one_line(refused)
