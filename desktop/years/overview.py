"""Every form of a unit and year on one page, with what the rules make of each.

Totals, grades, execution rates and findings are derived, never stored, so each form is
loaded and evaluated. The unit's forms are loaded in one read (`Store.load_forms`, a
query per table rather than per form): a unit's year of 40 forms of 30 indicators loads
and evaluates in about 30 ms (bench/bench_years.py), so no cache is needed; the browser
presenter's per-form cache would save the evaluation only, the smaller part.

Rows keep the raw value (a Decimal, or None for a target form) next to nothing else:
the view formats with `format2` and sorts with `sort_rows`, which puts the dashes of
target forms last whichever way the column is sorted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.forms import KIND_TITLES, Form, FormKind, SelfEvaluation
from desktop.money import format2
from desktop.rules.evaluate import check_target_form, evaluate

if TYPE_CHECKING:   # the store loads SQLAlchemy: only app start-up imports it
    from db.store import Store

NO_FIGURE = "—"
GRADE_RANK = {"优": 4, "良": 3, "中": 2, "差": 1}
COLUMNS = ("code", "name", "kind", "total", "grade", "rate", "findings")
COLUMN_TITLES = {"code": "项目编码", "name": "项目名称", "kind": "表格", "total": "总分",
                 "grade": "等级", "rate": "执行率（%）", "findings": "问题数"}


@dataclass(frozen=True)
class OverviewRow:
    """One form of the unit's year. `total`, `grade` and `rate` are None for target
    forms, which have no scores and no funds block."""

    form_id: int
    code: str
    name: str
    kind: FormKind
    total: Decimal | None
    grade: str | None
    rate: Decimal | None
    findings: int

    @property
    def kind_title(self) -> str:
        return KIND_TITLES[self.kind]

    def text(self, column: str) -> str:
        """The cell as shown: two decimals, a dash for what a target form lacks."""
        value = self.kind_title if column == "kind" else getattr(self, column)
        if value is None:
            return NO_FIGURE
        return format2(value) if isinstance(value, Decimal) else str(value)


def overview_row(form_id: int, form: Form) -> OverviewRow:
    if isinstance(form, SelfEvaluation):
        result = evaluate(form)
        return OverviewRow(form_id, form.code, form.name, form.kind, result.total,
                           result.grade, result.rate, len(result.findings))
    return OverviewRow(form_id, form.code, form.name, form.kind, None, None, None,
                       len(check_target_form(form)))


def unit_overview(store: Store, year: int, unit: str) -> list[OverviewRow]:
    """The unit's forms of the year (the unit as the browser shows it: 实施单位, else
    一级预算单位), in the store's order: code, then name."""
    ids = [summary.id for summary in store.list_forms(year=year, unit=unit)]
    return [overview_row(form_id, form) for form_id, form in store.load_forms(ids).items()]


def overview_units(store: Store, year: int) -> list[str]:
    """The units that have forms in the year, for the overview's unit chooser."""
    return store.units(year)


_SORT_KEYS: dict[str, Callable[[OverviewRow], Any]] = {
    "code": lambda row: row.code, "name": lambda row: row.name,
    "kind": lambda row: row.kind_title, "total": lambda row: row.total,
    "grade": lambda row: None if row.grade is None else GRADE_RANK.get(row.grade, 0),
    "rate": lambda row: row.rate, "findings": lambda row: row.findings}


def sort_rows(rows: Iterable[OverviewRow], column: str,
              descending: bool = False) -> list[OverviewRow]:
    """Rows sorted by one of COLUMNS; grades rank 优 > 良 > 中 > 差, and rows without a
    value (target forms) stay last either way. Ties keep the code order."""
    key = _SORT_KEYS[column]
    ordered = sorted(rows, key=lambda row: row.code)
    present = [row for row in ordered if key(row) is not None]
    missing = [row for row in ordered if key(row) is None]
    return sorted(present, key=key, reverse=descending) + missing
