"""`jixiao list` reads a current SQLite store with plain sqlite3 (db.sqlite_listing) and
every other store the usual way (`Store.open(...).listing`): the same bytes either way,
no heavy library on the quick way, and nothing the quick way cannot read taken from the
usual way's hands."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, SAMPLE_FILES
from db.listing_query import LISTING_COLUMNS
from db.revision import HEAD_REVISION
from db.sqlite_listing import read_listing, sqlite_file
from desktop.cli import main
from desktop.commands import listing

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "openpyxl", "PySide6", "db.store")


@pytest.fixture
def filled_store(tmp_path: Path) -> Path:
    """The published samples imported into a store at the current schema."""
    path = tmp_path / "绩效 表格.sqlite3"   # a space and Chinese: the file URI escapes both
    assert main(["--db", str(path), "import", *map(str, SAMPLE_FILES)]) == 0
    return path


class Ways:
    """Runs `jixiao ARGV` the quick way or, with the quick way switched off, the usual
    way, and says which way a run took."""

    def __init__(self, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> None:
        self.capsys, self.monkeypatch = capsys, monkeypatch
        self.quick: list[bool] = []

    def run(self, *argv: str, usual: bool = False) -> tuple[int, str, str]:
        def spied(url: str, columns, year=None):  # type: ignore[no-untyped-def]
            forms = None if usual else read_listing(url, columns, year)
            self.quick.append(forms is not None)
            return forms

        with self.monkeypatch.context() as patch:
            patch.setattr(listing, "read_listing", spied)
            code = main(list(argv))
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err

    def both(self, *argv: str) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
        """(quick, usual), after checking that the first did take the quick way."""
        quick = self.run(*argv)
        assert self.quick[-1], "the quick way did not read the store"
        return quick, self.run(*argv, usual=True)


@pytest.fixture
def ways(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Ways:
    return Ways(capsys, monkeypatch)


@pytest.mark.parametrize("output", [[], ["--json"]], ids=["text", "json"])
@pytest.mark.parametrize("year", [[], ["--year", "2022"], ["--year", "2031"]],
                         ids=["all", "2022", "empty-year"])
def test_both_ways_print_the_same_bytes(filled_store: Path, ways: Ways, output: list[str],
                                        year: list[str]) -> None:
    quick, usual = ways.both("--db", str(filled_store), "list", *output, *year)
    assert quick == usual and quick[0] == 0 and quick[1]


def test_both_ways_read_the_same_values(filled_store: Path) -> None:
    from db.store import Store
    url = f"sqlite:///{filled_store}"
    with Store.open(url) as store:
        assert read_listing(url, LISTING_COLUMNS) == store.listing(LISTING_COLUMNS)
        assert len(store.listing(["id"])) == len(SAMPLE_FILES)


def test_the_default_store_and_jixiao_db_are_read_the_quick_way(
        tmp_path: Path, ways: Ways, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JIXIAO_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["import", str(DATA / "guangming-2024-market.json")]) == 0
    ways.capsys.readouterr()
    folder = tmp_path / "data" / "jixiao"
    assert (folder / "jixiao.sqlite3").is_file()
    quick, usual = ways.both("list", "--json")
    assert quick == usual and len(json.loads(quick[1])) == 1

    monkeypatch.chdir(folder)
    for named in ("jixiao.sqlite3", "sqlite:///jixiao.sqlite3"):   # a bare path, a relative URL
        monkeypatch.setenv("JIXIAO_DB", named)
        assert ways.both("list", "--json") == (quick, usual)


def test_the_quick_way_loads_no_heavy_library(filled_store: Path) -> None:
    code = ("import sys\nfrom desktop.cli import main\n"
            f"for argv in (['list', '--json'], ['list'], ['list', '--year', '2022']):\n"
            f"    assert main(['--db', {str(filled_store)!r}, *argv]) == 0\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_quick_way_writes_nothing(filled_store: Path) -> None:
    before = filled_store.read_bytes()
    filled_store.chmod(0o444)
    try:
        assert read_listing(f"sqlite:///{filled_store}", ["id"]) is not None
    finally:
        filled_store.chmod(0o644)
    assert filled_store.read_bytes() == before


# ---------------------------------------------------------------- left to the usual way


def _same_as_the_usual_way(path: Path, ways: Ways, *argv: str) -> tuple[int, str, str]:
    """Runs `jixiao --db PATH ARGV` on the file as it is, then the usual way on the file
    as it was before (the usual way may migrate or create it); both must agree, and the
    first must have declined the quick way. Returns what the run gave."""
    files = [path, Path(f"{path}-wal")]   # a write-ahead log holds part of the store
    kept = {file: file.read_bytes() for file in files if file.exists()}
    first = ways.run("--db", str(path), *argv)
    assert ways.quick[-1] is False, "the quick way read a store it should leave alone"
    for file in (*files, Path(f"{path}-shm")):
        file.unlink(missing_ok=True)
    for file, content in kept.items():
        file.write_bytes(content)
    assert ways.run("--db", str(path), *argv, usual=True) == first
    return first


def _set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


def test_a_missing_file_is_created_as_today(tmp_path: Path, ways: Ways) -> None:
    path = tmp_path / "new.sqlite3"
    assert _same_as_the_usual_way(path, ways, "list", "--json") == (0, "[]\n", "")
    assert path.is_file()


def test_a_store_at_an_older_revision_is_migrated_then_listed(tmp_path: Path,
                                                              ways: Ways) -> None:
    from alembic import command

    from db.engine import make_engine
    from db.migrate import current_revision, make_config
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(make_config(connection), "0004")
    engine.dispose()
    assert read_listing(f"sqlite:///{path}", ["id"]) is None
    assert _same_as_the_usual_way(path, ways, "list") == (0, "库中没有表格\n", "")
    engine = make_engine(f"sqlite:///{path}")
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()


def test_a_store_of_a_newer_release_is_refused_as_today(filled_store: Path,
                                                        ways: Ways) -> None:
    _set_revision(filled_store, "9000")
    code, out, err = _same_as_the_usual_way(filled_store, ways, "list", "--json")
    assert code == 2 and out == "" and "更新版本" in err


def test_a_foreign_sqlite_file_is_left_to_the_usual_way(tmp_path: Path, ways: Ways) -> None:
    path = tmp_path / "notes.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    connection.close()
    _same_as_the_usual_way(path, ways, "list")


def test_a_file_at_head_without_our_tables_is_left_to_the_usual_way(tmp_path: Path,
                                                                    ways: Ways) -> None:
    path = tmp_path / "odd.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (HEAD_REVISION,))
    connection.close()
    assert read_listing(f"sqlite:///{path}", ["id"]) is None
    _same_as_the_usual_way(path, ways, "list", "--json")


def test_a_file_that_is_no_database_is_refused_as_today(tmp_path: Path, ways: Ways) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not a database, it is a clerk's notes " * 100)
    code, out, err = _same_as_the_usual_way(path, ways, "list")
    assert code == 2 and out == "" and "不是绩效填报助手的数据库文件" in err


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://clerk@localhost/jixiao", "postgresql://host/db", "mysql://h/db",
    "sqlite://", "sqlite:///:memory:", "sqlite:///forms.sqlite3?timeout=5",
    "sqlite:///%E8%A1%A8.sqlite3", "sqlite:///file:forms.sqlite3", "sqlite+pysqlite:///x.db",
])
def test_only_a_plain_sqlite_file_url_is_read_the_quick_way(url: str) -> None:
    assert sqlite_file(url) is None
    assert read_listing(url, ["id"]) is None


def test_a_sqlite_file_url_names_its_file() -> None:
    assert sqlite_file("sqlite:////srv/jixiao/表格.sqlite3") == Path("/srv/jixiao/表格.sqlite3")
    assert sqlite_file("sqlite:///relative.sqlite3") == Path("relative.sqlite3")
