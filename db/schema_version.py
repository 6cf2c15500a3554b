"""Which schema revision a store is at, read without loading Alembic, and whether the
store may be brought to this release's.

Alembic costs a sizeable share of start-up to import; a store already at the newest
revision (every start but the first after an upgrade) does not need it.

Before anything is migrated, a database that is not plainly ours or plainly new is
refused in one line and left as it was: a SQLite file holding another program's tables
(migrating would add ours beside them), a revision record that is not one row (Alembic
would stop with a message about "heads"). A store that needs migrating but cannot be
written is refused by `db.migrate.upgrade`, once it knows the revision is one it has.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from db.records import StoreError
from db.revision import HEAD_REVISION
from db.sqlite_peek import refusal

VERSION_TABLE = "alembic_version"


def recorded_revisions(engine: Engine) -> list[str] | None:
    """The revisions Alembic recorded in the store (one, in a store of ours); None when
    there is no record at all, as in a new or foreign database."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    except DBAPIError:
        return None
    return [str(row[0]) for row in rows]


def migrate_if_needed(engine: Engine) -> None:
    revisions = recorded_revisions(engine)
    if revisions == [HEAD_REVISION]:
        return
    _refuse_unsuitable(engine, revisions)
    from db.migrate import upgrade  # Alembic only when there is work for it
    upgrade(engine)


def _refuse_unsuitable(engine: Engine, revisions: list[str] | None) -> None:
    if revisions is not None and len(revisions) > 1:
        raise StoreError(f"数据库的结构版本记录有误（记有 {len(revisions)} 个版本："
                         f"{'、'.join(revisions)}），未做任何改动；请从备份恢复")
    if not revisions and _foreign_tables(engine):
        raise StoreError(refusal(Path(engine.url.database or "")))


def _foreign_tables(engine: Engine) -> list[str]:
    """The tables of a SQLite database that holds no record of ours (a file is looked at
    before it is opened, by db.sqlite_peek; this catches what it cannot see, such as a
    read-only file). A PostgreSQL database is a server's, where the store's tables may
    well live beside other applications' by design; a SQLite file is one program's
    document."""
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as connection:
        names = inspect(connection).get_table_names()
    return [name for name in names if name != VERSION_TABLE]
