"""The identity column of the form table (`form.identity_key`): its value for a write,
the form that holds one, and the refusal when a write would give it to a second form.

What an identity is belongs to `desktop.identity`; this module is how the store keeps
it. The column is unique, so the database itself refuses a second form of the same
identity, also when two writers check for it at the same moment and both find none.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import case, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from db.records import FormExists
from db.tables import FormRow
from desktop.forms import Form
from desktop.identity import identity_of, set_apart

FORM = FormRow.__table__  # type: ignore[attr-defined]
IDENTITY_INDEX = "uq_form_identity_key"


def rewritten_key(form: Form, form_id: int) -> Any:
    """The key an update of the form's header writes: the form's identity, except that
    a form set apart by migration 0006 (a duplicate an older store held) keeps its own
    key for as long as its identity is still the one it was set apart from. Otherwise
    any edit of such a form's header would be refused for clashing with its twin."""
    key = identity_of(form)
    apart = set_apart(key, form_id)
    return case((FORM.c.identity_key == apart, apart), else_=key)


def holder(session: Session, form: Form) -> int | None:
    """The id of the stored form with this form's identity, if there is one."""
    query = select(FORM.c.id).where(FORM.c.identity_key == identity_of(form))
    found: int | None = session.execute(query).scalar()
    return found


def is_clash(error: IntegrityError) -> bool:
    """A refusal by the identity index (SQLite names the column, PostgreSQL the index)."""
    return "identity_key" in str(error.orig)


@contextmanager
def refused_as_exists(form: Form) -> Iterator[None]:
    """Statements writing `form`'s identity: a clash with another form is FormExists,
    naming the form, instead of the database's own message."""
    try:
        yield
    except IntegrityError as error:
        if is_clash(error):
            raise FormExists(form) from error
        raise
