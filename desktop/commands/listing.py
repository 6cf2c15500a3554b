"""`jixiao list [--year Y] [--json]`: the stored forms, one line or one object each.

Only the columns printed are read, in one query: no form is loaded, evaluated or
summarised for a list that shows none of that. A SQLite store at the current schema is
read with the standard library alone (db.sqlite_listing); importing SQLAlchemy and
SQLModel to open it would take many times longer than the listing itself. Every other
store is opened the usual way (`Store.open(...).listing`), which runs the same
statement (db.listing_query), so both print the same bytes.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from db.location import resolve_url
from db.sqlite_listing import read_listing
from desktop.commands.output import json_text, one_line, say

TEXT_COLUMNS = ("id", "year", "kind", "code", "name", "unit")
JSON_COLUMNS = ("id", "kind", "year", "code", "name", "unit", "state", "layout", "indicators")
"""The keys of each object of `list --json`, in their order."""


def _lines(forms: list[dict[str, object]]) -> list[str]:
    # Imported here: desktop.forms builds every form's dataclass as it loads, a sizeable
    # share of a short listing's time, and only these lines need the kinds' titles.
    from desktop.forms import KIND_TITLES, FormKind
    return [f"{form['id']:>5}  {form['year']}  {KIND_TITLES[FormKind(str(form['kind']))]}  "
            f"{one_line(form['code'] or '—')}  {one_line(form['name'])}  "
            f"({one_line(form['unit'])})" for form in forms]


def listed_forms(db: str | None, columns: Sequence[str],
                 year: int | None) -> list[dict[str, object]]:
    """The named columns of the stored forms (or of the year's), in the list's order."""
    url = resolve_url(db)
    forms = read_listing(url, columns, year)
    if forms is None:   # not a current SQLite store: the usual way, with its own refusals
        from db.store import Store
        with Store.open(url) as store:
            forms = store.listing(columns, year=year)
    return forms


def list_forms(args: argparse.Namespace) -> int:
    forms = listed_forms(args.db, JSON_COLUMNS if args.json else TEXT_COLUMNS, args.year)
    if args.json:
        say(json_text(forms))
        return 0
    for line in _lines(forms):
        say(line)
    if not forms:
        say("库中没有表格")
    return 0
