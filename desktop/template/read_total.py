"""The 总分 / 合计 row as a file printed it: kept in `meta.published`, never a fact.

A printed total may disagree with its rows, or stand where the rows are missing
(REAL-LAYOUTS, "Across all of them"); the rules compare it with what the rows give and
say so, so the figure is kept as the file printed it rather than trusted.
"""

from __future__ import annotations

from desktop.money import AmountError, format_plain
from desktop.template.cellvalues import cell_decimal
from desktop.template.source import Source

PUBLISHED = {"weight": "weights_total", "score": "total"}
"""Indicator column → the `meta.published` key its figure in the total row goes to."""


def total_row(src: Source, below: int) -> int | None:
    """The first row under row `below` that shows the layout's 总分 / 合计 label."""
    labels = src.layout.labels_for("blocks.total")
    for row in range(below + 1, src.grid.max_row + 1):
        if src.labels.row_has(row, labels):
            return row
    return None


def _figure(src: Source, row: int, column: int) -> str:
    """The number a cell of the total row prints; "" for a label spanning over it, a
    dash, or text that is no number (an unreadable total is no reason to refuse a form)."""
    if src.grid.origin(row, column) != (row, column):
        return ""
    try:
        value = cell_decimal(src.grid.own(row, column), "合计")
    except AmountError:
        return ""
    return "" if value is None else format_plain(value)


def printed_totals(src: Source, columns: dict[str, int], below: int) -> dict[str, str]:
    """{"weights_total": "100", "total": "93.5"}: what the total row prints under the
    weight and score columns (`columns`: field → column), as far as it prints them."""
    row = total_row(src, below)
    if row is None:
        return {}
    found = {}
    for field, key in PUBLISHED.items():
        figure = _figure(src, row, columns[field]) if field in columns else ""
        if figure:
            found[key] = figure
    return found
