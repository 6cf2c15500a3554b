"""Export: a form into the official import template, written whole or not at all.

`build_workbook` lays the form out block by block in the layout's order;
`write_workbook` saves it through a temporary file in the target folder, so a failed
export leaves the previous file intact.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from desktop.atomic import write_atomically
from desktop.forms import KIND_TITLES, Form
from desktop.layouts import Layout, export_layout, load_layout
from desktop.template.context import WriteContext
from desktop.template.geometry import Block, sheet_spec
from desktop.template.sheet import SheetWriter, TemplateExportError
from desktop.template.styles import Look
from desktop.template.write_common import write_fields, write_indicators, write_text, write_title
from desktop.template.write_frame import write_labels, write_note, write_side
from desktop.template.write_self import write_funds, write_goal, write_remark, write_total
from desktop.template.write_tasks import write_tasks

BLOCK_WRITERS: dict[str, Callable[[WriteContext, Block], None]] = {
    "title": write_title, "fields": write_fields, "text": write_text,
    "funds": write_funds, "goal": write_goal, "indicators": write_indicators,
    "total": write_total, "remark": write_remark, "tasks": write_tasks,
    "side": write_side, "labels": write_labels, "note": write_note,
}
CM_PER_INCH = 2.54
FOOTER = "第 &P 页，共 &N 页"


def resolve_layout(form: Form, layout: str | Layout | None = None) -> Layout:
    """The layout to export with: the one asked for, else the form's own.

    A layout for another kind of form is refused: a self-evaluation cannot be poured
    into the target form's template. An import-only layout (no `sheet`) exports in its
    `export_as` layout.
    """
    try:
        chosen = layout if isinstance(layout, Layout) else load_layout(layout or form.layout)
    except ValueError as error:
        raise TemplateExportError(str(error)) from None
    if chosen.kind is not form.kind:
        raise TemplateExportError(f"表样 {chosen.name} 用于{KIND_TITLES[chosen.kind]}，"
                                  f"不能导出{KIND_TITLES[form.kind]}")
    return export_layout(chosen)


def _print_setup(sheet: Worksheet, ctx: WriteContext) -> None:
    """A4 landscape, fitted to the page width, the indicator header on every page."""
    settings = ctx.layout.raw.get("print", {})
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = settings.get("orientation", "landscape")
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    margin = float(settings.get("margins_cm", 1.0)) / CM_PER_INCH
    sheet.page_margins = PageMargins(left=margin, right=margin, top=margin, bottom=margin,
                                     header=margin / 2, footer=margin / 2)
    sheet.print_options.horizontalCentered = True
    repeat = ctx.marks.get(settings.get("repeat_rows", "indicators_header"))
    if repeat:
        sheet.print_title_rows = f"{repeat}:{repeat}"
    last = get_column_letter(ctx.spec.last_column)
    sheet.print_area = f"A1:{last}{ctx.row - 1}"
    sheet.oddFooter.center.text = FOOTER


def _protect(sheet: Worksheet) -> None:
    """Protected without a password, so Excel enforces the grey cells' locks.

    Row heights and column widths stay adjustable: a clerk may need a taller row to
    read a long reason, and resizing moves nothing the budget system checks.
    """
    sheet.protection.sheet = True
    sheet.protection.formatRows = False
    sheet.protection.formatColumns = False


def build_workbook(form: Form, layout: str | Layout | None = None) -> Workbook:
    """The form laid out as the official template, in memory."""
    chosen = resolve_layout(form, layout)
    spec, look = sheet_spec(chosen), Look.of(chosen)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = spec.name
    for column, width in spec.widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
    ctx = WriteContext(form, chosen, spec, look, SheetWriter(sheet, spec, look))
    for block in spec.blocks:
        BLOCK_WRITERS[block.type](ctx, block)
    ctx.out.finish_heights()
    _print_setup(sheet, ctx)
    _protect(sheet)
    workbook.properties.creator = "绩效填报助手"
    workbook.properties.title = chosen.title
    return workbook


def write_workbook(form: Form, target: str | Path, layout: str | Layout | None = None) -> Path:
    """Export `form` to `target` (.xlsx); the file appears whole or not at all."""
    target = Path(target)
    workbook = build_workbook(form, layout)
    write_atomically(target, lambda temporary: workbook.save(temporary))
    return target
