"""Bringing form files into the store: every sheet of every file, each form whole or not.

Reading comes first and writes nothing (`plan_files`): each sheet is read into a form,
or reported skipped, refused with its reason, or of a kind not held yet, and a form the
store already holds is marked. Storing (`store_planned`) then writes each chosen form as
its own undoable step, so one bad sheet never sinks the others and the window can show
the plan before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from db.records import FormExists, StoreError
from desktop.content_errors import CONTENT_ERRORS, content_problem
from desktop.editing.errors import EditError
from desktop.editing.service import FormService, FormStep
from desktop.forms import Form
from desktop.interchange.errors import FormFileError
from desktop.interchange.files import expand_paths, read_file_sheets
from desktop.interchange.sheets import ReadOptions, SheetReading, SheetStatus


class Outcome(StrEnum):
    IMPORTED = "imported"
    REPLACED = "replaced"
    DUPLICATE = "duplicate"      # already stored; not imported without replace
    SKIPPED = "skipped"          # a sheet that holds no form
    UNSUPPORTED = "unsupported"  # a form of a kind the store does not hold yet
    REFUSED = "refused"          # a file or sheet that cannot be read, or a store refusal


@dataclass(frozen=True)
class ImportResult:
    path: Path
    form_id: int | None   # None when nothing was stored
    message: str          # one line for the clerk
    step: FormStep | None = None   # the undoable step that stored it
    outcome: Outcome = Outcome.REFUSED
    sheet: str = ""
    needs: str = ""       # "year" or "code": what the clerk could supply (ReadOptions)

    @property
    def ok(self) -> bool:
        return self.form_id is not None

    @property
    def duplicate(self) -> bool:
        return self.outcome is Outcome.DUPLICATE

    @property
    def failed(self) -> bool:
        """A form that should have come in and did not (skipped sheets are no failure)."""
        return self.outcome in (Outcome.REFUSED, Outcome.DUPLICATE)


@dataclass(frozen=True)
class PlannedSheet:
    """One sheet of one file as read, with the stored form it would duplicate."""

    path: Path
    reading: SheetReading
    existing: int | None = None

    @property
    def where(self) -> str:
        return f"{self.path}［{self.reading.sheet}］" if self.reading.sheet else str(self.path)


def existing_form_id(service: FormService, form: Form) -> int | None:
    """The stored form this one would duplicate: the same kind, year, unit and project
    (code, else name), compared folded (`desktop.identity`), as the store compares."""
    return service.store.identical_form(form)


def plan_file(service: FormService, path: Path,
              options: ReadOptions | None = None) -> list[PlannedSheet]:
    """Every sheet of one file as read (nothing is written); a file that cannot be opened
    at all is one refused entry."""
    try:
        readings = read_file_sheets(path, options)
    except FormFileError as error:
        return [_refused_file(path, str(error))]
    except CONTENT_ERRORS as error:   # what slipped past the reader: this file's line only
        return [_refused_file(path, f"{path}：{content_problem(error)}")]
    if all(reading.status is SheetStatus.SKIPPED for reading in readings):
        sheets = "、".join(reading.sheet for reading in readings)
        return [_refused_file(path, f"{path}：没有找到绩效表格（工作表：{sheets}），"
                                    "任何工作表中都没有表样的标签，如「一级指标」「三级指标」")]
    return [PlannedSheet(path, reading,
                         existing_form_id(service, reading.form) if reading.form else None)
            for reading in readings]


def _refused_file(path: Path, message: str) -> PlannedSheet:
    """A file with nothing to import is one refusal, not a list of skipped sheets."""
    return PlannedSheet(path, SheetReading("", SheetStatus.REFUSED, message=message))


Options = ReadOptions | Callable[[Path], ReadOptions] | None
"""One set of options for every file, or options per file (the window asks per workbook)."""


def plan_files(service: FormService, paths: Iterable[str | Path],
               options: Options = None) -> list[PlannedSheet]:
    return [sheet for path in expand_paths(paths)
            for sheet in plan_file(service, path, _options_for(options, path))]


def _options_for(options: Options, path: Path) -> ReadOptions | None:
    return options(path) if callable(options) else options


def _unread(planned: PlannedSheet) -> ImportResult:
    reading = planned.reading
    outcome = {SheetStatus.SKIPPED: Outcome.SKIPPED,
               SheetStatus.UNSUPPORTED: Outcome.UNSUPPORTED}.get(reading.status, Outcome.REFUSED)
    return ImportResult(planned.path, None, _sheet_line(planned), outcome=outcome,
                        sheet=reading.sheet, needs=reading.needs)


def _sheet_line(planned: PlannedSheet) -> str:
    """"file［sheet］：reason", as for the sheets that were imported; a reading's
    "sheet!B2：…" keeps its cell ("单元格 B2：…"). A file refused whole says it itself."""
    sheet, message = planned.reading.sheet, planned.reading.message
    if not sheet:
        return message
    if message.startswith(f"{sheet}!"):
        message = "单元格 " + message[len(sheet) + 1:]
    else:
        message = message.removeprefix(f"{sheet}：")
    return f"{planned.where}：{message}"


def store_planned(service: FormService, planned: PlannedSheet,
                  replace: bool = False) -> ImportResult:
    """Store one planned sheet's form (its own undoable step), or report why not.

    The form is looked for first, and the store refuses it again at the write if it
    came in meanwhile (another clerk importing the same file at the same moment): the
    second import is told "已在库中" either way, and with `replace` overwrites the form
    the first one stored.
    """
    form = planned.reading.form
    if form is None:
        return _unread(planned)
    try:
        try:
            return _stored_once(service, planned, form, replace)
        except FormExists:   # stored by someone else between the look and the write
            return _stored_once(service, planned, form, replace)
    except (EditError, StoreError) as error:
        return ImportResult(planned.path, None, f"{planned.where}：{error}",
                            sheet=planned.reading.sheet)


def _stored_once(service: FormService, planned: PlannedSheet, form: Form,
                 replace: bool) -> ImportResult:
    """A new form, or over the stored one with `replace`, or the duplicate's line."""
    where, sheet, existing = planned.where, planned.reading.sheet, existing_form_id(service, form)
    if existing is not None and not replace:
        return ImportResult(planned.path, None, f"{where}：{form.year} 年「{form.name}」已在库中，未导入",
                            outcome=Outcome.DUPLICATE, sheet=sheet)
    if existing is not None:
        step = service.replace_form(existing, form, label="导入覆盖表格")
        return ImportResult(planned.path, existing, f"{where}：已覆盖 {form.year} 年「{form.name}」",
                            step, Outcome.REPLACED, sheet)
    form_id, step = service.create_form(form, label="导入表格")
    return ImportResult(planned.path, form_id, f"{where}：已导入 {form.year} 年「{form.name}」",
                        step, Outcome.IMPORTED, sheet)


