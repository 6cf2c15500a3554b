"""Plain values the store hands out and takes in: never table rows, so never detached."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from desktop.forms import KIND_TITLES, Form, FormKind


class FormState(StrEnum):
    """Where a form stands in the clerk's work; set by whoever checks or exports it,
    except CHANGED, which the store itself sets (`db.writes.mark_edited`)."""

    DRAFT = "draft"          # 草稿
    PROBLEMS = "problems"    # 有问题
    CHECKED = "checked"      # 已检查
    EXPORTED = "exported"    # 已导出
    CHANGED = "changed"      # 自导出后已修改: the exported file no longer shows the form


class StoreError(Exception):
    """The store refused or failed a request; str(error) is one Chinese line."""


class FormNotFound(StoreError, LookupError):
    """No form with that id: deleted meanwhile, or never there."""

    def __init__(self, form_id: int) -> None:
        super().__init__(f"找不到编号为 {form_id} 的表格（可能已被删除）")
        self.form_id = form_id


class FormExists(StoreError):
    """The store already holds a form of that kind, year, unit and project (its
    identity, `desktop.identity`): a form is stored once. Raised by the write itself,
    so a clerk who stored the same form a moment earlier, elsewhere, is seen too."""

    def __init__(self, form: Form | None = None) -> None:
        if form is None:
            super().__init__("同一单位同一项目同一年度的这类表格已在库中（每年只存一份）")
            return
        unit = form.unit.strip()
        whose = f"（{unit}）" if unit and unit != form.name.strip() else ""
        super().__init__(f"{form.year} 年「{form.name}」{whose}的{KIND_TITLES[form.kind]}"
                         "已在库中（同一单位同一项目每年只存一份）")


class StoreReadOnly(StoreError):
    """The store can be read but not written: a write-protected file, a read-only
    folder or share, a PostgreSQL server or database that only reads."""


@dataclass(frozen=True)
class FormSummary:
    """One line of the list of stored forms."""

    id: int
    kind: FormKind
    layout: str
    year: int
    code: str
    name: str
    unit: str
    state: FormState
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class FormFigures:
    """What the rules make of one form: the derived part of a line of the list.

    `total` and `grade` are None for target forms, which have no score."""

    total: Decimal | None
    grade: str | None
    findings: int


@dataclass(frozen=True)
class FiguresRules:
    """How the store computes the figures it keeps with every form.

    `version` must change whenever `compute` may give another answer for the same form
    (the rules, a profile or a taxonomy changed): rows kept under another version are
    recomputed when read."""

    version: str
    compute: Callable[[Form], FormFigures]


@dataclass(frozen=True)
class SummaryFigures:
    """A line of the list with its figures, as one read of the store gives both."""

    summary: FormSummary
    figures: FormFigures


@dataclass(frozen=True)
class StoredForm:
    """A form's content with its place in the store: what it takes to put it back."""

    form: Form
    summary: FormSummary


@dataclass(frozen=True)
class Touched:
    """Which parts of a stored form a change rewrote, so a write touches only those rows.

    `indicator_rows` are positions whose cells changed; `indicators_from` is the first
    position from which rows were inserted, removed or moved (every row from there on
    is rewritten). The same for task lines. `header` covers the form row itself
    (header texts, goal texts, funds weight, level-1 weights, details).
    """

    header: bool = False
    funds: frozenset[str] = frozenset()
    budget: bool = False
    indicator_rows: frozenset[int] = frozenset()
    indicators_from: int | None = None
    task_rows: frozenset[int] = frozenset()
    tasks_from: int | None = None
    searchable: bool = True   # may have changed a text the search index holds

    def __or__(self, other: Touched) -> Touched:
        return Touched(
            header=self.header or other.header,
            funds=self.funds | other.funds,
            budget=self.budget or other.budget,
            indicator_rows=self.indicator_rows | other.indicator_rows,
            indicators_from=_earliest(self.indicators_from, other.indicators_from),
            task_rows=self.task_rows | other.task_rows,
            tasks_from=_earliest(self.tasks_from, other.tasks_from),
            searchable=self.searchable or other.searchable)


def _earliest(first: int | None, second: int | None) -> int | None:
    if first is None or second is None:
        return second if first is None else first
    return min(first, second)


class Place(StrEnum):
    """Where in a form a search matched; `SearchMatch.index` counts within the place."""

    CODE = "code"
    NAME = "name"
    INDICATOR = "indicator"   # index: the indicator's position
    GOAL = "goal"             # index: 0 for 预期目标 / the only goal text, 1 for 实际完成情况


@dataclass(frozen=True)
class SearchMatch:
    """One form that matched, and the first of its texts that did, as typed."""

    form_id: int
    kind: FormKind
    year: int
    code: str
    name: str
    unit: str
    place: Place
    index: int
    text: str
