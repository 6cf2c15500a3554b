"""A SQLite store the clerk may read but not write: opened read-only, never altered.

A store on a write-protected file, a read-only share or a CD still holds forms a clerk
wants to list and export. Opened the usual way, SQLite would try to switch it to
write-ahead logging and to create the log beside it, and fail before anything is read.
So such a file is opened read-only from the start, and the store refuses every write
in one line instead of failing inside it (`db.store`).

Read-only in the sense that matters to SQLite: it must be able to write the file, and
to create its journal (or write-ahead log) in the file's folder. A folder it cannot
write is harmless only when the log's two files are already there and writable.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

LOG_SUFFIXES = ("-wal", "-shm")


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def is_write_protected(path: Path) -> bool:
    """An existing store file this process could read but could not write."""
    if not path.is_file():
        return False          # a new store: creating it says whether the folder allows it
    if not _writable(path):
        return True
    folder = path.parent
    if os.access(folder, os.W_OK | os.X_OK):
        return False
    logs = [path.with_name(path.name + suffix) for suffix in LOG_SUFFIXES]
    return not all(log.is_file() and _writable(log) for log in logs)


def connect_read_only(path: Path, timeout_s: float) -> sqlite3.Connection:
    """A connection that cannot write or create the file.

    A store in write-ahead-log mode can be read read-only only where SQLite can find or
    create the log's shared-memory file; on a read-only medium without one it cannot,
    and the file is opened as immutable instead (nothing can be writing it there).
    """
    uri = path.absolute().as_uri()
    connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout_s,
                                 check_same_thread=False)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        connection.close()
        if "readonly" not in str(error) and "unable to open" not in str(error):
            raise
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=timeout_s,
                               check_same_thread=False)
    return connection
