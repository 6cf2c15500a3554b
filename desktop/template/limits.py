"""What a workbook (.xlsx or .xls) may ask the readers to build, at most.

openpyxl and xlrd build one Python object per cell they read, per cell a merged range or
a hyperlink covers, per range an area list names; xlrd keeps every sheet as a full
rectangle. A few KB of hostile or damaged file can ask for billions of them. Each limit
below is checked by a counting pass before the library reads the file
(desktop.template.package for .xlsx, desktop.template.xls_census for .xls), and the
first one passed is the refusal's one line.

How big real workbooks are: a form is a sheet of a few dozen to a few hundred rows and
five to twenty columns; a clerk's workbook holds up to a few dozen such sheets beside
sheets that are no form, with merges over a few cells each (titles, merged 一级, text
blocks) and rarely a hyperlink. The limits leave ten times and more of that, and are
low enough that the largest workbook they admit is read within 1 GB of memory: an
.xlsx at the limits (480,000 cells, 180,000 merged, 19,000 linked, 250,000 style
elements and a formula without its result, so read twice) peaks at about 510 MB and
takes about 80 s on a slow two-core machine; an .xls of two whole Excel 97 sheets,
480,000 cells and 45,000 formats about 500 MB and 11 s.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from desktop.interchange.errors import FormFileError

MAX_ROW, MAX_COLUMN = 1_048_576, 16_384
"""Excel's own sheet size (.xlsx): anything beyond is a damaged or forged file."""
XLS_MAX_COLUMN = 256
XLS_MAX_ROW = {"BIFF8": 65_536, "BIFF5": 16_384}
"""Excel 97–2003's sheet size, and Excel 5.0/95's."""


@dataclass(frozen=True)
class WorkbookLimits:
    """The limits of one workbook, all its sheets together."""

    unpacked_bytes: int = 50_000_000
    """An .xlsx unpacked: real ones are a few MB at most."""
    parts: int = 2_000
    """Files inside an .xlsx (sheets, styles, drawings …): real ones have a few dozen."""
    elements: int = 2_000_000
    """XML elements in all parts: about two per cell, and the styles, strings, drawings."""
    object_elements: int = 300_000
    """XML elements outside the rows of cells (styles, texts, rules, drawings, charts …):
    openpyxl builds an object of several hundred bytes for most of them (300,000 are about
    250 MB). A real workbook has a few thousand; one whose styles reach Excel's own limit
    of 64,000 cell formats about 200,000."""
    token_bytes: int = 4_000_000
    """One tag, comment or processing instruction: real ones are far below 1 MB (the
    longest are area lists of a few thousand ranges)."""
    depth: int = 1_000
    """Elements inside each other: a worksheet nests six deep (sheetData, row, c, is, r, t)."""
    sheets: int = 300
    """Worksheets: "dozens" in the largest clerk's workbooks."""
    cells: int = 500_000
    """Cells the file writes (a styled empty cell counts): fifty sheets of 10,000."""
    rows: int = 200_000
    """Row records: fifty sheets of 4,000 rows."""
    merged_cells: int = 200_000
    """Cells covered by merged ranges, all ranges together (openpyxl builds each)."""
    linked_cells: int = 20_000
    """Cells covered by hyperlinks, all together (both libraries store one per cell)."""
    commented_cells: int = 20_000
    """Cells given a comment (openpyxl builds each cell of a comment's range)."""
    listed_ranges: int = 100_000
    """Ranges listed by conditional formats, data validations and print areas."""
    name_characters: int = 100_000
    """Text of the defined names (print areas and titles among them)."""
    sheet_area: int = 65_536 * 256
    """.xls: the rectangle xlrd fills for one sheet (rows × columns up to its last cell or
    merge): a whole Excel 97 sheet is 65,536 × 256, 16.7 million cells, 200 MB."""
    total_area: int = 40_000_000
    """.xls: the rectangles of all sheets together (xlrd reads one at a time here)."""
    records: int = 2_000_000
    """.xls: BIFF records walked; a real workbook has tens of thousands."""
    global_records: int = 50_000
    """.xls: records of the workbook's shared part (formats, fonts, names, styles …);
    Excel 97 itself stops at 4,000 cell formats."""
    shared_strings: int = 200_000
    """.xls: distinct texts; a real workbook has a few thousand."""


LIMITS = WorkbookLimits()

_PASSED = {
    "unpacked_bytes": "工作簿解压后超过 {mb} MB 的上限",
    "parts": "工作簿内部的部件超过 {limit} 个的上限",
    "elements": "工作簿中的 XML 元素超过 {limit} 个的上限",
    "object_elements": "工作簿中单元格以外的 XML 元素（样式、格式、图表等）超过 {limit} 个的上限",
    "token_bytes": "工作簿中有一个 XML 标记（标签、注释或处理指令）超过 {mb} MB 的上限",
    "depth": "工作簿中的 XML 嵌套超过 {limit} 层的上限",
    "sheets": "工作表超过 {limit} 张的上限",
    "cells": "单元格超过 {limit} 个的上限",
    "rows": "行数超过 {limit} 行的上限",
    "merged_cells": "合并单元格共覆盖超过 {limit} 个单元格的上限",
    "linked_cells": "超链接共覆盖超过 {limit} 个单元格的上限",
    "commented_cells": "批注共覆盖超过 {limit} 个单元格的上限",
    "listed_ranges": "条件格式、数据验证和打印区域共列出超过 {limit} 个区域的上限",
    "name_characters": "定义名称的文字超过 {limit} 字的上限",
    "sheet_area": "一张工作表的范围超过 {limit} 个单元格的上限",
    "total_area": "各工作表的范围合计超过 {limit} 个单元格的上限",
    "records": "工作簿的记录超过 {limit} 条的上限",
    "global_records": "格式、字体、名称等记录超过 {limit} 条的上限",
    "shared_strings": "工作簿中的文字超过 {limit} 条的上限",
}
assert set(_PASSED) == {field.name for field in fields(WorkbookLimits)}


def over_limit(where: str, name: str, limits: WorkbookLimits, detail: str = "") -> FormFileError:
    """The one line for a workbook past the limit `name`: which limit, and where if known
    ("（A30:XFD1048576）")."""
    limit = getattr(limits, name)
    passed = _PASSED[name].format(limit=limit, mb=limit // 1_000_000)
    return FormFileError(f"{where}：{passed}{detail}，不是正常的表格文件")
