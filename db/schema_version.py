"""Which schema revision a store is at, read without loading Alembic.

Alembic costs a sizeable share of start-up to import; a store already at the newest
revision (every start but the first after an upgrade) does not need it.
"""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from db.revision import HEAD_REVISION


def stored_revision(engine: Engine) -> str | None:
    """The revision Alembic recorded in the store; None for a new or foreign database."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return None
    return rows[0][0] if len(rows) == 1 else None


def migrate_if_needed(engine: Engine) -> None:
    if stored_revision(engine) != HEAD_REVISION:
        from db.migrate import upgrade  # Alembic only when there is work for it
        upgrade(engine)
