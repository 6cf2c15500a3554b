"""The `jixiao` command as a clerk or a script uses it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import DATA, SAMPLE_FILES, SELF_EVALUATION_FILES
from desktop.cli import main
from desktop.interchange.json_form import form_to_dict, read_form

ROOT = Path(__file__).resolve().parent.parent


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("path", SELF_EVALUATION_FILES, ids=lambda p: p.stem)
def test_score_reproduces_the_published_figures(path: Path, capsys) -> None:
    published = json.loads(path.read_text(encoding="utf-8"))["published"]
    code, out, _ = run(capsys, "score", str(path), "--json")
    result = json.loads(out)
    assert code == 0
    for key in ("rate", "funds_score", "total"):
        assert Decimal(result[key]) == Decimal(published[key]), key
    assert Decimal(result["weights_total"]) == Decimal("100")
    assert set(result) >= {"rate", "funds_score", "levels", "weights_total", "total",
                           "grade", "findings"}


def test_score_json_numbers_have_two_decimals(capsys) -> None:
    _, out, _ = run(capsys, "score", str(DATA / "longhua-2022-grid-info.json"), "--json")
    result = json.loads(out)
    assert (result["rate"], result["funds_score"], result["total"]) == ("100.00", "10.00", "100.00")
    assert [level["name"] for level in result["levels"]] == ["产出指标", "效益指标", "满意度指标"]


def test_score_text_shows_total_grade_and_the_date_serial_finding(capsys) -> None:
    code, out, _ = run(capsys, "score", str(DATA / "guangming-2024-market.json"))
    assert code == 0
    assert "99.47" in out and "等级 优" in out
    assert "2024-07-30" in out


def test_score_of_a_target_form_lists_its_findings(capsys) -> None:
    code, out, _ = run(capsys, "score", str(DATA / "shenzhen-2023-unit-target.json"), "--json")
    assert code == 0
    assert json.loads(out)["kind"] == "unit_target"


def test_unreadable_input_is_one_line_and_exit_two(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    code, out, err = run(capsys, "score", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "bad.json" in err and "JSON" in err


def test_import_export_round_trip_keeps_every_typed_field(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "store.sqlite3")
    code, out, _ = run(capsys, "--db", db, "import", *map(str, SAMPLE_FILES))
    assert code == 0 and "共 5 张表：导入 5，" in out
    exported = tmp_path / "out"
    for year in sorted({read_form(p).year for p in SAMPLE_FILES}):
        assert run(capsys, "--db", db, "export", "--year", str(year), "--format", "json",
                   "--out", str(exported))[0] == 0
    files = sorted(exported.glob("*.json"))
    assert len(files) == 5
    by_name = {read_form(p).name: form_to_dict(read_form(p)) for p in files}
    for path in SAMPLE_FILES:
        original = read_form(path)
        assert by_name[original.name] == form_to_dict(original), path.stem


def test_import_refuses_a_bad_file_and_keeps_the_store(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "store.sqlite3")
    bad = tmp_path / "bad.json"
    data = json.loads((DATA / "longhua-2022-grid-info.json").read_text(encoding="utf-8"))
    data["indicators"][3]["weight"] = "ten"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(bad), str(DATA / "longhua-2022-digital-city.json"))
    assert code == 2
    assert "indicators[3].weight" in out
    _, listing, _ = run(capsys, "--db", db, "list", "--json")
    assert [form["code"] for form in json.loads(listing)] == ["440309210901500004279"]


def test_import_twice_does_not_duplicate(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "store.sqlite3")
    sample = str(DATA / "guangming-2024-market.json")
    run(capsys, "--db", db, "import", sample)
    code, out, _ = run(capsys, "--db", db, "import", sample)
    assert code == 2 and "已在库中" in out
    assert run(capsys, "--db", db, "import", "--replace", sample)[0] == 0
    _, listing, _ = run(capsys, "--db", db, "list", "--year", "2024", "--json")
    assert len(json.loads(listing)) == 1


def test_export_of_an_empty_year_says_so(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "s.sqlite3"), "export", "--year", "2030",
                       "--format", "json", "--out", str(tmp_path / "x.json"))
    assert code == 2 and "2030" in err


def _jixiao(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_no_traceback_from_the_real_command(tmp_path: Path) -> None:
    done = _jixiao("score", str(tmp_path / "missing.json"), env=dict(os.environ))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "文件不存在" in done.stderr


def test_bad_arguments_are_a_chinese_line() -> None:
    done = _jixiao("export", "--year", "abc", env=dict(os.environ))
    assert done.returncode == 2 and "参数有误" in done.stderr


def test_without_a_display_the_window_names_the_remedy(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["JIXIAO_DB"] = str(tmp_path / "s.sqlite3")
    done = _jixiao(env=env)
    assert done.returncode == 1
    assert "xvfb-run" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("make_bad", [
    lambda tmp: (tmp / "junk.sqlite3").write_bytes(b"junk" * 200) and tmp / "junk.sqlite3",
    lambda tmp: tmp / "no-such-folder" / "store.sqlite3",
], ids=["not-a-database", "missing-folder"])
def test_a_store_that_cannot_be_opened_is_one_line(make_bad, tmp_path: Path) -> None:
    done = _jixiao("--db", str(make_bad(tmp_path)), "list", env=dict(os.environ))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "数据库" in done.stderr


def test_reimporting_a_code_less_form_with_respaced_name_is_a_duplicate(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "store.sqlite3")
    data = json.loads((DATA / "shanghai-2020-target.json").read_text(encoding="utf-8"))
    run(capsys, "--db", db, "import", str(DATA / "shanghai-2020-target.json"))
    data["project_name"] = "消费者 维权管理专项"
    again = tmp_path / "again.json"
    again.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(again))
    assert code == 2 and "已在库中" in out
