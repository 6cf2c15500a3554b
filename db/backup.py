"""Backups of a SQLite store: whole copies taken with SQLite's online backup, rotated.

SQLite's backup API (sqlite3.Connection.backup) copies a consistent snapshot page by
page while the store stays open, WAL and all, which a file copy cannot promise. Each
backup is one self-contained file (journal mode DELETE) in a `backups` folder beside
the store, named `<store>-<YYYYmmdd-HHMMSS.fff>-<reason>.sqlite3`, so a clerk or support
can find and open it with any SQLite tool. The newest `keep` are kept.

Restoring copies a backup back through the same API into the store file (after
backing up what is there), so the store is replaced whole or not at all. Qt-free; the
window's dialog is desktop.ui.backups.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

from db.engine import BUSY_TIMEOUT_MS
from db.records import StoreError

FOLDER_NAME = "backups"
SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S"
DEFAULT_KEEP = 10
DAILY = timedelta(days=1)


class BackupError(StoreError):
    """A backup that cannot be taken, read or restored; str(error) is one Chinese line."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime       # local time, from the file name
    reason: str           # why: "auto" (daily), "close" or "restore" (taken before one)

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def store_file(url: str) -> Path | None:
    """The file of a SQLite store URL; None for an in-memory or non-SQLite store."""
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:") \
            or parsed.query.get("mode") == "memory":
        return None
    return Path(database)


def backup_folder(store: Path) -> Path:
    return store.parent / FOLDER_NAME


def _pattern(store: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(store.stem)}-(\d{{8}}-\d{{6}})\.(\d{{3}})-(\w+){SUFFIX}$")


def list_backups(store: Path, folder: Path | None = None) -> list[Backup]:
    """The store's backups, newest first."""
    folder = folder or backup_folder(store)
    pattern, found = _pattern(store), []
    for path in folder.glob(f"{store.stem}-*{SUFFIX}") if folder.is_dir() else ():
        match = pattern.match(path.name)
        if match:
            taken = datetime.strptime(match[1], STAMP).replace(microsecond=int(match[2]) * 1000)
            found.append(Backup(path, taken, match[3]))
    return sorted(found, key=lambda backup: backup.taken, reverse=True)


def is_due(store: Path, now: datetime | None = None, every: timedelta = DAILY,
           folder: Path | None = None) -> bool:
    """No backup yet, or the newest is at least `every` old (the daily backup)."""
    backups = list_backups(store, folder)
    return not backups or (now or datetime.now()) - backups[0].taken >= every


def make_backup(store: Path, reason: str = "auto", keep: int = DEFAULT_KEEP,
                folder: Path | None = None, now: datetime | None = None,
                force: bool = False) -> Backup | None:
    """Copy the store into a new backup and keep the newest `keep`.

    Returns None, keeping nothing new, when the store is missing or holds exactly what
    the newest backup holds (unless `force`): ten backups of an unchanged store would
    push out the ones worth having.
    """
    if not store.is_file():
        return None
    folder = folder or backup_folder(store)
    backup = Backup(folder / "-", _to_milliseconds(now or datetime.now()), reason)
    backup = Backup(folder / _file_name(store, backup), backup.taken, reason)
    partial = backup.path.with_name(f".{backup.path.name}.part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _copy(store, partial)
        newest = list_backups(store, folder)[:1]
        if not force and newest and _digest(newest[0].path) == _digest(partial):
            partial.unlink()
            return None
        os.replace(partial, backup.path)
    except (OSError, sqlite3.Error) as error:
        _remove(partial)
        raise BackupError(f"无法备份数据库到 {folder}：{_reason(error)}") from error
    prune(store, keep, folder)
    return backup


def _to_milliseconds(moment: datetime) -> datetime:
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _file_name(store: Path, backup: Backup) -> str:
    milliseconds = backup.taken.microsecond // 1000
    return f"{store.stem}-{backup.taken.strftime(STAMP)}.{milliseconds:03d}-{backup.reason}{SUFFIX}"


def prune(store: Path, keep: int, folder: Path | None = None) -> list[Path]:
    """Delete all but the newest `keep` (at least one) backups; the files removed."""
    removed = [backup.path for backup in list_backups(store, folder)[max(keep, 1):]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore_backup(backup: Path, store: Path, keep: int = DEFAULT_KEEP,
                   folder: Path | None = None) -> Backup | None:
    """Replace the store's content with the backup's, after backing up the current one.

    The backup is checked first (a SQLite file that passes quick_check and holds forms),
    so a damaged or foreign file never replaces a working store. Close or dispose every
    connection of this process first; another program's open connection makes SQLite
    wait up to the busy timeout and then refuse, leaving the store as it was.
    Returns the backup taken of the replaced content (None if there was no store yet).
    """
    check_backup(backup)
    before = make_backup(store, "restore", keep + 1, folder, force=True)
    try:
        with closing(_connect(backup)) as source, closing(_connect(store)) as target:
            source.backup(target)
    except sqlite3.Error as error:
        raise BackupError(f"恢复备份失败，数据库未改变：{_reason(error)}") from error
    prune(store, keep, folder)
    return before


def check_backup(path: Path) -> None:
    """Refuse a file that is not a sound store: BackupError says why in one line."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as error:
        raise BackupError(f"{path.name} 不是可用的备份：{_reason(error)}") from error
    if verdict != "ok":
        raise BackupError(f"{path.name} 已损坏（{verdict}），不能用来恢复")
    if not {"form", "alembic_version"} <= tables:
        raise BackupError(f"{path.name} 不是绩效填报助手的数据库备份")


def _copy(store: Path, target: Path) -> None:
    """The online backup, then a journal mode that needs no -wal file beside the copy."""
    target.unlink(missing_ok=True)
    with closing(_connect(store)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def _remove(path: Path) -> None:
    with suppress(OSError):  # the folder itself is what failed; there is nothing to tidy
        path.unlink(missing_ok=True)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _reason(error: BaseException) -> str:
    """The first line of what the system said, for a one-line message."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
