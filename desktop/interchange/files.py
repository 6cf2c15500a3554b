"""Which reader a file needs, and which files a folder holds."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from desktop.forms import Form
from desktop.interchange.errors import FormFileError
from desktop.interchange.limits import check_texts
from desktop.interchange.opening import is_special, refuse_unreadable
from desktop.interchange.sheets import ReadOptions, SheetReading, SheetStatus
from desktop.logs import log_exception

READERS = {".json": "desktop.interchange.json_form:read_form",
           ".xlsx": "desktop.template.reader:read_workbook",
           ".xls": "desktop.template.reader:read_workbook"}
"""Readers by suffix, named rather than imported: openpyxl and xlrd load on first use,
which keeps them out of the window's start-up."""
WORKBOOK_SUFFIXES = {".xlsx", ".xls"}


def _reader(suffix: str) -> Callable[..., Any] | None:
    name = READERS.get(suffix)
    if name is None:
        return None
    module, function = name.split(":")
    return getattr(importlib.import_module(module), function)


def _read_guarded(path: Path, reader: Callable[..., Any], *args: Any) -> Any:
    """Whatever a file holds, reading it ends in a result or a FormFileError: a reader's
    defect on a file nobody foresaw is logged with its traceback and reported as that
    file's line, so one odd file never ends a batch import. What is no regular file (a
    named pipe, a device, a folder) or is too big is refused before it is opened."""
    refuse_unreadable(path)
    try:
        return reader(path, *args)
    except FormFileError:
        raise
    except Exception as error:  # noqa: BLE001 - see the docstring
        log = log_exception((type(error), error, error.__traceback__), f"读取 {path}")
        raise FormFileError(f"{path}：无法读取（{type(error).__name__}），"
                            f"详情已记入日志 {log}") from None


def _known_reader(path: Path, name: str | None = None) -> Callable[..., Any]:
    if path.suffix.lower() not in READERS:
        supported = "、".join(sorted(READERS))
        raise FormFileError(f"{path}：不支持的文件类型（支持 {supported}）")
    if name is not None:
        module = importlib.import_module("desktop.template.reader")
        return getattr(module, name)
    reader = _reader(path.suffix.lower())
    assert reader is not None
    return reader


def read_form_file(path: str | Path) -> Form:
    """Read a file's (first) form; FormFileError says why not in one line."""
    path = Path(path)
    form: Form = _read_guarded(path, _known_reader(path))
    check_texts(form, str(path))
    return form


def read_file_sheets(path: str | Path,
                     options: ReadOptions | None = None) -> list[SheetReading]:
    """Every form a file holds, one `SheetReading` per sheet (a JSON file is one form).

    `options` carries the year and codes the clerk supplied. FormFileError only when the
    file as a whole cannot be read.
    """
    path = Path(path)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return [SheetReading("", SheetStatus.FORM, form=read_form_file(path),
                             title=path.name)]
    readings = _read_guarded(path, _known_reader(path, "read_sheets"), options)
    return [_checked(reading) for reading in readings]


def _checked(reading: SheetReading) -> SheetReading:
    """A sheet's form with an over-long text becomes that sheet's refusal, not the file's."""
    if reading.form is None:
        return reading
    try:
        check_texts(reading.form, reading.sheet)
    except FormFileError as error:
        return dataclasses.replace(reading, status=SheetStatus.REFUSED, form=None,
                                   message=str(error))
    return reading


def _wanted(path: Path) -> bool:
    """A form file in a folder: a supported suffix, and not Excel's "~$" lock file or a
    hidden file (our own half-written exports are hidden ".name.part" files).

    A named pipe, socket, device or broken link with a form file's name is listed too
    (never opened): reading it is refused with its own line, so the clerk learns why the
    file named 目标表.xlsx was not imported. A folder with such a name is walked, not listed.
    """
    return (path.suffix.lower() in READERS and not path.name.startswith(("~$", "."))
            and (path.is_file() or is_special(path)))


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders replaced by the supported files inside them, sorted.
    Links to folders are not followed (pathlib's walk does not), so a link loop ends."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if _wanted(p))
        else:
            yield path
