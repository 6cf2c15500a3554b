"""Shared by the template tests: typed fields of a form, cells of a saved workbook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from desktop.forms import Form
from desktop.interchange.json_form import form_to_dict
from desktop.layouts import Layout, layout_names, load_layout

META_KEYS = {"source", "notes", "published", "labels", "form"}
"""What a form file says about itself (provenance, printed figures): nobody typed it."""


def typed_fields(form: Form) -> dict[str, Any]:
    """Every field a clerk types, as the JSON interchange writes it (the funds total row
    there is computed from the sources, so comparing it compares the sources)."""
    return {key: value for key, value in form_to_dict(form).items() if key not in META_KEYS}


def layouts_of(kind) -> list[str]:
    """The layouts of `kind` a form is exported in (an import-only one exports in another)."""
    return [name for name in layout_names()
            if load_layout(name).kind is kind and load_layout(name).exportable]


def block(layout: Layout, type_: str) -> dict:
    return next(b for b in layout.raw["sheet"]["blocks"] if b["type"] == type_)


def cell_values(path: Path) -> tuple[dict[str, tuple[object, str]], set[str]]:
    """Every non-empty cell as (value, data type), and the merged ranges, of each sheet."""
    book = load_workbook(path)
    values, merges = {}, set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    values[f"{sheet.title}!{cell.coordinate}"] = (cell.value, cell.data_type)
        merges |= {f"{sheet.title}!{r.coord}" for r in sheet.merged_cells.ranges}
    return values, merges
