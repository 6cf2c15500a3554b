"""Import: a workbook (.xlsx or .xls) back into a form, found by its labels.

Which sheet and which layout: every sheet is scored against every layout by how many
of the layout's labels it shows (the title counts extra), so a renamed sheet, a sheet
behind a cover sheet or a district file with one city label still finds its form.
Any failure is one FormFileError line naming the file, sheet and cell.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.forms import Form, FormKind
from desktop.interchange.errors import FormFileError, read_bytes
from desktop.layouts import Layout, layout_names, load_layout
from desktop.money import AmountError
from desktop.template.cellvalues import label_key
from desktop.template.find import Labels, ReadError
from desktop.template.grid import Grid, grid_from_openpyxl
from desktop.template.package import (
    check_package, has_uncalculated_formulas, show_formulas, unsafe_xml,
)
from desktop.template.read_self import read_self_evaluation
from desktop.template.read_targets import read_project_target, read_unit_target
from desktop.template.source import Source
from desktop.template.xls import read_xls

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TITLE_WEIGHT = 3
MIN_SCORE = 4
BUILDERS: dict[FormKind, Callable[[Source], Form]] = {
    FormKind.SELF_EVALUATION: read_self_evaluation,
    FormKind.PROJECT_TARGET: read_project_target,
    FormKind.UNIT_TARGET: read_unit_target,
}


def _load(content: bytes, data_only: bool) -> Workbook:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it skips
        return load_workbook(BytesIO(content), data_only=data_only)


def _read_xlsx(content: bytes) -> list[Grid]:
    grids = [grid_from_openpyxl(sheet) for sheet in _load(content, data_only=True).worksheets]
    if has_uncalculated_formulas(content):
        show_formulas(grids, _load(content, data_only=False))
    return grids


def load_grids(path: Path) -> list[Grid]:
    """Every worksheet of the file, whatever its extension says: the first bytes decide."""
    content = read_bytes(path)
    if content.startswith(ZIP_MAGIC):
        reader, kind = _read_xlsx, "xlsx"
    elif content.startswith(OLE_MAGIC):
        reader, kind = read_xls, "xls"
    else:
        raise FormFileError(f"{path}：不是 Excel 工作簿（.xlsx 或 .xls）")
    try:
        if kind == "xlsx":
            check_package(content, str(path))   # before openpyxl inflates anything
        return reader(content)
    except (FormFileError, MemoryError):
        raise
    except Exception as error:  # noqa: BLE001 - a parser's own errors on a damaged file
        if unsafe_xml(error):
            raise FormFileError(f"{path}：文件含有不安全的 XML 内容（实体声明或外部引用），"
                                "已拒绝读取") from None
        hint = "；若设置了打开密码，请先在 Excel 中取消" if kind == "xls" else ""
        raise FormFileError(f"{path}：无法打开，文件已损坏或不是有效的 {kind} 工作簿"
                            f"（{type(error).__name__}）{hint}") from None


def _signature(layout: Layout) -> set[str]:
    """The labels that tell this layout apart: every label it prints, except the note."""
    keys = {label_key(f.label) for f in (*layout.header, *layout.indicator_columns)}
    keys |= {label_key(text) for text in layout.blocks.values()}
    keys |= {label_key(str(text)) for key, text in layout.raw.get("labels", {}).items()
             if key != "note"}
    return keys - {""}


def _score(labels: Labels, layout: Layout) -> int:
    present = labels.keys()
    title = TITLE_WEIGHT if label_key(layout.title) in present else 0
    return len(_signature(layout) & present) + title


def best_match(grids: list[Grid]) -> Source | None:
    """The sheet and layout that fit best, or None when no sheet looks like a form."""
    layouts = [load_layout(name) for name in layout_names()]
    best, best_score = None, MIN_SCORE - 1
    for grid in grids:
        labels = Labels(grid)
        for layout in layouts:
            score = _score(labels, layout)
            if score > best_score:
                best, best_score = Source(grid, labels, layout), score
    return best


def read_workbook(path: str | Path) -> Form:
    """Read one workbook into a form; FormFileError names file, sheet and cell on failure."""
    path = Path(path)
    source = best_match(load_grids(path))
    if source is None:
        raise FormFileError(f"{path}：没有找到绩效表格（任何工作表中都没有表样的标签，"
                            "如「一级指标」「三级指标」）")
    try:
        return BUILDERS[source.layout.kind](source)
    except (ReadError, AmountError) as error:
        raise FormFileError(f"{path}：{error}") from None
