"""Which reader a file needs, and which files a folder holds."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from desktop.forms import Form
from desktop.interchange.errors import FormFileError
from desktop.interchange.limits import check_file_size, check_texts
from desktop.logs import log_exception

READERS = {".json": "desktop.interchange.json_form:read_form",
           ".xlsx": "desktop.template.reader:read_workbook",
           ".xls": "desktop.template.reader:read_workbook"}
"""Readers by suffix, named rather than imported: openpyxl and xlrd load on first use,
which keeps them out of the window's start-up."""


def _reader(suffix: str) -> Callable[[Path], Form] | None:
    name = READERS.get(suffix)
    if name is None:
        return None
    module, function = name.split(":")
    return getattr(importlib.import_module(module), function)


def read_form_file(path: str | Path) -> Form:
    """Read a form from any supported file; FormFileError says why not in one line.

    Whatever a file holds, reading it ends in a form or a FormFileError: a reader's
    defect on a file nobody foresaw is logged with its traceback and reported as that
    file's line, so one odd file never ends a batch import.
    """
    path = Path(path)
    reader = _reader(path.suffix.lower())
    if reader is None:
        supported = "、".join(sorted(READERS))
        raise FormFileError(f"{path}：不支持的文件类型（支持 {supported}）")
    check_file_size(path)
    try:
        form = reader(path)
    except FormFileError:
        raise
    except Exception as error:  # noqa: BLE001 - see the docstring
        log = log_exception((type(error), error, error.__traceback__), f"读取 {path}")
        raise FormFileError(f"{path}：无法读取（{type(error).__name__}），"
                            f"详情已记入日志 {log}") from None
    check_texts(form, str(path))
    return form


def _wanted(path: Path) -> bool:
    """A form file in a folder: a supported suffix, and not Excel's "~$" lock file or a
    hidden file (our own half-written exports are hidden ".name.part" files)."""
    return (path.is_file() and path.suffix.lower() in READERS
            and not path.name.startswith(("~$", ".")))


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders replaced by the supported files inside them, sorted."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if _wanted(p))
        else:
            yield path
