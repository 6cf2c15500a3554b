"""Prior years at scale: a store of 20,000 forms (2,000 projects over 10 years, 30
indicators each; bench/years_store.py) and the three speed goals of issue 5:

- search across all years, median over a mix of queries: goal ≤ 50 ms;
- the unit overview (a unit's year of 40 forms, loaded and evaluated): goal ≤ 100 ms;
- the side-by-side view (both forms loaded, rows aligned and compared): goal ≤ 100 ms.

Each against a floor measured in the same run: a bare sqlite3 query of the same rows
(the hits' code and name; the forms' rows and indicator rows). The store is generated
once per run in a temporary folder (about 30 s); set JIXIAO_BENCH_YEARS_STORE to a file
path to keep it and reuse it on the next run.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import years_store
from bench.common import Figure, median_seconds

QUERIES = (
    # whole or part of project names, as a clerk looks a project up
    "网格信息采集", "食品安全抽检", "龙华区道路养护", "养老服务补贴购买服务",
    # indicator names and goal phrases
    "满意度", "采集率", "按时完成率", "知识产权保护检查次数", "营商环境", "风险隐患排查",
    # codes: a long fragment and a short one
    "4403092109015000012", "01234",
    # two characters (common and rare) and one
    "网格", "河道", "投诉", "宙查", "检",
    # width and case: full-width brackets and digits
    "（０１２３）", "ＡＢＣ",
    # misses
    "不存在的项目名称", "xyz",
)
REPEAT = 7
SAMPLES = 12


def _store_path(folder: Path) -> Path:
    kept = os.environ.get("JIXIAO_BENCH_YEARS_STORE")
    if kept and Path(kept).exists():
        return Path(kept)
    path = Path(kept) if kept else folder / "years.sqlite3"
    start = time.perf_counter()
    years_store.build(path)
    print(f"  generated {years_store.PROJECTS * years_store.YEARS} forms in "
          f"{time.perf_counter() - start:.1f} s", file=sys.stderr)
    return path


def _median_of(actions: Sequence[Callable[[], object]]) -> tuple[float, float]:
    """(median, slowest) over the actions, each the median of REPEAT runs."""
    times = [median_seconds(action, repeat=REPEAT, warmup=1) for action in actions]
    return statistics.median(times), max(times)


def search_figures(store, connection: sqlite3.Connection) -> list[Figure]:
    from desktop.years.search import search
    hit_ids = {query: [hit.form_id for hit in search(store, query)] for query in QUERIES}
    value, slowest = _median_of([lambda q=q: search(store, q) for q in QUERIES])
    floor, floor_slowest = _median_of([lambda ids=ids: _bare_rows(connection, ids, "form")
                                       for ids in hit_ids.values()])
    return [Figure(f"search, median of {len(QUERIES)} queries (≤ 200 hits)", value,
                   "bare SELECT of the hits' form rows", floor, "≤ 50 ms absolute"),
            Figure("search, slowest query", slowest, "bare SELECT of the hits' form rows",
                   floor_slowest, "(no goal; reported)")]


def _bare_rows(connection: sqlite3.Connection, form_ids: Sequence[int],
               *tables: str) -> int:
    """Read every column of the forms' rows in the named tables with plain sqlite3."""
    marks = ",".join("?" * len(form_ids))
    count = 0
    for table in tables:
        column = "id" if table == "form" else "form_id"
        count += len(connection.execute(
            f"SELECT * FROM {table} WHERE {column} IN ({marks})", list(form_ids)).fetchall())
    return count


def overview_figures(store, connection: sqlite3.Connection) -> list[Figure]:
    from desktop.years.overview import unit_overview
    pairs = list(itertools.islice(
        zip(itertools.cycle(range(years_store.UNITS)),
            itertools.cycle(range(years_store.FIRST_YEAR,
                                  years_store.FIRST_YEAR + years_store.YEARS))), SAMPLES))
    cases = [(years_store.unit_name(unit), year) for unit, year in pairs]
    ids = {case: [s.id for s in store.list_forms(year=case[1], unit=case[0])] for case in cases}
    value, _ = _median_of([lambda c=c: unit_overview(store, c[1], c[0]) for c in cases])
    floor, _ = _median_of([lambda i=i: _bare_rows(connection, i, "form", "funds_line", "indicator")
                           for i in ids.values()])
    forms = len(next(iter(ids.values())))
    return [Figure(f"unit overview ({forms} forms: load, evaluate)", value,
                   "bare SELECT of their form, funds and indicator rows", floor,
                   "≤ 100 ms absolute", why=OVERVIEW_WHY)]


OVERVIEW_WHY = (
    "an absolute goal on a machine that ran this bench's floors two to three times slower "
    "than in earlier runs (the bare SELECT took about 3 ms then, about 9 ms now); the ratio "
    "to the floor is unchanged at about 10–12×. The overview still loads and evaluates each "
    "of the 40 forms; closing it: read the totals and grades the store keeps (form_figures) "
    "and keep the execution rate there too, so the overview evaluates nothing.")


def side_by_side_figures(store, connection: sqlite3.Connection) -> list[Figure]:
    from desktop.years.compare import compare
    per_project = years_store.YEARS
    pairs = [(number * per_project + per_project, number * per_project + per_project - 1)
             for number in range(0, years_store.PROJECTS, years_store.PROJECTS // SAMPLES)]

    def open_side_by_side(current: int, earlier: int) -> object:
        return compare(store.load_form(current), store.load_form(earlier))

    value, _ = _median_of([lambda p=p: open_side_by_side(*p) for p in pairs])
    floor, _ = _median_of([lambda p=p: _bare_rows(connection, p, "form", "funds_line", "indicator")
                           for p in pairs])
    return [Figure("side by side (load both years, align, compare)", value,
                   "bare SELECT of both forms' rows", floor, "≤ 100 ms absolute")]


def trend_figures(store, connection: sqlite3.Connection) -> list[Figure]:
    from desktop.years.trends import project_trend
    form_ids = list(range(1, years_store.PROJECTS * years_store.YEARS,
                          years_store.PROJECTS * years_store.YEARS // SAMPLES))
    value, _ = _median_of([lambda f=f: project_trend(store, f) for f in form_ids])
    floor, _ = _median_of([lambda f=f: _bare_rows(
        connection, list(range(f - (f - 1) % years_store.YEARS,
                               f - (f - 1) % years_store.YEARS + years_store.YEARS)),
        "form", "funds_line", "indicator") for f in form_ids])
    return [Figure(f"trend of a project ({years_store.YEARS} years)", value,
                   "bare SELECT of its forms' rows", floor, "(no goal; reported)")]


def run() -> list[Figure]:
    from db.store import Store
    with tempfile.TemporaryDirectory() as folder:
        path = _store_path(Path(folder))
        store = Store(f"sqlite:///{path}")
        connection = sqlite3.connect(path)
        try:
            return (search_figures(store, connection) + overview_figures(store, connection)
                    + side_by_side_figures(store, connection)
                    + trend_figures(store, connection))
        finally:
            connection.close()
            store.close()
