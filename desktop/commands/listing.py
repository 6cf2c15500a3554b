"""`jixiao list [--year Y] [--json]`: the stored forms, one line or one object each.

Only the columns printed are read, in one query (`Store.listing`): no form is loaded,
evaluated or summarised for a list that shows none of that.
"""

from __future__ import annotations

import argparse

from db.store import Store
from desktop.commands.output import json_text, one_line, say
from desktop.forms import KIND_TITLES, FormKind

TEXT_COLUMNS = ("id", "year", "kind", "code", "name", "unit")
JSON_COLUMNS = ("id", "kind", "year", "code", "name", "unit", "state", "layout", "indicators")
"""The keys of each object of `list --json`, in their order."""


def _line(form: dict[str, object]) -> str:
    kind = KIND_TITLES[FormKind(str(form["kind"]))]
    return (f"{form['id']:>5}  {form['year']}  {kind}  {one_line(form['code'] or '—')}  "
            f"{one_line(form['name'])}  ({one_line(form['unit'])})")


def list_forms(args: argparse.Namespace) -> int:
    with Store.open(args.db) as store:
        forms = store.listing(JSON_COLUMNS if args.json else TEXT_COLUMNS, year=args.year)
    if args.json:
        say(json_text(forms))
        return 0
    for form in forms:
        say(_line(form))
    if not forms:
        say("库中没有表格")
    return 0
