"""Queries that run inside a session the store opened: one form, or the list of forms."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

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
              kind: FormKind | None) -> list[FormSummary]:
    """The forms matching every given filter: newest year first, then unit, code, name."""
    query = select(FormRow)
    if year is not None:
        query = query.where(FormRow.year == year)
    if code is not None:
        query = query.where(FormRow.code == code)
    if kind is not None:
        query = query.where(FormRow.kind == FormKind(kind).value)
    query = query.order_by(col(FormRow.year).desc(), _shown_unit(), col(FormRow.code),
                           col(FormRow.name), col(FormRow.id))
    return [summary_of(row) for row in session.exec(query).all()]


def first_form_id(session: Session, year: int, code: str, kind: FormKind) -> int | None:
    query = (select(FormRow.id).where(FormRow.year == year, FormRow.code == code,
                                      FormRow.kind == FormKind(kind).value)
             .order_by(col(FormRow.id)).limit(1))
    return session.exec(query).first()


def stored_years(session: Session) -> list[int]:
    query = select(FormRow.year).distinct().order_by(col(FormRow.year).desc())
    return list(session.exec(query).all())
