"""Queries over the search index (table form_search): search across years, and one
project's forms across years. They run inside a session the store opened.

Search compares folded text (`desktop.textnorm.search_key`) with folded text, so it is
insensitive to width, case and white space. Codes and names (`head`) are scanned
through their covering index (2 MB for 20,000 forms). Indicator names and goals
(`body`, about 1.5 KB a form, 30 MB in all: a scan costs 40-80 ms) go to the trigram
full-text index where the store has one (SQLite FTS5, migration 0002): a query of
three or more characters as a phrase of trigrams, a shorter one as the OR of the
trigrams it begins, looked up in the index's vocabulary. A short query that begins
more than `MAX_TERMS` trigrams is common enough that scanning newest year first finds
`limit` hits early, and a store without the index always scans that way.

Which text of a hit matched is read from its folded `body` (one text per line, in the
form's order), so only the one original text a hit shows is read back, not all 30
indicator names of 200 forms.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col

from db.reads import chunks
from db.records import Place, SearchMatch
from db.search_index import PADDING, SEPARATOR
from db.tables import FormRow, FormSearchRow
from desktop.forms import FormKind
from desktop.textnorm import search_key
from desktop.years.keys import goal_detail

FULL_TEXT_TABLE = "form_search_fts"
TERMS_TABLE = "form_search_terms"
TRIGRAM = 3
"""The shortest query the trigram index can answer as a phrase."""
MAX_TERMS = 64
"""The most trigrams a short query is looked up by; more, and a scan is quicker."""
PAIRS = 200
"""(form, position) pairs per query: two bound parameters each, under SQLite's old 999."""


def has_full_text(session: Session) -> bool:
    """Whether this store has the trigram index and this SQLite can read it."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    try:
        session.execute(text(f"SELECT rowid FROM {FULL_TEXT_TABLE} LIMIT 0"))
        session.execute(text(f"SELECT term FROM {TERMS_TABLE} LIMIT 0"))
    except OperationalError:    # no such table (no FTS5 when migrated), or no such module
        return False
    return True


def _contains(session: Session, column: Any, key: str) -> ColumnElement[bool]:
    """instr() on SQLite (its fastest substring test), LIKE elsewhere."""
    if session.get_bind().dialect.name == "sqlite":
        return func.instr(column, key) > 0
    return column.contains(key, autoescape=True)


_NEWEST_FIRST = (col(FormRow.year).desc(), col(FormRow.code), col(FormRow.id))


def _head_hits(session: Session, key: str, limit: int) -> list[int]:
    heads = select(col(FormSearchRow.form_id)).where(_contains(session, FormSearchRow.head, key))
    query = (select(col(FormRow.id)).where(col(FormRow.id).in_(heads.scalar_subquery()))
             .order_by(*_NEWEST_FIRST).limit(limit))
    return list(session.execute(query).scalars())


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _trigrams_begun_by(session: Session, key: str) -> list[str]:
    """The index's trigrams that begin with a one- or two-character key, up to one more
    than MAX_TERMS (enough to know there are too many)."""
    query = text(f"SELECT term FROM {TERMS_TABLE} WHERE term >= :low AND term < :high "
                 "LIMIT :most")
    return list(session.execute(query, {"low": key, "high": key + "\U0010ffff",
                                        "most": MAX_TERMS + 1}).scalars())


def _full_text_hits(session: Session, expression: str, limit: int) -> list[int]:
    query = text(f"SELECT form.id FROM {FULL_TEXT_TABLE} JOIN form "
                 f"ON form.id = {FULL_TEXT_TABLE}.rowid WHERE {FULL_TEXT_TABLE} MATCH :match "
                 "ORDER BY form.year DESC, form.code, form.id LIMIT :limit")
    return list(session.execute(query, {"match": expression, "limit": limit}).scalars())


def _scanned_hits(session: Session, key: str, limit: int) -> list[int]:
    """Newest year first through the year index, stopping at `limit` hits."""
    query = (select(col(FormRow.id)).join(FormSearchRow, col(FormRow.id) == FormSearchRow.form_id)
             .where(_contains(session, FormSearchRow.body, key))
             .order_by(*_NEWEST_FIRST).limit(limit))
    return list(session.execute(query).scalars())


def _body_hits(session: Session, key: str, limit: int, full_text: bool) -> list[int]:
    if not full_text:
        return _scanned_hits(session, key, limit)
    if len(key) >= TRIGRAM:
        return _full_text_hits(session, _quoted(key), limit)
    terms = _trigrams_begun_by(session, key)
    if len(terms) > MAX_TERMS:
        return _scanned_hits(session, key, limit)
    if not terms:
        return []
    return _full_text_hits(session, " OR ".join(map(_quoted, terms)), limit)


def matching_form_ids(session: Session, key: str, limit: int, full_text: bool) -> list[int]:
    """Up to `limit` forms: matches in the code or name first, then in indicator names
    and goals; each newest year first."""
    head = _head_hits(session, key, limit)
    seen = set(head)
    body = [form_id for form_id in _body_hits(session, key, limit, full_text)
            if form_id not in seen]
    return head + body[:limit - len(head)]


def _goal_texts(row: Any) -> list[str]:
    if row.kind == FormKind.SELF_EVALUATION.value:
        return [row.goal_expected, row.goal_actual]
    if row.kind == FormKind.PROJECT_TARGET.value:
        return [json.loads(row.details).get(goal_detail(row.layout), "")]
    return [row.goal_expected]


def _place(row: Any, key: str) -> tuple[Place, int, str]:
    """(place, index, original text) of the first text of the form that contains key;
    an indicator's text is left blank here, to be read in one query for all hits."""
    if key in search_key(row.code):
        return Place.CODE, 0, row.code
    if key in search_key(row.name):
        return Place.NAME, 0, row.name
    goals = _goal_texts(row)
    texts = row.body.removesuffix(PADDING).split(SEPARATOR)
    indicators = len(texts) - len(goals)
    found = next((number for number, folded in enumerate(texts) if key in folded), 0)
    if found < indicators:
        return Place.INDICATOR, found, ""
    return Place.GOAL, found - indicators, goals[found - indicators]


