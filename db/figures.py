"""The form_figures row of a form: its total, grade and number of findings, kept.

A cache of what the rules compute (see `db.tables.FormFiguresRow`): the store writes
the row inside the transaction of every write of the form's content, from the figures
computed for the content written, and reads it back with the list of forms in one
query. A row is fresh only when it was computed by the rules running now and from the
form as it was last written; any other row, or none, is reported stale and the store
recomputes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, bindparam, delete, insert, select, update
from sqlmodel import Session, col

from db import reads
from db.records import FormFigures, FormState, FormSummary
from db.tables import FormFiguresRow, FormRow
from desktop.forms import FormKind

FIGURE_COLUMNS = (col(FormFiguresRow.total), col(FormFiguresRow.grade),
                  col(FormFiguresRow.findings))


@dataclass(frozen=True)
class Computed:
    """Figures computed from a form as it stood at `form_updated_at`."""

    figures: FormFigures
    form_updated_at: datetime


@dataclass(frozen=True)
class Listed:
    """A line of the list with the figures kept for it; None when they are stale."""

    summary: FormSummary
    figures: FormFigures | None


class Line(NamedTuple):
    """One form of a long list in plain values, as the browser shows it: no summary and
    no timestamp is built per form. The figures are as kept: `total` the exact decimal
    text (None for a target form, which has no score)."""

    form_id: int
    kind: FormKind
    year: int
    code: str
    name: str
    unit: str            # as the list shows it: 实施单位, else 一级预算单位
    state: FormState
    total: str | None
    grade: str | None
    findings: int


@dataclass(frozen=True)
class Lines:
    """Every form's line in the list's order, and the forms whose kept figures are stale
    or missing: their lines carry no figures until `with_rebuilt` gives them some."""

    lines: list[Line]
    stale: list[int]


LINE_COLUMNS = tuple(col(column) for column in (
    FormRow.id, FormRow.kind, FormRow.year, FormRow.code, FormRow.name, FormRow.unit,
    FormRow.budget_unit, FormRow.state))
"""What a Line is made of, before its figures."""
KINDS = {kind.value: kind for kind in FormKind}
STATES = {state.value: state for state in FormState}
"""Stored values to their enums by a dict look-up: an enum call per form costs more."""


def values_of(figures: FormFigures) -> dict[str, Any]:
    """The columns of a row; the total as exact decimal text ("99.47"), never a float."""
    total = None if figures.total is None else f"{figures.total:f}"
    return {"total": total, "grade": figures.grade, "findings": figures.findings}


FIGURES = FormFiguresRow.__table__  # type: ignore[attr-defined] # see db.writes.FORM
UPDATE_FIGURES = update(FIGURES).where(FIGURES.c.form_id == bindparam("b_form_id"))
"""Built once: this runs with every typed cell (see db.writes.STAMP_EDIT)."""


def keep(session: Session, form_id: int, figures: FormFigures | None, version: str,
         form_updated_at: datetime) -> None:
    """Make the form's row hold `figures`; with None (they could not be computed) drop
    it, so that the row is recomputed when read rather than showing old figures."""
    if figures is None:
        session.execute(delete(FormFiguresRow).where(col(FormFiguresRow.form_id) == form_id))
        return
    values = {**values_of(figures), "rules_version": version,
              "form_updated_at": form_updated_at}
    connection = session.connection()
    done = connection.execute(UPDATE_FIGURES, {**values, "b_form_id": form_id})
    if done.rowcount == 0:
        connection.execute(insert(FIGURES), {**values, "form_id": form_id})


def keep_many(session: Session, computed: Mapping[int, Computed], version: str) -> None:
    """Write back figures recomputed outside this transaction, for the forms that are
    still there unchanged since they were read (another program may have written or
    deleted one meanwhile: its own write kept its figures, or there is nothing to keep)."""
    for chunk in reads.chunks(list(computed)):
        current = dict(session.execute(select(col(FormRow.id), col(FormRow.updated_at))
                                       .where(col(FormRow.id).in_(chunk))).all())
        unchanged = [form_id for form_id in chunk
                     if current.get(form_id) == computed[form_id].form_updated_at]
        if not unchanged:
            continue
        session.execute(delete(FormFiguresRow)
                        .where(col(FormFiguresRow.form_id).in_(unchanged)))
        session.execute(insert(FormFiguresRow), [
            {"form_id": form_id, **values_of(computed[form_id].figures),
             "rules_version": version, "form_updated_at": computed[form_id].form_updated_at}
            for form_id in unchanged])


def listed(session: Session, version: str, year: int | None = None, code: str | None = None,
           kind: FormKind | None = None, unit: str | None = None) -> list[Listed]:
    """The forms matching the filters in the list's order, each with its kept figures:
    one query, the form table joined to its figures."""
    query = reads.listed(_with_figures(version), year, code, kind, unit)
    # Core rows straight from the connection: the ORM's row handling would cost a
    # sizeable share of listing 20,000 forms, and these are plain columns anyway.
    return [_listed(row) for row in session.connection().execute(query).all()]


def lines(session: Session, version: str, form_ids: Sequence[int] | None = None) -> Lines:
    """Every form (or the named ones) in the list's order with its kept figures, as
    plain values in one query (the form table joined to its figures): 20,000 forms read
    without building an object per form beyond its line."""
    units: dict[str, str] = {}   # one string per unit, shared by all of its forms
    found: list[Line] = []
    stale: list[int] = []
    for form_id, kind, year, code, name, unit, budget_unit, state, total, grade, findings, \
            fresh in session.connection().execute(_lines_query(version, form_ids)):
        shown_unit = unit or budget_unit
        shown_unit = units.setdefault(shown_unit, shown_unit)
        if not fresh:
            stale.append(form_id)
            total, grade, findings = None, None, 0
        found.append(Line(form_id, KINDS[kind], year, code, name, shown_unit, STATES[state],
                          total, grade, findings))
    return Lines(found, stale)


def _lines_query(version: str, form_ids: Sequence[int] | None) -> Any:
    """LINE_COLUMNS, the kept figures and whether they are fresh, in the list's order."""
    query: Any = (select(*LINE_COLUMNS, *FIGURE_COLUMNS, _fresh(version))
                  .outerjoin(FormFiguresRow, col(FormFiguresRow.form_id) == col(FormRow.id)))
    if form_ids is not None:
        query = query.where(col(FormRow.id).in_(form_ids))
    return reads.listed(query, None, None, None, None)


