"""Alembic environment for the store.

The app runs migrations through `db.migrate.upgrade(engine)`, which hands over an open
connection inside its own transaction (config.attributes["connection"]); no
alembic.ini is needed. A developer writing the next migration can instead call
`db.migrate.make_config()` with `sqlalchemy.url` set and use alembic.command directly.
"""

from alembic import context

from db.engine import make_engine, resolve_url
from db.migrate import include_store_object
from db.tables import metadata


def _configure_and_run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=True, compare_type=True,
                      include_object=include_store_object)
    with context.begin_transaction():
        context.run_migrations()


def _run_on_own_engine() -> None:
    engine = make_engine(resolve_url(context.config.get_main_option("sqlalchemy.url")))
    try:
        with engine.begin() as connection:
            _configure_and_run(connection)
    finally:
        engine.dispose()


_given = context.config.attributes.get("connection")
if _given is not None:
    _configure_and_run(_given)
else:
    _run_on_own_engine()
