"""Where the store is: the URL a command was given, else $JIXIAO_DB, else the default file.

Apart from db.engine, which connects through SQLAlchemy: `jixiao list` finds its store
here and may then read it with the standard library alone (db.sqlite_listing), and
platformdirs is imported only when the default file is wanted.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "JIXIAO_DB"
DB_FILE_NAME = "jixiao.sqlite3"


def default_db_path() -> Path:
    """The store file in the platform's per-user data folder, which is created if needed."""
    from platformdirs import user_data_dir  # a named store never needs it
    folder = Path(user_data_dir("jixiao", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DB_FILE_NAME


def resolve_url(explicit: str | None = None) -> str:
    """The argument, else $JIXIAO_DB, else the default file; a bare path becomes a URL."""
    value = explicit or os.environ.get(DB_ENV) or str(default_db_path())
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"
