"""A service over a fresh store file, and the moneyguru undo check: act, undo, redo,
comparing the form in memory and as a second connection reads it back each time."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from conftest import load_sample
from desktop.editing.service import FormService, OpenForm, Step
from desktop.forms import Form


def open_sample(service: FormService, stem: str) -> OpenForm:
    form_id, _step = service.create_form(load_sample(stem))
    return service.open(form_id)


@pytest.fixture
def digital_city_open(service: FormService) -> OpenForm:
    return open_sample(service, "longhua-2022-digital-city")


@pytest.fixture
def project_target_open(service: FormService) -> OpenForm:
    return open_sample(service, "shanghai-2020-target")


@pytest.fixture
def unit_target_open(service: FormService) -> OpenForm:
    return open_sample(service, "shenzhen-2023-unit-target")


@pytest.fixture
def undo_round_trip(service: FormService,
                    reopen: Callable[[int], Form]) -> Callable[..., Step]:
    """Act, then check undo and redo in memory and in the store; returns the step."""

    def check(open_form: OpenForm, act: Callable[[], Step]) -> Step:
        before = copy.deepcopy(open_form.form)
        step = act()
        after = copy.deepcopy(open_form.form)
        assert not step.is_empty and after != before
        assert reopen(open_form.form_id) == after
        service.undo(open_form, step)
        assert open_form.form == before and reopen(open_form.form_id) == before
        service.redo(open_form, step)
        assert open_form.form == after and reopen(open_form.form_id) == after
        return step

    return check
