"""The browser's rows: every stored form with the figures the rules give it.

Qt-free, so the grouping, the state shown and the search match are tested without a
display; `desktop.ui.browser` only puts these rows into a Qt model.

Figures (total, grade, number of findings) are what the rules make of each form. The
store keeps them, written with every write of a form's content (`desktop.figures`,
`db.figures`), and lists them with the forms in one query: start-up loads and evaluates
no form unless the rules changed since the figures were kept, and a refresh after an
edit reads the edited form's new figures, written in the edit's own transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from db.records import FormFigures, FormNotFound, FormState
from desktop import figures
from desktop.forms import KIND_TITLES, Form, FormKind
from desktop.money import format2
from desktop.textnorm import to_halfwidth

if TYPE_CHECKING:   # the store loads SQLAlchemy: only app start-up imports it
    from db.figures import Line
    from db.store import Store

NO_TOTAL = "—"
"""Target forms have no scores: their total and grade read as a dash."""

STATE_KEYS = ("draft", "problems", "checked", "exported", "changed")
"""What the State column can say; the view translates each key (草稿 / 有问题 / …,
自导出后已修改 for "changed")."""


@dataclass(frozen=True)
class Figures:
    """What the rules make of one form, as the browser row shows it."""

    total: str
    grade: str
    findings: int


class BrowserEntry(NamedTuple):
    """One form row of the browser, every cell already as text except the counts.

    `state` is one of STATE_KEYS: a form with findings "problems", otherwise the state
    stored with it. A named tuple rather than a dataclass: the browser holds one per
    stored form (20,000 and more), and a tuple is made several times faster and is
    smaller.
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


def shown_figures(kept: FormFigures) -> Figures:
    """Kept figures as text: two decimals, and a dash where a target form has none."""
    return Figures(NO_TOTAL if kept.total is None else format2(kept.total),
                   NO_TOTAL if kept.grade is None else kept.grade, kept.findings)


def figures_of(form: Form) -> Figures:
    """A form's figures evaluated now, as the row would show them."""
    return shown_figures(figures.figures_of(form))


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
    """Builds browser rows from the forms and the figures the store keeps with them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def entries(self) -> list[BrowserEntry]:
        """Every stored form in the store's order: newest year first, then unit, code.
        Read as plain lines (`Store.lines_with_figures`), not summaries: the rows of
        20,000 forms are made in a fraction of a second."""
        return [entry_of_line(line) for line in self.store.lines_with_figures()]

    def entry(self, form_id: int) -> BrowserEntry:
        """One form as the store has it now (its figures were written with its last edit),
        read as its line of the list: after every edit, so one small Core query.

        Raises db.records.FormNotFound when the form is gone.
        """
        found = self.entries_of([form_id])
        if not found:
            raise FormNotFound(form_id)
        return found[0]

    def entries_of(self, form_ids: Sequence[int]) -> list[BrowserEntry]:
        """The rows of those forms still stored, in the store's order, in one query."""
        return [entry_of_line(line) for line in self.store.lines_with_figures(form_ids)]


def entry_of_line(line: Line) -> BrowserEntry:
    """The row of a listed line: its figures as text, its state as shown."""
    findings = line.findings
    return BrowserEntry(
        line.form_id, line.year, line.unit, line.code, line.name, line.kind,
        NO_TOTAL if line.total is None else kept_total_text(line.total),
        NO_TOTAL if line.grade is None else line.grade,
        shown_state(line.state, findings), findings)


def kept_total_text(kept: str) -> str:
    """A kept total (exact decimal text) as `format2` shows it. A total kept with two
    decimals already reads so; only another one goes through Decimal, which costs
    more than the rest of the row."""
    whole, point, cents = kept.partition(".")
    if point and len(cents) == 2 and cents.isdigit() and whole.lstrip("-").isdigit():
        return kept
    return format2(Decimal(kept))


def grouped(entries: Iterable[BrowserEntry]) -> dict[int, dict[str, list[BrowserEntry]]]:
    """year → unit → rows, keeping the order the rows came in (dicts keep insertion)."""
    tree: dict[int, dict[str, list[BrowserEntry]]] = {}
    for entry in entries:
        tree.setdefault(entry.year, {}).setdefault(entry.unit, []).append(entry)
    return tree
