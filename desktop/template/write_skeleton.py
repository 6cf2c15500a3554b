"""The frame rows some layouts print for every 二级 that holds no indicator.

Shenzhen's 申报表 and Guangdong's 目标表 print one row per 二级 of the framework
(产出指标 | 成本指标 | | |) even where the unit declares nothing under it. A layout that
says `"skeleton_rows": true` gets those rows on export, and its reader drops them again
(`read_indicators`), so a form exported and read back is the same form.
"""

from __future__ import annotations

from decimal import Decimal

from desktop.forms import Indicator
from desktop.rules.profile import Taxonomy


def _pairs(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """Every (一级, 二级) of the framework, in its order."""
    return [(level1, level2) for level1, names in taxonomy.levels.items() for level2 in names]


def with_frame(indicators: list[Indicator], scores: list[Decimal | None],
               taxonomy: Taxonomy) -> tuple[list[Indicator], list[Decimal | None]]:
    """The indicators in their own order, with a frame row (score None) for each 二级 of
    the framework that has none: placed before the first indicator that comes after it
    in the framework, the rest at the end. The form's own rows never move."""
    order = {pair: index for index, pair in enumerate(_pairs(taxonomy))}
    present = {(ind.level1, ind.level2) for ind in indicators}
    missing = [pair for pair in order if pair not in present]
    rows: list[Indicator] = []
    row_scores: list[Decimal | None] = []
    for indicator, score in zip(indicators, scores):
        at = order.get((indicator.level1, indicator.level2))
        while at is not None and missing and order[missing[0]] < at:
            level1, level2 = missing.pop(0)
            rows.append(Indicator(level1=level1, level2=level2))
            row_scores.append(None)
        rows.append(indicator)
        row_scores.append(score)
    rows += [Indicator(level1=level1, level2=level2) for level1, level2 in missing]
    row_scores += [None] * len(missing)
    return rows, row_scores
