"""Export and import of a 40-indicator form, against openpyxl doing the same raw work.

Issue 4's goals: exporting costs at most 2× openpyxl writing the same cell values with
no styles, merges or protection; importing costs at most 2× openpyxl's own read of
the same file (loaded the same way, every value visited). Both sides are measured in
the same run and their medians compared, so the ratio does not depend on how fast
this machine happens to be.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from bench.common import ROOT, Figure, median_seconds
from desktop.forms import SelfEvaluation
from desktop.interchange.json_form import read_form
from desktop.template import read_workbook, write_workbook

SAMPLE = ROOT / "resources" / "samples" / "longhua-2022-digital-city.json"
INDICATORS = 40
ROUNDS = 15


def forty_indicator_form() -> SelfEvaluation:
    """The Longhua form with its 15 rows repeated up to 40 (names numbered)."""
    form = read_form(SAMPLE)
    assert isinstance(form, SelfEvaluation)
    rows = []
    for index in range(INDICATORS):
        row = copy.copy(form.indicators[index % len(form.indicators)])
        row.name = f"{row.name}（{index + 1}）"
        rows.append(row)
    form.indicators = sorted(rows, key=lambda r: [i.level1 for i in form.indicators].index(r.level1))
    return form


def cell_values(path: Path) -> list[tuple[int, int, object]]:
    sheet = load_workbook(path).active
    return [(c.row, c.column, c.value) for row in sheet.iter_rows() for c in row
            if c.value is not None]


def raw_write(cells: list[tuple[int, int, object]], target: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row, column, value in cells:
        sheet.cell(row=row, column=column, value=value)
    book.save(target)


def raw_read(path: Path) -> int:
    sheet = load_workbook(path, data_only=True).active
    return sum(1 for row in sheet.iter_rows(values_only=True) for v in row if v is not None)


def raw_read_only(path: Path) -> int:
    book = load_workbook(path, data_only=True, read_only=True)
    count = sum(1 for row in book.active.iter_rows(values_only=True) for v in row if v is not None)
    book.close()
    return count


def run() -> list[Figure]:
    form = forty_indicator_form()
    with tempfile.TemporaryDirectory() as folder:
        ours, raw = Path(folder) / "ours.xlsx", Path(folder) / "raw.xlsx"
        write_workbook(form, ours)
        cells = cell_values(ours)
        export = median_seconds(lambda: write_workbook(form, ours), repeat=ROUNDS)
        export_floor = median_seconds(lambda: raw_write(cells, raw), repeat=ROUNDS)
        read = median_seconds(lambda: read_workbook(ours), repeat=ROUNDS)
        read_floor = median_seconds(lambda: raw_read(ours), repeat=ROUNDS)
        read_only = median_seconds(lambda: raw_read_only(ours), repeat=ROUNDS)
    return [
        Figure(f"export, {INDICATORS} indicators", export,
               f"openpyxl writes the same {len(cells)} values raw", export_floor, "≤ 2×",
               why=EXPORT_WHY),
        Figure(f"import, {INDICATORS} indicators", read,
               "openpyxl reads the same file, every value", read_floor, "≤ 2×"),
        Figure(f"import, {INDICATORS} indicators", read,
               "openpyxl read_only (loses merges; reference only)", read_only, "—"),
    ]


EXPORT_WHY = (
    "the template is not the same work as the floor: it writes about 500 cells (the value "
    "cells plus the empty boxed and grey ones a printed form needs), each in its role's "
    "style, merges ranges and sets up printing, where the floor writes the 296 values bare. "
    "Each role's style is built once per export already (desktop.template.sheet copies its "
    "style array to every later cell of the role); a profile puts what is left in openpyxl "
    "serialising the extra cells and the merges. Closing it: write only the cells of a "
    "merged range whose borders print, and nothing for a covered cell that prints none.")
