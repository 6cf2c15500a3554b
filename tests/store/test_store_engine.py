"""Where the store lives and how its SQLite connections are set up."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import engine as engine_module
from db import location
from db.engine import make_engine, resolve_url
from db.store import Store
from desktop.forms import SelfEvaluation


def test_the_default_file_is_in_the_user_data_folder(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "data" / "jixiao"
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *_a, **_k: str(folder))
    path = location.default_db_path()
    assert path == folder / "jixiao.sqlite3" and folder.is_dir()


def test_an_explicit_url_wins_over_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("JIXIAO_DB", "sqlite:///from-env.sqlite3")
    assert resolve_url("postgresql://host/db") == "postgresql://host/db"
    assert resolve_url() == "sqlite:///from-env.sqlite3"


def test_a_bare_path_becomes_an_absolute_sqlite_url(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JIXIAO_DB", raising=False)
    assert resolve_url("forms.sqlite3") == f"sqlite:///{tmp_path / 'forms.sqlite3'}"


def test_without_anything_the_default_file_is_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("JIXIAO_DB", raising=False)
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *_a, **_k: str(tmp_path))
    assert resolve_url() == f"sqlite:///{tmp_path / 'jixiao.sqlite3'}"


def test_store_open_follows_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("JIXIAO_DB", str(tmp_path / "env.sqlite3"))
    with Store.open() as store:
        store.add_form(SelfEvaluation(year=2024))
    assert (tmp_path / "env.sqlite3").exists()


def test_every_sqlite_connection_is_set_up(store: Store) -> None:
    with store.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar_one()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_store_is_one_database(url: str) -> None:
    with Store(url) as store:
        form_id = store.add_form(SelfEvaluation(year=2024, project_name="内存"))
        assert store.load_form(form_id).project_name == "内存"


def test_other_databases_get_a_plain_engine(monkeypatch) -> None:
    """No SQLite pragmas or pools for another database (its driver need not be here)."""
    calls = []
    monkeypatch.setattr(engine_module, "create_engine",
                        lambda url, **options: calls.append((str(url), options)))
    make_engine("postgresql://clerk@localhost/jixiao")
    assert calls == [("postgresql://clerk@localhost/jixiao", {})]