def with_rebuilt(read: Lines, rebuilt: Mapping[int, FormFigures]) -> list[Line]:
    """The lines with the recomputed figures of the stale ones; a stale form that is
    not in `rebuilt` (deleted meanwhile) is left out."""
    stale = set(read.stale)
    return [line if line.form_id not in stale else _with_figures_of(line, rebuilt[line.form_id])
            for line in read.lines if line.form_id not in stale or line.form_id in rebuilt]


def _with_figures_of(line: Line, figures: FormFigures) -> Line:
    """The line with `figures` as they would be kept (the total as exact text)."""
    values = values_of(figures)
    return line._replace(total=values["total"], grade=values["grade"],
                         findings=values["findings"])


def listed_one(session: Session, form_id: int, version: str) -> Listed | None:
    """One form with its kept figures; None when there is no such form."""
    query = _with_figures(version).where(col(FormRow.id) == form_id)
    row = session.connection().execute(query).first()
    return None if row is None else _listed(row)


def _with_figures(version: str) -> Any:
    """The summary columns, the kept figures and whether they are fresh, per form."""
    return (select(*reads.SUMMARY_COLUMNS, *FIGURE_COLUMNS, _fresh(version))
            .outerjoin(FormFiguresRow, col(FormFiguresRow.form_id) == col(FormRow.id)))


def _fresh(version: str) -> ColumnElement[Any]:
    """Compared in the query rather than in Python, which would parse two more
    timestamps a form; NULL (no row) counts as stale like false."""
    return and_(col(FormFiguresRow.rules_version) == version,
                col(FormFiguresRow.form_updated_at) == col(FormRow.updated_at)).label("fresh")


def _listed(row: Sequence[Any]) -> Listed:
    split = len(reads.SUMMARY_COLUMNS)
    summary = reads.summary_from(row[:split])
    total, grade, findings, fresh = row[split:]
    if not fresh:
        return Listed(summary, None)
    return Listed(summary, FormFigures(None if total is None else Decimal(total),
                                       grade, findings))
