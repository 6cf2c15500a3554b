"""How we connect to the store (where it lives is db.location's).

SQLite is the default (one file in the user's data folder), but nothing below assumes
it: any SQLAlchemy URL works, and the SQLite-only settings are applied only to SQLite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from db.location import resolve_url as resolve_url  # where the store's callers look for it
from db.read_only import connect_read_only, is_write_protected
from db.records import StoreError
from db.sqlite_peek import foreign_tables, refusal

BUSY_TIMEOUT_MS = 5000

BEGIN_OPTION = "jixiao_sqlite_begin"
"""Execution option naming the BEGIN flavour ("DEFERRED" or "IMMEDIATE") for SQLite."""

READ_ONLY_OPTION = "jixiao_read_only"
"""Execution option set on the engine of a SQLite file that can be read but not
written (db.read_only): the store refuses writes to it before trying any."""

SUPPORTED = "SQLite 文件的路径，或 postgresql+psycopg://用户@主机/库名 这样的地址"


def make_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL, with SQLite made safe for a desktop app.

    An address that names no database SQLAlchemy knows, or one whose driver is not
    installed, is a StoreError in one line: the clerk mistyped it, or the bureau's
    set-up lacks a package, and neither is a defect of the program. So is a SQLite file
    of another program (db.sqlite_peek), refused before anything connects to it.
    """
    parsed = _parsed(url)
    if parsed.get_backend_name() != "sqlite":
        return _created(parsed)
    path = sqlite_path(parsed)
    if path is not None and foreign_tables(path):   # before our WAL switch rewrites it
        raise StoreError(refusal(path))
    if is_memory_sqlite(parsed):
        # One shared connection, or every session would see its own empty database.
        engine = _created(parsed, poolclass=StaticPool,
                          connect_args={"check_same_thread": False})
    elif path is not None and is_write_protected(path):
        return _read_only(parsed, path)
    else:
        engine = _created(parsed)
    _install_sqlite_hooks(engine, wal=not is_memory_sqlite(parsed))
    return engine


def is_read_only(engine: Engine) -> bool:
    """Whether the engine reads a store it cannot write (see READ_ONLY_OPTION)."""
    return bool(engine.get_execution_options().get(READ_ONLY_OPTION, False))


def _parsed(url: str) -> URL:
    try:
        return make_url(url)
    except (ArgumentError, ValueError):   # the text may hold a password: not repeated
        raise StoreError(f"无法识别的数据库地址（应为 {SUPPORTED}）") from None


def _created(parsed: URL, **options: Any) -> Engine:
    try:
        return create_engine(parsed, **options)
    except NoSuchModuleError:
        raise StoreError(f"不支持的数据库类型 {parsed.drivername}（应为 {SUPPORTED}）") from None
    except ImportError as error:
        driver = error.name or parsed.drivername
        raise StoreError(f"缺少连接 {parsed.get_backend_name()} 数据库的驱动程序 {driver}，"
                         "请先安装它") from None
    except (ArgumentError, ValueError) as error:
        raise StoreError(f"数据库地址有误：{error}") from None


def _read_only(parsed: URL, path: Path) -> Engine:
    """An engine whose every connection reads the file read-only (db.read_only)."""
    engine = _created(parsed, creator=lambda: connect_read_only(path, BUSY_TIMEOUT_MS / 1000))
    _install_sqlite_hooks(engine, wal=False)   # switching to WAL is a write
    return engine.execution_options(**{READ_ONLY_OPTION: True})


def sqlite_path(url: URL) -> Path | None:
    """The file a SQLite URL names; None for memory and for a `file:` URI of its own,
    which SQLAlchemy opens as given."""
    if is_memory_sqlite(url) or url.query.get("uri"):
        return None
    database = url.database or ""
    return None if database.startswith("file:") else Path(database)


def is_memory_sqlite(url: URL) -> bool:
    database = url.database or ""
    return database in ("", ":memory:") or url.query.get("mode") == "memory"


def _install_sqlite_hooks(engine: Engine, wal: bool) -> None:
    """Per-connection pragmas, and BEGIN emitted by us rather than by Python's sqlite3.

    Python 3.11's sqlite3 starts transactions lazily and never before DDL, so a failed
    migration could leave a half-changed schema; emitting BEGIN ourselves (the recipe in
    SQLAlchemy's SQLite dialect notes) makes every transaction, DDL included, atomic.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        flavour = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {flavour}")


def writing(engine: Engine) -> Engine:
    """The same engine, but SQLite transactions take the write lock at BEGIN.

    A deferred transaction that reads first and writes later cannot wait for another
    writer (SQLite reports "database is locked" at once); BEGIN IMMEDIATE waits up to
    the busy timeout instead. Other databases ignore the option.
    """
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
