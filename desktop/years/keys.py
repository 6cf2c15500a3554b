"""What the years features and the store's search index agree on: the keys that make
forms one project across years, and which texts of a form are its goals.

Kept free of SQLAlchemy, so the pure modules can use it without loading the store;
`db.search_index` builds the index from these same functions, so the store's queries
and the in-memory matching can never disagree.
"""

from __future__ import annotations

from desktop.forms import Form, FormKind, ProjectTarget, SelfEvaluation, UnitTarget
from desktop.textnorm import search_key

PROJECT_GOAL_KEY = "overall_and_phased_goals"
"""The project target's goal text (总目标及阶段性目标), kept in its details, where the
layout names no other (its `goal_detail`)."""

_FAMILY = {FormKind.SELF_EVALUATION: "", FormKind.PROJECT_TARGET: "",
           FormKind.UNIT_TARGET: "unit-"}
"""A unit-wide form is the unit's, not a project's: its keys never meet a project's."""


def name_key(kind: FormKind, name: str) -> str:
    """The folded name: "网格信息采集 工作（二期）" and "网格信息采集工作(二期)" are one key."""
    return f"{_FAMILY[kind]}name:{search_key(name)}"


def project_key(kind: FormKind, code: str, name: str) -> str:
    """The project a form belongs to across years: its code, else its name (DOMAIN §1)."""
    folded = search_key(code)
    return f"{_FAMILY[kind]}code:{folded}" if folded else name_key(kind, name)


def goal_detail(layout_name: str) -> str:
    """The detail holding a project target's goal in this layout: 年度目标 in Shenzhen's
    declaration, 项目绩效总目标 in Wuhan's application, else 总目标及阶段性目标."""
    from desktop.layouts import load_layout  # data files, read once
    try:
        return str(load_layout(layout_name).raw.get("goal_detail", PROJECT_GOAL_KEY))
    except ValueError:      # a taught layout removed since: its forms keep the default
        return PROJECT_GOAL_KEY


def project_goal(form: ProjectTarget) -> str:
    return form.details.get(goal_detail(form.layout), "")


def goal_texts(form: Form) -> list[str]:
    """The goal texts in the order the form prints them: 预期目标 and 实际完成情况 of a
    self-evaluation, the 总目标及阶段性目标 of a project target, the 年度总体目标 of a
    unit target."""
    if isinstance(form, SelfEvaluation):
        return [form.goal_expected, form.goal_actual]
    if isinstance(form, ProjectTarget):
        return [project_goal(form)]
    assert isinstance(form, UnitTarget)
    return [form.goal]
