"""Backups: taken online, rotated, skipped when nothing changed, restored whole."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from conftest import SAMPLE_FILES
from db.backup import (
    BackupError,
    is_due,
    list_backups,
    make_backup,
    prune,
    restore_backup,
    store_file,
)
from db.store import Store
from desktop.interchange.json_form import read_form

NOON = datetime(2024, 5, 6, 12, 0, 0)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "jixiao.sqlite3"


@pytest.fixture
def opened(path: Path):
    with Store(f"sqlite:///{path}") as store:
        store.add_form(read_form(SAMPLE_FILES[0]))
        yield store


def names(store: Store) -> list[str]:
    return sorted(summary.name for summary in store.list_forms())


def test_a_backup_is_a_complete_store_of_its_own(opened: Store, path: Path) -> None:
    backup = make_backup(path, "close", now=NOON)
    assert backup is not None and backup.path.parent == path.parent / "backups"
    assert backup.taken == NOON and backup.reason == "close"
    with Store(f"sqlite:///{backup.path}") as copy:
        assert names(copy) == names(opened)
    assert not Path(f"{backup.path}-wal").exists()


def test_an_unchanged_store_adds_no_backup(opened: Store, path: Path) -> None:
    assert make_backup(path, now=NOON) is not None
    assert make_backup(path, now=NOON + timedelta(hours=1)) is None
    opened.add_form(read_form(SAMPLE_FILES[1]))
    assert make_backup(path, now=NOON + timedelta(hours=2)) is not None
    assert len(list_backups(path)) == 2


def test_only_the_newest_are_kept(opened: Store, path: Path) -> None:
    for hour in range(5):
        make_backup(path, now=NOON + timedelta(hours=hour), keep=3, force=True)
    kept = list_backups(path)
    assert [backup.taken.hour for backup in kept] == [16, 15, 14]
    assert prune(path, keep=1) == [kept[1].path, kept[2].path]


def test_the_daily_backup_is_due_after_a_day(opened: Store, path: Path) -> None:
    assert is_due(path, now=NOON)
    make_backup(path, now=NOON)
    assert not is_due(path, now=NOON + timedelta(hours=23))
    assert is_due(path, now=NOON + timedelta(days=1))


def test_restoring_brings_back_the_old_content_and_keeps_the_current(
        opened: Store, path: Path) -> None:
    old = make_backup(path, now=NOON)
    before = names(opened)
    opened.add_form(read_form(SAMPLE_FILES[1]))
    current = names(opened)
    saved = restore_backup(old.path, path)
    assert names(opened) == before
    assert saved is not None and saved.reason == "restore"
    with Store(f"sqlite:///{saved.path}") as copy:
        assert names(copy) == current
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_backup_taken_while_another_connection_writes_is_consistent(
        opened: Store, path: Path) -> None:
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM form")          # not committed: the backup must not see it
    backup = make_backup(path, now=NOON)
    writer.execute("ROLLBACK")
    writer.close()
    with Store(f"sqlite:///{backup.path}") as copy:
        assert names(copy) == names(opened)


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\0" + b"\xff" * 200])
def test_a_damaged_backup_never_replaces_the_store(opened: Store, path: Path, tmp_path: Path,
                                                   content: bytes) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    before = names(opened)
    with pytest.raises(BackupError) as refused:
        restore_backup(bad, path)
    assert "\n" not in str(refused.value) and "bad.sqlite3" in str(refused.value)
    assert names(opened) == before and list_backups(path) == []


def test_a_foreign_database_is_refused(opened: Store, path: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    with pytest.raises(BackupError, match="不是绩效填报助手的数据库备份"):
        restore_backup(foreign, path)


def test_a_backup_folder_that_cannot_be_written_is_one_line(opened: Store, path: Path,
                                                            tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(BackupError) as refused:
        make_backup(path, folder=blocked)
    assert "\n" not in str(refused.value)


def test_only_sqlite_files_have_backups(tmp_path: Path) -> None:
    assert store_file(f"sqlite:///{tmp_path / 'a.sqlite3'}") == tmp_path / "a.sqlite3"
    assert store_file("sqlite://") is None
    assert store_file("sqlite:///:memory:") is None
    assert store_file("postgresql://clerk@server/jixiao") is None


def test_backups_of_other_stores_in_the_folder_are_not_counted(opened: Store, path: Path) -> None:
    other = path.with_name("jixiao-2.sqlite3")
    with Store(f"sqlite:///{other}") as second:
        second.add_form(read_form(SAMPLE_FILES[1]))
    make_backup(other, now=NOON)
    make_backup(path, now=NOON)
    assert [backup.path.name for backup in list_backups(path)] == [
        "jixiao-20240506-120000.000-auto.sqlite3"]
