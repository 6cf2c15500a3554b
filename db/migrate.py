"""Bring a store's schema up to date with Alembic, from code, without an alembic.ini.

Every release may change the schema; a clerk's store must reach the new one without
losing a row. So the whole upgrade runs in one transaction (a failure leaves the old
schema and data as they were), and on SQLite with foreign keys switched off for its
duration, as SQLite's own procedure for altering tables requires: batch migrations copy
a table and drop the old one, and dropping a parent with foreign keys on would
cascade-delete its children. Integrity is then checked before committing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine

from db.engine import is_read_only, writing
from db.records import StoreError, StoreReadOnly
from db.tables import STORE_TABLE_NAMES, metadata

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def make_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations, optionally on a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(make_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision; None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Migrate the store to the newest schema; a store already there is not touched."""
    current = current_revision(engine)
    if current == head_revision():
        return
    _refuse_unknown(current)
    if is_read_only(engine):
        raise StoreReadOnly("数据库文件是只读的，而此版本需要先更新它的结构（或在其中建立新库）；"
                            "请取得写权限或复制到可写的位置后再打开")
    with _foreign_keys_off(writing(engine)) as connection, connection.begin():
        command.upgrade(make_config(connection), "head")
        _check_foreign_keys(connection)


def _refuse_unknown(revision: str | None) -> None:
    """A store written by a newer release: say so rather than fail obscurely."""
    if revision is None:
        return
    try:
        ScriptDirectory.from_config(make_config()).get_revision(revision)
    except CommandError:
        raise StoreError(f"此数据库由更新版本的绩效填报助手创建（结构版本 {revision}），"
                         "请升级程序后再打开") from None


@contextmanager
def _foreign_keys_off(engine: Engine) -> Iterator[Connection]:
    """A connection with SQLite foreign keys off, switched back on before it is pooled.

    The pragma is a no-op inside a transaction, so it goes straight to the driver
    before SQLAlchemy begins one.
    """
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _driver_pragma(connection, "foreign_keys=OFF")
        try:
            yield connection
        finally:
            if sqlite:
                _driver_pragma(connection, "foreign_keys=ON")


def _driver_pragma(connection: Connection, setting: str) -> None:
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA {setting}")


def _check_foreign_keys(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise StoreError(f"数据库升级后发现 {len(broken)} 处数据关联错误，已放弃升级")


def include_store_object(obj: Any, name: str | None, type_: str, reflected: bool,
                         compare_to: Any) -> bool:
    """Compare only the store's own tables (SQLModel.metadata is shared app-wide)."""
    if type_ == "table":
        return name in STORE_TABLE_NAMES
    table = getattr(obj, "table", None)
    return table is None or table.name in STORE_TABLE_NAMES


def schema_differences(engine: Engine) -> list[Any]:
    """What separates the database's schema from the table classes; [] when in step."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_store_object})
        return list(compare_metadata(context, metadata))
