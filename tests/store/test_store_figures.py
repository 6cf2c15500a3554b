"""The figures kept with every form are the rules' figures of the form as stored.

After every write of a form's content (creation, each kind of edit, its undo and redo,
a replace, a delete undone, a carry forward) the row in form_figures must be fresh
(computed by the rules running now, from the content now stored) and equal to a fresh
evaluation of the stored form. A stale row is recomputed when the list is read, and a
store from before form_figures gets every row on its first listing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import text

from conftest import SAMPLE_FILES, load_sample
from db import figures as kept_figures
from db.engine import make_engine
from db.migrate import make_config
from db.records import FiguresRules, FormFigures, FormNotFound, FormState
from db.store import Store
from desktop.editing.service import FormService, OpenForm, Step
from desktop.figures import figures_of, rule_sources, rules_version, version_of
from desktop.forms import Form, FormKind, Indicator, SelfEvaluation, UnitTarget
from desktop.years.carry import create_carried

STEMS = [path.stem for path in SAMPLE_FILES]


@pytest.fixture
def any_service(any_store_url: str) -> Iterator[FormService]:
    """The write path over a fresh store on each database the store supports."""
    with Store(any_store_url) as store:
        yield FormService(store)


def kept_row(store: Store, form_id: int) -> kept_figures.Listed | None:
    with store._reading() as session:
        return kept_figures.listed_one(session, form_id, rules_version())


def assert_kept(store: Store, form_id: int) -> FormFigures:
    """The row was written with the last write (no recomputation on reading) and holds
    what the rules make of the stored form now."""
    line = kept_row(store, form_id)
    assert line is not None and line.figures is not None, "figures stale or missing"
    assert line.figures == figures_of(store.load_form(form_id))
    assert store.summary_with_figures(form_id).figures == line.figures
    return line.figures


def figure_rows(store: Store) -> dict[int, tuple[str, object]]:
    with store.engine.connect() as connection:
        return {row[0]: (row[1], row[2]) for row in connection.execute(text(
            "SELECT form_id, rules_version, form_updated_at FROM form_figures"))}


# ---------------------------------------------------------------- edits


def self_evaluation_edits(service: FormService, opened: OpenForm) -> Iterator[Step]:
    yield service.set_value(opened, ("funds", "fiscal", "executed"), "1000")
    yield service.set_value(opened, ("funds", "weight"), "20")
    yield service.set_value(opened, ("level1_weights", "产出指标"), "45")
    yield service.set_cell(opened, 0, "score", Decimal("1"))
    yield service.set_cell(opened, 1, "actual", "0")
    yield service.paste_block(opened, 0, "actual", [["50%"], ["1"], [""]])
    yield service.insert_indicator(opened, 1, Indicator(level1="产出指标", name="新指标",
                                                        weight=Decimal("5")))
    yield service.remove_indicators(opened, 2, 2)
    yield service.move_indicator(opened, 0, 3)


def target_edits(service: FormService, opened: OpenForm) -> Iterator[Step]:
    yield service.set_cell(opened, 0, "target", "≥1次")
    yield service.set_cell(opened, 1, "name", "")
    yield service.paste_block(opened, 0, "name", [["新指标"], [""]])
    yield service.insert_indicator(opened, 1, Indicator(target="≥5次"))
    yield service.remove_indicators(opened, 2, 2)
    yield service.move_indicator(opened, 0, 3)
    if isinstance(opened.form, UnitTarget):
        yield service.set_value(opened, ("tasks", 0, "total"), "1")


def edits_of(form: Form) -> Callable[[FormService, OpenForm], Iterator[Step]]:
    return self_evaluation_edits if isinstance(form, SelfEvaluation) else target_edits


@pytest.mark.parametrize("stem", STEMS)
def test_created_forms_keep_their_figures(any_service: FormService, stem: str) -> None:
    form_id, _ = any_service.create_form(load_sample(stem))
    assert_kept(any_service.store, form_id)


@pytest.mark.parametrize("stem", STEMS)
def test_every_edit_its_undo_and_its_redo_keep_the_figures(any_service: FormService,
                                                           stem: str) -> None:
    store = any_service.store
    form_id, _ = any_service.create_form(load_sample(stem))
    opened = any_service.open(form_id)
    for step in edits_of(opened.form)(any_service, opened):
        assert not step.is_empty, step.label
        assert_kept(store, form_id)
        any_service.undo(opened, step)
        assert_kept(store, form_id)
        any_service.redo(opened, step)
        assert_kept(store, form_id)


def test_a_score_edit_changes_the_kept_total(any_service: FormService) -> None:
    form_id, _ = any_service.create_form(load_sample("longhua-2022-grid-info"))
    before = assert_kept(any_service.store, form_id)
    opened = any_service.open(form_id)
    step = any_service.set_cell(opened, 0, "score", Decimal("0"))
    after = assert_kept(any_service.store, form_id)
    assert after.total is not None and before.total is not None and after.total < before.total
    any_service.undo(opened, step)
    assert assert_kept(any_service.store, form_id) == before


@pytest.mark.parametrize("stem", STEMS)
def test_replace_and_its_undo_keep_the_figures(any_service: FormService, stem: str) -> None:
    form_id, _ = any_service.create_form(load_sample(stem))
    changed = copy.deepcopy(load_sample(stem))
    del changed.indicators[0]
    step = any_service.replace_form(form_id, changed)
    assert_kept(any_service.store, form_id)
    any_service.undo_form_step(step)
    assert_kept(any_service.store, form_id)
    any_service.redo_form_step(step)
    assert_kept(any_service.store, form_id)


@pytest.mark.parametrize("stem", STEMS)
def test_a_delete_drops_the_row_and_its_undo_keeps_the_figures(any_service: FormService,
                                                               stem: str) -> None:
    store = any_service.store
    form_id, _ = any_service.create_form(load_sample(stem))
    step = any_service.delete_form(form_id)
    assert form_id not in figure_rows(store)
    with pytest.raises(FormNotFound):
        store.summary_with_figures(form_id)
    any_service.undo_form_step(step)
    assert_kept(store, form_id)


@pytest.mark.parametrize("stem", STEMS)
def test_a_carried_form_keeps_its_figures(any_service: FormService, stem: str) -> None:
    earlier = load_sample(stem)
    earlier_id, _ = any_service.create_form(earlier)
    carried_id, _ = create_carried(any_service, earlier_id, earlier.year + 1)
    assert_kept(any_service.store, carried_id)


def test_a_state_change_leaves_the_figures_fresh(any_service: FormService) -> None:
    form_id, _ = any_service.create_form(load_sample("guangming-2024-market"))
    any_service.store.set_state(form_id, FormState.EXPORTED)
    assert_kept(any_service.store, form_id)


def test_a_failed_write_keeps_the_figures_of_the_content_still_stored(
        any_service: FormService) -> None:
    """The figures are written in the content's transaction, so they roll back with it."""
    from db.records import StoreError, Touched
    store = any_service.store
    form_id, _ = any_service.create_form(load_sample("longhua-2022-digital-city"))
    before = assert_kept(store, form_id)
    changed = store.load_form(form_id)
    changed.indicators[0].score = Decimal(0)
    with pytest.raises(StoreError):   # a funds line the form does not have: out of step
        store.write_changes(form_id, changed, Touched(indicator_rows=frozenset({0}),
                                                      funds=frozenset({"elsewhere"})))
    assert assert_kept(store, form_id) == before


