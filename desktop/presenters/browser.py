"""The browser's rows: every stored form with the figures the rules give it.

Qt-free, so the grouping, the state shown and the search match are tested without a
display; `desktop.ui.browser` only puts these rows into a Qt model.

Figures (total, grade, number of findings) are derived, never stored, so each form is
loaded and evaluated. That costs a few milliseconds a form, so results are cached per
form id and `updated_at`: a refresh after one edit evaluates only the edited form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from db.records import FormState, FormSummary
from desktop.forms import KIND_TITLES, Form, FormKind, SelfEvaluation
from desktop.money import format2
from desktop.rules.evaluate import check_target_form, evaluate
from desktop.textnorm import to_halfwidth

if TYPE_CHECKING:   # the store loads SQLAlchemy: only app start-up imports it
    from db.store import Store

NO_TOTAL = "—"
"""Target forms have no scores: their total and grade read as a dash."""

STATE_KEYS = ("draft", "problems", "checked", "exported", "changed")
"""What the State column can say; the view translates each key (草稿 / 有问题 / …,
自导出后已修改 for "changed")."""


@dataclass(frozen=True)
class Figures:
    """What the rules make of one form: the derived part of a browser row."""

    total: str
    grade: str
    findings: int


@dataclass(frozen=True)
class BrowserEntry:
    """One form row of the browser, every cell already as text except the counts.

    `state` is one of STATE_KEYS: a form with findings "problems", otherwise the state
    stored with it.
    """

    form_id: int
    year: int
    unit: str
    code: str
    name: str
    kind: FormKind
    total: str
    grade: str
    state: str
    findings: int

    @property
    def kind_title(self) -> str:
        return KIND_TITLES[self.kind]

    @property
    def group(self) -> tuple[int, str]:
        """The (year, unit) branch of the tree the row hangs under."""
        return self.year, self.unit


def figures_of(form: Form) -> Figures:
    if isinstance(form, SelfEvaluation):
        result = evaluate(form)
        return Figures(format2(result.total), result.grade, len(result.findings))
    return Figures(NO_TOTAL, NO_TOTAL, len(check_target_form(form)))


def shown_state(stored: FormState, findings: int) -> str:
    """Findings outrank the stored state: a checked form that an edit broke has problems.

    That holds for an exported form edited since ("changed") too: the clerk has to fix
    the findings before handing it in again anyway, and once they are fixed the row
    reads "changed since export", the reminder to export it again. A form stored as
    "problems" whose findings are all fixed reads as a draft again.
    """
    if findings:
        return FormState.PROBLEMS.value
    return FormState.DRAFT.value if stored is FormState.PROBLEMS else stored.value


def normalise_query(text: str) -> str:
    """Search text as it is compared: half-width, no surrounding spaces, any case."""
    return to_halfwidth(text).strip().casefold()


def matches(query: str, code: str, name: str) -> bool:
    """Does a form's code or name contain the (normalised) query? Blank matches all."""
    return not query or query in normalise_query(code) or query in normalise_query(name)


class BrowserPresenter:
    """Builds browser rows from the store, evaluating only forms that changed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[int, tuple[datetime, Figures]] = {}

    def entries(self) -> list[BrowserEntry]:
        """Every stored form in the store's order: newest year first, then unit, code."""
        summaries = self.store.list_forms()
        self._forget_all_but(summary.id for summary in summaries)
        return [self._entry(summary) for summary in summaries]

    def entry(self, form_id: int) -> BrowserEntry:
        """One form, re-evaluated whatever the cache holds (the caller knows it changed).

        Raises db.records.FormNotFound when the form is gone.
        """
        self._cache.pop(form_id, None)
        return self._entry(self.store.summary(form_id))

    def _entry(self, summary: FormSummary) -> BrowserEntry:
        figures = self._figures(summary)
        return BrowserEntry(
            form_id=summary.id, year=summary.year, unit=summary.unit, code=summary.code,
            name=summary.name, kind=summary.kind, total=figures.total, grade=figures.grade,
            state=shown_state(summary.state, figures.findings), findings=figures.findings)

    def _figures(self, summary: FormSummary) -> Figures:
        cached = self._cache.get(summary.id)
        if cached is not None and cached[0] == summary.updated_at:
            return cached[1]
        figures = figures_of(self.store.load_form(summary.id))
        self._cache[summary.id] = (summary.updated_at, figures)
        return figures

    def _forget_all_but(self, form_ids: Iterable[int]) -> None:
        kept = set(form_ids)
        for gone in [form_id for form_id in self._cache if form_id not in kept]:
            del self._cache[gone]


def grouped(entries: Iterable[BrowserEntry]) -> dict[int, dict[str, list[BrowserEntry]]]:
    """year → unit → rows, keeping the order the rows came in (dicts keep insertion)."""
    tree: dict[int, dict[str, list[BrowserEntry]]] = {}
    for entry in entries:
        tree.setdefault(entry.year, {}).setdefault(entry.unit, []).append(entry)
    return tree
