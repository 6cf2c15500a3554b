"""The listing of a SQLite store read with the standard library's sqlite3 alone.

`jixiao list` on a store of 1,000 forms reads and prints them in a few tens of
milliseconds, while importing SQLAlchemy and SQLModel to open the store the usual way
(`Store.open`) takes most of a second. So a store that is a SQLite file already at the
schema revision this release expects is read here instead: one read-only connection,
the listing's own statement (db.listing_query), nothing written. (A read-only
connection cannot remove the write-ahead log's two companion files when it closes, as
the store's own last connection does: an empty `-wal` and a small `-shm` may stay
beside the file until the store is next opened the usual way; they do no harm, an
empty log being no log to SQLite.)

Anything else answers None and the caller opens the store the usual way, which then
behaves and words its refusals exactly as it always has: no such file (the store
creates it), a store that needs migrating, one from a newer release, a file that is not
ours, an in-memory or another database, a locked file, any error at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from db.listing_query import as_listed, listing_parameters, listing_sql
from db.revision import HEAD_REVISION

SQLITE_FILE_URL = "sqlite:///"


def sqlite_file(url: str) -> Path | None:
    """The file a `sqlite:///PATH` URL names (a relative PATH from the working folder, as
    SQLAlchemy opens it); None for any other URL, for an in-memory database, and for a
    PATH SQLAlchemy would read otherwise than as written (a query string, %-escapes, a
    `file:` URI of its own), which are left to it."""
    if not url.startswith(SQLITE_FILE_URL):
        return None
    path = url.removeprefix(SQLITE_FILE_URL)
    if path in ("", ":memory:") or path.startswith("file:") or "?" in path or "%" in path:
        return None
    return Path(path)


def read_listing(url: str, columns: Sequence[str],
                 year: int | None = None) -> list[dict[str, object]] | None:
    """What `Store.open(url).listing(columns, year)` gives, when the store is a SQLite
    file at HEAD_REVISION; None when the usual way must read it (see the module doc)."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    statement = listing_sql(columns, one_year=year is not None)
    try:
        with closing(_read_only(path)) as connection:
            connection.execute("BEGIN")   # one snapshot for the revision and the forms
            if _stored_revision(connection) != HEAD_REVISION:
                return None
            rows = connection.execute(statement, listing_parameters(year)).fetchall()
    except sqlite3.Error:   # whatever it was, the usual way meets it and says so
        return None
    return as_listed(columns, rows)


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write or create the file. It does not wait for a lock
    (timeout 0): a store another program holds is left to the usual way, which waits
    the store's own busy timeout and tells the clerk if it is still held."""
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=0,
                           isolation_level=None)


def _stored_revision(connection: sqlite3.Connection) -> str | None:
    """The revision Alembic recorded (as db.schema_version reads it); an error when
    there is no record, as in a file that is not a store of ours."""
    rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None
