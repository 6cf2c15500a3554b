"""The log file: what went wrong, with its traceback, where support can find it.

One rotating file in the platform's per-user log folder (on Windows
%LOCALAPPDATA%\\jixiao\\Logs, on Linux ~/.local/state/jixiao/log), at most a few MB in
all, so a clerk's report of "程序出错" can be answered from the file the dialog names.
Setting up the log must never be what breaks the program: a folder that cannot be
written leaves logging to stderr and the caller carries on.

Qt-free: the command line and the window both use it. Importing it costs nothing at
start-up: `logging` and platformdirs load when the first line is logged.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from logging import Logger
    from logging.handlers import RotatingFileHandler

LOG_ENV = "JIXIAO_LOG_DIR"
"""Overrides the folder (tests, a portable install on a USB stick)."""
LOG_FILE_NAME = "jixiao.log"
OUTPUT_FILE_NAME = "output.txt"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_dir() -> Path:
    if os.environ.get(LOG_ENV):
        return Path(os.environ[LOG_ENV])
    from platformdirs import user_log_dir
    return Path(user_log_dir("jixiao", appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


def logger() -> Logger:
    """The app's logger ("jixiao"; modules log to children such as "jixiao.backups")."""
    import logging
    return logging.getLogger("jixiao")


def _our_handler() -> RotatingFileHandler | None:
    from logging.handlers import RotatingFileHandler
    return next((h for h in logger().handlers if isinstance(h, RotatingFileHandler)), None)


def setup_logging() -> Path | None:
    """Log to the rotating file (once per process); the file, or None if unwritable."""
    import logging
    from logging.handlers import RotatingFileHandler
    existing = _our_handler()
    if existing is not None:
        return Path(existing.baseFilename)
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                      encoding="utf-8")
    except OSError as error:
        print(f"jixiao：无法写日志文件 {path}（{error.strerror}）", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    logger().addHandler(handler)
    logger().setLevel(logging.INFO)
    return path


def log_exception(exc_info: ExcInfo, where: str) -> Path | None:
    """Write the traceback to the log; the log file's path for the message to the clerk."""
    path = setup_logging()
    logger().error("未处理的异常（%s）", where, exc_info=exc_info)
    return path


def log_warning(message: str) -> None:
    """A failure the user was told about in passing (a backup that could not be taken)."""
    setup_logging()
    logger().warning("%s", message)


def ensure_streams() -> None:
    """A windowed Windows build has no stdout or stderr (they are None): send both to a
    file in the log folder, so that `--version`, argparse's help or a stray print
    write there instead of raising AttributeError and ending the program silently."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        # The stream stays open for the life of the process, so no `with`.
        stream = open(log_dir() / OUTPUT_FILE_NAME, "a",  # noqa: SIM115
                      encoding="utf-8", buffering=1)
    except OSError:
        stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    sys.stdout = sys.stdout or stream
    sys.stderr = sys.stderr or stream
