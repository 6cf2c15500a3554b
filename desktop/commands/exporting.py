"""`jixiao export`: stored forms to import-template workbooks or JSON files."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.store import Store
from desktop.cli import CommandError
from desktop.commands.output import say
from desktop.forms import KIND_TITLES, Form
from desktop.layouts import load_layout
from desktop.template.batch import export_forms, export_one, layout_for

FILE_SUFFIXES = {".json": "json", ".xlsx": "xlsx"}


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


def _export_file(args: argparse.Namespace, forms: list[Form], format_: str) -> int:
    """One form to the --out file; a refusal (a full disk among them) is one line."""
    if len(forms) > 1:
        raise CommandError(f"有 {len(forms)} 个表格，--out 应为文件夹（每个表格一个文件）")
    outcome = export_one(forms[0], args.out, format_, layout_for(forms[0], args.layout))
    if not outcome.ok:
        raise CommandError(outcome.message)
    say(outcome.message)
    return 0


def _folder(path: Path) -> Path:
    """The --out folder, made if missing; one that cannot be made is a refusal."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(f"无法创建文件夹 {path}（{error.strerror or error}）") from None
    return path


def _export_folder(args: argparse.Namespace, forms: list[Form], format_: str) -> int:
    """One file per form: a line for each, and the count when any was refused."""
    summary = export_forms(forms, _folder(args.out), args.layout, format_=format_)
    for outcome in summary.outcomes:
        say(outcome.message)
    if summary.refused:
        say(summary.summary_line())
        return 2
    return 0


def export_stored(args: argparse.Namespace) -> int:
    forms = _load_forms(args)
    format_ = _format(args)
    _check_layout(args, forms)
    if args.out.suffix.lower() in FILE_SUFFIXES:
        return _export_file(args, forms, format_)
    return _export_folder(args, forms, format_)
