"""A look at an existing SQLite file, read-only, before the store connects to it.

The store's connections switch a file to write-ahead logging as they open it (db.engine),
which rewrites the file's header. That is right for a store of ours and wrong for any
other program's database: a file that holds tables but no record of our schema is
refused before a single connection of ours touches it.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

VERSION_TABLE = "alembic_version"


def foreign_tables(path: Path) -> list[str]:
    """The tables of an existing file that is a SQLite database of another program (no
    revision record of ours), else []: for a new or empty file, a store of ours, and a
    file that is no database at all (the store says so when it opens it)."""
    if not path.is_file() or path.stat().st_size == 0:
        return []
    try:
        with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True,
                                     timeout=0)) as connection:
            names = [str(row[0]) for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite%'")]
    except sqlite3.Error:
        return []
    return [] if VERSION_TABLE in names else names


def refusal(path: Path) -> str:
    return (f"{path} 属于别的程序（其中已有数据表，却没有绩效填报助手的版本记录），"
            "未做任何改动；请另选一个文件")
