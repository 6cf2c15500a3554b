"""Every failure a store or a hostile file can cause on the command line is one Chinese
line on stderr and exit code 2, never "内部错误" with exit code 1: an address it cannot
use, another program's SQLite file, a broken revision record, a read-only store (which
is still listed and exported), a number too large to compute with, a text no database
can hold, content nested too deep."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from decimal import Overflow
from pathlib import Path

import pytest

from conftest import DATA
from desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = DATA / "longhua-2022-digital-city.json"


def jixiao(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, sys.executable, "-m", "desktop", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def assert_refused(done: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit code 2 and one Chinese line, naming what went wrong."""
    assert done.returncode == 2, done.stderr
    assert "内部错误" not in done.stderr and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("jixiao："), done.stderr
    for word in words:
        assert word in lines[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _store_with_a_form(folder: Path) -> Path:
    path = folder / "store.sqlite3"
    assert main(["--db", str(path), "import", str(SAMPLE)]) == 0
    return path


# ---------------------------------------------------------------- addresses and files


@pytest.mark.parametrize("url", ["foo://x", "mysql://clerk@host/db",
                                 "postgresql+psycopg://u@127.0.0.1:notaport/d"])
@pytest.mark.parametrize("command", ["list", "import"])
def test_an_address_the_store_cannot_use(url: str, command: str) -> None:
    args = ["--db", url, command] + ([str(SAMPLE)] if command == "import" else [])
    assert_refused(jixiao(*args), "数据库")


def test_another_program_s_sqlite_file_is_refused_and_not_altered(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contact (name TEXT, phone TEXT)")
    connection.close()
    before = _digest(path)
    assert_refused(jixiao("--db", str(path), "list"), "别的程序")
    assert_refused(jixiao("--db", str(path), "import", str(SAMPLE)), "别的程序")
    assert _digest(path) == before
    with sqlite3.connect(path) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    connection.close()
    assert tables == ["contact"]


def test_an_empty_file_becomes_a_new_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    done = jixiao("--db", str(path), "import", str(SAMPLE))
    assert done.returncode == 0, done.stderr


def test_two_revision_records_are_one_line(tmp_path: Path) -> None:
    path = _store_with_a_form(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO alembic_version VALUES ('0003')")
    connection.close()
    assert_refused(jixiao("--db", str(path), "list"), "结构版本")
    assert_refused(jixiao("--db", str(path), "import", str(SAMPLE)), "结构版本")


# ---------------------------------------------------------------- a read-only store


def _without_root_s_override() -> tuple[str, ...]:
    """What runs a command so that file modes bind it: nothing for an ordinary user;
    for root, setpriv taking away the capability to ignore them."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only file cannot be made")
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search", "--")


@pytest.fixture
def read_only_store(tmp_path: Path) -> Iterator[Path]:
    """A store with one form, on a write-protected file in a write-protected folder
    (as on a read-only share), in write-ahead-log mode and without its log files."""
    folder = tmp_path / "share"
    folder.mkdir()
    path = _store_with_a_form(folder)
    with sqlite3.connect(path) as connection:   # everything into the file, the log emptied
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    for leftover in folder.glob("store.sqlite3-*"):
        leftover.unlink()
    path.chmod(0o444)
    folder.chmod(0o555)
    tmp_path.chmod(0o755)   # the command may run as another user: it must reach the folder
    yield path
    folder.chmod(0o755)
    path.chmod(0o644)


def test_a_read_only_store_is_listed_and_exported(read_only_store: Path,
                                                 tmp_path: Path) -> None:
    prefix = _without_root_s_override()
    before = _digest(read_only_store)
    listed = jixiao("--db", str(read_only_store), "list", "--json", prefix=prefix)
    assert listed.returncode == 0, listed.stderr
    [form] = json.loads(listed.stdout)
    assert form["code"] == "440309210901500004279"
    out = tmp_path / "out"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    exported = jixiao("--db", str(read_only_store), "export", "--year", "2022", "--format",
                      "json", "--out", str(out / "form.json"), prefix=prefix)
    assert exported.returncode == 0, exported.stderr
    assert (out / "form.json").is_file()
    assert _digest(read_only_store) == before


def test_importing_into_a_read_only_store_is_one_line(read_only_store: Path) -> None:
    before = _digest(read_only_store)
    done = jixiao("--db", str(read_only_store), "import", str(DATA / "shanghai-2020-target.json"),
                  prefix=_without_root_s_override())
    assert_refused(done, "只读")
    assert _digest(read_only_store) == before


# ---------------------------------------------------------------- hostile content


def _sample_with(tmp_path: Path, name: str, **changes: object) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for key, value in changes.items():
        data[key] = value
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")   # \\udc80 stays an escape
    return path


@pytest.mark.parametrize("command", ["score", "import"])
def test_a_number_too_large_to_compute_with(tmp_path: Path, command: str) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["funds"]["fiscal"]["annual"] = "1e999999999"
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    args = ["score", str(path)] if command == "score" else \
        ["--db", str(tmp_path / "s.sqlite3"), "import", str(path)]
    done = jixiao(*args)
    assert done.returncode == 2, done.stderr
    assert "内部错误" not in done.stdout + done.stderr


@pytest.mark.parametrize("command", ["score", "import"])
def test_a_lone_surrogate_in_a_text(tmp_path: Path, command: str) -> None:
    path = _sample_with(tmp_path, "surrogate.json", project_name="数字化\udc80城管")
    args = ["score", str(path)] if command == "score" else \
        ["--db", str(tmp_path / "s.sqlite3"), "import", str(path)]
    done = jixiao(*args)
    assert done.returncode == 2, done.stderr
    assert "内部错误" not in done.stdout + done.stderr


@pytest.mark.parametrize("failure", [RecursionError("maximum recursion depth exceeded"),
                                     Overflow(), UnicodeEncodeError("utf-8", "\udc80", 0, 1,
                                                                    "surrogates not allowed")],
                         ids=["recursion", "decimal-overflow", "surrogate"])
@pytest.mark.parametrize("command", ["score", "import"])
def test_what_slips_past_the_readers_is_still_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        failure: Exception, command: str) -> None:
    import desktop.commands.scoring as scoring
    import desktop.importing as importing

    def hostile(*_args: object, **_kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(scoring, "read_file_sheets", hostile)
    monkeypatch.setattr(importing, "read_file_sheets", hostile)
    args = ["score", str(SAMPLE)] if command == "score" else \
        ["--db", str(tmp_path / "s.sqlite3"), "import", str(SAMPLE), str(SAMPLE)]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "内部错误" not in captured.out + captured.err
    if command == "score":
        assert len(captured.err.splitlines()) == 1
    else:   # one line for each file, then the count; the store is still usable
        assert captured.out.count(str(SAMPLE)) == 2 and "未导入 2" in captured.out
