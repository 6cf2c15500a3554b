"""The funds block: 年度资金总额, 执行率 and the funds score.

DOMAIN: 年度资金总额 is the column-by-column sum of its three source rows;
执行率 = B / A × 100; 得分 = min(B / A, 1) × 分值 (the cap is a profile switch).
A file may print the total alone (Chongqing's 全年预算数（A） | 全年执行数（B） has no
source rows): a column no source fills is then the printed total's.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.forms import FUNDS_COLUMNS, FUNDS_SOURCES, AmountRow, Funds
from desktop.money import HUNDRED, ZERO, round2


def _sum_column(funds: Funds, column: str) -> Decimal | None:
    values = [getattr(funds.source(name), column) for name in FUNDS_SOURCES]
    if all(value is None for value in values):
        stated = funds.stated_total
        return None if stated is None else getattr(stated, column)
    return sum((value or ZERO for value in values), ZERO)


def funds_total(funds: Funds) -> AmountRow:
    """年度资金总额: the sum of 当年财政拨款, 上年结转资金 and 其他资金, column by column;
    the printed total in a column none of them fills."""
    return AmountRow(**{column: _sum_column(funds, column) for column in FUNDS_COLUMNS})


def execution_ratio(funds: Funds) -> Decimal:
    """B / A unrounded; 0 when A is 0 or missing (the findings point that out)."""
    total = funds_total(funds)
    annual, executed = total.annual or ZERO, total.executed or ZERO
    if annual == ZERO:
        return ZERO
    return executed / annual


def execution_rate(funds: Funds) -> Decimal:
    """执行率 in percent, 2 decimals, half up: 1808698.26 / 1821100 → 99.32."""
    return round2(execution_ratio(funds) * HUNDRED)


def funds_score(funds: Funds, cap_at_full: bool = True) -> Decimal:
    """得分 of the funds row: min(B / A, 1) × 分值, 2 decimals, half up."""
    ratio = execution_ratio(funds)
    if cap_at_full:
        ratio = min(ratio, Decimal(1))
    return round2(ratio * funds.weight)
