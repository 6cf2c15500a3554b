"""The unit overview as an xlsx workbook, for the supervisor's folder or printer.

Numbers are written as numbers with a two-decimal format (so Excel can sort, sum and
chart them), codes as text (a 21-digit code would lose its last digits as a number),
and a target form's missing figures as a dash. A4 landscape, fitted to the page width,
the column titles repeated on every page. openpyxl is imported on first use, to keep it
out of start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.atomic import write_atomically
from desktop.years.overview import COLUMN_TITLES, COLUMNS, NO_FIGURE, OverviewRow

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

WIDTHS = {"code": 24, "name": 44, "kind": 26, "total": 10, "grade": 8, "rate": 13,
          "findings": 9}
NUMBER_FORMATS = {"total": "0.00", "rate": "0.00", "findings": "0"}
FOOTER = "第 &P 页，共 &N 页"
FONT = "宋体"


def _value(row: OverviewRow, column: str) -> Any:
    """The cell value: Decimals as floats of two decimals (what a cell can hold),
    the counts as integers, missing figures as a dash."""
    value = row.kind_title if column == "kind" else getattr(row, column)
    if value is None:
        return NO_FIGURE
    if isinstance(value, Decimal):
        return float(value)
    return value


def _title(sheet: Worksheet, title: str) -> None:
    from openpyxl.styles import Alignment, Font
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    cell = sheet.cell(row=1, column=1)
    cell.font = Font(name=FONT, size=14, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 28


def _header(sheet: Worksheet) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    sheet.append([COLUMN_TITLES[column] for column in COLUMNS])
    for cell in sheet[2]:
        cell.font = Font(name=FONT, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")


def _rows(sheet: Worksheet, rows: Sequence[OverviewRow]) -> None:
    from openpyxl.styles import Alignment, Font
    for row in rows:
        sheet.append([_value(row, column) for column in COLUMNS])
        for column, cell in zip(COLUMNS, sheet[sheet.max_row]):
            cell.font = Font(name=FONT)
            if column == "code":
                cell.data_type, cell.number_format = "s", "@"
            elif column in NUMBER_FORMATS and cell.value != NO_FIGURE:
                cell.number_format = NUMBER_FORMATS[column]
            if column in ("grade", "kind") or cell.value == NO_FIGURE:
                cell.alignment = Alignment(horizontal="center")
            if column == "name":
                cell.alignment = Alignment(wrap_text=True, vertical="center")


def _page(sheet: Worksheet) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins
    for number, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = WIDTHS[column]
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.4, bottom=0.5, footer=0.2)
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = "2:2"
    sheet.freeze_panes = "A3"
    sheet.oddFooter.center.text = FOOTER


def build_overview_workbook(rows: Sequence[OverviewRow], title: str) -> Workbook:
    """The overview in memory: a title row, the column titles, one row per form."""
    from openpyxl import Workbook
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "绩效一览"
    _title(sheet, title)
    _header(sheet)
    _rows(sheet, rows)
    _page(sheet)
    workbook.properties.creator = "绩效填报助手"
    workbook.properties.title = title
    return workbook


def overview_title(year: int, unit: str) -> str:
    """"2024 年度 深圳市…局 项目绩效一览"."""
    return f"{year} 年度 {unit} 项目绩效一览"


def export_overview_xlsx(rows: Sequence[OverviewRow], path: str | Path,
                         title: str) -> Path:
    """Write the rows (in the order given: sort them first) to `path`; the file
    appears whole or not at all."""
    target = Path(path)
    workbook = build_overview_workbook(rows, title)
    write_atomically(target, lambda temporary: workbook.save(temporary))
    return target
