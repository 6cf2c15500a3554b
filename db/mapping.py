"""Domain forms to table values and back, with no session in sight.

Writing produces plain dicts of column values; reading takes table rows and returns
fresh domain dataclasses, so nothing handed to the UI is tied to a session.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from db.amounts import decimal_from_text, exact_hundredths, exact_text
from db.records import StoreError
from db.tables import BudgetItemRow, FormRow, FundsLineRow, IndicatorRow, TaskLineRow
from desktop.forms import (
    FUNDS_COLUMNS,
    FUNDS_SOURCES,
    AmountRow,
    Form,
    FormKind,
    FormMeta,
    Funds,
    Indicator,
    ProjectTarget,
    SelfEvaluation,
    Task,
    UnitTarget,
)
from desktop.money import CENT, format_plain, from_hundredths

STATED_TOTAL = "stated_total"
INDICATOR_TEXT_COLUMNS = ("level1", "level2", "name", "target", "unit", "actual",
                          "deviation", "grade", "explanation")
TASK_AMOUNT_COLUMNS = ("total", "fiscal", "other")


# ---------------------------------------------------------------- JSON columns


def _json(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError) as error:
        raise StoreError(f"表格附加信息无法保存：{error}") from None


def _meta_json(meta: FormMeta) -> str:
    return _json({"source": meta.source, "notes": meta.notes, "title": meta.title,
                  "published": meta.published, "labels": meta.labels, "extra": meta.extra})


def _meta_from_json(text: str) -> FormMeta:
    data = json.loads(text)
    return FormMeta(source=data["source"], notes=data["notes"], title=data["title"],
                    published=data["published"], labels=data["labels"], extra=data["extra"])


def _weights_json(weights: dict[str, Decimal]) -> str:
    """Level-1 weights as exact decimal strings, after checking they fit the store."""
    for name, value in weights.items():
        exact_hundredths(value, f"{name} 权重")
    return _json({name: format_plain(value) for name, value in weights.items()})


def _weights_from_json(text: str) -> dict[str, Decimal]:
    return {name: Decimal(value).quantize(CENT) for name, value in json.loads(text).items()}


# ---------------------------------------------------------------- the form row


def form_columns(form: Form) -> dict[str, Any]:
    """Every column of the form row but id, state and the timestamps.

    All columns are set for every kind, so a form replaced by another kind leaves no
    stale values behind.
    """
    columns: dict[str, Any] = {
        "kind": form.kind.value, "layout": form.layout, "profile": form.profile,
        "year": form.year, "budget_unit": "", "unit_code": None,
        "competent_department": "", "amount_unit": "", "goal_expected": "",
        "goal_actual": "", "funds_weight_hundredths": None, "level1_weights": "{}",
        "details": "{}", "meta": _meta_json(form.meta)}
    columns.update(_KIND_COLUMNS[form.kind](form))
    return columns


def _self_evaluation_columns(form: SelfEvaluation) -> dict[str, Any]:
    return {"code": form.project_code, "name": form.project_name,
            "unit": form.implementing_unit, "budget_unit": form.budget_unit,
            "unit_code": form.unit_code, "goal_expected": form.goal_expected,
            "goal_actual": form.goal_actual,
            "funds_weight_hundredths": exact_hundredths(form.funds.weight, "资金分值"),
            "level1_weights": _weights_json(form.level1_weights),
            "details": _json(form.details)}


def _project_target_columns(form: ProjectTarget) -> dict[str, Any]:
    return {"code": form.project_code, "name": form.project_name,
            "unit": form.applicant_unit, "details": _json(form.details)}


def _unit_target_columns(form: UnitTarget) -> dict[str, Any]:
    return {"code": form.unit_code, "name": form.unit_name, "unit": form.unit_name,
            "competent_department": form.competent_department,
            "amount_unit": form.amount_unit, "goal_expected": form.goal,
            "details": _json(form.details)}


_KIND_COLUMNS: dict[FormKind, Callable[[Any], dict[str, Any]]] = {
    FormKind.SELF_EVALUATION: _self_evaluation_columns,
    FormKind.PROJECT_TARGET: _project_target_columns,
    FormKind.UNIT_TARGET: _unit_target_columns}


# ---------------------------------------------------------------- child rows out


def amount_columns(row: AmountRow) -> dict[str, int | None]:
    """A funds row's three amounts in fen."""
    return {f"{column}_hundredths": exact_hundredths(getattr(row, column), "金额")
            for column in FUNDS_COLUMNS}


def funds_lines(form: Form) -> list[dict[str, Any]]:
    """The funds rows of a self-evaluation (none for target forms)."""
    if not isinstance(form, SelfEvaluation):
        return []
    lines = [{"source": name, **amount_columns(form.funds.source(name))}
             for name in FUNDS_SOURCES]
    if form.funds.stated_total is not None:
        lines.append({"source": STATED_TOTAL, **amount_columns(form.funds.stated_total)})
    return lines


def budget_items(form: Form) -> list[dict[str, Any]]:
    """The money block of a target form, in its printed order."""
    if isinstance(form, SelfEvaluation):
        return []
    return [{"position": position, "key": key, "amount": exact_text(amount, "金额")}
            for position, (key, amount) in enumerate(form.budget.items())]


