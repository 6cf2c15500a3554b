"""Queries that run inside a session the store opened: one form, or the list of forms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, text
from sqlmodel import Session, col, select

from db.listing_query import LISTING_COLUMNS as LISTING_COLUMNS  # Store.listing's names
from db.listing_query import as_listed, listing_parameters, listing_sql
from db.mapping import StoredParts
from db.records import FormNotFound, FormState, FormSummary
from db.tables import BudgetItemRow, FormRow, FundsLineRow, IndicatorRow, TaskLineRow
from desktop.forms import FormKind


def form_row(session: Session, form_id: int) -> FormRow:
    row = session.get(FormRow, form_id)
    if row is None:
        raise FormNotFound(form_id)
    return row


def read_parts(session: Session, form_id: int) -> StoredParts:
    """All rows of one form; call inside one transaction for a consistent picture."""
    row = form_row(session, form_id)
    funds = session.exec(select(FundsLineRow).where(FundsLineRow.form_id == form_id)
                         .order_by(col(FundsLineRow.id))).all()
    budget = session.exec(select(BudgetItemRow).where(BudgetItemRow.form_id == form_id)
                          .order_by(col(BudgetItemRow.position))).all()
    tasks = session.exec(select(TaskLineRow).where(TaskLineRow.form_id == form_id)
                         .order_by(col(TaskLineRow.position))).all()
    indicators = session.exec(select(IndicatorRow).where(IndicatorRow.form_id == form_id)
                              .order_by(col(IndicatorRow.position))).all()
    return StoredParts(row, funds, budget, tasks, indicators)


def summary_of(row: FormRow) -> FormSummary:
    assert row.id is not None
    return FormSummary(id=row.id, kind=FormKind(row.kind), layout=row.layout,
                       year=row.year, code=row.code, name=row.name,
                       unit=row.unit or row.budget_unit, state=FormState(row.state),
                       created_at=row.created_at, updated_at=row.updated_at)


def _shown_unit() -> ColumnElement[Any]:
    """The unit as the list shows it: 实施单位, else 一级预算单位 (as `Form.unit` does)."""
    return func.coalesce(func.nullif(FormRow.unit, ""), FormRow.budget_unit)


def summaries(session: Session, year: int | None, code: str | None,
              kind: FormKind | None, unit: str | None = None) -> list[FormSummary]:
    """The forms matching every given filter: newest year first, then unit, code, name.

    `unit` is the unit as the list shows it (实施单位, else 一级预算单位).
    """
    query = listed(select(FormRow), year, code, kind, unit)
    return [summary_of(row) for row in session.exec(query).all()]


Query = TypeVar("Query", bound=Select[Any])


def listed(query: Query, year: int | None, code: str | None, kind: FormKind | None,
           unit: str | None) -> Query:
    """The query narrowed to the forms matching every given filter, in the list's order.

    `jixiao list` states the same order in SQL (db.listing_query.LIST_ORDER); a test
    (tests/store/test_store_listing.py) holds the two together."""
    if year is not None:
        query = query.where(col(FormRow.year) == year)
    if code is not None:
        query = query.where(col(FormRow.code) == code)
    if kind is not None:
        query = query.where(col(FormRow.kind) == FormKind(kind).value)
    if unit is not None:
        query = query.where(_shown_unit() == unit)
    return query.order_by(col(FormRow.year).desc(), _shown_unit(), col(FormRow.code),
                          col(FormRow.name), col(FormRow.id))


SUMMARY_COLUMNS = tuple(col(column) for column in (
    FormRow.id, FormRow.kind, FormRow.layout, FormRow.year, FormRow.code, FormRow.name,
    FormRow.unit, FormRow.budget_unit, FormRow.state, FormRow.created_at, FormRow.updated_at))
"""What a FormSummary is made of, for queries that read no whole form row."""


def summary_from(values: Sequence[Any]) -> FormSummary:
    """A FormSummary from the values of SUMMARY_COLUMNS, in that order."""
    form_id, kind, layout, year, code, name, unit, budget_unit, state, created, updated = values
    return FormSummary(id=form_id, kind=FormKind(kind), layout=layout, year=year, code=code,
                       name=name, unit=unit or budget_unit, state=FormState(state),
                       created_at=created, updated_at=updated)


def summaries_of(session: Session, form_ids: Sequence[int]) -> list[FormSummary]:
    """The summaries of the given forms (those that exist), newest year first."""
    rows = [row for chunk in chunks(form_ids)
            for row in session.exec(select(FormRow).where(col(FormRow.id).in_(chunk))).all()]
    rows.sort(key=lambda row: (-row.year, row.kind, row.id or 0))
    return [summary_of(row) for row in rows]


def units(session: Session, year: int) -> list[str]:
    """The units that have forms in the year, as the list shows them, in its order."""
    query = select(_shown_unit()).where(FormRow.year == year).distinct().order_by(_shown_unit())
    return list(session.execute(query).scalars())


def read_many_parts(session: Session, form_ids: Sequence[int]) -> list[StoredParts]:
    """All rows of many forms with one query per table (per 500 forms), in the order of
    `form_ids`; a missing form is left out. The unit overview loads a unit's year this
    way, where a query per form and table would cost most of its time budget."""
    parts: list[StoredParts] = []
    for chunk in chunks(form_ids):
        rows = {row.id: row for row in
                session.exec(select(FormRow).where(col(FormRow.id).in_(chunk))).all()}
        children = [_children(session, table, chunk, order)
                    for table, order in _CHILD_ORDER]
        parts += [StoredParts(rows[form_id], *(found.get(form_id, []) for found in children))
                  for form_id in chunk if form_id in rows]
    return parts


_CHILD_ORDER: tuple[tuple[Any, str], ...] = (
    (FundsLineRow, "id"), (BudgetItemRow, "position"), (TaskLineRow, "position"),
    (IndicatorRow, "position"))
"""The child tables in StoredParts order, each with the column that orders its rows."""


def _children(session: Session, table: Any, form_ids: Sequence[int],
              order: str) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = {}
    query = (select(table).where(col(table.form_id).in_(form_ids))
             .order_by(col(table.form_id), col(getattr(table, order))))
    for row in session.exec(query).all():
        found.setdefault(row.form_id, []).append(row)
    return found


Item = TypeVar("Item")


def chunks(ids: Sequence[Item], size: int = 500) -> list[Sequence[Item]]:
    """Ids in slices for IN (…) lists, far below every database's bound-parameter limit."""
    return [ids[start:start + size] for start in range(0, len(ids), size)]


