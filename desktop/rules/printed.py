"""Which rows a printed 总分 / 合计 was printed for.

A file's printed total is compared with its rows (REAL-LAYOUTS: it may disagree). Once
the clerk edits a weight, a score or an actual, the figure describes a form that no
longer exists, and pointing at it would only be noise. So the reader stores, beside
the printed figures, a digest of everything the totals are computed from
(`printed_for`), and the rules compare only while the form still gives that digest; an
undo back to the imported rows brings the comparison back. Forms whose published
figures carry no digest (the sample files' reference figures) are never compared.
"""

from __future__ import annotations

import hashlib
import json

from desktop.forms import FUNDS_COLUMNS, FUNDS_SOURCES, SelfEvaluation
from desktop.money import format_plain

PRINTED_FOR = "printed_for"


def rows_digest(form: SelfEvaluation) -> str:
    """A short digest of the inputs of the totals, the same after a store round trip
    (numbers in their shortest exact form: 6 and 6.00 are one value)."""
    funds = [[format_plain(getattr(form.funds.source(name), column))
              for column in FUNDS_COLUMNS] for name in FUNDS_SOURCES]
    stated = form.funds.stated_total
    rows = [[ind.level1, ind.level2, ind.target, ind.unit, ind.actual, ind.grade,
             format_plain(ind.weight), format_plain(ind.score)] for ind in form.indicators]
    inputs = {"funds": funds, "weight": format_plain(form.funds.weight), "profile": form.profile,
              "stated": [format_plain(getattr(stated, c)) for c in FUNDS_COLUMNS] if stated else [],
              "levels": {k: format_plain(v) for k, v in sorted(form.level1_weights.items())},
              "rows": rows}
    text = json.dumps(inputs, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def mark_printed(form: SelfEvaluation) -> SelfEvaluation:
    """Record which rows the file's printed figures belong to (when it printed any)."""
    if form.meta.published:
        form.meta.published[PRINTED_FOR] = rows_digest(form)
    return form


def printed_figures(form: SelfEvaluation) -> dict[str, str]:
    """The printed figures to compare now: those of a form still holding its file's rows."""
    published = form.meta.published
    if not published.get(PRINTED_FOR) or published[PRINTED_FOR] != rows_digest(form):
        return {}
    return dict(published)
