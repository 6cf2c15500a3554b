"""The command line on a clerk's workbook of many forms: every sheet reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.interchange.sheets import ReadOptions
from desktop.template.reader import read_sheets

from .test_layout_shenzhen_target import street_office_book, write


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return write(tmp_path / "新桥街道绩效目标.xlsx", street_office_book())


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(list(args))
    return code, capsys.readouterr().out.splitlines()


def test_without_a_year_every_sheet_is_named_and_asks_for_one(book: Path, tmp_path: Path,
                                                               capsys) -> None:
    db = str(tmp_path / "store.sqlite3")
    code, lines = _run(capsys, "--db", db, "import", str(book))
    sheets = read_sheets(book)
    assert code == 2
    assert len(lines) == len(sheets) + 1
    for line, reading in zip(lines, sheets):
        assert reading.sheet in line and "--year" in line
    assert lines[-1] == f"共 {len(sheets)} 张表：导入 0，跳过 0，未导入 {len(sheets)}"


def test_with_a_year_the_cut_code_sheet_alone_is_refused(book: Path, tmp_path: Path,
                                                         capsys) -> None:
    db = str(tmp_path / "store.sqlite3")
    code, lines = _run(capsys, "--db", db, "import", "--year", "2024", str(book))
    readings = read_sheets(book, ReadOptions(year=2024))
    refused = [r.sheet for r in readings if r.form is None]
    assert code == 2 and len(refused) == 1
    assert next(line for line in lines if "已导入" not in line).count(refused[0]) == 1
    assert lines[-1] == f"共 {len(readings)} 张表：导入 {len(readings) - 1}，跳过 0，未导入 1"
    code, lines = _run(capsys, "--db", db, "list", "--json")
    listed = {form["name"]: form for form in json.loads("\n".join(lines))}
    for reading in readings:
        if reading.form is not None:
            stored = listed[reading.form.name]
            assert stored["layout"] == "shenzhen-project-target"
            assert stored["indicators"] == len(reading.form.indicators)


def test_score_reports_every_form_of_the_workbook(book: Path, capsys) -> None:
    code, lines = _run(capsys, "score", "--year", "2024", "--json", str(book))
    scored = json.loads("\n".join(lines))
    forms = [r for r in read_sheets(book, ReadOptions(year=2024)) if r.form is not None]
    assert code == 0 and [entry["sheet"] for entry in scored] == [r.sheet for r in forms]
