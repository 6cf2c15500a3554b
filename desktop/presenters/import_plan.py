"""The import preview's rows: every sheet of the chosen files, and what importing it does.

Qt-free, so the choices (which sheets, the year a workbook lacks, a code Excel cut) and
their effect are tested without a display; `desktop.ui.import_preview` only shows these
rows in a table. Nothing is written until `store()`, and then only the ticked sheets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.editing.service import FormService
from desktop.forms import KIND_TITLES, Form
from desktop.importing import (
    ImportResult,
    Outcome,
    PlannedSheet,
    Progress,
    plan_file,
    store_planned,
)
from desktop.interchange.files import expand_paths
from desktop.interchange.sheets import ReadOptions, SheetStatus


class Action(StrEnum):
    """What importing does with a row; the view words each (导入 / 已在库中 / …)."""

    IMPORT = "import"
    REPLACE = "replace"          # already stored: replaced only when ticked
    NEEDS_YEAR = "needs_year"    # importable once the clerk gives the workbook's year
    NEEDS_CODE = "needs_code"    # importable once the clerk types the full project code
    REFUSED = "refused"
    SKIPPED = "skipped"
    UNSUPPORTED = "unsupported"


CHECKABLE = frozenset({Action.IMPORT, Action.REPLACE})


@dataclass
class PlanRow:
    """One sheet as read, and whether the clerk wants it."""

    planned: PlannedSheet
    ticked: bool = False
    asked_year: bool = False   # it had no year: the year shown is the one the clerk gave
    asked_code: bool = False   # its code was cut: the code shown is the one the clerk typed

    @property
    def path(self) -> Path:
        return self.planned.path

    @property
    def sheet(self) -> str:
        return self.planned.reading.sheet

    @property
    def form(self) -> Form | None:
        return self.planned.reading.form

    @property
    def action(self) -> Action:
        reading = self.planned.reading
        if reading.form is not None:
            return Action.IMPORT if self.planned.existing is None else Action.REPLACE
        if reading.needs == "year":
            return Action.NEEDS_YEAR
        if reading.needs == "code":
            return Action.NEEDS_CODE
        return {SheetStatus.SKIPPED: Action.SKIPPED,
                SheetStatus.UNSUPPORTED: Action.UNSUPPORTED}.get(reading.status, Action.REFUSED)

    @property
    def checkable(self) -> bool:
        return self.action in CHECKABLE

    @property
    def kind(self) -> str:
        """The kind as the clerk knows it; a JSON file's reading names the file instead."""
        reading = self.planned.reading
        if not reading.sheet and reading.form is not None:
            return KIND_TITLES[reading.form.kind]
        return reading.title

    @property
    def detail(self) -> str:
        """What the action column adds: the refusal, or what a skipped sheet seemed to be."""
        reading = self.planned.reading
        if self.action in (Action.SKIPPED, Action.UNSUPPORTED):
            return reading.title
        return reading.message

    @property
    def year_editable(self) -> bool:
        return self.action is Action.NEEDS_YEAR or self.asked_year

    @property
    def code_editable(self) -> bool:
        return self.action is Action.NEEDS_CODE or self.asked_code


def _rows(planned: Iterable[PlannedSheet]) -> list[PlanRow]:
    """Importable sheets ticked, sheets the store already holds not (replacing is a choice)."""
    rows = [PlanRow(sheet) for sheet in planned]
    for row in rows:
        row.ticked = row.action is Action.IMPORT
        row.asked_year = row.action is Action.NEEDS_YEAR
        row.asked_code = row.action is Action.NEEDS_CODE
    return rows


def read_plan(service: FormService, paths: Iterable[str | Path],
              progress: Progress | None = None) -> list[PlannedSheet] | None:
    """Every sheet of every file (folders expanded), read without writing; None when the
    clerk stopped the reading."""
    planned: list[PlannedSheet] = []
    files = list(expand_paths(paths))
    for done, path in enumerate(files):
        if progress is not None and progress(done, len(files), path.name) is False:
            return None
        planned += plan_file(service, path)
    if progress is not None:
        progress(len(files), len(files), "")
    return planned


