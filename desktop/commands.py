"""The sub-commands of `jixiao`, each a small function from parsed arguments to an exit code."""

from __future__ import annotations

import argparse
import json

from db.store import Store
from desktop.cli import CommandError
from desktop.editing.service import FormService
from desktop.forms import KIND_TITLES, Form
from desktop.importing import ImportResult, import_files, summary_line
from desktop.interchange.errors import FormFileError
from desktop.interchange.files import read_file_sheets
from desktop.interchange.sheets import ReadOptions, SheetReading
from desktop.layouts import load_layout
from desktop.report import score_dict, score_text
from desktop.template.batch import ExportSummary, export_forms, export_one, layout_for

FILE_SUFFIXES = {".json": "json", ".xlsx": "xlsx"}


def open_service(db: str | None) -> FormService:
    return FormService(Store.open(db))


def _scored_sheets(args: argparse.Namespace) -> tuple[list[SheetReading], list[SheetReading]]:
    """The sheets of the file that hold forms, and the others (reported, not scored)."""
    readings = read_file_sheets(args.file, ReadOptions(year=args.year))
    forms = [reading for reading in readings if reading.form is not None]
    if not forms:
        others = [r for r in readings if r.message]
        why = others[0].message if others else "没有找到绩效表格"
        raise FormFileError(f"{args.file}：{why}")
    return forms, [reading for reading in readings if reading.form is None]


def score(args: argparse.Namespace) -> int:
    """Every form of the file; one form prints as before, several each under its sheet."""
    forms, others = _scored_sheets(args)
    if args.json:
        dicts = [{"sheet": r.sheet, **score_dict(r.form)} for r in forms if r.form is not None]
        shown = score_dict(forms[0].form) if len(forms) == 1 and forms[0].form else dicts
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    for reading in forms:
        if len(forms) > 1:
            print(f"［{reading.sheet}］")
        assert reading.form is not None
        print(score_text(reading.form))
    for reading in others:
        print(reading.message)
    return 0


HINTS = {"year": "，请用 --year 指定",
         "code": "（或在窗口中导入时填写完整编码）"}


def _hint(result: ImportResult) -> str:
    """What the clerk can do about a sheet on the command line."""
    return "（覆盖请加 --replace）" if result.duplicate else HINTS.get(result.needs, "")


def import_(args: argparse.Namespace) -> int:
    """Each sheet of each file: imported, skipped or not imported, with the reason."""
    results = import_files(open_service(args.db), args.files, replace=args.replace,
                           options=ReadOptions(year=args.year))
    if not results:
        raise CommandError("没有找到可导入的表格文件")
    for result in results:
        print(result.message + _hint(result))
    print(summary_line(results))
    return 2 if any(result.failed for result in results) else 0


def _format(args: argparse.Namespace) -> str:
    """--format, else the --out file's extension, else xlsx (one workbook per form)."""
    chosen = args.format or FILE_SUFFIXES.get(args.out.suffix.lower(), "xlsx")
    if args.layout and chosen != "xlsx":
        raise CommandError("--layout 只用于 xlsx 导出")
    return chosen


def _check_layout(args: argparse.Namespace, forms: list[Form]) -> None:
    if not args.layout:
        return
    try:
        layout = load_layout(args.layout)
    except ValueError as error:
        raise CommandError(str(error)) from None
    if not any(form.kind is layout.kind for form in forms):
        raise CommandError(f"表样 {layout.name} 用于{KIND_TITLES[layout.kind]}，"
                           "所选表格中没有这类表格")


def _load_forms(args: argparse.Namespace) -> list[Form]:
    store = Store.open(args.db)
    summaries = store.list_forms(year=args.year, code=args.code)
    if not summaries:
        which = f"项目 {args.code} " if args.code else ""
        raise CommandError(f"库中没有 {args.year} 年{which}的表格")
    return [store.load_form(summary.id) for summary in summaries]


def export(args: argparse.Namespace) -> int:
    forms = _load_forms(args)
    format_ = _format(args)
    _check_layout(args, forms)
    if args.out.suffix.lower() in FILE_SUFFIXES:
        if len(forms) > 1:
            raise CommandError(f"有 {len(forms)} 个表格，--out 应为文件夹（每个表格一个文件）")
        summary = ExportSummary([export_one(forms[0], args.out, format_,
                                            layout_for(forms[0], args.layout))])
    else:
        summary = export_forms(forms, args.out, args.layout, format_=format_)
    for outcome in summary.outcomes:
        print(outcome.message)
    if summary.refused:
        print(summary.summary_line())
        return 2
    return 0


def list_(args: argparse.Namespace) -> int:
    store = Store.open(args.db)
    summaries = store.list_forms(year=args.year)
    if args.json:
        counts = store.indicator_counts([s.id for s in summaries])
        print(json.dumps([{"id": s.id, "kind": s.kind.value, "year": s.year, "code": s.code,
                           "name": s.name, "unit": s.unit, "state": s.state,
                           "layout": s.layout, "indicators": counts.get(s.id, 0)}
                          for s in summaries], ensure_ascii=False, indent=2))
        return 0
    for s in summaries:
        print(f"{s.id:>5}  {s.year}  {KIND_TITLES[s.kind]}  {s.code or '—'}  {s.name}  ({s.unit})")
    if not summaries:
        print("库中没有表格")
    return 0
