"""Listing, finding, state and deletion."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from conftest import SAMPLE_FILES, load_sample
from db.records import FormNotFound, FormState, StoreError
from db.store import Store
from desktop.forms import FormKind, SelfEvaluation


@pytest.fixture
def filled(store: Store) -> Store:
    for path in SAMPLE_FILES:
        store.add_form(load_sample(path.stem))
    return store


def test_list_is_newest_year_first_then_unit_code_name(filled: Store) -> None:
    rows = [(s.year, s.unit, s.code, s.name) for s in filled.list_forms()]
    assert rows == sorted(rows, key=lambda r: (-r[0], r[1], r[2], r[3]))
    assert [s.year for s in filled.list_forms()] == [2024, 2023, 2022, 2022, 2020]


def test_list_filters(filled: Store) -> None:
    assert {s.code for s in filled.list_forms(year=2022)} == \
        {"440309210901500004279", "440309210901500007728"}
    assert [s.kind for s in filled.list_forms(kind=FormKind.UNIT_TARGET)] == \
        [FormKind.UNIT_TARGET]
    assert len(filled.list_forms(code="440300221231502000032")) == 1


def test_summary_shows_budget_unit_when_no_implementing_unit(store: Store) -> None:
    form_id = store.add_form(SelfEvaluation(year=2024, budget_unit="一级单位"))
    assert store.summary(form_id).unit == "一级单位"


def test_find_form_by_year_code_kind(filled: Store) -> None:
    found = filled.find_form(2022, "440309210901500007728", FormKind.SELF_EVALUATION)
    assert found is not None and filled.load_form(found).project_name == "网格信息采集工作"
    assert filled.find_form(2023, "440309210901500007728", FormKind.SELF_EVALUATION) is None
    assert filled.find_form(2020, "", FormKind.PROJECT_TARGET) is None


def test_years(filled: Store) -> None:
    assert filled.years() == [2024, 2023, 2022, 2020]


def test_state_is_recorded_and_checked(store: Store, grid_info) -> None:
    form_id = store.add_form(grid_info)
    assert store.summary(form_id).state is FormState.DRAFT
    store.set_state(form_id, "checked")
    assert store.summary(form_id).state is FormState.CHECKED
    with pytest.raises(StoreError):
        store.set_state(form_id, "approved")


def test_delete_removes_every_row_of_the_form(store: Store, guangming, grid_info) -> None:
    doomed, kept = store.add_form(guangming), store.add_form(grid_info)
    removed = store.delete_form(doomed)
    assert removed.form == guangming and removed.summary.id == doomed
    with store.engine.connect() as connection:
        for table in ("funds_line", "indicator"):
            ids = connection.execute(text(f"SELECT DISTINCT form_id FROM {table}")).scalars()
            assert list(ids) == [kept]
    with pytest.raises(FormNotFound):
        store.load_form(doomed)


def test_restore_puts_a_deleted_form_back_under_its_id(store: Store, guangming) -> None:
    form_id = store.add_form(guangming)
    store.set_state(form_id, FormState.CHECKED)
    removed = store.delete_form(form_id)
    store.restore_form(removed)
    assert store.load_form(form_id) == guangming
    assert store.summary(form_id).state is FormState.CHECKED
    assert store.summary(form_id).created_at == removed.summary.created_at


def test_a_deleted_id_is_never_handed_out_again(store: Store, guangming) -> None:
    first = store.add_form(guangming)
    store.delete_form(first)
    assert store.add_form(guangming) != first


def test_replace_keeps_id_and_returns_what_it_replaced(store: Store, guangming,
                                                      digital_city) -> None:
    form_id = store.add_form(guangming)
    replaced = store.replace_form(form_id, digital_city)
    assert replaced.form == guangming
    assert store.load_form(form_id) == digital_city


def test_replace_by_another_kind_leaves_nothing_stale(store: Store, guangming) -> None:
    target = load_sample("shenzhen-2023-unit-target")
    form_id = store.add_form(guangming)
    store.replace_form(form_id, target)
    assert store.load_form(form_id) == target
    store.replace_form(form_id, guangming)
    assert store.load_form(form_id) == guangming


def test_missing_forms_are_named(store: Store) -> None:
    with pytest.raises(FormNotFound, match="找不到编号为 42 的表格"):
        store.load_form(42)
    with pytest.raises(FormNotFound):
        store.delete_form(42)


def test_an_edit_of_an_exported_form_marks_it_changed_since_export(store: Store,
                                                                    grid_info) -> None:
    from db.records import Touched
    form_id = store.add_form(grid_info)
    store.set_state(form_id, FormState.EXPORTED)
    grid_info.indicators[0].actual = "31"
    store.write_changes(form_id, grid_info, Touched(indicator_rows=frozenset({0})))
    assert store.summary(form_id).state is FormState.CHANGED
    store.set_state(form_id, FormState.EXPORTED)            # exported again
    assert store.summary(form_id).state is FormState.EXPORTED


def test_overwriting_an_exported_form_marks_it_changed(store: Store, grid_info) -> None:
    form_id = store.add_form(grid_info, state=FormState.EXPORTED)
    grid_info.project_name = "改名后的项目"
    store.replace_form(form_id, grid_info)
    assert store.summary(form_id).state is FormState.CHANGED


@pytest.mark.parametrize("state", [FormState.DRAFT, FormState.CHECKED, FormState.PROBLEMS])
def test_an_edit_leaves_other_states_alone(store: Store, grid_info, state) -> None:
    from db.records import Touched
    form_id = store.add_form(grid_info, state=state)
    store.write_changes(form_id, grid_info, Touched(header=True))
    assert store.summary(form_id).state is state
