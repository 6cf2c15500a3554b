"""Limits an .xlsx file must respect before openpyxl parses it.

openpyxl trusts the file: it inflates every part into memory, and builds one Python
object per cell a merged range or a hyperlink covers, so a small hostile or damaged file
(a zip bomb, a part that lies about its size, a merge over the whole sheet, a cell
reference past Excel's last row) can take minutes and gigabytes before failing. An
import template is a few hundred KB unpacked with ranges of a few dozen cells.

`check_package` reads the whole package once, in pieces: each part is inflated by its
real size (desktop.template.unpack) and its XML counted as it streams by
(desktop.template.tally), against the limits of desktop.template.limits. The first limit
passed is the file's one-line refusal; memory stays at a piece or two whatever the file
holds.

XML entity expansion (billion laughs) and external entities are refused here (no
document type declaration) and by defusedxml, which openpyxl uses whenever it is
installed (a dependency of ours); `unsafe_xml` tells its refusals apart from other damage.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from typing import TYPE_CHECKING

from desktop.template.cellvalues import UncalculatedFormula
from desktop.template.grid import Grid
from desktop.template.limits import LIMITS, WorkbookLimits, over_limit
from desktop.template.tally import WorkbookTally
from desktop.template.unpack import UnpackBudget, unpacked_pieces

if TYPE_CHECKING:
    from openpyxl import Workbook


def check_package(content: bytes, where: str, limits: WorkbookLimits = LIMITS) -> WorkbookTally:
    """Refuse an .xlsx whose size or content would make openpyxl unreasonable; the
    counts of one that passes (with `uncalculated_formulas`)."""
    with zipfile.ZipFile(BytesIO(content)) as archive:
        items = archive.infolist()
        if len(items) > limits.parts:
            raise over_limit(where, "parts", limits, f"（共 {len(items)} 个）")
        tally, budget = WorkbookTally(where, limits), UnpackBudget(where, limits)
        for item in items:
            part = tally.part(item.filename)
            for piece in unpacked_pieces(archive, item, budget):
                part.feed(piece)
            part.close()
    return tally


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
