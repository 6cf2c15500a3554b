"""以上年为基础新建: a new year's form from an earlier one.

Most of a new year's form is last year's: the same project, the same indicators with
adjusted targets. What is carried is what the clerk *plans*: the header, the goal they
expect, the indicators with their 一级 / 二级, names, targets, units and weights, the
一级 points. What is cleared is what *happened*: actuals, scores, grades, deviation
reasons, 实际完成情况, and every amount of the funds block.

All three funds columns are cleared, 全年预算数 included: a new year's amounts come from
that year's approved budget, and last year's figure would pass every check and could be
uploaded unnoticed, whereas a blank 全年预算数 is pointed out by a finding until the
clerk fills it in. For the same reason a target form's 项目当年预算 is cleared; the
amounts that *are* known from the earlier form move to where the new form asks for
them (上年预算额 and 上年预算执行数).

Deadline targets ("2023年11月30日前") are moved on by the years between the forms: a
deadline in the earlier year is never this year's target, and would score as missed.

Storing the new form is one undoable step: `create_carried` runs the write path's
`create_form` under the label `CARRY_LABEL`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from db.records import FormExists
from desktop.forms import (
    KIND_TITLES,
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
from desktop.rules.funds import funds_total
from desktop.rules.scoring import target_reading
from desktop.rules.targets import TargetKind
from desktop.years.keys import goal_detail, project_goal

if TYPE_CHECKING:
    from desktop.editing.service import FormService, FormStep

CARRY_LABEL = "以上年为基础新建"
SELF_EVALUATION_LAYOUT = "district-2022"
PROJECT_TARGET_LAYOUT = "project-target"
BUDGET_KEYS = {"total": "project_total_budget", "current": "project_current_year_budget",
               "prior": "same_project_prior_year_budget",
               "prior_executed": "same_project_prior_year_executed"}
"""The project target's money block (interchange names): only 项目总预算 carries as is."""
DATED_DETAILS = ("planned_start_date", "planned_end_date")


class CarryError(ValueError):
    """The carry-forward asked for makes no sense; str(error) is one Chinese sentence."""


def shift_years(text: str, earlier: int, later: int) -> str:
    """Every "2023" in the text that is the earlier form's year becomes the later one."""
    if earlier == later:
        return text
    return re.sub(rf"(?<!\d){earlier}(?!\d)", str(later), text)


def planned_indicator(indicator: Indicator, earlier_year: int, year: int) -> Indicator:
    """The row as a plan: structure, name, target, unit and weight; nothing that
    happened. A deadline target moves on by the years between the forms."""
    target = indicator.target
    if target_reading(indicator).kind is TargetKind.DEADLINE:
        target = shift_years(target, earlier_year, year)
    return Indicator(level1=indicator.level1, level2=indicator.level2, name=indicator.name,
                     target=target, unit=indicator.unit, weight=indicator.weight)


def _planned(form: Form, year: int) -> list[Indicator]:
    return [planned_indicator(row, form.year, year) for row in form.indicators]


def _meta(earlier: Form, same_kind: bool) -> FormMeta:
    """A note of where the form came from; the printed title and labels only when the
    kind is kept (they name that kind's form)."""
    meta = FormMeta(source=f"以 {earlier.year} 年{KIND_TITLES[earlier.kind]}为基础新建")
    if same_kind:
        meta.title, meta.labels = earlier.meta.title, dict(earlier.meta.labels)
    return meta


def _blank_funds(funds: Funds) -> Funds:
    return Funds(weight=funds.weight)


def _self_from_self(earlier: SelfEvaluation, year: int) -> SelfEvaluation:
    return replace(copy.deepcopy(earlier), year=year, funds=_blank_funds(earlier.funds),
                   goal_actual="", indicators=_planned(earlier, year),
                   meta=_meta(earlier, same_kind=True))


def _self_from_target(earlier: ProjectTarget, year: int, layout: str | None) -> SelfEvaluation:
    """The self-evaluation that answers a target form: of the same year unless asked."""
    return SelfEvaluation(
        year=year, project_code=earlier.project_code, project_name=earlier.project_name,
        implementing_unit=earlier.applicant_unit, budget_unit=earlier.applicant_unit,
        layout=layout or SELF_EVALUATION_LAYOUT, profile=earlier.profile,
        goal_expected=project_goal(earlier),
        indicators=_planned(earlier, year), meta=_meta(earlier, same_kind=False))


