"""The command line loads what it uses:

- `jixiao score FILE.json`, a whole process, against `python -c pass` started the same
  way: goal ≤ 4× (scoring touches no store, so SQLAlchemy, SQLModel, Alembic, openpyxl
  and Qt must stay unloaded; the work itself is a few milliseconds);
- `jixiao list --json` on stores of 1,000, 5,000 and 20,000 forms against plain sqlite3
  reading the same columns and printing the same JSON: goal ≤ 2×, both warm in one
  process (the read itself) and as whole processes (what a script waits for). A SQLite
  store at the current schema is read with the standard library's sqlite3
  (db.sqlite_listing), so the process imports neither SQLAlchemy nor SQLModel, which
  took most of a second, many times the listing itself;
- the same listing through `Store.open(...).listing`, warm, as every other store (a
  PostgreSQL one, one to migrate) is read: goal ≤ 2× against the same floor.

The stores are the published samples copied under new codes through the store API
(bench/form_stores.py), cached as /tmp/jixiao-bench-N.sqlite3. The 20,000-form store
takes several minutes to generate, so it is measured only when already cached
(`python -m bench.form_stores 20000`).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import ROOT, Figure, Skipped, median_seconds
from bench.form_stores import ensure_store, form_count, store_path

SAMPLE = ROOT / "resources" / "samples" / "longhua-2022-grid-info.json"
RUNS = 7
GENERATED = (1000, 5000)
"""Store sizes generated when missing; larger ones are measured only when cached."""
CACHED_ONLY = (20000,)

LISTED_COLUMNS = ("id", "kind", "year", "code", "name", "unit", "state", "layout",
                  "indicators")
FLOOR_QUERY = """
SELECT id, kind, year, code, name, coalesce(nullif(unit, ''), budget_unit), state, layout,
       (SELECT count(*) FROM indicator WHERE indicator.form_id = form.id)
FROM form
ORDER BY year DESC, coalesce(nullif(unit, ''), budget_unit), code, name, id
"""
"""What `jixiao list --json` prints, in its order, as one hand-written query."""

FLOOR_SCRIPT = f"""
import json, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
rows = connection.execute({FLOOR_QUERY!r}).fetchall()
print(json.dumps([dict(zip({LISTED_COLUMNS!r}, row)) for row in rows],
                 ensure_ascii=False, indent=2))
connection.close()
"""
"""The floor as a program: open the file, run the query, print the same JSON."""

def _environment() -> dict[str, str]:
    """The caller's environment, with bytecode caching on: a clerk's installation has
    its modules compiled (pip and the packaged build both ship .pyc), so a start that
    compiles every source file would measure this checkout, not the command."""
    return {name: value for name, value in os.environ.items()
            if name != "PYTHONDONTWRITEBYTECODE"}


def _timed_run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def _median_processes(arguments: list[str], floor_arguments: list[str],
                      env: dict[str, str]) -> tuple[float, float]:
    """Median wall times of RUNS runs of two Python processes to their exit, taken in
    turns so that both see the same load on the machine; each after one unmeasured
    run (which writes the bytecode caches and warms the file cache)."""
    commands = ([sys.executable, *arguments], [sys.executable, *floor_arguments])
    for command in commands:
        _timed_run(command, env)
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(RUNS):
        for command, times in zip(commands, samples):
            times.append(_timed_run(command, env))
    return statistics.median(samples[0]), statistics.median(samples[1])


def score_figures() -> list[Figure]:
    value, floor = _median_processes(["-m", "desktop", "score", str(SAMPLE)], ["-c", "pass"],
                                     _environment())
    return [Figure(f"`jixiao score` of a JSON form (process, median of {RUNS})", value,
                   "`python -c pass`", floor, "≤ 4×")]


def _list_in_process(path: Path) -> None:
    from desktop.cli import main
    with contextlib.redirect_stdout(io.StringIO()):
        main(["--db", str(path), "list", "--json"])


def _store_listing_in_process(path: Path) -> None:
    """The listing the way any store but a current SQLite file is read."""
    from db.store import Store
    from desktop.commands.listing import JSON_COLUMNS
    from desktop.commands.output import json_text
    with Store.open(str(path)) as store:
        print(json_text(store.listing(JSON_COLUMNS)), file=io.StringIO())


def _floor_in_process(path: Path) -> None:
    connection = sqlite3.connect(path)
    rows = connection.execute(FLOOR_QUERY).fetchall()
    print(json.dumps([dict(zip(LISTED_COLUMNS, row)) for row in rows],
                     ensure_ascii=False, indent=2), file=io.StringIO())
    connection.close()


def list_figures(forms: int, path: Path) -> list[Figure]:
    warm = median_seconds(lambda: _list_in_process(path), repeat=RUNS, warmup=1)
    warm_floor = median_seconds(lambda: _floor_in_process(path), repeat=RUNS, warmup=1)
    through_store = median_seconds(lambda: _store_listing_in_process(path), repeat=RUNS,
                                   warmup=1)
    process, process_floor = _median_processes(
        ["-m", "desktop", "--db", str(path), "list", "--json"], ["-c", FLOOR_SCRIPT, str(path)],
        _environment())
    return [Figure(f"`jixiao list --json`, {forms:,} forms (warm, in process)", warm,
                   "sqlite3: same columns, same JSON", warm_floor, "≤ 2×"),
            Figure(f"`jixiao list --json`, {forms:,} forms (process)", process,
                   "python + sqlite3: same columns, same JSON", process_floor, "≤ 2×"),
            Figure(f"`Store.listing` as JSON, {forms:,} forms (warm, in process)",
                   through_store, "sqlite3: same columns, same JSON", warm_floor, "≤ 2×")]


def _stores() -> list[tuple[int, Path] | Skipped]:
    stores: list[tuple[int, Path] | Skipped] = [(n, ensure_store(n)) for n in GENERATED]
    for forms in CACHED_ONLY:
        path = store_path(forms)
        if form_count(path) == forms:
            stores.append((forms, path))
        else:
            stores.append(Skipped(f"`jixiao list --json`, {forms:,} forms",
                                  f"{path} is not cached; generating it through the store "
                                  f"API takes several minutes (`python -m bench.form_stores "
                                  f"{forms}`)"))
    return stores


def run() -> list[Figure | Skipped]:
    results: list[Figure | Skipped] = [*score_figures()]
    for store in _stores():
        results += [store] if isinstance(store, Skipped) else list_figures(*store)
    return results
