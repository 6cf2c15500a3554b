"""Stores of many forms for the start-up bench: the published samples copied under new
codes and years through the store API, so the rows are exactly the ones the app writes.

A store is cached as /tmp/jixiao-bench-N.sqlite3 and reused while it holds N forms; other
benches may ask for the same file, so it is written under a private name and renamed into
place only once complete (a half-written store is never picked up).

    python -m bench.form_stores 1000 5000     # make (or check) the stores ahead of a run
"""

from __future__ import annotations

import copy
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from bench.common import ROOT

FIRST_YEAR, YEARS = 2015, 10


def store_path(forms: int) -> Path:
    return Path(f"/tmp/jixiao-bench-{forms}.sqlite3")


def form_count(path: Path) -> int | None:
    """How many forms the file holds; None when it is missing or not a store."""
    if not path.exists():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            return connection.execute("SELECT count(*) FROM form").fetchone()[0]
    except sqlite3.Error:
        return None


def ensure_store(forms: int) -> Path:
    """The cached store of `forms` forms, generated first when missing or different."""
    path = store_path(forms)
    if form_count(path) == forms:
        return path
    started = time.perf_counter()
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        _generate(partial, forms)
        if form_count(partial) != forms:   # e.g. rows left behind in a write-ahead log
            raise RuntimeError(f"generating {path} left {form_count(partial)} forms")
        for suffix in ("-wal", "-shm"):   # checkpointed by the close; stale ones would lie
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(partial, path)
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
    print(f"generated {path} ({forms} forms) in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)
    return path


def _generate(path: Path, forms: int) -> None:
    from db.store import Store
    samples = _samples()
    with Store(f"sqlite:///{path}") as store:
        for number in range(forms):
            store.add_form(_copy(samples[number % len(samples)], number))


def numbered_forms(first: int, count: int) -> Iterator:
    """`count` forms numbered from `first` on, made as the stores' forms are: a number at
    or above a store's size gives a form that store does not hold yet."""
    samples = _samples()
    for number in range(first, first + count):
        yield _copy(samples[number % len(samples)], number)


def _samples() -> list:
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import SAMPLE_FILES, load_sample
    return [load_sample(sample.stem) for sample in SAMPLE_FILES]


def _copy(sample, number: int):
    """The sample as the `number`th form: its own code, one of ten years."""
    form = copy.deepcopy(sample)
    form.year = FIRST_YEAR + number % YEARS
    code = f"B{number:06d}"
    if hasattr(form, "project_code"):
        form.project_code = code
    else:
        form.unit_code = code
    return form


if __name__ == "__main__":
    for size in sys.argv[1:]:
        print(ensure_store(int(size)))
