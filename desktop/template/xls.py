"""Excel 97–2003 (.xls) workbooks, read through xlrd into the same Grid as .xlsx.

xlrd reports merges only when asked for formatting information, and gives every
number as a float with its format kept apart; dates arrive as serials that the book's
date mode turns into dates.

xlrd keeps each sheet as a full rectangle of cells (desktop.template.xls_census bounds
it before xlrd opens the file): sheets are loaded one at a time and let go once read,
and only the rows that hold something are visited cell by cell.
"""

from __future__ import annotations

import datetime as dt

import xlrd
from xlrd.biffh import error_text_from_code
from xlrd.sheet import Sheet

from desktop.template.grid import Grid
from desktop.template.xls_census import DISCARD

EMPTY = (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)


def _date(value: float, datemode: int) -> dt.date | dt.datetime | dt.time:
    moment = xlrd.xldate.xldate_as_datetime(value, datemode)
    if value < 1:
        return moment.time()
    return moment


def _number_format(book: xlrd.Book, xf_index: int) -> str:
    try:
        key = book.xf_list[xf_index].format_key
        return book.format_map[key].format_str
    except (IndexError, KeyError, AttributeError):
        return "General"


def _value(book: xlrd.Book, cell: xlrd.sheet.Cell) -> object:
    if cell.ctype == xlrd.XL_CELL_DATE:
        return _date(cell.value, book.datemode)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return error_text_from_code.get(cell.value, "#ERROR")
    return cell.value


def _filled_columns(sheet: Sheet, row: int) -> list[int]:
    """The columns of a row that hold something: a row of only empty and blank cells
    (most of a rectangle stretched by one stray cell) is passed over at C speed."""
    types = sheet.row_types(row)
    if types.count(xlrd.XL_CELL_EMPTY) + types.count(xlrd.XL_CELL_BLANK) == len(types):
        return []
    return [column for column, kind in enumerate(types) if kind not in EMPTY]


def grid_from_xls(book: xlrd.Book, sheet: Sheet) -> Grid:
    """The sheet's values, formats and merges. As for .xlsx (grid_from_openpyxl), the grid
    ends at the last cell with a value: a formatted blank cell far down the sheet would
    otherwise make every reader walk 65,536 empty rows."""
    grid = Grid(sheet.name)
    for row in range(sheet.nrows):
        for column in _filled_columns(sheet, row):
            cell = sheet.cell(row, column)
            if cell.value == "":
                continue
            position = (row + 1, column + 1)
            grid.values[position] = _value(book, cell)
            if cell.ctype == xlrd.XL_CELL_NUMBER:
                grid.formats[position] = _number_format(book, cell.xf_index)
    grid.max_row = max((row for row, _ in grid.values), default=0)
    grid.max_column = max((column for _, column in grid.values), default=0)
    for first_row, end_row, first_column, end_column in sheet.merged_cells:
        grid.merge((first_row + 1, first_column + 1), (end_row, end_column))
    return grid


def read_xls(content: bytes) -> list[Grid]:
    """Every worksheet of an .xls file; xlrd's own errors pass to the caller."""
    book = xlrd.open_workbook(file_contents=content, formatting_info=True, on_demand=True,
                              logfile=DISCARD)
    try:
        grids = []
        for index in range(book.nsheets):
            grids.append(grid_from_xls(book, book.sheet_by_index(index)))
            book.unload_sheet(index)
        return grids
    finally:
        book.release_resources()