class ImportPlan:
    """The rows of the preview and the clerk's choices on them."""

    def __init__(self, service: FormService, planned: Iterable[PlannedSheet],
                 remembered: Mapping[str, int] | None = None) -> None:
        self.service = service
        self.rows = _rows(planned)
        self.years: dict[Path, int] = {}
        self.codes: dict[Path, dict[str, str]] = {}
        self.remembered = dict(remembered or {})   # folder → the year last given there

    # ------------------------------------------------------------ what it holds

    def files(self) -> list[Path]:
        return list(dict.fromkeys(row.path for row in self.rows))

    def span(self, path: Path) -> tuple[int, int]:
        """The first row of a file and how many rows it has (a file's rows are adjacent)."""
        indexes = [i for i, row in enumerate(self.rows) if row.path == path]
        return (indexes[0], len(indexes)) if indexes else (len(self.rows), 0)

    def chosen(self) -> list[PlanRow]:
        return [row for row in self.rows if row.checkable and row.ticked]

    def counts(self) -> Counter[Action]:
        return Counter(row.action for row in self.rows)

    def suggested_year(self, path: Path) -> int | None:
        """The year to offer for a workbook that lacks one: the one given before for
        this file or its folder, else the year most of its other forms carry."""
        if path in self.years:
            return self.years[path]
        if str(path.parent) in self.remembered:
            return self.remembered[str(path.parent)]
        years = Counter(row.form.year for row in self.rows if row.path == path and row.form)
        return years.most_common(1)[0][0] if years else None

    # ------------------------------------------------------------ the clerk's choices

    def set_ticked(self, index: int, ticked: bool) -> bool:
        row = self.rows[index]
        if not row.checkable:
            return False
        row.ticked = ticked
        return True

    def options_for(self, path: Path) -> ReadOptions:
        return ReadOptions(year=self.years.get(path), codes=dict(self.codes.get(path, {})))

    def give_year(self, path: Path, year: int) -> None:
        """The year of a workbook whose sheets carry none: asked once, for every sheet."""
        self.years[path] = year
        self.remembered.pop(str(path.parent), None)   # the latest last: the oldest are let go
        self.remembered[str(path.parent)] = year

    def give_code(self, path: Path, sheet: str, code: str) -> None:
        """The full project code of a sheet whose code Excel cut; blank takes it back."""
        codes = self.codes.setdefault(path, {})
        if code.strip():
            codes[sheet] = code.strip()
        else:
            codes.pop(sheet, None)

    def read_again(self, path: Path) -> list[PlanRow]:
        """The file read with the year and codes given so far (not yet in the plan)."""
        before = {row.sheet: row for row in self.rows if row.path == path}
        rows = _rows(plan_file(self.service, path, self.options_for(path)))
        for row in rows:
            old = before.get(row.sheet)
            if old is None:
                continue
            row.asked_year |= old.asked_year
            row.asked_code |= old.asked_code
            if old.checkable and row.checkable:
                row.ticked = old.ticked   # the clerk's untick survives a re-read
        return rows

    def replace_file(self, path: Path, rows: list[PlanRow]) -> None:
        start, count = self.span(path)
        self.rows[start:start + count] = rows

    # ------------------------------------------------------------ storing

    def store(self) -> list[ImportResult]:
        """Store the ticked rows (replacing ticked stored ones), each its own undoable
        step; every other row gets its line in the results and writes nothing."""
        return [self._store(row) for row in self.rows]

    def _store(self, row: PlanRow) -> ImportResult:
        if row.checkable and row.ticked:
            return store_planned(self.service, row.planned, replace=row.action is Action.REPLACE)
        if not row.checkable:
            return store_planned(self.service, row.planned)   # its reason; no form, no write
        form = row.form
        assert form is not None
        if row.action is Action.REPLACE:
            return ImportResult(row.path, None,
                                f"{row.planned.where}：{form.year} 年「{form.name}」已在库中，未导入",
                                outcome=Outcome.DUPLICATE, sheet=row.sheet)
        return ImportResult(row.path, None, f"{row.planned.where}：未勾选，未导入",
                            outcome=Outcome.SKIPPED, sheet=row.sheet)

