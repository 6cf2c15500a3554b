"""The listing of stored forms (`jixiao list`) as one SQL statement, for both readers.

`db.reads.listing` runs it through SQLAlchemy on any database the store supports;
`db.sqlite_listing` runs it through the standard library's sqlite3 on a SQLite file,
so that a `jixiao list` need not import SQLAlchemy at all. Writing it once, as plain
SQL both databases read alike, keeps the two from ever listing differently. This
module therefore imports nothing that takes time to load.

The order is the list's everywhere (`db.reads.listed`, used by `Store.list_forms` and
the browser): newest year first, then the unit as shown, code, name and, for forms
alike in all of these, the id. tests/store/test_store_listing.py holds the two to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

LISTING_COLUMNS = ("id", "kind", "year", "code", "name", "unit", "state", "layout",
                   "indicators")
"""What the listing can read: a form's own columns, the unit as the list shows it, and
the number of its indicator rows."""

SHOWN_UNIT = "coalesce(nullif(form.unit, ''), form.budget_unit)"
"""The unit as the list shows it: 实施单位, else 一级预算单位 (as `Form.unit` does, and
`db.reads._shown_unit`)."""

_COMPUTED = {
    "unit": SHOWN_UNIT,
    # counted by the index on (form_id, position), per form
    "indicators": "(SELECT count(*) FROM indicator WHERE indicator.form_id = form.id)",
}

LIST_ORDER = f"form.year DESC, {SHOWN_UNIT}, form.code, form.name, form.id"
"""The list's order, as `db.reads.listed` gives it to every other list of forms."""

YEAR = "year"
"""The name of the statement's one parameter, when it lists a single year: `:year`, a
style both sqlite3 and SQLAlchemy's text() bind."""


def listing_sql(columns: Sequence[str], *, one_year: bool) -> str:
    """SELECT the named columns (LISTING_COLUMNS, in the order given) of every form, or
    of the year bound to :year, in the list's order."""
    if not columns:
        raise ValueError("a listing needs at least one column")
    for name in columns:
        if name not in LISTING_COLUMNS:
            raise ValueError(f"unknown listing column: {name}")
    selected = ", ".join(_COMPUTED.get(name, f"form.{name}") for name in columns)
    where = f" WHERE form.year = :{YEAR}" if one_year else ""
    return f"SELECT {selected} FROM form{where} ORDER BY {LIST_ORDER}"


def listing_parameters(year: int | None) -> Mapping[str, int]:
    """The values to bind to `listing_sql(…, one_year=year is not None)`."""
    return {} if year is None else {YEAR: year}


def as_listed(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> list[dict[str, object]]:
    """Each row of the statement as the listing hands it out: column name to value."""
    return [dict(zip(columns, row)) for row in rows]
