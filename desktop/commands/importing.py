"""`jixiao import FILE_OR_FOLDER…`: every sheet stored whole or not at all, one line each."""

from __future__ import annotations

import argparse

from db.records import StoreReadOnly
from db.store import Store
from db.store_errors import read_only_line
from desktop.cli import CommandError
from desktop.commands.output import say
from desktop.editing.service import FormService
from desktop.importing import ImportResult, import_files, summary_line
from desktop.interchange.sheets import ReadOptions

HINTS = {"year": "，请用 --year 指定",
         "code": "（或在窗口中导入时填写完整编码）"}


def open_service(db: str | None) -> FormService:
    """The store to import into; one that can only be read is refused here, in one line,
    rather than once for every sheet of every file."""
    store = Store.open(db)
    if store.read_only:
        store.close()
        raise StoreReadOnly(read_only_line(store.url))
    return FormService(store)


def _hint(result: ImportResult) -> str:
    """What the clerk can do about a sheet on the command line."""
    return "（覆盖请加 --replace）" if result.duplicate else HINTS.get(result.needs, "")


def import_paths(args: argparse.Namespace) -> int:
    """Each sheet of each file: imported, skipped or not imported, with the reason."""
    results = import_files(open_service(args.db), args.files, replace=args.replace,
                           options=ReadOptions(year=args.year))
    if not results:   # only folders were given, with no form file inside
        named = "、".join(str(path) for path in args.files)
        raise CommandError(f"{named}：没有找到可导入的表格文件（.json、.xlsx、.xls）")
    for result in results:
        say(result.message + _hint(result))
    say(summary_line(results))
    return 2 if any(result.failed for result in results) else 0
