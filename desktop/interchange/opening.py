"""Opening a form file: only a regular file, and never more of it than a form can be.

A path can name something that is no file at all: a named pipe (reading it waits for a
writer that never comes), a device (/dev/zero never ends), a socket, a folder, or a
symbolic link that points at itself. Each is refused from what the file system says
about it, before it is opened. The file is then opened without waiting (O_NONBLOCK, so
a pipe swapped in meanwhile cannot block), checked again on the open handle, and read
up to the size limit and not one byte further: a file that grew past the limit since it
was looked at is refused too.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from desktop.interchange.errors import FormFileError
from desktop.interchange.limits import MAX_FILE_BYTES

_NOT_FILES = ((stat.S_ISDIR, "这是一个文件夹，不是表格文件"),
              (stat.S_ISFIFO, "这是一个命名管道（FIFO），不是表格文件"),
              (stat.S_ISSOCK, "这是一个套接字，不是表格文件"),
              (stat.S_ISCHR, "这是一个设备文件，不是表格文件"),
              (stat.S_ISBLK, "这是一个设备文件，不是表格文件"))
_WITHOUT_WAITING = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
"""O_NONBLOCK and O_NOCTTY do not exist on Windows, which has no pipes or terminals in
its folders either."""


def _kind_problem(mode: int) -> str | None:
    """Why a file of this mode is no form file; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((why for test, why in _NOT_FILES if test(mode)), "这不是一个普通文件，不是表格文件")


def _stat_problem(path: Path, error: OSError) -> str:
    """One line for a path the file system cannot describe."""
    if error.errno == errno.ELOOP:
        return "符号链接指向自身（循环链接），找不到文件"
    if isinstance(error, FileNotFoundError):
        return "符号链接指向的文件不存在" if path.is_symlink() else "文件不存在"
    return f"无法读取（{error.strerror or error}）"


def _too_big(size: int) -> str:
    return (f"文件有 {size // 1_000_000} MB，超过 {MAX_FILE_BYTES // 1_000_000} MB 的上限，"
            "不是一个绩效表格")


def refuse_unreadable(path: Path) -> None:
    """FormFileError unless `path` is a regular file of at most MAX_FILE_BYTES.

    Looks only at the file's metadata: nothing is opened, so a named pipe cannot block.
    """
    try:
        status = path.stat()
    except OSError as error:
        raise FormFileError(f"{path}：{_stat_problem(path, error)}") from None
    problem = _kind_problem(status.st_mode)
    if problem is not None:
        raise FormFileError(f"{path}：{problem}")
    if status.st_size > MAX_FILE_BYTES:
        raise FormFileError(f"{path}：{_too_big(status.st_size)}")


def read_form_bytes(path: Path) -> bytes:
    """A form file's bytes, or one Chinese line saying why they cannot be read."""
    refuse_unreadable(path)
    try:
        with open(path, "rb", buffering=0, opener=_open_without_waiting) as handle:
            problem = _kind_problem(os.fstat(handle.fileno()).st_mode)
            if problem is not None:          # swapped for something else since refuse_unreadable
                raise FormFileError(f"{path}：{problem}")
            content = _read_at_most(handle)
    except FormFileError:
        raise
    except IsADirectoryError:
        raise FormFileError(f"{path}：这是一个文件夹，不是表格文件") from None
    except OSError as error:
        if error.errno == errno.ELOOP or isinstance(error, FileNotFoundError):
            raise FormFileError(f"{path}：{_stat_problem(path, error)}") from None
        raise FormFileError(f"{path}：无法读取（{error.strerror}，文件是否正在 Excel 中打开？）") from None
    if len(content) > MAX_FILE_BYTES:
        raise FormFileError(f"{path}：{_too_big(len(content))}")
    return content


def _open_without_waiting(path: str, flags: int) -> int:
    return os.open(path, flags | _WITHOUT_WAITING)


def _read_at_most(handle: BinaryIO) -> bytes:
    """Up to one byte more than the limit: enough to know the file is over it."""
    chunks, left = [], MAX_FILE_BYTES + 1
    while left > 0:
        chunk = handle.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def is_special(path: Path) -> bool:
    """Whether a folder entry is neither a regular file nor a folder (a pipe, a socket, a
    device, a broken or looping link): listed in a folder import so that its line says
    why it was not read, and never opened."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return path.is_symlink()
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
