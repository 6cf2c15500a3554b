"""Import: a workbook (.xlsx or .xls) into forms, one per sheet that holds one.

A clerk's workbook holds many forms (a street office's twenty target declarations, a
project library's target, monitoring and self-evaluation sheets side by side) and
sheets that are no form at all. Every sheet is examined on its own: its title names the
kind (`desktop.template.kinds`), the layouts of that kind are scored by how many of
their labels the sheet shows, and the best one reads it. A sheet becomes a form whole
or is reported (skipped, refused with the cell and why, or a kind not held yet); one bad
sheet never sinks the others.
"""

from __future__ import annotations

import gc
import warnings
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.forms import Form, FormKind
from desktop.interchange.errors import FormFileError
from desktop.interchange.opening import read_form_bytes
from desktop.interchange.sheets import ReadOptions, SheetReading, SheetStatus
from desktop.layouts import Layout, layout_names, load_layout
from desktop.logs import log_exception
from desktop.money import AmountError
from desktop.template.cellvalues import label_key
from desktop.template.find import Labels, NeedsInput, ReadError
from desktop.template.grid import Grid, grid_from_openpyxl
from desktop.template.kinds import seemed_to_be, sheet_title, unsupported_reason
from desktop.template.package import check_package, show_formulas, unsafe_xml
from desktop.template.read_self import read_self_evaluation
from desktop.template.read_structured import read_structured_self_evaluation
from desktop.template.read_targets import read_project_target, read_unit_target
from desktop.template.source import Source
from desktop.template.xls import read_xls
from desktop.template.xls_census import check_xls

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TITLE_WEIGHT = 3
MIN_SCORE = 4
BUILDERS: dict[str, Callable[[Source], Form]] = {
    FormKind.SELF_EVALUATION.value: read_self_evaluation,
    FormKind.PROJECT_TARGET.value: read_project_target,
    FormKind.UNIT_TARGET.value: read_unit_target,
    "structured_self_evaluation": read_structured_self_evaluation,
}
"""Sheet readers by name: a layout's "reader" key, else its kind. A layout whose blocks
need more than the label-driven readers names one registered here."""


def _load(content: bytes, data_only: bool) -> Workbook:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it skips
        return load_workbook(BytesIO(content), data_only=data_only)


def _read_xlsx(content: bytes, where: str) -> list[Grid]:
    tally = check_package(content, where)   # before openpyxl inflates anything
    book = _load(content, data_only=True)
    grids = [grid_from_openpyxl(sheet) for sheet in book.worksheets]
    if tally.uncalculated_formulas:
        del book
        gc.collect()   # the first workbook is a web of cycles (cell ↔ sheet ↔ book): free it first
        show_formulas(grids, _load(content, data_only=False))
    return grids


def _read_xls(content: bytes, where: str) -> list[Grid]:
    check_xls(content, where)   # before xlrd builds anything
    return read_xls(content)


def load_grids(path: Path) -> list[Grid]:
    """Every worksheet of the file, whatever its extension says: the first bytes decide."""
    content = read_form_bytes(path)
    if content.startswith(ZIP_MAGIC):
        reader, kind = _read_xlsx, "xlsx"
    elif content.startswith(OLE_MAGIC):
        reader, kind = _read_xls, "xls"
    else:
        raise FormFileError(f"{path}：不是 Excel 工作簿（.xlsx 或 .xls）")
    try:
        return reader(content, str(path))
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
    keys |= {label_key(str(text)) for text in layout.raw.get("signature", ())}
    return keys - {""}


def _score(labels: Labels, layout: Layout, title: str = "") -> int:
    present = labels.keys()
    titles = {label_key(layout.title), *map(label_key, layout.raw.get("titles", ()))}
    named = label_key(title) in titles or any(key in present for key in titles)
    return len(_signature(layout) & present) + (TITLE_WEIGHT if named else 0)


