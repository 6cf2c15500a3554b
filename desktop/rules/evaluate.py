"""Everything the window and the command line show about a form, in one pass.

The result is derived, never stored (ARCHITECTURE: "Derived values are never facts"):
the caller recomputes it after every change. Parsing is memoised, so a 300-row form
evaluates in about a millisecond and can run on every keystroke.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter

from desktop.forms import AmountRow, Indicator, ProjectTarget, SelfEvaluation, Task, UnitTarget
from desktop.money import ZERO, format_plain, round2
from desktop.rules.findings import (
    Finding,
    funds_findings,
    level_findings,
    misfiled_findings,
    published_findings,
    row_findings,
    target_row_findings,
    weights_total_finding,
)
from desktop.rules.funds import execution_rate, funds_score, funds_total
from desktop.rules.printed import printed_figures
from desktop.rules.profile import RuleProfile, load_profile
from desktop.rules.required import framework_findings, goal_actual_finding, header_findings
from desktop.rules.rows import LevelResult, RowResult, from_snapshot, level_results, row_result
from desktop.rules.scoring import grade_of_total

__all__ = ["Evaluation", "LevelResult", "RowResult", "check_target_form", "evaluate"]

TASK_COLUMNS = {"total": "总额", "fiscal": "财政拨款", "other": "其他资金"}

FRAME_FIELDS = ("level1", "level2", "name")
"""What the framework checks read of a row: its 一级, 二级 and 三级 names."""
_frame_snapshot = attrgetter(*FRAME_FIELDS)


@dataclass(frozen=True)
class Evaluation:
    """A self-evaluation as the rules see it: funds, rows, 一级 blocks, total, findings."""

    funds_total: AmountRow
    rate: Decimal
    funds_score: Decimal
    rows: tuple[RowResult, ...]
    levels: tuple[LevelResult, ...]
    weights_total: Decimal
    total: Decimal
    grade: str
    findings: tuple[Finding, ...]


_latest: tuple[SelfEvaluation, RuleProfile, Evaluation] | None = None
"""The last evaluation made for a write, with its form held so that its id stays its own."""


def remember(form: SelfEvaluation, profile: RuleProfile, result: Evaluation) -> None:
    """Keep the evaluation the store just made of a form it is writing."""
    global _latest
    _latest = (form, profile, result)


def evaluate_latest(form: SelfEvaluation, profile: RuleProfile) -> Evaluation:
    """`evaluate`, taking the result the store's write of this very form object just
    computed: an edit is evaluated for the stored figures and again for the open form,
    one right after the other. Only the open form's session asks through here, and its
    forms are copies the edit path never changes in place (`apply_all`), so the same
    object means the same content."""
    if _latest is not None and _latest[0] is form and _latest[1] is profile:
        return _latest[2]
    return evaluate(form, profile)


def evaluate(form: SelfEvaluation, profile: RuleProfile | None = None) -> Evaluation:
    """Score a self-evaluation and collect its findings.

    The points per 一级 are the form's own `level1_weights` where it states them (the
    regulation lets a unit adjust them), else the profile's.
    """
    profile = profile or load_profile(form.profile)
    rows = tuple(row_result(indicator, profile) for indicator in form.indicators)
    declared = {**profile.level1_weights, **form.level1_weights}
    levels = level_results(form.indicators, rows, declared, profile)
    rows_weight = sum((indicator.weight or ZERO for indicator in form.indicators), ZERO)
    scored = funds_score(form.funds, profile.cap_execution_at_full)
    total = round2(scored + sum((row.score for row in rows), ZERO))
    findings = [*funds_findings(form.funds)]
    findings += filter(None, [goal_actual_finding(form)])
    for number, indicator in enumerate(form.indicators, start=1):
        findings += row_findings(number, indicator, profile)
    findings += frame_findings(form.indicators, profile)
    findings += level_findings(levels)
    findings += filter(None, [weights_total_finding(form.funds.weight, rows_weight)])
    findings += published_findings(printed_figures(form), {
        "weights_total": form.funds.weight + rows_weight, "total": total})
    return Evaluation(
        funds_total=funds_total(form.funds), rate=execution_rate(form.funds),
        funds_score=scored, rows=rows, levels=levels,
        weights_total=form.funds.weight + rows_weight, total=total,
        grade=grade_of_total(total), findings=tuple(findings))


def frame_findings(indicators: Sequence[Indicator], profile: RuleProfile) -> tuple[Finding, ...]:
    """A 二级 under the wrong 一级, a 一级 with no 三级, a missing 成本指标.

    Memoised on the rows' names alone, which is all these checks read: typing a score
    or an actual (most keystrokes) finds them already worked out."""
    return _frame_findings(tuple(_frame_snapshot(row) for row in indicators), profile)


@lru_cache(maxsize=256)
def _frame_findings(frame: tuple[tuple[str, str, str], ...],
                    profile: RuleProfile) -> tuple[Finding, ...]:
    indicators = [from_snapshot(values, FRAME_FIELDS) for values in frame]
    return (*misfiled_findings(indicators, profile.taxonomy),
            *framework_findings(indicators, profile))


def _task_sum(tasks: list[Task], column: str) -> Decimal | None:
    values = [getattr(task, column) for task in tasks]
    if all(value is None for value in values):
        return None
    return sum((value or ZERO for value in values), ZERO)


def _tasks_total_findings(form: UnitTarget) -> list[Finding]:
    """金额合计 as printed against the sum of the task lines, column by column.

    The Shenzhen sample prints 2,938 against lines that add up to 2,939 (rounded to
    whole 万元): the system would flag it, so the clerk should see it first.
    """
    stated, found = form.stated_tasks_total, []
    for column, label in TASK_COLUMNS.items() if stated else ():
        given, parts = getattr(stated, column), _task_sum(form.tasks, column)
        if given is not None and parts is not None and given != parts:
            found.append(Finding(None, f"tasks_total.{column}",
                                 f"金额合计 的 {label} 为 {format_plain(given)}{form.amount_unit}，"
                                 f"但各项任务之和为 {format_plain(parts)}{form.amount_unit}"))
    return found


def check_target_form(form: ProjectTarget | UnitTarget) -> tuple[Finding, ...]:
    """The few checks a target form allows: it has no actuals and no scores."""
    profile = load_profile(form.profile)
    found = header_findings(form)
    for number, indicator in enumerate(form.indicators, start=1):
        found += target_row_findings(number, indicator)
    found += frame_findings(form.indicators, profile)
    if isinstance(form, UnitTarget):
        found += _tasks_total_findings(form)
    return tuple(found)
