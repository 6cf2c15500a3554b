"""Putting values into the worksheet: one call per (row, span, value, role).

The writer keeps the promises of the template in one place: values never formulas,
text stored as text even when it starts with "=", numbers exact, a merged span styled
through its top-left cell, and each row tall enough for its wrapped text (neither
Excel nor LibreOffice grows a row for text in merged cells by itself).
"""

from __future__ import annotations

import math
import unicodedata
from copy import copy
from decimal import Decimal

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from desktop.money import format_plain
from desktop.template.cellvalues import EXCEL_TEXT_LIMIT, fits_a_number_cell, guarded, safe_text
from desktop.template.geometry import SheetSpec, Span
from desktop.template.styles import Look, apply_role

MAX_ROW_HEIGHT = 409.0
"""Excel's limit in points; a taller row is clipped to it."""


class TemplateExportError(ValueError):
    """A form that cannot be written into the template; the message is one Chinese line."""


def display_width(text: str) -> float:
    """Width in Excel column units: a Chinese character takes about two."""
    return sum(1.9 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def lines_needed(text: str, width: float) -> int:
    """Wrapped lines of `text` in a span `width` units wide (a little cell padding)."""
    usable = max(width - 0.3, 1.0)
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n"))


class SheetWriter:
    """Writes cells of one worksheet and tracks the height each row needs."""

    def __init__(self, sheet: Worksheet, spec: SheetSpec, look: Look) -> None:
        self.sheet = sheet
        self.spec = spec
        self.look = look
        self.lines: dict[int, int] = {}
        self.title_rows: set[int] = set()
        self._arrays: dict[str, object] = {}

    def _style(self, cell: Cell, role: str) -> None:
        """Give a cell the style of its role.

        The first cell of a role is styled attribute by attribute; later ones copy its
        style array (`cell._style`), the idiom openpyxl's documentation gives for
        copying styles. Setting six style objects on every cell costs a hash of each
        against the workbook's style lists, most of an export's build time.
        """
        array = self._arrays.get(role)
        if array is None:
            apply_role(cell, self.look, role)
            self._arrays[role] = cell._style
        else:
            cell._style = copy(array)

    def put(self, row: int, span: Span, value: str | Decimal | None, role: str,
            rows: int = 1) -> None:
        """Write `value` over `span` × `rows` (merged when larger than one cell)."""
        cell = self.sheet.cell(row=row, column=span.first)
        self._style(cell, role)
        if isinstance(value, Decimal):
            self._number(cell, value)
        elif value:
            self._text(cell, value)
        if span.width > 1 or rows > 1:
            self._merge(row, span, rows, role)
        if rows == 1 and isinstance(value, str) and value:
            self._need(row, lines_needed(value, self.spec.width_of(span)))

    def _merge(self, row: int, span: Span, rows: int, role: str) -> None:
        """Merge the range, its covered cells styled like the top-left one.

        Covered cells keep the style so every edge shows its border and lock, as Excel
        itself saves merged cells. `Worksheet.merge_cells` would do the same through
        border arithmetic that made up two thirds of an export's time; registering the
        range and naming the style is the same result for a fraction of the cost.
        """
        for covered_row in range(row, row + rows):
            for column in span.columns():
                if (covered_row, column) != (row, span.first):
                    self._style(self.sheet.cell(row=covered_row, column=column), role)
        self.sheet.merged_cells.add(CellRange(min_col=span.first, min_row=row,
                                              max_col=span.last, max_row=row + rows - 1))

    def _number(self, cell: Cell, value: Decimal) -> None:
        if fits_a_number_cell(value):
            cell.value = value
        else:
            self._text(cell, format_plain(value))

    def _text(self, cell: Cell, text: str) -> None:
        text = safe_text(text)
        if len(text) > EXCEL_TEXT_LIMIT:
            raise TemplateExportError(f"{cell.coordinate}：文字超过 Excel 单元格上限 "
                                      f"{EXCEL_TEXT_LIMIT} 字，无法导出")
        cell.value = text
        if guarded(text):
            cell.data_type = "s"      # openpyxl took it for a formula or an error value
            cell.quotePrefix = True   # and Excel keeps it text when the clerk edits it

    def _need(self, row: int, lines: int) -> None:
        self.lines[row] = max(self.lines.get(row, 1), lines)

    def title_row(self, row: int) -> None:
        """Mark a row that holds the large title font."""
        self.title_rows.add(row)

    def finish_heights(self) -> None:
        """Set the height of every row that needs more than one line, or holds the title."""
        line = self.look.line_height
        for row, lines in self.lines.items():
            if lines > 1:
                height = min(MAX_ROW_HEIGHT, lines * line + 4)
                self.sheet.row_dimensions[row].height = height
        for row in self.title_rows:
            self.sheet.row_dimensions[row].height = round(self.look.title_size * 2.0, 1)

