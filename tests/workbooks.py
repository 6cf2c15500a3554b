"""A clerk's workbook of many sheets, written at test time from the sample forms.

Each form is exported by the app itself (`build_workbook`) and its cells copied into one
sheet of a shared workbook, so the sheets read as real exports do. Two sheets are
broken the way clerks' files are: a target with no year anywhere (the clerk must give
it), and a sheet whose 项目编码 Excel stored as a number cut to 15 digits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

DATA = Path(__file__).parent / "data"
CUT_CODE = 4.403062313915e+20
"""A 21-digit project code as Excel keeps it once typed as a number."""
FULL_CODE = "440306231391500012345"

Sheet = tuple[str, Callable[[Worksheet], None]]


def _copy(source: Worksheet, target: Worksheet) -> None:
    for row in source.iter_rows():
        for cell in row:
            if cell.value is not None:
                target.cell(cell.row, cell.column, cell.value)
    for merged in source.merged_cells.ranges:
        target.merge_cells(merged.coord)
    for letter, dimension in source.column_dimensions.items():
        target.column_dimensions[letter].width = dimension.width


def exported(stem: str, change: Callable[[Worksheet], None] | None = None) -> Callable[[Worksheet], None]:
    """Fill a sheet with the sample form `stem` as exported, then apply `change`."""
    def fill(sheet: Worksheet) -> None:
        from desktop.interchange.json_form import read_form
        from desktop.template import build_workbook
        _copy(build_workbook(read_form(DATA / f"{stem}.json")).active, sheet)
        if change is not None:
            change(sheet)
    return fill


def no_year(sheet: Worksheet) -> None:
    """The project target's 年度 cell left empty; its title names no year either."""
    sheet["D3"] = None


def code_as_number(sheet: Worksheet) -> None:
    """The self-evaluation's 项目编码 typed as a number: Excel kept 15 digits."""
    sheet["B2"] = CUT_CODE


def cover(sheet: Worksheet) -> None:
    sheet["A1"] = "填报说明"
    sheet["A2"] = "请按表样填写各项目的绩效目标与自评结果，金额单位为元。"


def write_book(path: Path, sheets: Sequence[Sheet]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, fill in sheets:
        fill(book.create_sheet(name))
    book.save(path)
    return path


MIXED: list[Sheet] = [
    ("说明", cover),
    ("数字城管", exported("longhua-2022-digital-city")),
    ("网格信息", exported("longhua-2022-grid-info")),
    ("整体目标", exported("shenzhen-2023-unit-target")),
    ("项目目标", exported("shanghai-2020-target", no_year)),
    ("光明自评", exported("guangming-2024-market", code_as_number)),
]
"""A cover, three whole forms, a target without a year, a self-evaluation whose code
Excel cut."""


def mixed_workbook(folder: Path, name: str = "全年绩效.xlsx") -> Path:
    return write_book(folder / name, MIXED)
