"""Bringing form files into the store, file by file, all or nothing per file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from db.records import StoreError
from desktop.editing.errors import EditError
from desktop.editing.service import FormService, FormStep
from desktop.forms import Form
from desktop.interchange.errors import FormFileError
from desktop.interchange.files import expand_paths, read_form_file
from desktop.years.keys import name_key


@dataclass(frozen=True)
class ImportResult:
    path: Path
    form_id: int | None   # None when the file was refused or skipped
    message: str          # one line for the clerk
    step: FormStep | None = None   # the undoable step that stored it
    duplicate: bool = False        # skipped: the store already holds this form

    @property
    def ok(self) -> bool:
        return self.form_id is not None


def existing_form_id(service: FormService, form: Form) -> int | None:
    """The stored form this one would duplicate: same kind and year, same code or name."""
    if form.code:
        return service.store.find_form(form.year, form.code, form.kind)
    wanted = name_key(form.kind, form.name)   # spacing and full-width do not make a new form
    for summary in service.store.list_forms(year=form.year, kind=form.kind):
        if not summary.code and name_key(summary.kind, summary.name) == wanted:
            return summary.id
    return None


def import_form(service: FormService, path: Path, form: Form, replace: bool) -> ImportResult:
    existing = existing_form_id(service, form)
    if existing is not None and not replace:
        return ImportResult(path, None, f"{path}：{form.year} 年「{form.name}」已在库中，未导入",
                            duplicate=True)
    try:
        if existing is not None:
            step = service.replace_form(existing, form, label="导入覆盖表格")
            return ImportResult(path, existing, f"{path}：已覆盖 {form.year} 年「{form.name}」",
                                step)
        form_id, step = service.create_form(form, label="导入表格")
    except (EditError, StoreError) as error:
        return ImportResult(path, None, f"{path}：{error}")
    return ImportResult(path, form_id, f"{path}：已导入 {form.year} 年「{form.name}」", step)


Progress = Callable[[int, int, str], bool]
"""progress(done, total, file name) → False to stop; called before each file and at the end."""


def import_files(service: FormService, paths: Iterable[str | Path], replace: bool = False,
                 progress: Progress | None = None) -> list[ImportResult]:
    """Read each file completely before anything is written; a bad file writes nothing.

    Folders stand for the form files inside them (.json, .xlsx, .xls). With `progress`,
    the window shows how far it got and can stop between two files; what was imported
    before the stop stays imported (each file is its own undoable step).
    """
    results: list[ImportResult] = []
    files = list(expand_paths(paths))
    for done, path in enumerate(files):
        if progress is not None and progress(done, len(files), path.name) is False:
            return results
        try:
            form = read_form_file(path)
        except FormFileError as error:
            results.append(ImportResult(path, None, str(error)))
            continue
        results.append(import_form(service, path, form, replace))
    if progress is not None:
        progress(len(files), len(files), "")
    return results