def _budget_from_target(earlier: ProjectTarget) -> dict[str, Decimal | None]:
    budget: dict[str, Decimal | None] = dict.fromkeys(earlier.budget)
    if BUDGET_KEYS["total"] in earlier.budget:
        budget[BUDGET_KEYS["total"]] = earlier.budget[BUDGET_KEYS["total"]]
    if BUDGET_KEYS["prior"] in earlier.budget:
        budget[BUDGET_KEYS["prior"]] = earlier.budget.get(BUDGET_KEYS["current"])
    return budget


def _target_from_target(earlier: ProjectTarget, year: int) -> ProjectTarget:
    details = {key: shift_years(value, earlier.year, year) if key in DATED_DETAILS else value
               for key, value in earlier.details.items()}
    return replace(copy.deepcopy(earlier), year=year, details=details,
                   budget=_budget_from_target(earlier), indicators=_planned(earlier, year),
                   meta=_meta(earlier, same_kind=True))


def _target_from_self(earlier: SelfEvaluation, year: int, layout: str | None) -> ProjectTarget:
    """Next year's targets from this year's self-evaluation: its goal and indicators,
    and its budget and execution as the same project's previous-year figures."""
    total = funds_total(earlier.funds)
    budget = {BUDGET_KEYS["total"]: None, BUDGET_KEYS["current"]: None,
              BUDGET_KEYS["prior"]: total.annual, BUDGET_KEYS["prior_executed"]: total.executed}
    layout = layout or PROJECT_TARGET_LAYOUT
    return ProjectTarget(
        year=year, project_code=earlier.project_code, project_name=earlier.project_name,
        applicant_unit=earlier.implementing_unit or earlier.budget_unit,
        layout=layout, profile=earlier.profile,
        details={goal_detail(layout): earlier.goal_expected}, budget=budget,
        indicators=_planned(earlier, year), meta=_meta(earlier, same_kind=False))


def _unit_from_unit(earlier: UnitTarget, year: int) -> UnitTarget:
    tasks = [Task(name=task.name, content=task.content) for task in earlier.tasks]
    return replace(copy.deepcopy(earlier), year=year, tasks=tasks, stated_tasks_total=None,
                   indicators=_planned(earlier, year), meta=_meta(earlier, same_kind=True))


def carry_forward(earlier: Form, year: int, kind: FormKind | None = None,
                  layout: str | None = None) -> Form:
    """A new form of `kind` (default: the earlier form's) for `year` from `earlier`.

    Self-evaluation → self-evaluation or project target; project target → project
    target or self-evaluation (a self-evaluation answers the targets of its own year,
    so that one is usually made for the same year); unit target → unit target.
    `layout` chooses the new form's layout when the kind changes. The earlier form is
    never modified.
    """
    wanted = FormKind(kind or earlier.kind)
    if isinstance(earlier, SelfEvaluation) and wanted is FormKind.SELF_EVALUATION:
        return _self_from_self(earlier, year)
    if isinstance(earlier, SelfEvaluation) and wanted is FormKind.PROJECT_TARGET:
        return _target_from_self(earlier, year, layout)
    if isinstance(earlier, ProjectTarget) and wanted is FormKind.PROJECT_TARGET:
        return _target_from_target(earlier, year)
    if isinstance(earlier, ProjectTarget) and wanted is FormKind.SELF_EVALUATION:
        return _self_from_target(earlier, year, layout)
    if isinstance(earlier, UnitTarget) and wanted is FormKind.UNIT_TARGET:
        return _unit_from_unit(earlier, year)
    raise CarryError(f"不能以{KIND_TITLES[earlier.kind]}为基础新建{KIND_TITLES[wanted]}")


def create_carried(service: FormService, earlier_id: int, year: int,
                   kind: FormKind | None = None,
                   layout: str | None = None) -> tuple[int, FormStep]:
    """Make and store the carried-forward form as one undoable step (CARRY_LABEL).

    Refuses (CarryError) when the store already holds that project's form of that kind
    and year (its identity: `desktop.identity`): a form is stored once. The store itself
    refuses it too, should another clerk store it between the look and the write.
    """
    form = carry_forward(service.store.load_form(earlier_id), year, kind, layout)
    if service.store.identical_form(form) is not None:
        raise CarryError(f"{form.year} 年「{form.name}」的{KIND_TITLES[form.kind]}已在库中")
    try:
        return service.create_form(form, CARRY_LABEL)
    except FormExists as error:
        raise CarryError(str(error)) from None
