"""How we connect to the store (where it lives is db.location's).

SQLite is the default (one file in the user's data folder), but nothing below assumes
it: any SQLAlchemy URL works, and the SQLite-only settings are applied only to SQLite.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

from db.location import resolve_url as resolve_url  # where the store's callers look for it

BUSY_TIMEOUT_MS = 5000

BEGIN_OPTION = "jixiao_sqlite_begin"
"""Execution option naming the BEGIN flavour ("DEFERRED" or "IMMEDIATE") for SQLite."""


def make_engine(url: str) -> Engine:
    """An engine for any SQLAlchemy URL, with SQLite made safe for a desktop app."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed)
    if is_memory_sqlite(parsed):
        # One shared connection, or every session would see its own empty database.
        engine = create_engine(parsed, poolclass=StaticPool,
                               connect_args={"check_same_thread": False})
    else:
        engine = create_engine(parsed)
    _install_sqlite_hooks(engine, wal=not is_memory_sqlite(parsed))
    return engine


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