# ---------------------------------------------------------------- stale rows


class Counting:
    """The app's rules under the current version, counting the forms they evaluate."""

    def __init__(self) -> None:
        self.evaluated: list[str] = []

    def __call__(self, form: Form) -> FormFigures:
        self.evaluated.append(form.name)
        return figures_of(form)

    def rules(self) -> FiguresRules:
        return FiguresRules(rules_version(), self)


@pytest.fixture
def loaded(any_store_url: str) -> dict[str, int]:
    """Every sample in a store on each database, by file stem."""
    with Store(any_store_url) as store:
        return {stem: store.add_form(load_sample(stem)) for stem in STEMS}


def listed_figures(store: Store) -> dict[int, FormFigures]:
    return {line.summary.id: line.figures for line in store.list_with_figures()}


def fresh_figures(store: Store) -> dict[int, FormFigures]:
    return {summary.id: figures_of(store.load_form(summary.id))
            for summary in store.list_forms()}


def test_a_fresh_list_evaluates_no_form(any_store_url: str, loaded) -> None:
    counting = Counting()
    with Store(any_store_url, figures=counting.rules()) as store:
        assert listed_figures(store) == fresh_figures(store)
        assert [line.summary for line in store.list_with_figures()] == store.list_forms()
    assert counting.evaluated == []


def test_the_list_takes_the_filters_of_list_forms(any_store_url: str, loaded) -> None:
    with Store(any_store_url) as store:
        for filters in ({"year": 2022}, {"kind": FormKind.UNIT_TARGET},
                        {"code": store.summary(loaded["shanghai-2020-target"]).code},
                        {"unit": store.summary(loaded["guangming-2024-market"]).unit}):
            assert ([line.summary for line in store.list_with_figures(**filters)]
                    == store.list_forms(**filters))


def line_figures(store: Store) -> dict[int, FormFigures]:
    """The figures `lines_with_figures` gives each form, back as FormFigures."""
    return {line.form_id: FormFigures(None if line.total is None else Decimal(line.total),
                                      line.grade, line.findings)
            for line in store.lines_with_figures()}


