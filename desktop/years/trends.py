"""A project's total score and execution rate over the years, for the trend chart.

Only self-evaluations have scores, so only they give points. A project with two
self-evaluations in one year (a re-import kept beside the original) gives one point
for that year: the form asked about, else the one edited last.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from db.records import FormSummary
from desktop.forms import FormKind, SelfEvaluation
from desktop.rules.evaluate import evaluate

if TYPE_CHECKING:   # the store loads SQLAlchemy: only app start-up imports it
    from db.store import Store


@dataclass(frozen=True)
class TrendPoint:
    """One year of the project: 总分 and 执行率 (%), and the form they come from."""

    year: int
    total: Decimal
    rate: Decimal
    grade: str
    form_id: int


def _one_per_year(summaries: list[FormSummary], form_id: int) -> list[FormSummary]:
    chosen: dict[int, FormSummary] = {}
    for summary in summaries:
        held = chosen.get(summary.year)
        if held is None or (held.id != form_id and (
                summary.id == form_id or summary.updated_at > held.updated_at)):
            chosen[summary.year] = summary
    return sorted(chosen.values(), key=lambda summary: summary.year)


def project_trend(store: Store, form_id: int) -> list[TrendPoint]:
    """The points of the form's project, oldest year first; [] when it has none."""
    summaries = [summary for summary in store.forms_of_project(form_id)
                 if summary.kind is FormKind.SELF_EVALUATION]
    chosen = _one_per_year(summaries, form_id)
    forms = store.load_forms([summary.id for summary in chosen])
    points = []
    for summary in chosen:
        form = forms.get(summary.id)
        if isinstance(form, SelfEvaluation):
            result = evaluate(form)
            points.append(TrendPoint(summary.year, result.total, result.rate, result.grade,
                                     summary.id))
    return points
