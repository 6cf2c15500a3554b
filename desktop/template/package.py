"""Limits an .xlsx file must respect before openpyxl parses it.

openpyxl trusts the file: it inflates every part into memory, and builds one Python
object per cell a merged range covers, so a small hostile or damaged file (a zip bomb,
a merge over the whole sheet, a cell reference past Excel's last row) can take minutes
and gigabytes before failing. An import template is a few hundred KB unpacked with
ranges of a few dozen cells; these checks read only the zip's directory and the
worksheets' merge and dimension records, and refuse the rest in one line.

XML entity expansion (billion laughs) and external entities are refused by defusedxml,
which openpyxl uses whenever it is installed (a dependency of ours); `unsafe_xml` tells
its refusals apart from other damage.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from typing import TYPE_CHECKING

from openpyxl.utils import column_index_from_string

from desktop.interchange.errors import FormFileError
from desktop.template.cellvalues import UncalculatedFormula
from desktop.template.grid import Grid

if TYPE_CHECKING:
    from openpyxl import Workbook

MAX_UNPACKED_BYTES = 50_000_000
MAX_PARTS = 2_000
MAX_MERGED_CELLS = 100_000
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384   # Excel's own limits
REFERENCE = re.compile(rb'<mergeCell ref="([A-Z]{1,4})(\d{1,9}):([A-Z]{1,4})(\d{1,9})"')
DOCTYPE = b"<!DOCTYPE"
"""Excel never writes one; entity bombs and external DTDs need one. defusedxml would
refuse the entities anyway; this also refuses an external DTD it would merely ignore."""
CELL = re.compile(rb'<c r="([A-Z]{1,4})(\d{1,9})"')
UNCALCULATED = re.compile(rb"</f>(?:<v\s*/>|<v></v>)?</c>|<f[^>]*/>(?:<v\s*/>|<v></v>)?</c>")


def check_package(content: bytes, where: str) -> None:
    """Refuse an .xlsx whose size or sheets would make openpyxl unreasonable."""
    with zipfile.ZipFile(BytesIO(content)) as archive:
        items = archive.infolist()
        if len(items) > MAX_PARTS:
            raise FormFileError(f"{where}：工作簿内部有 {len(items)} 个部件，不是正常的表格文件")
        unpacked = sum(item.file_size for item in items)
        if unpacked > MAX_UNPACKED_BYTES:
            raise FormFileError(f"{where}：解压后达 {unpacked // 1_000_000} MB，"
                                f"超过 {MAX_UNPACKED_BYTES // 1_000_000} MB 的上限，不是正常的表格文件")
        for item in items:
            if item.filename.endswith((".xml", ".rels")) and DOCTYPE in archive.read(item)[:2048]:
                raise FormFileError(f"{where}：文件含有不安全的 XML 内容（文档类型声明），已拒绝读取")
            if item.filename.startswith("xl/worksheets/") and item.filename.endswith(".xml"):
                _check_sheet(archive.read(item), where)


def _check_sheet(xml: bytes, where: str) -> None:
    for found in REFERENCE.findall(xml):
        first_column, first_row, last_column, last_row = (part.decode() for part in found)
        _check_position(int(last_row), last_column, where)
        cells = (int(last_row) - int(first_row) + 1) * (_column(last_column) - _column(first_column) + 1)
        if cells > MAX_MERGED_CELLS:
            raise FormFileError(f"{where}：合并单元格 {first_column}{first_row}:{last_column}"
                                f"{last_row} 覆盖 {cells} 个单元格，范围过大，不是正常的表格")
    for column, row in CELL.findall(xml):
        _check_position(int(row), column.decode(), where)


def _check_position(row: int, column: str, where: str) -> None:
    if not 1 <= row <= MAX_ROW or not 1 <= _column(column) <= MAX_COLUMN:
        raise FormFileError(f"{where}：单元格 {column}{row} 超出 Excel 的范围，文件已损坏")


def _column(letters: str) -> int:
    try:
        return column_index_from_string(letters)
    except ValueError:
        return MAX_COLUMN + 1


def has_uncalculated_formulas(content: bytes) -> bool:
    """A formula saved without its result (`<f>…</f><v/>`), as programs other than
    Excel write them; Excel itself always saves the result beside the formula."""
    with zipfile.ZipFile(BytesIO(content)) as archive:
        return any(UNCALCULATED.search(archive.read(item)) for item in archive.infolist()
                   if item.filename.startswith("xl/worksheets/"))


def show_formulas(grids: list[Grid], book: Workbook) -> None:
    """Put "=G14*0.5" where a formula has no result: a number cell then fails with the
    formula in its message ("H14：得分 是公式 =G14*0.5，文件中没有它的计算结果") instead of
    reading as empty."""
    for grid, sheet in zip(grids, book.worksheets):
        for (row, column), cell in sheet._cells.items():
            if isinstance(cell.value, str) and cell.value.startswith("=") \
                    and (row, column) not in grid.values:
                grid.values[(row, column)] = UncalculatedFormula(cell.value)
                grid.max_row = max(grid.max_row, row)
                grid.max_column = max(grid.max_column, column)


def unsafe_xml(error: BaseException) -> bool:
    """Whether defusedxml refused the XML (entities, external references), anywhere
    in the chain of exceptions openpyxl wrapped it in."""
    seen: BaseException | None = error
    while seen is not None:
        if type(seen).__module__.startswith("defusedxml"):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