def _indicator_names(session: Session,
                     wanted: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """The names at (form id, position), each found through the unique index.

    SQLite scans the whole table for a row-value IN list but not for an OR of
    equalities; written as text, because building 200 such terms as SQLAlchemy
    expressions costs more than the query.
    """
    names: dict[tuple[int, int], str] = {}
    for chunk in chunks(wanted, PAIRS):
        terms = " OR ".join(f"(form_id = :f{n} AND position = :p{n})" for n in range(len(chunk)))
        values = {f"{side}{n}": value for n, pair in enumerate(chunk)
                  for side, value in zip("fp", pair)}
        query = text(f"SELECT form_id, position, name FROM indicator WHERE {terms}")
        names.update({(form_id, position): name
                      for form_id, position, name in session.execute(query, values)})
    return names


def locate(session: Session, form_ids: Sequence[int], key: str) -> list[SearchMatch]:
    """Each hit form with the first of its texts that contains `key`, in hit order (a
    form deleted meanwhile is left out)."""
    rows: dict[int, Any] = {}
    for chunk in chunks(form_ids):
        query = (select(*(col(column) for column in (
                            FormRow.id, FormRow.kind, FormRow.year, FormRow.code, FormRow.name,
                            FormRow.unit, FormRow.budget_unit, FormRow.layout,
                            FormRow.goal_expected, FormRow.goal_actual, FormRow.details,
                            FormSearchRow.body)))
                 .join(FormSearchRow, col(FormRow.id) == FormSearchRow.form_id)
                 .where(col(FormRow.id).in_(chunk)))
        rows.update({row.id: row for row in session.execute(query)})
    places = {form_id: _place(rows[form_id], key) for form_id in form_ids if form_id in rows}
    names = _indicator_names(session, [(form_id, index) for form_id, (place, index, _)
                                       in places.items() if place == Place.INDICATOR])
    return [SearchMatch(form_id, FormKind(row.kind), row.year, row.code, row.name,
                        row.unit or row.budget_unit, place, index,
                        names.get((form_id, index), "") if place == Place.INDICATOR else found)
            for form_id, (place, index, found) in places.items()
            for row in (rows[form_id],)]


def project_form_ids(session: Session, form_id: int) -> list[int]:
    """Every form of the project the form belongs to, itself included (DOMAIN §1: the
    same project across years has the same code, else the same name).

    A form with a code takes the forms with that code and the code-less forms of its
    name; a form without one takes the forms of its name, and the other years of any
    coded form among them.
    """
    keys = session.execute(select(col(FormSearchRow.project_key), col(FormSearchRow.name_key))
                           .where(col(FormSearchRow.form_id) == form_id)).first()
    if keys is None:
        return []
    project, by_name = keys
    if project != by_name:
        match = col(FormSearchRow.project_key).in_([project, by_name])
    else:
        named = (select(col(FormSearchRow.project_key))
                 .where(col(FormSearchRow.name_key) == by_name))
        match = col(FormSearchRow.project_key).in_(named.scalar_subquery())
    return list(session.execute(select(col(FormSearchRow.form_id)).where(match)).scalars())