def _layouts(kind: str | None) -> list[Layout]:
    layouts = [load_layout(name) for name in layout_names()]
    return [layout for layout in layouts if kind is None or layout.kind.value == kind]


def _shows_indicators(labels: Labels, layout: Layout) -> bool:
    """Whether the sheet prints the layout's indicator header (三级指标 beside 一级 or
    二级): a project library's 项目基本信息 sheet shows a form's header labels and no
    indicator table, and is no form."""
    present = labels.keys()

    def shows(key: str) -> bool:
        return any(label_key(label) in present for label in layout.labels_for(key))
    return shows("indicators.name") and (shows("indicators.level1")
                                          or shows("indicators.level2"))


def choose_layout(grid: Grid, labels: Labels, kind: str | None,
                  title: str = "") -> Layout | None:
    """The layout of `kind` whose labels the sheet shows most. Without a kind from the
    title, the sheet must show enough of some layout's labels, its indicator header
    among them, to count as a form."""
    scored = [(_score(labels, layout, title), layout) for layout in _layouts(kind)]
    scored = [(score, layout) for score, layout in scored
              if kind is not None or (score >= MIN_SCORE and _shows_indicators(labels, layout))]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best else None


def build_form(source: Source) -> Form:
    reader = BUILDERS[str(source.layout.raw.get("reader", source.layout.kind.value))]
    return reader(source)


def read_sheet(grid: Grid, options: ReadOptions) -> SheetReading:
    """One sheet: a form, or why not."""
    title = sheet_title(grid)
    if title.kind is not None and unsupported_reason(title.kind):
        return SheetReading(grid.name, SheetStatus.UNSUPPORTED, title=title.kind_name,
                            message=f"{grid.name}：{title.text}：{unsupported_reason(title.kind)}")
    labels = Labels(grid)
    layout = choose_layout(grid, labels, title.kind, title.text)
    if layout is None:
        seemed = title.text or seemed_to_be(grid)
        return SheetReading(grid.name, SheetStatus.SKIPPED, title=seemed,
                            message=f"{grid.name}：不是绩效表格（{seemed}），已跳过")
    source = Source(grid, labels, layout, options)
    shown = title.kind_name or layout.title
    try:
        form = build_form(source)
    except NeedsInput as error:
        return SheetReading(grid.name, SheetStatus.REFUSED, title=shown, layout=layout.name,
                            message=str(error), needs=error.needs)
    except (ReadError, AmountError) as error:
        return SheetReading(grid.name, SheetStatus.REFUSED, title=shown, layout=layout.name,
                            message=str(error))
    except Exception as error:  # noqa: BLE001 - a reader's defect on one sheet: report it
        log = log_exception((type(error), error, error.__traceback__), f"读取 {grid.name}")
        return SheetReading(grid.name, SheetStatus.REFUSED, title=shown, layout=layout.name,
                            message=f"{grid.name}：无法读取（{type(error).__name__}），"
                                    f"详情已记入日志 {log}")
    return SheetReading(grid.name, SheetStatus.FORM, form=form, title=shown,
                        layout=layout.name)


def read_sheets(path: str | Path, options: ReadOptions | None = None) -> list[SheetReading]:
    """Every sheet of a workbook, in the workbook's order; FormFileError only when the
    file as a whole cannot be opened."""
    return [read_sheet(grid, options or ReadOptions()) for grid in load_grids(Path(path))]


def read_workbook(path: str | Path, options: ReadOptions | None = None) -> Form:
    """The workbook's first form; FormFileError names file, sheet and cell when it has none."""
    path = Path(path)
    readings = read_sheets(path, options)
    form = next((r.form for r in readings if r.form is not None), None)
    if form is not None:
        return form
    refused = next((r for r in readings if r.status is not SheetStatus.SKIPPED), None)
    if refused is not None:
        raise FormFileError(f"{path}：{refused.message}")
    raise FormFileError(f"{path}：没有找到绩效表格（任何工作表中都没有表样的标签，"
                        "如「一级指标」「三级指标」）")