def test_the_lines_are_the_list_in_plain_values(any_store_url: str, loaded) -> None:
    """The browser's lean read: the same forms, order, units, states and figures as the
    list of summaries, without evaluating any form."""
    counting = Counting()
    with Store(any_store_url, figures=counting.rules()) as store:
        lines = store.lines_with_figures()
        listed = store.list_with_figures()
        assert [(line.form_id, line.kind, line.year, line.code, line.name, line.unit,
                 line.state) for line in lines] == [
            (s.id, s.kind, s.year, s.code, s.name, s.unit, s.state)
            for s in (line.summary for line in listed)]
        assert line_figures(store) == listed_figures(store)
    assert counting.evaluated == []


@pytest.mark.parametrize("tamper", [
    "UPDATE form_figures SET rules_version = 'older-rules' WHERE form_id = :id",
    "UPDATE form_figures SET findings = 99, rules_version = 'older-rules' WHERE form_id = :id",
    "UPDATE form_figures SET total = '1.00', form_updated_at = '2001-01-01' WHERE form_id = :id",
    "DELETE FROM form_figures WHERE form_id = :id",
])
@pytest.mark.parametrize("read", ["summaries", "lines"])
def test_a_stale_row_is_rebuilt_and_kept_by_either_list(any_store_url: str, loaded, tamper: str,
                                                        read: str) -> None:
    """Both ways of listing (summaries, the browser's plain lines) rebuild a stale row,
    evaluating that form alone, and write it back so the next listing evaluates none."""
    listing = listed_figures if read == "summaries" else line_figures
    stale = loaded["longhua-2022-digital-city"]
    with Store(any_store_url) as store:
        with store.engine.begin() as connection:
            connection.execute(text(tamper), {"id": stale})
        counting = Counting()
        with Store(any_store_url, figures=counting.rules()) as counted:
            assert listing(counted) == fresh_figures(store)
            assert counting.evaluated == [load_sample("longhua-2022-digital-city").name]
            assert kept_row(store, stale).figures is not None     # written back
            listing(counted)
            assert len(counting.evaluated) == 1                   # and not again


def test_new_rules_rebuild_every_row(any_store_url: str, loaded) -> None:
    counting = Counting()
    newer = FiguresRules("newer-rules", counting)
    with Store(any_store_url, figures=newer) as store:
        assert listed_figures(store) == fresh_figures(store)
        assert sorted(counting.evaluated) == sorted(load_sample(s).name for s in STEMS)
        assert {version for version, _ in figure_rows(store).values()} == {"newer-rules"}


def test_one_stale_form_is_rebuilt_when_read_alone(any_store_url: str, loaded) -> None:
    form_id = loaded["shanghai-2020-target"]
    with Store(any_store_url) as store:
        with store.engine.begin() as connection:
            connection.execute(text("DELETE FROM form_figures"))
        assert store.summary_with_figures(form_id).figures == figures_of(
            store.load_form(form_id))
        assert list(figure_rows(store)) == [form_id]


def test_figures_the_rules_cannot_compute_do_not_block_a_write(store_url: str) -> None:
    def failing(_form: Form) -> FormFigures:
        raise ValueError("未知的评分规则：nowhere")

    with Store(store_url, figures=FiguresRules(rules_version(), failing)) as store:
        form_id = store.add_form(load_sample("longhua-2022-grid-info"))
        assert store.load_form(form_id) == load_sample("longhua-2022-grid-info")
        assert figure_rows(store) == {}
    with Store(store_url) as store:   # the rules that work evaluate it when listed
        assert listed_figures(store) == fresh_figures(store)
        assert_kept(store, form_id)


def test_a_store_at_0004_upgrades_and_gets_figures_for_every_form(any_store_url: str,
                                                                  loaded) -> None:
    engine = make_engine(any_store_url)
    with engine.begin() as connection:
        command.downgrade(make_config(connection), "0004")
    engine.dispose()
    with Store(any_store_url) as store:
        assert figure_rows(store) == {}
        assert listed_figures(store) == fresh_figures(store)
        assert sorted(figure_rows(store)) == sorted(loaded.values())
        for form_id in loaded.values():
            assert_kept(store, form_id)


# ---------------------------------------------------------------- the version


def test_the_rules_version_covers_rules_profiles_and_taxonomies() -> None:
    names = [name for name, _ in rule_sources()]
    assert {"desktop.rules.evaluate", "desktop.rules.scoring", "desktop.figures",
            "profiles/default.json", "taxonomies/classic.json"} <= set(names)
    assert any(name.startswith("layouts/") for name in names)
    assert rules_version() == version_of(rule_sources())


def test_any_changed_source_changes_the_version() -> None:
    sources = list(rule_sources())
    name, content = sources[-1]
    assert version_of(sources) != version_of([*sources[:-1], (name, content + b" ")])
    assert version_of(sources) != version_of(sources[:-1])
