"""The listing (`Store.listing`, `jixiao list`) keeps the list's order on every database,
and a SQLite store at the current schema reads the same through plain sqlite3."""

from __future__ import annotations

import json

import pytest

from conftest import load_sample
from db.listing_query import LISTING_COLUMNS
from db.sqlite_listing import read_listing
from db.store import Store
from desktop.forms import ProjectTarget, SelfEvaluation, UnitTarget

UNITS = [   # (kind, year, implementing unit, budget unit, code, name): every tie the order breaks
    ("self", 2023, "乙单位", "", "C2", "名称"),
    ("self", 2023, "", "甲单位", "C2", "名称"),          # no 实施单位: listed under its 一级预算单位
    ("self", 2023, "", "", "C1", "名称"),                # no unit at all: first of its year
    ("self", 2023, "甲单位", "丙单位", "C1", "名称"),     # 实施单位 wins over 一级预算单位
    ("target", 2023, "甲单位", "", "C1", "名称"),        # alike in all but the id: by id
    ("self", 2023, "甲单位", "", "C3", "名称"),
    ("target", 2023, "甲单位", "", "C3", "另一名称"),    # same unit and code: by name
    ("self", 2024, "乙单位", "", "C9", "名称"),
    ("self", 2022, "甲单位", "", "C0", "名称"),
]
"""Forms alike in unit, code and name are of different kinds: a unit keeps one form of
each kind per project and year (desktop.identity)."""


def _form(kind: str, year: int, unit: str, budget_unit: str, code: str,
          name: str) -> SelfEvaluation | ProjectTarget:
    if kind == "target":
        return ProjectTarget(year=year, project_code=code, project_name=name,
                             applicant_unit=unit)
    return SelfEvaluation(year=year, project_code=code, project_name=name,
                          implementing_unit=unit, budget_unit=budget_unit)


def _fill(store: Store) -> None:
    """The forms above, stored last first so that the ids are no hint of the order, one
    unit target, and a published sample with its indicator rows."""
    store.add_form(load_sample("longhua-2022-grid-info"))
    for row in reversed(UNITS):
        store.add_form(_form(*row))
    store.add_form(UnitTarget(year=2023, unit_code="C1", unit_name="甲单位"))


YEARS = pytest.mark.parametrize("year", [None, 2022, 2023, 2031],
                                ids=["all", "2022", "2023", "empty-year"])


@YEARS
def test_the_listing_keeps_the_order_of_the_list(any_store_url: str, year: int | None) -> None:
    with Store(any_store_url) as store:
        _fill(store)
        listed = store.listing(LISTING_COLUMNS, year=year)
        summaries = store.list_forms(year=year)
    assert [form["id"] for form in listed] == [summary.id for summary in summaries]
    assert [form["unit"] for form in listed] == [summary.unit for summary in summaries]
    assert len(listed) == {None: len(UNITS) + 2, 2022: 2, 2023: 8, 2031: 0}[year]
    assert year not in (None, 2022) or max(form["indicators"] for form in listed) > 0


@YEARS
def test_plain_sqlite3_reads_what_the_store_reads(store_url: str, year: int | None) -> None:
    with Store(store_url) as store:
        _fill(store)
        through_store = store.listing(LISTING_COLUMNS, year=year)
    assert read_listing(store_url, LISTING_COLUMNS, year) == through_store


def test_plain_sqlite3_reads_the_columns_asked_in_the_order_asked(store_url: str) -> None:
    columns = ("indicators", "unit", "id")
    with Store(store_url) as store:
        _fill(store)
        through_store = store.listing(columns)
    quick = read_listing(store_url, columns)
    assert quick == through_store and quick is not None and list(quick[0]) == list(columns)


def test_an_unknown_column_is_refused_by_both(store_url: str) -> None:
    with Store(store_url) as store, pytest.raises(ValueError, match="budget_unit"):
        store.listing(["id", "budget_unit"])
    with pytest.raises(ValueError, match="budget_unit"):
        read_listing(store_url, ["id", "budget_unit"])


def test_plain_sqlite3_never_reads_another_database(postgres_url: str) -> None:
    with Store(postgres_url) as store:
        _fill(store)
    assert read_listing(postgres_url, LISTING_COLUMNS) is None


def test_jixiao_list_reads_postgresql_the_usual_way(postgres_url: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main
    from desktop.commands.listing import JSON_COLUMNS
    with Store(postgres_url) as store:
        _fill(store)
        expected = store.listing(JSON_COLUMNS)
    assert main(["--db", postgres_url, "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected
