"""Importing a folder of 1,000 form files into a store of 5,000 forms, from the window
against the command line: goal ≤ 1.5×.

The files are the published samples under new codes and years (bench/form_stores.py),
none of them in the store yet: one in WORKBOOK_EVERY written as the official .xlsx
template by the app's own exporter (every kind of form among them, so the workbook
reader is part of both imports), the others as JSON, which keeps a run of 1,000 files
affordable.

- command line: `jixiao --db STORE import FOLDER` (desktop.cli.main, its output
  captured);
- window: a shown MainWindow on the same store calls `transfer.import_paths` with the
  preview answered "import all" and the summary box left out, until the pending events
  (the browser showing the new forms, the last one opened) have been processed.

Both run in this process, each on its own fresh copy of the cached store: the clerk's
window is open before the import starts, so what is compared is the import itself, not
a process start that only the command line would pay (Python, SQLAlchemy and the store's
open take about a second of a run of tens of seconds). The runs are taken in turns so
that both see the same load on the machine; each run is long, so the median is of
REPEAT runs each.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import tempfile
import time
from pathlib import Path
from unittest import mock

from bench.bench_scale_window import warmed_copy
from bench.common import Figure
from bench.form_stores import numbered_forms

FILES = 1_000
STORED = 5_000
FIRST_NUMBER = 900_000
"""The files' forms are numbered from here: codes B900000… that no cached store holds."""
WORKBOOK_EVERY = 20
"""One file in 20 is an .xlsx workbook; the five samples come in turn, so five files in
a row are one of each kind, and every kind is among the workbooks."""
REPEAT = 3

WINDOW_WHY = (
    "the window reads and writes as the command line does, then re-lists the browser once "
    "(BrowserPanel.refresh, the whole store: about 0.4 s at 6,000 forms) and opens the last "
    "form. A miss means one of these grew, or the browser is updated per form again "
    "(MainWindow.forms_set_changed); a BrowserPanel.update_forms(ids) reading and inserting "
    "only the imported rows would take the re-listing out")


def write_files(folder: Path) -> Path:
    """FILES form files into `folder`, every one a form the cached store does not hold."""
    from desktop.interchange.json_form import write_form
    from desktop.template.batch import export_one
    folder.mkdir()
    for number, form in enumerate(numbered_forms(FIRST_NUMBER, FILES)):
        if (number // 5) % WORKBOOK_EVERY == 0:
            written = export_one(form, folder / f"{number:04d}.xlsx")
            if not written.ok:
                raise RuntimeError(written.message)
        else:
            write_form(folder / f"{number:04d}.json", form)
    return folder


def import_from_command_line(store: Path, folder: Path) -> float:
    from desktop.cli import main
    output = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(output):
        code = main(["--db", str(store), "import", str(folder)])
    seconds = time.perf_counter() - start
    if code != 0:
        raise RuntimeError(f"`jixiao import` ended with {code}: {output.getvalue()[-500:]}")
    return seconds


def import_from_window(store: Path, folder: Path) -> float:
    from PySide6.QtWidgets import QApplication

    from desktop.ui import transfer
    from desktop.ui.app import build_window
    app = QApplication.instance()
    window = build_window(f"sqlite:///{store}")
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    with mock.patch.object(transfer, "show_summary", lambda *_: None):
        start = time.perf_counter()
        results = transfer.import_paths(window, [str(folder)], choose=lambda plan: True)
        app.processEvents()
        seconds = time.perf_counter() - start
    imported = [r.form_id for r in results if r.ok]
    listed = all(window.browser.select_form(form_id) for form_id in imported)
    window.close()
    window.workspace.service.store.close()
    if len(imported) != FILES or not listed:
        raise RuntimeError(f"the window imported {len(imported)} of {FILES} files "
                           f"({'all' if listed else 'not all'} of them listed)")
    return seconds


def on_fresh_store(importer, folder: Path, scratch: Path) -> float:
    """One import on its own copy of the store, in a folder of its own: the copy and
    its write-ahead log go with the folder, so no run sees another's."""
    with tempfile.TemporaryDirectory(dir=scratch) as run_folder:
        return importer(warmed_copy(STORED, Path(run_folder)), folder)


def timed_runs(folder: Path, scratch: Path) -> tuple[float, float]:
    """Median seconds of the command line's and the window's import, in turns."""
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEAT):
        for importer, times in zip((import_from_command_line, import_from_window), samples):
            times.append(on_fresh_store(importer, folder, scratch))
    return statistics.median(samples[0]), statistics.median(samples[1])


def run() -> list[Figure]:
    from PySide6.QtWidgets import QApplication
    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as scratch:
        folder = write_files(Path(scratch) / "files")
        command_line, window = timed_runs(folder, Path(scratch))
    return [Figure(f"import of {FILES:,} files ({FILES // WORKBOOK_EVERY} of them .xlsx) into "
                   f"{STORED:,} forms from the window, until listed (median of {REPEAT})",
                   window, "`jixiao import` of the same folder (in process)", command_line,
                   "≤ 1.5×", why=WINDOW_WHY)]
