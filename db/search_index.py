"""The form_search row of a form: the folded texts that search and project matching use.

Written by the store inside the transaction of every write of the form (so the index
can never disagree with a committed form), and dropped with the form by ON DELETE
CASCADE. Texts are folded with `desktop.textnorm.search_key`, which deletes white
space, so a line break can separate the texts of `head` and `body` without a query
ever matching across two of them.

Migration 0002 filled the rows of existing stores with a frozen copy of `index_values`;
a test keeps the two in agreement.
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlmodel import Session, col

from db.tables import FormSearchRow
from desktop.forms import Form
from desktop.textnorm import search_key
from desktop.years.keys import goal_texts, name_key, project_key

SEPARATOR = "\n"
PADDING = SEPARATOR * 2
"""Ends `body`, so that every character of it starts a trigram of the full-text index:
a query of one or two characters is then answered by the trigrams it begins."""


def joined(texts: list[str]) -> str:
    return SEPARATOR.join(search_key(text) for text in texts)


def index_values(form: Form) -> dict[str, str]:
    """The form_search columns of a form (all but form_id)."""
    names = [indicator.name for indicator in form.indicators]
    return {"project_key": project_key(form.kind, form.code, form.name),
            "name_key": name_key(form.kind, form.name),
            "head": joined([form.code, form.name]),
            "body": joined(names + goal_texts(form)) + PADDING}


def refresh(session: Session, form_id: int, form: Form) -> None:
    """Make the form's row match the form; a write that changed none of its texts (a
    score, an amount) costs one primary-key read and writes nothing, so the full-text
    index is not churned by every keystroke in the grid."""
    values = index_values(form)
    stored = session.execute(select(col(FormSearchRow.project_key), col(FormSearchRow.name_key),
                                    col(FormSearchRow.head), col(FormSearchRow.body))
                             .where(col(FormSearchRow.form_id) == form_id)).first()
    if stored is None:
        session.execute(insert(FormSearchRow).values(form_id=form_id, **values))
    elif tuple(stored) != tuple(values.values()):
        session.execute(update(FormSearchRow).where(col(FormSearchRow.form_id) == form_id)
                        .values(**values))
