"""`jixiao score|import|export` with workbooks, and the batch API the window calls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import DATA, SAMPLE_FILES, SELF_EVALUATION_FILES, load_sample
from desktop.cli import main
from desktop.interchange.json_form import read_form
from desktop.template import export_file_name, export_forms, read_workbook, write_workbook

from .helpers import typed_fields
from .irregular import Knobs, sample_dict, self_evaluation_model, write_xls


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("path", SELF_EVALUATION_FILES, ids=lambda p: p.stem)
def test_score_of_an_exported_workbook_prints_the_figures_of_its_json(
        path: Path, tmp_path: Path, capsys) -> None:
    workbook = write_workbook(read_form(path), tmp_path / "form.xlsx")
    for extra in ([], ["--json"]):
        code_json, from_json, _ = run(capsys, "score", str(path), *extra)
        code_xlsx, from_xlsx, _ = run(capsys, "score", str(workbook), *extra)
        assert code_json == code_xlsx == 0
        assert from_xlsx == from_json


def test_score_reads_an_xls(tmp_path: Path, capsys) -> None:
    models = self_evaluation_model(sample_dict("longhua-2022-grid-info"), Knobs())
    code, out, _ = run(capsys, "score", str(write_xls(models, tmp_path / "f.xls")), "--json")
    assert code == 0 and json.loads(out)["total"] == "100.00"


def test_score_of_a_bad_workbook_is_one_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    code, out, err = run(capsys, "score", str(bad))
    assert code == 2 and out == "" and err.count("\n") == 1 and "bad.xlsx" in err


def test_export_a_year_as_workbooks_then_import_the_folder(tmp_path: Path, capsys) -> None:
    db, again = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    assert run(capsys, "--db", db, "import", *map(str, SAMPLE_FILES))[0] == 0
    folder = tmp_path / "out"
    for year in sorted({read_form(p).year for p in SAMPLE_FILES}):
        code, out, _ = run(capsys, "--db", db, "export", "--year", str(year), "--out", str(folder))
        assert code == 0 and "已导出" in out
    files = sorted(folder.glob("*.xlsx"))
    assert len(files) == len(SAMPLE_FILES)
    (folder / "~$lock.xlsx").write_bytes(b"owner file Excel leaves beside an open workbook")
    code, out, _ = run(capsys, "--db", again, "import", str(folder))
    assert code == 0 and f"共 {len(SAMPLE_FILES)} 张表：导入 {len(SAMPLE_FILES)}，" in out
    _, listing, _ = run(capsys, "--db", again, "list", "--json")
    assert len(json.loads(listing)) == len(SAMPLE_FILES)


def test_export_one_form_with_another_layout(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "s.sqlite3")
    run(capsys, "--db", db, "import", str(DATA / "longhua-2022-grid-info.json"))
    out = tmp_path / "grid.xlsx"
    code, _, _ = run(capsys, "--db", db, "export", "--year", "2022", "--format", "xlsx",
                     "--layout", "city-2024", "--out", str(out))
    assert code == 0
    assert load_workbook(out).active["A2"].value == "项目编码："
    assert read_workbook(out).layout == "city-2024"


@pytest.mark.parametrize("argv,why", [
    (["--layout", "nowhere"], "未知的表样"),
    (["--layout", "unit-target"], "所选表格中没有这类表格"),
    (["--format", "json", "--layout", "city-2024"], "只用于 xlsx"),
])
def test_export_refusals(argv: list[str], why: str, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "s.sqlite3")
    run(capsys, "--db", db, "import", str(DATA / "longhua-2022-grid-info.json"))
    code, _, err = run(capsys, "--db", db, "export", "--year", "2022", *argv,
                       "--out", str(tmp_path / "x.xlsx"))
    assert code == 2 and why in err


def test_import_refuses_a_bad_workbook_and_keeps_the_store(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "s.sqlite3")
    models = self_evaluation_model(sample_dict("longhua-2022-grid-info"), Knobs())
    header = next(r for (r, c), (v, _f) in models[0].cells.items() if v == "* 得分")
    models[0].cells[(header + 2, 8)] = ("十分", None)
    bad = tmp_path / "bad.xls"
    write_xls(models, bad)
    good = write_workbook(load_sample("longhua-2022-digital-city"), tmp_path / "good.xlsx")
    code, out, _ = run(capsys, "--db", db, "import", str(bad), str(good))
    assert code == 2 and f"［Sheet1］：单元格 H{header + 2}：得分 不是数字：十分" in out
    _, listing, _ = run(capsys, "--db", db, "list", "--json")
    assert [form["code"] for form in json.loads(listing)] == ["440309210901500004279"]


# ---------------------------------------------------------------- the batch API


def test_export_forms_reports_progress_and_what_it_wrote(tmp_path: Path) -> None:
    forms = [load_sample(p.stem) for p in SAMPLE_FILES]
    seen: list[tuple[int, int, str]] = []
    summary = export_forms(forms, tmp_path / "out", progress=lambda *a: seen.append(a) or True)
    assert [s[:2] for s in seen] == [(i, 5) for i in range(6)]
    assert [p.name for p in summary.written] == [export_file_name(f) for f in forms]
    assert not summary.refused and not summary.cancelled
    assert summary.summary_line() == "共 5 个表格：导出 5 个，未导出 0 个"
    for form, path in zip(forms, summary.written):
        assert typed_fields(read_workbook(path))["indicators"] == typed_fields(form)["indicators"]


def test_export_forms_can_be_cancelled(tmp_path: Path) -> None:
    forms = [load_sample(p.stem) for p in SAMPLE_FILES]
    summary = export_forms(forms, tmp_path, progress=lambda done, total, what: done < 2)
    assert summary.cancelled and len(summary.written) == 2
    assert "已取消" in summary.summary_line()


def test_one_refused_form_does_not_stop_the_others(tmp_path: Path) -> None:
    forms = [load_sample("longhua-2022-grid-info"), load_sample("longhua-2022-digital-city")]
    forms[0].goal_expected = "长" * 40000
    summary = export_forms(forms, tmp_path, layout="city-2024")
    assert len(summary.written) == 1 and len(summary.refused) == 1
    assert "网格信息采集工作" in summary.refused[0].message
    assert read_workbook(summary.written[0]).layout == "city-2024"
    assert sorted(p.name for p in tmp_path.iterdir()) == [summary.written[0].name]


def test_file_names_do_not_collide(tmp_path: Path) -> None:
    first, second = load_sample("longhua-2022-grid-info"), load_sample("longhua-2022-grid-info")
    summary = export_forms([first, second], tmp_path, format_="json")
    assert [p.name for p in summary.written] == [
        "2022-440309210901500007728-self_evaluation.json",
        "2022-440309210901500007728-self_evaluation-2.json"]