def first_form_id(session: Session, year: int, code: str, kind: FormKind) -> int | None:
    query = (select(FormRow.id).where(FormRow.year == year, FormRow.code == code,
                                      FormRow.kind == FormKind(kind).value)
             .order_by(col(FormRow.id)).limit(1))
    return session.exec(query).first()


def indicator_counts(session: Session, form_ids: Sequence[int]) -> dict[int, int]:
    """How many indicator rows each form has, counted in the database."""
    counts: dict[int, int] = {}
    for chunk in chunks(form_ids):
        query = (select(IndicatorRow.form_id, func.count()).where(
            col(IndicatorRow.form_id).in_(chunk)).group_by(col(IndicatorRow.form_id)))
        counts.update(dict(session.exec(query).all()))
    return counts


def stored_years(session: Session) -> list[int]:
    query = select(FormRow.year).distinct().order_by(col(FormRow.year).desc())
    return list(session.exec(query).all())


def listing(session: Session, columns: Sequence[str],
            year: int | None = None) -> list[dict[str, Any]]:
    """The named columns (LISTING_COLUMNS) of every form, or of the year's, in the
    order of `summaries`, read in one query: for a list that prints just these, with
    no form row loaded and no second query for the indicator counts.

    The statement is db.listing_query's, the one `jixiao list` also runs through plain
    sqlite3 (db.sqlite_listing), so the two cannot list differently."""
    query = text(listing_sql(columns, one_year=year is not None))
    # Plain rows through the connection: the ORM's row handling adds a third to the
    # time of a list of thousands, for columns that map to no object anyway.
    rows = session.connection().execute(query, dict(listing_parameters(year))).all()
    return as_listed(columns, rows)
