"""What the real layouts asked of the rules (REAL-LAYOUTS C, D, E): a ratio written as a
decimal against a percentage target, a funds block printed as its total alone, and a
printed 总分 / 合计 compared with what the rows give."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from desktop.forms import AmountRow, FormMeta, Funds, Indicator, SelfEvaluation
from desktop.rules.evaluate import evaluate
from desktop.rules.funds import execution_rate, funds_total
from desktop.rules.printed import mark_printed
from desktop.rules.profile import load_profile
from desktop.rules.scoring import is_over_completed, suggest_score

PROFILE = load_profile()


def suggested(target: str, actual: str, unit: str = "", weight: str = "8") -> Decimal | None:
    row = Indicator(target=target, actual=actual, unit=unit, weight=Decimal(weight))
    return suggest_score(row, PROFILE)


def by_formula(target: str, actual: str, weight: str = "8") -> Decimal:
    """DOMAIN: B ≥ A → w; else round(B/A × w, 2), half up."""
    a, b, w = Decimal(target), Decimal(actual), Decimal(weight)
    return w if b >= a else (b / a * w).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("target, actual, unit, percent", [
    ("≥90", "0.88", "%", "88"),       # Chongqing: the % comes from the 计量单位 column
    ("≥90%", "0.88", "", "88"),
    ("≥95%", "0.95", "", "95"),       # Wuhan writes 95 % as 0.95
    ("≥90%", "1.2", "", "120"),       # above 1 and still a ratio (up to 1.5)
    ("≥2%", "1.5", "", "150"),
])
def test_a_ratio_against_a_percentage_target_is_a_percentage(
        target: str, actual: str, unit: str, percent: str) -> None:
    value = target.lstrip("≥").rstrip("%")
    assert suggested(target, actual, unit) == by_formula(value, percent)


@pytest.mark.parametrize("target, actual, unit, expected", [
    ("≥90", "88", "%", "7.82"),       # a percentage written as one stays as it is
    ("≥90%", "0.88%", "", "0.08"),    # "%" typed: the clerk meant 0.88 %
    ("≥1.5%", "1.2", "", "6.4"),      # a target of at most 1.5 %: 1.2 is 1.2 %
    ("≥5", "1", "", "1.6"),           # no percentage at all
])
def test_other_actuals_are_read_as_written(target: str, actual: str, unit: str,
                                           expected: str) -> None:
    assert suggested(target, actual, unit) == Decimal(expected)


def test_a_ratio_is_not_over_completion() -> None:
    row = Indicator(target="≥90", actual="0.99", unit="%", weight=Decimal(8))
    assert not is_over_completed(row, PROFILE)


def test_a_total_printed_alone_is_the_total() -> None:
    funds = Funds(stated_total=AmountRow(None, Decimal(75740000), Decimal(66430000)), weight=0)
    assert funds_total(funds) == AmountRow(None, Decimal(75740000), Decimal(66430000))
    expected = (Decimal(66430000) / Decimal(75740000) * 100).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert execution_rate(funds) == expected


def test_sources_still_outrank_a_printed_total() -> None:
    funds = Funds(fiscal=AmountRow(Decimal(1), Decimal(2), None),
                  stated_total=AmountRow(Decimal(5), Decimal(5), Decimal(5)))
    assert funds_total(funds) == AmountRow(Decimal(1), Decimal(2), Decimal(5))


def _form(published: dict[str, str]) -> SelfEvaluation:
    """A form as read from a file that printed `published` under its rows."""
    rows = [Indicator(level1="产出指标", level2="数量指标", name="a", target="≥10", actual="10",
                      weight=Decimal(90))]
    funds = Funds(fiscal=AmountRow(Decimal(100), Decimal(100), Decimal(100)))
    return mark_printed(SelfEvaluation(year=2021, funds=funds, indicators=rows,
                                       level1_weights={"产出指标": Decimal(90)},
                                       meta=FormMeta(published=published)))


def _published_findings(published: dict[str, str]) -> list[str]:
    return [f.message for f in evaluate(_form(published)).findings
            if f.field.startswith("published.")]


def test_a_printed_total_that_agrees_raises_nothing() -> None:
    assert _published_findings({"total": "100.00", "weights_total": "100", "rate": "1"}) == []


def test_a_printed_total_that_disagrees_names_both_figures() -> None:
    assert _published_findings({"total": "98.5", "weights_total": "95"}) == [
        "表中打印的分值合计为 95，但按各行计算为 100",
        "表中打印的总分为 98.5，但按各行计算为 100"]


def test_a_printed_total_no_longer_compared_once_the_rows_are_edited() -> None:
    form = _form({"total": "98.5"})
    assert _published_of(form) == ["published.total"]
    form.indicators[0].actual = "9"
    assert _published_of(form) == []
    form.indicators[0].actual = "10"            # undone: the file's rows again
    assert _published_of(form) == ["published.total"]


def _published_of(form: SelfEvaluation) -> list[str]:
    return [f.field for f in evaluate(form).findings if f.field.startswith("published.")]


def test_reference_figures_without_their_rows_digest_are_never_compared(digital_city) -> None:
    """The sample files' published figures are for the tests, not printed rows."""
    digital_city.indicators[0].score = Decimal(0)
    assert not [f for f in evaluate(digital_city).findings if f.field.startswith("published.")]


def test_a_printed_figure_that_is_no_number_is_left_alone() -> None:
    assert _published_findings({"total": "九十", "weights_total": ""}) == []


def test_the_comparison_survives_the_store(store) -> None:
    """Weights come back as 90.00 and amounts as 100.00: still the rows the file printed."""
    form_id = store.add_form(_form({"total": "98.5"}))
    assert _published_of(store.load_form(form_id)) == ["published.total"]
