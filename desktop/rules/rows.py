"""What the rules derive for one indicator row and for one 一级指标 block.

Kept apart from `evaluate` so that `findings` can read row results without a cycle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter

from desktop.forms import Indicator
from desktop.money import ZERO
from desktop.rules.profile import RuleProfile
from desktop.rules.scoring import (
    excel_date_offer,
    grade_band,
    is_over_completed,
    qualitative_grade,
    suggest_score,
    target_reading,
)
from desktop.rules.targets import TargetKind
from desktop.textnorm import squeeze_spaces

UNFILED = "未分类"
"""The 一级 shown for a row whose 一级 and 二级 are both unknown."""


@dataclass(frozen=True)
class RowResult:
    """One indicator row as the rules see it.

    `score` is what counts towards the total: the typed score, else the suggestion,
    else 0. `overridden` is set only where there was a suggestion to override.
    """

    suggested: Decimal | None
    score: Decimal
    overridden: bool
    reading_kind: TargetKind
    grade: str | None
    band: tuple[Decimal, Decimal] | None
    over_completed: bool
    date_offer: dt.date | None


@dataclass(frozen=True)
class LevelResult:
    """A 一级指标 block: its declared points, the Σ of its rows' weights and scores."""

    name: str
    declared_weight: Decimal | None
    weight: Decimal
    score: Decimal


SCORING_FIELDS = ("level2", "target", "unit", "actual", "weight", "score", "grade")
"""The Indicator fields a row's result depends on, and so the key of its memo."""


_scoring_snapshot = attrgetter(*SCORING_FIELDS)


def from_snapshot(values: tuple, fields: tuple[str, ...] = SCORING_FIELDS) -> Indicator:
    """An Indicator back from the hashable tuple of its `fields` a memo is keyed on."""
    return Indicator(**dict(zip(fields, values)))


def row_result(indicator: Indicator, profile: RuleProfile) -> RowResult:
    """Suggested and effective score, grade and flags of one row.

    Memoised on the row's inputs: after a keystroke only the edited row is worked out
    again, which keeps a 300-row form well inside a frame.
    """
    return _row_result(_scoring_snapshot(indicator), profile)


@lru_cache(maxsize=8192)
def _row_result(values: tuple, profile: RuleProfile) -> RowResult:
    indicator = from_snapshot(values)
    typed, weight = indicator.score, indicator.weight
    kind = target_reading(indicator).kind
    suggested = suggest_score(indicator, profile)
    score = typed if typed is not None else (suggested if suggested is not None else ZERO)
    grade = qualitative_grade(indicator) if kind is TargetKind.QUALITATIVE else None
    return RowResult(
        suggested=suggested, score=score,
        overridden=typed is not None and suggested is not None and typed != suggested,
        reading_kind=kind, grade=grade,
        band=grade_band(grade, weight) if grade and weight is not None else None,
        over_completed=is_over_completed(indicator, profile),
        date_offer=excel_date_offer(indicator, profile))


def level1_of(indicator: Indicator, profile: RuleProfile) -> str:
    """The row's 一级: as typed, else found from its 二级 in the profile's taxonomy."""
    typed = squeeze_spaces(indicator.level1)
    return typed or profile.taxonomy.level1_of(indicator.level2) or UNFILED


def level_results(indicators: Sequence[Indicator], rows: Sequence[RowResult],
                  declared: dict[str, Decimal], profile: RuleProfile) -> tuple[LevelResult, ...]:
    """Blocks in taxonomy order, then any other 一级 in form order.

    A taxonomy 一级 with no rows is listed only when points are declared for it, so
    that "满意度指标 has 10 points but no rows" can be pointed out.
    """
    weights: dict[str, Decimal] = {}
    scores: dict[str, Decimal] = {}
    for indicator, row in zip(indicators, rows):
        name = level1_of(indicator, profile)
        weights[name] = weights.get(name, ZERO) + (indicator.weight or ZERO)
        scores[name] = scores.get(name, ZERO) + row.score
    order = [name for name in profile.taxonomy.levels
             if name in weights or declared.get(name, ZERO) != ZERO]
    order += [name for name in weights if name not in order]
    return tuple(LevelResult(name, declared.get(name), weights.get(name, ZERO),
                             scores.get(name, ZERO)) for name in order)
