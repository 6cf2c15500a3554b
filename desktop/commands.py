"""The sub-commands of `jixiao`, each a small function from parsed arguments to an exit code."""

from __future__ import annotations

import argparse
import json

from db.store import Store
from desktop.cli import CommandError
from desktop.editing.service import FormService
from desktop.forms import KIND_TITLES, Form
from desktop.importing import import_files
from desktop.interchange.files import read_form_file
from desktop.layouts import load_layout
from desktop.report import score_dict, score_text
from desktop.template.batch import ExportSummary, export_forms, export_one, layout_for

FILE_SUFFIXES = {".json": "json", ".xlsx": "xlsx"}


def open_service(db: str | None) -> FormService:
    return FormService(Store.open(db))


def score(args: argparse.Namespace) -> int:
    form = read_form_file(args.file)
    if args.json:
        print(json.dumps(score_dict(form), ensure_ascii=False, indent=2))
    else:
        print(score_text(form))
    return 0


def import_(args: argparse.Namespace) -> int:
    results = import_files(open_service(args.db), args.files, replace=args.replace)
    if not results:
        raise CommandError("没有找到可导入的表格文件")
    for result in results:
        print(result.message + ("（覆盖请加 --replace）" if result.duplicate else ""))
    refused = sum(not result.ok for result in results)
    print(f"共 {len(results)} 个文件：导入 {len(results) - refused} 个，未导入 {refused} 个")
    return 0 if refused == 0 else 2


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
    summaries = Store.open(args.db).list_forms(year=args.year)
    if args.json:
        print(json.dumps([{"id": s.id, "kind": s.kind.value, "year": s.year, "code": s.code,
                           "name": s.name, "unit": s.unit, "state": s.state}
                          for s in summaries], ensure_ascii=False, indent=2))
        return 0
    for s in summaries:
        print(f"{s.id:>5}  {s.year}  {KIND_TITLES[s.kind]}  {s.code or '—'}  {s.name}  ({s.unit})")
    if not summaries:
        print("库中没有表格")
    return 0
