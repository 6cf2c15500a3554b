"""The browser's list at scale, with the figures the store keeps: every form's row (year,
unit, code, name, total, grade, state, findings) for a store of 1,000 and of 5,000
forms, against a bare sqlite3 SELECT of the same columns (the form table joined to
form_figures, in the list's order) measured in the same run.

The forms are the published samples copied with new codes and years, stored one by one
through `Store.add_form` (so each is evaluated and its figures kept, as the window's
write path does). Generating 5,000 takes a while, so each store is kept in the system's
temporary folder, keyed by its size and by the schema and rules it was made under; a
kept store whose figures were made by other rules would measure their recomputation,
so every run lists the store once before timing (that write-back is not measured).

For scale, the 1,000-form store is also listed the way the browser did before the
figures were kept: every form loaded and evaluated (reported, no goal). That took
65 s at 20,000 forms; at about 4× a bare SELECT, the kept figures list 20,000 forms
in about a second.
"""

from __future__ import annotations

import copy
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, Figure, median_seconds

sys.path.insert(0, str(ROOT / "tests"))

SIZES = (1_000, 5_000)
REPEAT = 9

BARE_LIST = """
SELECT f.id, f.kind, f.layout, f.year, f.code, f.name, f.unit, f.budget_unit, f.state,
       f.created_at, f.updated_at, g.total, g.grade, g.findings,
       g.rules_version = ? AND g.form_updated_at = f.updated_at AS fresh
FROM form AS f LEFT OUTER JOIN form_figures AS g ON g.form_id = f.id
ORDER BY f.year DESC, coalesce(nullif(f.unit, ''), f.budget_unit), f.code, f.name, f.id
"""
"""What `Store.list_with_figures` asks of the database, without the store around it."""


def samples() -> list:   # type: ignore[type-arg]
    from conftest import SAMPLE_FILES, load_sample
    return [load_sample(path.stem) for path in SAMPLE_FILES]


def copy_of(sample, number: int):   # type: ignore[no-untyped-def]
    """The sample under a new code and one of ten years, so the tree has many branches."""
    form = copy.deepcopy(sample)
    code = f"9{number:020d}"
    if hasattr(form, "project_code"):
        form.project_code = code
    else:
        form.unit_code = code
    form.year = 2015 + number % 10
    return form


def store_path(size: int) -> Path:
    """The kept store of `size` forms, generated when missing."""
    from db.schema_version import HEAD_REVISION
    from desktop.figures import rules_version
    path = (Path(tempfile.gettempdir())
            / f"jixiao-bench-scale-{size}-{HEAD_REVISION}-{rules_version()}.sqlite3")
    if not path.exists():
        generate(path, size)
    return path


def generate(path: Path, size: int) -> None:
    from db.store import Store
    start, partial = time.perf_counter(), path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    originals = samples()
    with Store(f"sqlite:///{partial}") as store:
        for number in range(size):
            store.add_form(copy_of(originals[number % len(originals)], number))
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)   # only a whole store is ever kept
    print(f"  generated {size} forms in {time.perf_counter() - start:.1f} s", file=sys.stderr)


def measure(size: int) -> tuple[float, float]:
    """(browser entries, bare SELECT) in seconds, medians of REPEAT runs. The entries
    are whole browser rows: Python objects with their texts, where the floor leaves
    the database's values as they come."""
    from db.store import Store
    from desktop.figures import rules_version
    from desktop.presenters.browser import BrowserPresenter
    path = store_path(size)
    with Store(f"sqlite:///{path}") as store:
        presenter = BrowserPresenter(store)
        assert len(presenter.entries()) == size   # and stale figures rebuilt, unmeasured
        entries = median_seconds(presenter.entries, repeat=REPEAT, warmup=1)
    connection, version = sqlite3.connect(path), rules_version()
    bare = median_seconds(lambda: connection.execute(BARE_LIST, (version,)).fetchall(),
                          repeat=REPEAT)
    connection.close()
    return entries, bare


def evaluating_every_form(size: int) -> float:
    """The list with every form loaded (in batches) and evaluated, as before."""
    from db.store import Store
    from desktop.figures import figures_of
    with Store(f"sqlite:///{store_path(size)}") as store:
        def listing() -> None:
            summaries = store.list_forms()
            ids = [summary.id for summary in summaries]
            for start in range(0, len(ids), 500):
                for form in store.load_forms(ids[start:start + 500]).values():
                    figures_of(form)
        return median_seconds(listing, repeat=1, warmup=0)


def run() -> list[Figure]:
    figures = []
    for size in SIZES:
        entries, bare = measure(size)
        figures.append(Figure(f"browser entries at {size:,} forms (figures stored)",
                              entries, "bare SELECT of the same columns", bare, "≤ 5×"))
        if size == SIZES[0]:
            figures.append(Figure(
                f"browser entries at {size:,} forms, every form evaluated (before)",
                evaluating_every_form(size), "bare SELECT of the same columns", bare,
                "(no goal; reported)"))
    return figures
