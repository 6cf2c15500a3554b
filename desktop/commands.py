"""The sub-commands of `jixiao`, each a small function from parsed arguments to an exit code."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from db.store import Store
from desktop.cli import CommandError
from desktop.editing.service import FormService
from desktop.forms import KIND_TITLES, Form
from desktop.importing import import_files
from desktop.interchange.files import read_form_file
from desktop.interchange.json_form import write_form
from desktop.report import score_dict, score_text


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
        print(result.message)
    refused = sum(not result.ok for result in results)
    print(f"共 {len(results)} 个文件：导入 {len(results) - refused} 个，未导入 {refused} 个")
    return 0 if refused == 0 else 2


def _file_name(form: Form) -> str:
    key = form.code or form.name
    safe = re.sub(r'[\\/:*?"<>|\s]+', "_", key).strip("_") or "form"
    return f"{form.year}-{safe}-{form.kind.value}.json"


def export(args: argparse.Namespace) -> int:
    store = Store.open(args.db)
    summaries = store.list_forms(year=args.year, code=args.code)
    if not summaries:
        which = f"项目 {args.code} " if args.code else ""
        raise CommandError(f"库中没有 {args.year} 年{which}的表格")
    forms = [store.load_form(summary.id) for summary in summaries]
    single_file = len(forms) == 1 and args.out.suffix.lower() == ".json"
    if single_file:
        targets = [args.out]
    else:
        args.out.mkdir(parents=True, exist_ok=True)
        targets = [args.out / _file_name(form) for form in forms]
    for form, target in zip(forms, targets):
        write_form(target, form)
        print(f"已导出 {target}")
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
