"""Sheets of the real layouts (REAL-LAYOUTS C, D, E) written cell by cell by reference.

The layouts' tests describe each sheet as the files print it ("A7:B11 项目资金（万元）"),
then write it through `irregular.write_xlsx` / `write_xls`, independent of the app.
"""

from __future__ import annotations

import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl.utils.cell import coordinate_to_tuple

from desktop.rules.printed import PRINTED_FOR, rows_digest

from .irregular import SheetModel


class Sheet:
    """A SheetModel filled by cell reference: put("A7", "项目资金（万元）", "B11")."""

    def __init__(self, name: str) -> None:
        self.model = SheetModel(name)

    def put(self, ref: str, value: object, to: str | None = None,
            fmt: str | None = None) -> Sheet:
        row, column = coordinate_to_tuple(ref)
        if value is not None and value != "":
            self.model.cells[(row, column)] = (value, fmt)
        if to:
            last_row, last_column = coordinate_to_tuple(to)
            self.model.merges.append((row, column, last_row, last_column))
        return self

    def row(self, ref: str, *values: object) -> Sheet:
        """Values in consecutive columns from `ref`; None leaves a cell empty."""
        row, column = coordinate_to_tuple(ref)
        for offset, value in enumerate(values):
            if value is not None:
                self.model.cells[(row, column + offset)] = (value, None)
        return self


def cache_formulas(path: Path, sheet_number: int, results: dict[str, object]) -> Path:
    """Save beside each formula the result Excel would have (openpyxl writes none)."""
    part = f"xl/worksheets/sheet{sheet_number}.xml"
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts[part].decode("utf-8")
    for ref, value in results.items():
        xml, count = re.subn(rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v ?/>',
                             rf"\g<1><v>{value}</v>", xml)
        assert count == 1, ref
    parts[part] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def half_up(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def positive_score(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    """DOMAIN §"Scoring an indicator", positive target: B ≥ A → w, else round(B/A × w, 2)."""
    return weight if actual >= target else half_up(actual / target * weight)


def printed_figures_of(form) -> dict[str, str]:
    """What the file printed (beside it, the digest of the rows it was printed for)."""
    published = dict(form.meta.published)
    assert published.pop(PRINTED_FOR, None) == (rows_digest(form) if published else None)
    return published
