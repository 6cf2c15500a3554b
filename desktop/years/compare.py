"""Two years of one project side by side: the rows paired, what changed, funds, totals.

Reviewers ask why a score moved; the answer is nearly always a changed target, weight,
actual or 偏差原因 on some row. So every paired row says which of its shown texts changed
(only those: a row marked 有变化 must show its change), compared folded (full-width
"９７％" against "97%" is no change), and numbers compared as the form prints them (6
against 6.00 is no change). Everything is text ready to show; the view only lays it out
and marks the flagged cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.forms import KIND_TITLES, Form, FormKind, Indicator, SelfEvaluation
from desktop.money import format2, format_grouped, format_plain
from desktop.rules.evaluate import Evaluation, evaluate
from desktop.rules.profile import load_profile
from desktop.textnorm import search_key
from desktop.years.align import Slot, align, slots
from desktop.years.keys import goal_texts

NO_FIGURE = "—"
"""What a target form shows for a score, total or grade: it has none."""

NAME_FIELDS = ("level1", "level2", "name")
PAIRED_FIELDS = ("target", "actual", "weight", "score", "deviation")
"""Shown for both years side by side, in this order: 年度指标值, 实际完成值, 分值, 得分,
偏差原因 (得分 only when both forms are scored)."""
ROW_FIELDS = NAME_FIELDS + PAIRED_FIELDS
"""What the side-by-side table shows of a row, and so all that is compared. A row that
differs only in a text not shown (计量单位, 指标解释) is no change: the clerk would look
for it in vain along a row marked 有变化."""
SCORED_FIELDS = frozenset({"actual", "score", "deviation"})
"""Only self-evaluations have these; compared only when both forms are self-evaluations."""
FUNDS_FIELDS = ("initial", "annual", "executed", "rate", "score")


class RowStatus(StrEnum):
    SAME = "same"
    CHANGED = "changed"     # paired, some text differs (a renamed row included)
    ADDED = "added"         # this year only
    REMOVED = "removed"     # the earlier year only


@dataclass(frozen=True)
class RowSide:
    """One form's row, as text. `index` is its position in that form (for opening it);
    `score` is the score that counts (typed, else suggested); `actual`, `score` and
    `deviation` are blank for target forms. `unit` is kept but never compared."""

    index: int
    level1: str
    level2: str
    name: str
    target: str
    unit: str
    actual: str
    weight: str
    score: str
    deviation: str

    def text(self, field: str) -> str:
        return str(getattr(self, field))


@dataclass(frozen=True)
class AlignedRow:
    """A row of the side-by-side table. `level1` / `level2` are the current row's,
    else the earlier one's; `changed` names the ROW_FIELDS whose texts differ."""

    level1: str
    level2: str
    current: RowSide | None
    earlier: RowSide | None
    changed: frozenset[str]

    @property
    def status(self) -> RowStatus:
        if self.earlier is None:
            return RowStatus.ADDED
        if self.current is None:
            return RowStatus.REMOVED
        return RowStatus.CHANGED if self.changed else RowStatus.SAME

    @property
    def renamed(self) -> bool:
        return "name" in self.changed

    def is_changed(self, field: str) -> bool:
        return field in self.changed


@dataclass(frozen=True)
class FundsSide:
    """The 年度资金总额 row of one year: 年初预算数, 全年预算数, 全年执行数, 执行率 (%),
    得分 and 分值, as the form prints them."""

    initial: str
    annual: str
    executed: str
    rate: str
    score: str
    weight: str

    def text(self, field: str) -> str:
        return str(getattr(self, field))


@dataclass(frozen=True)
class FormSide:
    """The header, goals, funds and total of one of the two forms."""

    year: int
    kind: FormKind
    code: str
    name: str
    unit: str
    goal_expected: str
    goal_actual: str
    funds: FundsSide | None     # None for target forms
    total: str
    grade: str

    @property
    def kind_title(self) -> str:
        return KIND_TITLES[self.kind]


