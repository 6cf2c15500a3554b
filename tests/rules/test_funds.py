"""The funds block: 年度资金总额, 执行率 and the funds score (DOMAIN §2.2)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from desktop.forms import AmountRow, Funds, SelfEvaluation
from desktop.money import round2
from desktop.rules.evaluate import evaluate
from desktop.rules.funds import execution_rate, funds_score
from desktop.rules.profile import load_profile


def funds(annual: str, executed: str, weight: str = "10") -> Funds:
    return Funds(fiscal=AmountRow(Decimal(annual), Decimal(annual), Decimal(executed)),
                 weight=Decimal(weight))


def test_digital_city_prints_99_32_and_scores_9_93() -> None:
    block = funds("1821100", "1808698.26")
    assert execution_rate(block) == Decimal("99.32")
    assert funds_score(block) == Decimal("9.93")


def test_grid_info_prints_100_and_scores_10() -> None:
    block = funds("4617400", "4617360")
    assert execution_rate(block) == Decimal("100.00")
    assert funds_score(block) == Decimal("10.00")


def test_a_budget_of_zero_rates_zero_and_is_pointed_out() -> None:
    form = SelfEvaluation(year=2024, funds=funds("0", "0"))
    result = evaluate(form)
    assert (result.rate, result.funds_score) == (Decimal(0), Decimal(0))
    assert [f.field for f in result.findings if f.field.startswith("funds")] == \
        ["funds.total.annual"]
    assert "全年预算数 为 0" in result.findings[0].message


def test_the_cap_is_a_profile_switch() -> None:
    form = SelfEvaluation(year=2024, funds=funds("100", "110"))
    capped = evaluate(form)
    uncapped = evaluate(form, dataclasses.replace(load_profile(), cap_execution_at_full=False))
    assert capped.funds_score == Decimal(10)
    assert uncapped.funds_score == Decimal(11)      # beyond the weight, as that locality does
    assert uncapped.rate == Decimal(110)
    assert any(f.message == "年度资金总额 的 全年执行数 110.00 大于 全年预算数 100.00"
               for f in capped.findings)


def test_the_total_is_the_sum_of_its_parts_and_a_stated_total_is_checked() -> None:
    block = Funds(fiscal=AmountRow(Decimal(100), Decimal(100), Decimal(90)),
                  carryover=AmountRow(Decimal(0), Decimal(20), Decimal(20)),
                  stated_total=AmountRow(Decimal(100), Decimal(100), Decimal(110)))
    result = evaluate(SelfEvaluation(year=2024, funds=block))
    assert result.funds_total == AmountRow(Decimal(100), Decimal(120), Decimal(110))
    assert result.rate == Decimal("91.67")
    messages = [f.message for f in result.findings if f.field.startswith("funds.total.")]
    assert messages == ["年度资金总额 的 全年预算数 为 100.00，但 当年财政拨款、上年结转资金、其他资金 "
                        "之和为 120.00"]


def test_an_absurd_amount_still_rounds() -> None:
    # An over-completion of 10^30 % once made round2 raise InvalidOperation mid-keystroke.
    assert round2(Decimal("1e30")) == Decimal("1000000000000000000000000000000.00")
    assert round2(Decimal("2.345")) == Decimal("2.35")
