"""The `jixiao` command as a clerk or a script uses it."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import DATA, SAMPLE_FILES, SELF_EVALUATION_FILES
from desktop.cli import main
from desktop.forms import FormKind
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


HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "openpyxl", "PySide6")


def _loaded_after(argv: list[str]) -> tuple[str, list[str]]:
    """Run `main(argv)` in a fresh interpreter: what it printed, and which of the store
    (`db`) and the HEAVY libraries it had imported by the end."""
    code = ("import contextlib, io, json, sys\n"
            "from desktop.cli import main\n"
            "out = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n"
            f"    main({argv!r})\n"
            f"print(json.dumps([out.getvalue(), sorted(m for m in ('db', *{HEAVY!r}) "
            "if m in sys.modules)]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    printed, loaded = json.loads(done.stdout)
    return printed, loaded


@pytest.mark.parametrize("path", SELF_EVALUATION_FILES, ids=lambda p: p.stem)
def test_scoring_a_json_file_loads_no_store_workbook_or_window(path: Path) -> None:
    """`score` touches no store: importing one would cost most of a second per run."""
    printed, loaded = _loaded_after(["score", str(path), "--json"])
    assert loaded == []
    published = json.loads(path.read_text(encoding="utf-8"))["published"]
    result = json.loads(printed)
    for key in ("rate", "funds_score", "total"):
        assert Decimal(result[key]) == Decimal(published[key]), key


def test_help_loads_no_store_workbook_or_window() -> None:
    code = ("import sys\nfrom desktop.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in ('db', 'desktop.rules', *{HEAVY!r}) if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_listing_loads_no_workbook_window_or_rules(tmp_path: Path) -> None:
    db = str(tmp_path / "store.sqlite3")
    assert main(["--db", db, "import", str(DATA / "guangming-2024-market.json")]) == 0
    code = ("import sys\nfrom desktop.cli import main\n"
            f"main(['--db', {db!r}, 'list', '--json'])\n"
            "print(sorted(m for m in ('openpyxl', 'PySide6', 'desktop.rules') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.fixture
def filled_store(tmp_path: Path, capsys) -> str:
    db = str(tmp_path / "store.sqlite3")
    assert run(capsys, "--db", db, "import", *map(str, SAMPLE_FILES))[0] == 0
    return db


def _listed_through_summaries(db: str, year: int | None) -> list[dict[str, object]]:
    """What `list --json` printed when it built a summary of every form."""
    from db.store import Store
    with Store.open(db) as store:
        summaries = store.list_forms(year=year)
        counts = store.indicator_counts([s.id for s in summaries])
    return [{"id": s.id, "kind": s.kind.value, "year": s.year, "code": s.code,
             "name": s.name, "unit": s.unit, "state": s.state.value, "layout": s.layout,
             "indicators": counts.get(s.id, 0)} for s in summaries]


@pytest.mark.parametrize("year", [None, 2022, 2031], ids=["all", "2022", "empty-year"])
def test_list_json_prints_what_the_summaries_held(filled_store: str, year: int | None,
                                                   capsys) -> None:
    argv = ["--db", filled_store, "list", "--json", *(["--year", str(year)] if year else [])]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    listed = json.loads(out)
    assert listed == _listed_through_summaries(filled_store, year)
    assert [list(form) for form in listed[:1]] in ([], [["id", "kind", "year", "code", "name",
                                                         "unit", "state", "layout",
                                                         "indicators"]])
    assert year == 2031 or all(form["indicators"] > 0 for form in listed)


def test_list_text_is_one_line_per_form_in_the_summaries_order(filled_store: str,
                                                               capsys) -> None:
    from desktop.forms import KIND_TITLES
    code, out, _ = run(capsys, "--db", filled_store, "list")
    expected = [f"{s['id']:>5}  {s['year']}  {KIND_TITLES[FormKind(s['kind'])]}  "
                f"{s['code'] or '—'}  {s['name']}  ({s['unit']})"
                for s in _listed_through_summaries(filled_store, None)]
    assert code == 0 and out.splitlines() == expected
    assert run(capsys, "--db", filled_store, "list", "--year", "2031")[1] == "库中没有表格\n"


def test_the_listing_reads_the_store_in_one_query(filled_store: str) -> None:
    from sqlalchemy import event

    from db.store import Store
    statements: list[str] = []
    with Store.open(filled_store) as store:
        event.listen(store.engine, "before_cursor_execute",
                     lambda *args: statements.append(args[2]))
        forms = store.listing(["id", "unit", "indicators"])
    assert len(forms) == len(SAMPLE_FILES)
    queries = [s for s in statements if not s.startswith("BEGIN")]   # the store's own BEGIN
    assert len(queries) == 1 and queries[0].startswith("SELECT")


# ---------------------------------------------------------------- output and its reader


def _store_with(tmp_path: Path, names: list[str]) -> str:
    """A store holding the grid sample under each name, stored as given (no import
    normalises it), as a store another program filled could hold it."""
    from db.store import Store
    db = str(tmp_path / "store.sqlite3")
    with Store.open(db) as store:
        for number, name in enumerate(names):
            form = read_form(DATA / "longhua-2022-grid-info.json")
            form.project_code, form.project_name = f"C{number}", name
            store.add_form(form)
    return db


def _first_line_then_close(argv: list[str], env: dict[str, str]) -> tuple[str, int, str]:
    """`jixiao ARGV | head -1`: read one line, stop reading; the line, exit code, stderr."""
    with subprocess.Popen([sys.executable, "-m", "desktop", *argv], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline().decode("utf-8")
        process.stdout.close()
        code = process.wait(timeout=120)
        return line, code, process.stderr.read().decode("utf-8")


def _book_of_long_names(folder: Path, sheets: int = 8) -> Path:
    """A workbook of `sheets` forms, each named with the most characters a name may
    hold: every line naming one is several pipe buffers long."""
    from workbooks import _copy, write_book

    from desktop.template import build_workbook

    def form_sheet(number: int):
        def fill(sheet) -> None:
            form = read_form(DATA / "longhua-2022-grid-info.json")
            form.project_code, form.project_name = f"C{number}", f"{number}" + "长" * 4_990
            _copy(build_workbook(form).active, sheet)
        return fill

    return write_book(folder / "long.xlsx", [(f"表{n}", form_sheet(n)) for n in range(sheets)])


@pytest.mark.parametrize("argv", [["list"], ["list", "--json"], ["score", "{book}"],
                                  ["import", "--replace", "{book}"]],
                         ids=["list", "list-json", "score", "import"])
def test_a_reader_that_stops_early_ends_the_command_quietly(argv: list[str],
                                                            tmp_path: Path) -> None:
    # The output is many times what a pipe holds, so the command is still writing when
    # the reader goes, whatever the timing.
    book = _book_of_long_names(tmp_path)
    db = str(tmp_path / "store.sqlite3")
    assert main(["--db", db, "import", str(book)]) == 0
    logs = tmp_path / "logs"
    env = {**os.environ, "JIXIAO_LOG_DIR": str(logs)}
    line, code, err = _first_line_then_close(
        ["--db", db, *(arg.format(book=book) for arg in argv)], env)
    assert line and code == 0
    assert err == ""   # neither 内部错误（BrokenPipeError） nor "Exception ignored"
    assert not (logs / "jixiao.log").exists()


HOSTILE = "\x1b[2J\x07标题\x08\r\x9b31m\u202e（全角，）"


def test_control_characters_of_a_name_do_not_reach_the_terminal(tmp_path: Path,
                                                                capsys) -> None:
    db = _store_with(tmp_path, [HOSTILE, "第二\n行"])
    code, out, _ = run(capsys, "--db", db, "list")
    assert code == 0 and len(out.splitlines()) == 2   # a name's newline starts no line
    assert not any(char in out for char in "\x1b\x07\x08\r\x9b\u202e")
    assert "␛[2J␇标题␈␍" in out and "（全角，）" in out and "第二␊行" in out


def test_list_json_escapes_every_control_character_and_keeps_the_name(tmp_path: Path,
                                                                      capsys) -> None:
    db = _store_with(tmp_path, [HOSTILE])
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert code == 0
    assert not any(char in out for char in "\x1b\x07\x08\r\x9b\u202e")
    assert json.loads(out)[0]["name"] == HOSTILE and "（全角，）" in out


def test_messages_naming_a_hostile_file_are_made_visible(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "score", str(tmp_path / "x\x1b]0;title\x07.json"))
    assert code == 2 and out == ""
    assert "\x1b" not in err and "\x07" not in err and "x␛]0;title␇.json" in err


def test_text_for_the_terminal_keeps_chinese_and_the_program_s_own_lines() -> None:
    from desktop.commands.output import one_line, terminal_text
    text = "项目：「网格」，执行率 100.00％\n总分 99.47\t等级 优"
    assert terminal_text(text) == text
    assert terminal_text("a\x00b\x7fc\x85d") == "a␀b␡c\ufffdd"
    assert one_line("上\n下") == "上␊下"


# ---------------------------------------------------------------- a full disk


def _disk_fills_up(monkeypatch) -> None:
    """Every workbook save writes a part of the file, then finds the disk full."""
    from openpyxl import Workbook

    def save(_workbook, filename) -> None:
        Path(filename).write_bytes(b"PK\x03\x04 part of a workbook")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Workbook, "save", save)


def test_a_full_disk_on_export_is_one_line_and_leaves_no_file(tmp_path: Path, capsys,
                                                              monkeypatch) -> None:
    db = _store_with(tmp_path, ["网格信息采集工作"])
    folder = tmp_path / "out"
    folder.mkdir()
    _disk_fills_up(monkeypatch)
    target = folder / "grid.xlsx"
    code, out, err = run(capsys, "--db", db, "export", "--year", "2022", "--out", str(target))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "磁盘空间不足" in err and str(target) in err
    assert "Traceback" not in err and list(folder.iterdir()) == []


def test_a_full_disk_on_a_folder_export_leaves_no_file(tmp_path: Path, capsys,
                                                       monkeypatch) -> None:
    db = _store_with(tmp_path, ["甲", "乙"])
    _disk_fills_up(monkeypatch)
    folder = tmp_path / "out"
    code, out, _ = run(capsys, "--db", db, "export", "--year", "2022", "--out", str(folder))
    assert code == 2 and out.count("磁盘空间不足") == 2
    assert list(folder.iterdir()) == []
