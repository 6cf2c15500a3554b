"""Excel 97–2003 (.xls) workbooks, read through xlrd into the same Grid as .xlsx.

xlrd reports merges only when asked for formatting information, and gives every
number as a float with its format kept apart; dates arrive as serials that the book's
date mode turns into dates.
"""

from __future__ import annotations

import datetime as dt

import xlrd
from xlrd.biffh import error_text_from_code
from xlrd.sheet import Sheet

from desktop.template.grid import Grid


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


def grid_from_xls(book: xlrd.Book, sheet: Sheet) -> Grid:
    grid = Grid(sheet.name, max_row=sheet.nrows, max_column=sheet.ncols)
    for row in range(sheet.nrows):
        for column, cell in enumerate(sheet.row(row)):
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) or cell.value == "":
                continue
            position = (row + 1, column + 1)
            grid.values[position] = _value(book, cell)
            if cell.ctype == xlrd.XL_CELL_NUMBER:
                grid.formats[position] = _number_format(book, cell.xf_index)
    for first_row, end_row, first_column, end_column in sheet.merged_cells:
        grid.merge((first_row + 1, first_column + 1), (end_row, end_column))
    return grid


def read_xls(content: bytes) -> list[Grid]:
    """Every worksheet of an .xls file; xlrd's own errors pass to the caller."""
    book = xlrd.open_workbook(file_contents=content, formatting_info=True)
    return [grid_from_xls(book, book.sheet_by_index(i)) for i in range(book.nsheets)]
