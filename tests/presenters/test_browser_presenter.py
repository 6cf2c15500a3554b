"""The browser's rows, without Qt: grouping, figures, the state shown, the search match."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import SAMPLE_FILES, load_sample
from db.records import FiguresRules, FormState
from desktop.presenters import browser
from desktop.presenters.browser import (
    BrowserPresenter,
    grouped,
    matches,
    normalise_query,
    shown_state,
)


@pytest.fixture
def loaded(service) -> dict[str, int]:
    """The five published samples in a fresh store, by file stem."""
    return {path.stem: service.create_form(load_sample(path.stem))[0] for path in SAMPLE_FILES}


def test_rows_carry_the_published_totals_and_dashes_for_target_forms(service, loaded):
    entries = {entry.form_id: entry for entry in BrowserPresenter(service.store).entries()}
    assert entries[loaded["guangming-2024-market"]].total == "99.47"
    assert entries[loaded["longhua-2022-digital-city"]].total == "99.93"
    assert entries[loaded["longhua-2022-grid-info"]].total == "100.00"
    assert entries[loaded["longhua-2022-grid-info"]].grade == "优"
    assert entries[loaded["shanghai-2020-target"]].total == "—"


def test_rows_come_newest_year_first_grouped_by_unit(service, loaded):
    entries = BrowserPresenter(service.store).entries()
    tree = grouped(entries)
    assert list(tree) == [2024, 2023, 2022, 2020]
    assert [len(forms) for forms in tree[2022].values()] == [2]  # both under 平安建设中心


def test_a_form_with_findings_has_problems_and_a_clean_one_is_a_draft(service, loaded):
    entries = {entry.form_id: entry for entry in BrowserPresenter(service.store).entries()}
    guangming = entries[loaded["guangming-2024-market"]]
    assert (guangming.state, guangming.findings) == ("problems", 4)
    assert entries[loaded["longhua-2022-grid-info"]].state == "draft"


@pytest.mark.parametrize(("stored", "findings", "shown"), [
    (FormState.CHECKED, 0, "checked"), (FormState.EXPORTED, 0, "exported"),
    (FormState.EXPORTED, 3, "problems"), (FormState.PROBLEMS, 0, "draft"),
    (FormState.CHANGED, 0, "changed"), (FormState.CHANGED, 2, "problems")])
def test_findings_outrank_the_stored_state(stored, findings, shown):
    assert shown_state(stored, findings) == shown


@pytest.fixture
def counted(store_url: str):
    """A second store on the same file whose rules count the forms they evaluate."""
    from db.store import Store
    from desktop.figures import figures_of, rules_version
    evaluated: list[str] = []

    def counting(form):  # type: ignore[no-untyped-def]
        evaluated.append(form.name)
        return figures_of(form)

    with Store(store_url, figures=FiguresRules(rules_version(), counting)) as store:
        yield store, evaluated


def test_start_up_and_refresh_read_the_kept_figures_and_evaluate_nothing(
        service, loaded, counted):
    """The figures were written with each form: neither listing nor the refresh of an
    edited form loads or evaluates one, and the edited form shows its new total."""
    store, evaluated = counted
    presenter = BrowserPresenter(store)
    before = {entry.form_id: entry for entry in presenter.entries()}
    opened = service.open(loaded["longhua-2022-digital-city"])
    service.set_cell(opened, 0, "score", Decimal("1"))
    edited = presenter.entry(opened.form_id)
    entries = {entry.form_id: entry for entry in presenter.entries()}
    assert evaluated == []
    assert edited == entries[opened.form_id]
    assert edited.total != before[opened.form_id].total == "99.93"
    assert edited.total == browser.figures_of(service.store.load_form(opened.form_id)).total


def test_rows_show_what_a_fresh_evaluation_shows(service, loaded):
    for entry in BrowserPresenter(service.store).entries():
        shown = browser.figures_of(service.store.load_form(entry.form_id))
        assert (entry.total, entry.grade, entry.findings) == (
            shown.total, shown.grade, shown.findings)


def test_a_deleted_form_has_no_entry(service, loaded):
    from db.records import FormNotFound
    service.delete_form(loaded["shanghai-2020-target"])
    with pytest.raises(FormNotFound):
        BrowserPresenter(service.store).entry(loaded["shanghai-2020-target"])


def test_search_ignores_case_width_and_surrounding_spaces():
    assert matches(normalise_query(" ４４０３０９ "), "440309210901500004279", "")
    assert matches(normalise_query("abc"), "", "项目ABC")
    assert not matches(normalise_query("网格"), "440300221231502000032", "市场监督管理")
    assert matches(normalise_query(""), "", "")


def test_every_stored_state_can_be_shown():
    assert {state.value for state in FormState} <= set(browser.STATE_KEYS)


@pytest.mark.parametrize("kept", ["99.47", "100", "100.00", "99.465", "0.5", "-0.50", "7.125"])
def test_a_kept_total_reads_as_format2_shows_it(kept):
    from desktop.money import format2
    assert browser.kept_total_text(kept) == format2(Decimal(kept))