def task_values(task: Task) -> dict[str, Any]:
    """A task line's columns but form_id, position and is_stated_total."""
    amounts = {column: exact_text(getattr(task, column), "金额")
               for column in TASK_AMOUNT_COLUMNS}
    return {"name": task.name, "content": task.content, "goal": task.goal, **amounts}


def stated_tasks_total(form: Form) -> dict[str, Any] | None:
    if not isinstance(form, UnitTarget) or form.stated_tasks_total is None:
        return None
    return task_values(form.stated_tasks_total)


def indicator_values(indicator: Indicator) -> dict[str, Any]:
    """An indicator's columns but form_id and position."""
    texts = {column: getattr(indicator, column) for column in INDICATOR_TEXT_COLUMNS}
    return {**texts, "extra": _json(indicator.extra),
            "weight_hundredths": exact_hundredths(indicator.weight, "分值"),
            "score_hundredths": exact_hundredths(indicator.score, "得分")}


# ---------------------------------------------------------------- rows in


def _amount_row(line: FundsLineRow) -> AmountRow:
    return AmountRow(**{column: from_hundredths(getattr(line, f"{column}_hundredths"))
                        for column in FUNDS_COLUMNS})


def _funds(row: FormRow, lines: Sequence[FundsLineRow]) -> Funds:
    by_source = {line.source: _amount_row(line) for line in lines}
    weight = from_hundredths(row.funds_weight_hundredths)
    return Funds(**{name: by_source.get(name, AmountRow()) for name in FUNDS_SOURCES},
                 stated_total=by_source.get(STATED_TOTAL),
                 weight=Decimal("10.00") if weight is None else weight)


def indicator_from_row(row: IndicatorRow) -> Indicator:
    texts = {column: getattr(row, column) for column in INDICATOR_TEXT_COLUMNS}
    return Indicator(**texts, weight=from_hundredths(row.weight_hundredths),
                     score=from_hundredths(row.score_hundredths),
                     extra=json.loads(row.extra))


def task_from_row(row: TaskLineRow) -> Task:
    amounts = {column: decimal_from_text(getattr(row, column))
               for column in TASK_AMOUNT_COLUMNS}
    return Task(name=row.name, content=row.content, goal=row.goal, **amounts)


def _budget(items: Sequence[BudgetItemRow]) -> dict[str, Decimal | None]:
    return {item.key: decimal_from_text(item.amount) for item in items}


@dataclass(frozen=True)
class StoredParts:
    """The rows of one form as read in one transaction, children in position order."""

    row: FormRow
    funds: Sequence[FundsLineRow]
    budget: Sequence[BudgetItemRow]
    tasks: Sequence[TaskLineRow]
    indicators: Sequence[IndicatorRow]

    @property
    def form_id(self) -> int:
        """The form row's id, which a row read from the store always has."""
        assert self.row.id is not None
        return self.row.id


def build_form(parts: StoredParts) -> Form:
    """A fresh domain form from its rows."""
    return _KIND_BUILDERS[FormKind(parts.row.kind)](parts)


def _build_self_evaluation(parts: StoredParts) -> SelfEvaluation:
    row = parts.row
    return SelfEvaluation(
        year=row.year, project_code=row.code, project_name=row.name,
        implementing_unit=row.unit, budget_unit=row.budget_unit, unit_code=row.unit_code,
        layout=row.layout, profile=row.profile, funds=_funds(row, parts.funds),
        goal_expected=row.goal_expected, goal_actual=row.goal_actual,
        indicators=[indicator_from_row(line) for line in parts.indicators],
        level1_weights=_weights_from_json(row.level1_weights),
        details=json.loads(row.details), meta=_meta_from_json(row.meta))


def _build_project_target(parts: StoredParts) -> ProjectTarget:
    row = parts.row
    return ProjectTarget(
        year=row.year, project_code=row.code, project_name=row.name,
        applicant_unit=row.unit, layout=row.layout, profile=row.profile,
        details=json.loads(row.details), budget=_budget(parts.budget),
        indicators=[indicator_from_row(line) for line in parts.indicators],
        meta=_meta_from_json(row.meta))


def _build_unit_target(parts: StoredParts) -> UnitTarget:
    row = parts.row
    lines = [line for line in parts.tasks if not line.is_stated_total]
    stated = [line for line in parts.tasks if line.is_stated_total]
    return UnitTarget(
        year=row.year, unit_name=row.name, unit_code=row.code,
        competent_department=row.competent_department, amount_unit=row.amount_unit,
        layout=row.layout, profile=row.profile,
        tasks=[task_from_row(line) for line in lines],
        stated_tasks_total=task_from_row(stated[0]) if stated else None,
        goal=row.goal_expected,
        indicators=[indicator_from_row(line) for line in parts.indicators],
        details=json.loads(row.details), budget=_budget(parts.budget),
        meta=_meta_from_json(row.meta))


_KIND_BUILDERS: dict[FormKind, Callable[[StoredParts], Form]] = {
    FormKind.SELF_EVALUATION: _build_self_evaluation,
    FormKind.PROJECT_TARGET: _build_project_target,
    FormKind.UNIT_TARGET: _build_unit_target}
