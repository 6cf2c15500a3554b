"""Writing a file so that it appears whole or not at all.

The content goes to a temporary file in the target's own folder (a rename across
file systems is not atomic) and is renamed over the target only once complete, so a
failed export leaves the previous file intact.

The file a clerk gets is one she can share: the temporary is created with the mode
`open(path, "w")` would give (0666 less the umask, e.g. 0644), or the mode of the file
it replaces, not the private 0600 of `tempfile.mkstemp`.

No temporary outlives a write: it is removed on any exception, Ctrl+C included. Only a
process killed outright can leave one, and its name says whose it is:
".<target name>.<pid>-<random>.part". The next write of the same target removes such
leftovers of processes that have ended.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import sys
from collections.abc import Callable
from pathlib import Path

SUFFIX = ".part"
DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
"""No room left: the disk is full, or the user's quota is used up."""


class DiskFullError(OSError):
    """A write that ran out of room; its message is the line the clerk reads."""

    def __init__(self, code: int, target: Path) -> None:
        super().__init__(code, "磁盘空间不足", str(target))

    def __str__(self) -> str:
        return f"磁盘空间不足，未能写入 {self.filename}"


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary_path)`, then move the result over `target`."""
    target = Path(target)
    _remove_leftovers(target)
    temporary: Path | None = None
    try:
        temporary = _create_temporary(target)
        write(temporary)
        os.replace(temporary, target)
    except BaseException as error:
        if temporary is not None:
            _remove(temporary)
        if isinstance(error, OSError) and error.errno in DISK_FULL:
            raise DiskFullError(error.errno or errno.ENOSPC, target) from error
        raise


def _temporary_name(target: Path) -> str:
    return f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}{SUFFIX}"


def _create_temporary(target: Path) -> Path:
    """A new empty file beside `target`, with the permissions the target should get.

    Created through os.open with mode 0o666, so that the system applies the umask just
    as it does for open(path, "w"): reading the umask would mean setting it, which is
    not safe while other threads create files. O_EXCL: never an existing file.
    """
    temporary = target.with_name(_temporary_name(target))
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        _keep_mode_of(target, temporary)
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _keep_mode_of(target: Path, temporary: Path) -> None:
    """Replacing a file keeps its permissions, as writing into it would."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return
    os.chmod(temporary, mode)


def _remove(path: Path) -> None:
    """Best effort: a file that cannot be removed must not hide why the write failed."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _remove_leftovers(target: Path) -> None:
    """Remove the temporaries of `target` that writers killed before cleaning up left."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)-[0-9a-f]+{re.escape(SUFFIX)}")
    with contextlib.suppress(OSError):   # a folder that cannot be listed: the write says so
        for entry in os.scandir(target.parent):
            found = pattern.fullmatch(entry.name)
            if found and not _running(int(found.group(1))):
                _remove(Path(entry.path))


def _running(pid: int) -> bool:
    """Whether the process that named a temporary may still be writing it.

    Our own process may be (another thread). On Windows the file of a live writer is
    open and cannot be removed anyway, so there any other process counts as ended.
    """
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return False
    try:
        os.kill(pid, 0)   # signal 0 sends nothing: it only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:   # it exists, under another user
        return True
    return True


def write_text_atomically(target: Path, text: str) -> None:
    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())

    write_atomically(target, write)
