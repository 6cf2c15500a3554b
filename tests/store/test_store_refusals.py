"""A database the store cannot use as it is is refused in one line and left untouched:
an address it cannot read, another program's SQLite file, a broken revision record, a
store that can only be read (which is still read), a text no database can hold."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from db import engine as engine_module
from db.records import FormExists, StoreError, StoreReadOnly
from db.store import Store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line(error: pytest.ExceptionInfo[BaseException]) -> str:
    said = str(error.value)
    assert said and "\n" not in said
    return said


# ---------------------------------------------------------------- addresses


@pytest.mark.parametrize("url", ["foo://x", "sqlite+nodriver:///x.db", "mysql://u@h/d",
                                 "postgresql+psycopg://u@127.0.0.1:notaport/d", "://"])
def test_an_address_the_store_cannot_use_is_one_line(url: str) -> None:
    with pytest.raises(StoreError) as refused:
        Store(url)
    assert "数据库" in _one_line(refused)


def test_a_password_in_an_unreadable_address_is_not_repeated() -> None:
    with pytest.raises(StoreError) as refused:
        Store("postgresql+psycopg://clerk:s3cret@127.0.0.1:port/d")
    assert "s3cret" not in str(refused.value)


# ---------------------------------------------------------------- other files


def test_another_program_s_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "contacts.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contact (name TEXT, phone TEXT)")
        connection.execute("INSERT INTO contact VALUES ('张三', '123')")
    connection.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="别的程序") as refused:
        Store(f"sqlite:///{path}")
    _one_line(refused)
    assert _digest(path) == before
    assert sorted(tmp_path.iterdir()) == [path]     # no log of ours beside it either


@pytest.mark.parametrize("content", [b"", None], ids=["empty-file", "new-path"])
def test_an_empty_file_or_a_new_path_becomes_a_new_store(tmp_path: Path, guangming,
                                                         content: bytes | None) -> None:
    path = tmp_path / "new.sqlite3"
    if content is not None:
        path.write_bytes(content)
    with Store(f"sqlite:///{path}") as store:
        store.add_form(guangming)
        assert len(store.list_forms()) == 1


def test_two_revision_records_are_refused_without_a_change(any_store_url: str) -> None:
    from db.engine import make_engine
    Store(any_store_url).close()
    engine = make_engine(any_store_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0004')"))
    with pytest.raises(StoreError, match="结构版本记录有误") as refused:
        Store(any_store_url)
    _one_line(refused)
    with engine.connect() as connection:
        assert sorted(connection.execute(
            text("SELECT version_num FROM alembic_version")).scalars()) == ["0004", "0006"]
    engine.dispose()


# ---------------------------------------------------------------- read-only


@pytest.fixture
def write_protected(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every existing store file counts as one this process cannot write. (The real
    permission check is exercised by the command-line tests, which can take away root's
    right to ignore file modes; a test process running as root cannot.)"""
    monkeypatch.setattr(engine_module, "is_write_protected", lambda path: path.is_file())


def test_a_read_only_store_is_read_and_every_write_refused(store_url: str, guangming,
                                                          write_protected) -> None:
    Store(store_url).close()            # a new path: created as usual
    with Store(store_url) as store:     # an existing file: read-only
        assert store.read_only
        assert store.list_forms() == []
        with pytest.raises(StoreReadOnly, match="只读") as refused:
            store.add_form(guangming)
        _one_line(refused)


def test_a_read_only_store_lists_with_figures_it_cannot_keep(store_url: str, guangming,
                                                            monkeypatch) -> None:
    with Store(store_url) as store:
        form_id = store.add_form(guangming)
        with store.engine.begin() as connection:
            connection.execute(text("DELETE FROM form_figures"))
    monkeypatch.setattr(engine_module, "is_write_protected", lambda path: path.is_file())
    with Store(store_url) as store:
        assert store.read_only
        [line] = store.list_with_figures()
        assert line.summary.id == form_id and line.figures.total is not None
        assert store.load_form(form_id) == guangming


def test_a_read_only_store_that_needs_migrating_is_refused(store_url: str,
                                                           write_protected) -> None:
    path = Path(store_url.removeprefix("sqlite:///"))
    path.write_bytes(b"")
    with pytest.raises(StoreReadOnly, match="只读") as refused:
        Store(store_url)
    _one_line(refused)
    assert path.read_bytes() == b""


# ---------------------------------------------------------------- texts


def test_a_lone_surrogate_is_refused_in_words_not_by_the_driver(any_store_url: str,
                                                               guangming) -> None:
    guangming.details = {"备注\udc80": "x"}   # past the form checks: the store's own line
    with Store(any_store_url) as store:
        with pytest.raises(StoreError, match="无法保存的字符") as refused:
            store.add_form(guangming)
        _one_line(refused)
        assert store.list_forms() == []


def test_a_clash_found_only_by_the_database_is_still_in_words(any_store_url: str,
                                                              guangming) -> None:
    """A second row of one identity written past the store's own statements: the
    database refuses it, and the store's translation names the refusal."""
    from sqlalchemy.exc import IntegrityError

    from db.store_errors import translated
    columns = ("kind, layout, profile, year, code, name, unit, budget_unit,"
               " competent_department, amount_unit, goal_expected, goal_actual,"
               " level1_weights, details, meta, state, created_at, updated_at, identity_key")
    with Store(any_store_url) as store:
        store.add_form(guangming)
        with pytest.raises(IntegrityError) as raw, store.engine.begin() as connection:
            connection.execute(text(f"INSERT INTO form ({columns}) SELECT {columns} FROM form"))
    assert isinstance(translated(raw.value, any_store_url), FormExists)
