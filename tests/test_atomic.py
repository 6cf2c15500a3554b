"""Files written whole or not at all, with the permissions a clerk can share them by."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.atomic import DiskFullError, write_atomically, write_text_atomically

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and processes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_the_file_gets_the_permissions_of_a_plain_open(umask: int, tmp_path: Path) -> None:
    previous = os.umask(umask)
    try:
        with open(tmp_path / "plain.txt", "w", encoding="utf-8"):
            pass
        write_text_atomically(tmp_path / "atomic.txt", "内容")
    finally:
        os.umask(previous)
    assert _mode(tmp_path / "atomic.txt") == _mode(tmp_path / "plain.txt") == 0o666 & ~umask


@posix_only
def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "shared.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o664)
    write_text_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and _mode(target) == 0o664


@pytest.mark.parametrize("error", [OSError("写不下"), KeyboardInterrupt()],
                         ids=["OSError", "KeyboardInterrupt"])
def test_a_failed_write_leaves_neither_target_nor_temporary(error: BaseException,
                                                            tmp_path: Path) -> None:
    def half_then_fail(path: Path) -> None:
        path.write_bytes(b"half a workbook")
        raise error

    with pytest.raises(type(error)):
        write_atomically(tmp_path / "out.xlsx", half_then_fail)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_replacement_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def fail(path: Path) -> None:
        raise OSError("写不下")

    with pytest.raises(OSError):
        write_atomically(target, fail)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    assert target.read_text(encoding="utf-8") == "old"


def test_a_full_disk_is_told_in_chinese_and_leaves_nothing(tmp_path: Path) -> None:
    def full(path: Path) -> None:
        path.write_bytes(b"part")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    target = tmp_path / "out.xlsx"
    with pytest.raises(DiskFullError) as raised:
        write_atomically(target, full)
    assert str(raised.value) == f"磁盘空间不足，未能写入 {target}"
    assert raised.value.errno == errno.ENOSPC and raised.value.strerror == "磁盘空间不足"
    assert isinstance(raised.value, OSError)   # callers that catch OSError still do
    assert list(tmp_path.iterdir()) == []


def _ended_pid() -> int:
    """The id of a process that has exited (and been reaped)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


@posix_only
def test_the_leftover_of_a_killed_writer_goes_with_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    dead = tmp_path / f".out.json.{_ended_pid()}-0badf00d.part"
    dead.write_bytes(b"half")
    alive = tmp_path / f".out.json.{os.getpid()}-0ddba11a.part"   # another thread's, say
    alive.write_bytes(b"half")
    other = tmp_path / f".other.json.{_ended_pid()}-0badf00d.part"   # another target's
    other.write_bytes(b"half")
    write_text_atomically(target, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["out.json", alive.name, other.name])


def test_temporaries_are_named_after_their_target(tmp_path: Path) -> None:
    seen: list[str] = []
    write_atomically(tmp_path / "年度 表[1].xlsx",
                     lambda path: seen.append(path.name) or path.write_bytes(b"x"))
    assert seen[0].startswith(".年度 表[1].xlsx.") and seen[0].endswith(".part")
    assert f"{os.getpid()}-" in seen[0]
    assert [p.name for p in tmp_path.iterdir()] == ["年度 表[1].xlsx"]
