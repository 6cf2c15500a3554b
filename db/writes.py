"""Statements that write one part of a form, inside a transaction the store opened.

Each function writes from the domain form it is given, so a caller that rewrites a
part always stores exactly what the clerk sees. A statement that finds fewer rows
than expected raises, and the store rolls the whole transaction back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, case, delete, insert, update
from sqlmodel import Session, col

from db import identities, mapping, search_index
from db.reads import form_row
from db.records import FormState, StoreError, Touched
from db.tables import BudgetItemRow, FormRow, FundsLineRow, IndicatorRow, TaskLineRow
from desktop.forms import Form, UnitTarget
from desktop.identity import identity_of

OUT_OF_STEP = "存储中的表格与打开的表格不一致，请重新打开该表格"

# The tables behind the models, for Core statements (SQLModel sets `__table__` on each
# table model when the class is made; its stubs do not declare it).
FORM = FormRow.__table__  # type: ignore[attr-defined]
INDICATOR = IndicatorRow.__table__  # type: ignore[attr-defined]

STATE_AFTER_EDIT = case((FORM.c.state == FormState.EXPORTED.value, FormState.CHANGED.value),
                        else_=FORM.c.state)
"""An exported form becomes "changed since export"; every other state stays."""

# A typed cell is the write the clerk waits on, so its two statements are built once,
# with parameters, and run on the session's connection: no ORM bookkeeping, no
# statement to construct, the compiled form found in SQLAlchemy's cache at once.
STAMP_EDIT = (update(FORM)
              .where(FORM.c.id == bindparam("b_form_id"), FORM.c.kind == bindparam("b_kind"))
              .values(updated_at=bindparam("b_now"), state=STATE_AFTER_EDIT))
UPDATE_INDICATOR = update(INDICATOR).where(INDICATOR.c.form_id == bindparam("b_form_id"),
                                           INDICATOR.c.position == bindparam("b_position"))


def insert_form(session: Session, form: Form, *, form_id: int | None, state: FormState,
                created_at: datetime, now: datetime) -> int:
    """A new form row and all its children; returns the form's id. A form whose identity
    another stored form has is refused (FormExists): a form is stored once."""
    row = FormRow(id=form_id, **mapping.form_columns(form), identity_key=identity_of(form),
                  state=FormState(state).value, created_at=created_at, updated_at=now)
    session.add(row)
    with identities.refused_as_exists(form):
        session.flush()
    assert row.id is not None
    insert_children(session, row.id, form)
    return row.id


def insert_children(session: Session, form_id: int, form: Form) -> None:
    _insert(session, FundsLineRow,
            ({"form_id": form_id, **line} for line in mapping.funds_lines(form)))
    _insert(session, BudgetItemRow,
            ({"form_id": form_id, **item} for item in mapping.budget_items(form)))
    _insert_tasks(session, form_id, form, 0)
    _insert_stated_tasks_total(session, form_id, form)
    _insert_indicators(session, form_id, form, 0)
    search_index.refresh(session, form_id, form)


def delete_children(session: Session, form_id: int) -> None:
    """Every row hanging off the form but its search row, which `insert_children`
    rewrites (deleting it would churn the full-text index for nothing)."""
    for table in (FundsLineRow, BudgetItemRow, TaskLineRow, IndicatorRow):
        session.execute(delete(table).where(col(table.form_id) == form_id))


def update_header(session: Session, form_id: int, form: Form, now: datetime) -> None:
    """Rewrite the form row's columns from the form (kind included) and mark it edited;
    the identity follows them (a clash with another form is FormExists)."""
    with identities.refused_as_exists(form):
        result = session.execute(
            update(FORM).where(FORM.c.id == form_id)
            .values(**mapping.form_columns(form),
                    identity_key=identities.rewritten_key(form, form_id),
                    updated_at=now, state=STATE_AFTER_EDIT))
    _expect_form(session, form_id, result)


def mark_edited(session: Session, form_id: int, kind: str, now: datetime) -> None:
    """Stamp the time of a change to the form's content; an exported form becomes
    "changed since export". Done here, in the transaction of the content write, so
    every writer (the editor, a re-import, undo, a script on the store) keeps the two
    in step: the file handed in no longer shows what the store holds. The form must
    still be of `kind`: an editor holding a form of another kind is out of step.

    Any write counts, even one that restores the exported content (an undo): telling
    that apart would mean keeping the exported content, and re-exporting is cheap.
    """
    _expect_form(session, form_id, session.connection().execute(
        STAMP_EDIT, {"b_form_id": form_id, "b_kind": kind, "b_now": now}))


def write_touched(session: Session, form_id: int, form: Form, touched: Touched,
                  now: datetime) -> None:
    """Write the parts of `form` that `touched` names, and nothing else."""
    mark_edited(session, form_id, form.kind.value, now)
    if touched.header:
        update_header(session, form_id, form, now)
    _write_funds(session, form_id, form, touched.funds)
    if touched.budget:
        _rewrite_budget(session, form_id, form)
    _write_indicators(session, form_id, form, touched)
    _write_tasks(session, form_id, form, touched)
    if touched.searchable:
        search_index.refresh(session, form_id, form)


# ---------------------------------------------------------------- parts


def _insert(session: Session, table: type, rows: Iterable[dict[str, Any]]) -> None:
    values = list(rows)
    if values:
        session.execute(insert(table), values)


def _expect_one(result: Any) -> None:
    if result.rowcount != 1:
        raise StoreError(OUT_OF_STEP)


def _expect_form(session: Session, form_id: int, result: Any) -> None:
    """The form row was written; else it is gone (FormNotFound) or not what the
    editor holds."""
    if result.rowcount != 1:
        form_row(session, form_id)
        raise StoreError(OUT_OF_STEP)


def _write_funds(session: Session, form_id: int, form: Form, sources: frozenset[str]) -> None:
    lines = {line["source"]: line for line in mapping.funds_lines(form)}
    for source in sorted(sources):
        if source not in lines:
            raise StoreError(OUT_OF_STEP)
        values = {key: value for key, value in lines[source].items() if key != "source"}
        _expect_one(session.execute(update(FundsLineRow).where(
            col(FundsLineRow.form_id) == form_id, col(FundsLineRow.source) == source)
            .values(**values)))


def _rewrite_budget(session: Session, form_id: int, form: Form) -> None:
    """The money block is a handful of rows: rewriting it keeps its order trivially."""
    session.execute(delete(BudgetItemRow).where(col(BudgetItemRow.form_id) == form_id))
    _insert(session, BudgetItemRow,
            ({"form_id": form_id, **item} for item in mapping.budget_items(form)))


def _write_indicators(session: Session, form_id: int, form: Form, touched: Touched) -> None:
    start = len(form.indicators) if touched.indicators_from is None else touched.indicators_from
    connection = session.connection()
    for position in sorted(p for p in touched.indicator_rows if p < start):
        values = mapping.indicator_values(form.indicators[position])
        _expect_one(connection.execute(UPDATE_INDICATOR, {
            **values, "b_form_id": form_id, "b_position": position}))
    if touched.indicators_from is not None:
        session.execute(delete(IndicatorRow).where(
            col(IndicatorRow.form_id) == form_id, col(IndicatorRow.position) >= start))
        _insert_indicators(session, form_id, form, start)


def _insert_indicators(session: Session, form_id: int, form: Form, start: int) -> None:
    _insert(session, IndicatorRow,
            ({"form_id": form_id, "position": position, **mapping.indicator_values(row)}
             for position, row in enumerate(form.indicators[start:], start)))


def _write_tasks(session: Session, form_id: int, form: Form, touched: Touched) -> None:
    if not touched.task_rows and touched.tasks_from is None:
        return
    if not isinstance(form, UnitTarget):
        raise StoreError(OUT_OF_STEP)
    start = len(form.tasks) if touched.tasks_from is None else touched.tasks_from
    for position in sorted(p for p in touched.task_rows if p < start):
        values = mapping.task_values(form.tasks[position])
        _expect_one(session.execute(update(TaskLineRow).where(
            col(TaskLineRow.form_id) == form_id, col(TaskLineRow.is_stated_total).is_(False),
            col(TaskLineRow.position) == position).values(**values)))
    if touched.tasks_from is not None:
        session.execute(delete(TaskLineRow).where(
            col(TaskLineRow.form_id) == form_id, col(TaskLineRow.is_stated_total).is_(False),
            col(TaskLineRow.position) >= start))
        _insert_tasks(session, form_id, form, start)


def _insert_tasks(session: Session, form_id: int, form: Form, start: int) -> None:
    if not isinstance(form, UnitTarget):
        return
    _insert(session, TaskLineRow,
            ({"form_id": form_id, "position": position, "is_stated_total": False,
              **mapping.task_values(task)}
             for position, task in enumerate(form.tasks[start:], start)))


def _insert_stated_tasks_total(session: Session, form_id: int, form: Form) -> None:
    stated = mapping.stated_tasks_total(form)
    if stated is not None:
        _insert(session, TaskLineRow, [{"form_id": form_id, "position": 0,
                                        "is_stated_total": True, **stated}])