@dataclass(frozen=True)
class Comparison:
    current: FormSide
    earlier: FormSide
    rows: tuple[AlignedRow, ...]
    funds_changed: frozenset[str]   # FUNDS_FIELDS that differ (both self-evaluations)
    total_changed: bool

    @property
    def scored(self) -> bool:
        """Both forms are self-evaluations, so actuals, scores and reasons are compared."""
        return self.current.funds is not None and self.earlier.funds is not None

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)

    def summary_line(self) -> str:
        """"与 2023 年相比：3 项指标有变化，新增 1 项，删除 1 项"; counted from the row
        statuses, so it always agrees with the 有变化 marks of the table."""
        return (f"与 {self.earlier.year} 年相比：{self.count(RowStatus.CHANGED)} 项指标有变化，"
                f"新增 {self.count(RowStatus.ADDED)} 项，删除 {self.count(RowStatus.REMOVED)} 项")


def _funds(form: SelfEvaluation, result: Evaluation) -> FundsSide:
    total = result.funds_total
    return FundsSide(format_grouped(total.initial), format_grouped(total.annual),
                     format_grouped(total.executed),
                     format2(result.rate), format2(result.funds_score),
                     format_plain(form.funds.weight))


def _side(form: Form, result: Evaluation | None) -> FormSide:
    expected, actual = [*goal_texts(form), ""][:2]
    funds = _funds(form, result) if isinstance(form, SelfEvaluation) and result else None
    return FormSide(form.year, form.kind, form.code, form.name, form.unit, expected, actual,
                    funds, format2(result.total) if result else NO_FIGURE,
                    result.grade if result else NO_FIGURE)


def _row_side(indicator: Indicator, slot: Slot, result: Evaluation | None) -> RowSide:
    score = format2(result.rows[slot.index].score) if result else ""
    return RowSide(slot.index, slot.level1, slot.level2, indicator.name, indicator.target,
                   indicator.unit, indicator.actual if result else "",
                   format2(indicator.weight), score, indicator.deviation if result else "")


def _changed(current: RowSide, earlier: RowSide, scored: bool) -> frozenset[str]:
    fields = ROW_FIELDS if scored else tuple(f for f in ROW_FIELDS if f not in SCORED_FIELDS)
    return frozenset(field for field in fields
                     if search_key(current.text(field)) != search_key(earlier.text(field)))


def _result(form: Form) -> Evaluation | None:
    return evaluate(form) if isinstance(form, SelfEvaluation) else None


def _aligned_rows(current: Form, earlier: Form,
                  results: tuple[Evaluation | None, Evaluation | None]) -> list[AlignedRow]:
    cur_slots = slots(current.indicators, load_profile(current.profile))
    old_slots = slots(earlier.indicators, load_profile(earlier.profile))
    both_scored = None not in results
    rows = []
    for mine, theirs in align(cur_slots, old_slots):
        now = None if mine is None else \
            _row_side(current.indicators[mine], cur_slots[mine], results[0])
        then = None if theirs is None else \
            _row_side(earlier.indicators[theirs], old_slots[theirs], results[1])
        shown = now or then
        assert shown is not None
        changed = _changed(now, then, both_scored) if now and then else frozenset()
        rows.append(AlignedRow(shown.level1, shown.level2, now, then, changed))
    return rows


def compare(current: Form, earlier: Form) -> Comparison:
    """`current` (usually this year's form) against `earlier`, any kinds: a target form
    has no actuals, scores, funds or total, and those are then never flagged."""
    results = _result(current), _result(earlier)
    sides = _side(current, results[0]), _side(earlier, results[1])
    return Comparison(sides[0], sides[1], tuple(_aligned_rows(current, earlier, results)),
                      _funds_changed(*sides),
                      None not in results and sides[0].total != sides[1].total)


def _funds_changed(current: FormSide, earlier: FormSide) -> frozenset[str]:
    if current.funds is None or earlier.funds is None:
        return frozenset()
    return frozenset(field for field in FUNDS_FIELDS
                     if current.funds.text(field) != earlier.funds.text(field))
