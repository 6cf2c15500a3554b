"""What goes into the store comes back exactly: every sample, every digit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from conftest import SAMPLE_FILES, load_sample
from db.amounts import AmountNotStorable
from db.store import Store
from desktop.forms import Indicator, SelfEvaluation
from desktop.interchange.json_form import form_to_dict


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_every_sample_comes_back_as_it_went_in(store_url: str, reopen, path) -> None:
    original = load_sample(path.stem)
    with Store(store_url) as store:
        form_id = store.add_form(original)
    loaded = reopen(form_id)
    assert form_to_dict(loaded) == form_to_dict(original)
    assert loaded == original


def test_all_samples_share_one_store(store: Store) -> None:
    originals = [load_sample(path.stem) for path in SAMPLE_FILES]
    ids = [store.add_form(form) for form in originals]
    assert [form_to_dict(store.load_form(i)) for i in ids] == \
        [form_to_dict(form) for form in originals]


def test_a_nineteen_digit_code_stays_text(store: Store, reopen) -> None:
    form = SelfEvaluation(year=2024, project_code="0440309210901500004", project_name="p")
    form_id = store.add_form(form)
    assert reopen(form_id).project_code == "0440309210901500004"
    with store.engine.connect() as connection:
        kind = connection.execute(text("SELECT typeof(code) FROM form")).scalar_one()
    assert kind == "text"


def test_large_amounts_come_back_to_the_cent(store: Store, guangming) -> None:
    form_id = store.add_form(guangming)
    executed = store.load_form(form_id).funds.fiscal.executed
    assert executed == Decimal("14268915.71") and str(executed) == "14268915.71"
    with store.engine.connect() as connection:
        stored = connection.execute(text(
            "SELECT executed_hundredths, typeof(executed_hundredths) FROM funds_line "
            "WHERE source = 'fiscal'")).one()
    assert tuple(stored) == (1426891571, "integer")


def test_the_largest_storable_amount_survives(store: Store) -> None:
    form = SelfEvaluation(year=2024, project_name="p")
    form.funds.fiscal.annual = Decimal("92233720368547758.07")
    form_id = store.add_form(form)
    assert store.load_form(form_id).funds.fiscal.annual == Decimal("92233720368547758.07")


@pytest.mark.parametrize("weight", ["1.765", "0.001", "92233720368547758.08"])
def test_a_number_the_store_cannot_keep_exactly_is_refused(store: Store, weight: str) -> None:
    form = SelfEvaluation(year=2024, project_name="p",
                          indicators=[Indicator(name="x", weight=Decimal(weight))])
    with pytest.raises(AmountNotStorable):
        store.add_form(form)
    assert store.list_forms() == []


def test_blank_score_means_none_not_zero(store: Store) -> None:
    form = SelfEvaluation(year=2024, indicators=[Indicator(name="x", weight=Decimal("2"))])
    loaded = store.load_form(store.add_form(form)).indicators[0]
    assert loaded.score is None and loaded.weight == Decimal("2")


def test_loaded_forms_are_plain_and_independent(store: Store, digital_city) -> None:
    form_id = store.add_form(digital_city)
    first, second = store.load_form(form_id), store.load_form(form_id)
    first.indicators[0].actual = "changed"
    store.close()
    assert second.indicators[0].actual != "changed"
    assert type(first.indicators[0]) is Indicator