Progress = Callable[[int, int, str], bool]
"""progress(done, total, file name) → False to stop; called before each file and at the end."""


def import_files(service: FormService, paths: Iterable[str | Path], replace: bool = False,
                 progress: Progress | None = None, options: Options = None) -> list[ImportResult]:
    """Read each file completely before any of its forms is written; then store each
    form of it. A bad file or sheet writes nothing and gets its line.

    Folders stand for the form files inside them (.json, .xlsx, .xls). With `progress`,
    the window shows how far it got and can stop between two files; what was imported
    before the stop stays imported (each form is its own undoable step).
    """
    results: list[ImportResult] = []
    files = list(expand_paths(paths))
    for done, path in enumerate(files):
        if progress is not None and progress(done, len(files), path.name) is False:
            return results
        results += [store_planned(service, planned, replace)
                    for planned in plan_file(service, path, _options_for(options, path))]
    if progress is not None:
        progress(len(files), len(files), "")
    return results


def summary_line(results: list[ImportResult]) -> str:
    """"共 20 张表：导入 19，跳过 1，未导入 1" for the command line and the window."""
    counts = {outcome: sum(r.outcome is outcome for r in results) for outcome in Outcome}
    stored = counts[Outcome.IMPORTED] + counts[Outcome.REPLACED]
    passed = counts[Outcome.SKIPPED] + counts[Outcome.UNSUPPORTED]
    return (f"共 {len(results)} 张表：导入 {stored}，跳过 {passed}，"
            f"未导入 {len(results) - stored - passed}")
