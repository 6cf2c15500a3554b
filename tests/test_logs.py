"""The log file: tracebacks of defects land there, and the user is told where."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import commands
from desktop.cli import main
from desktop.logs import LOG_ENV, OUTPUT_FILE_NAME, log_dir, setup_logging

ROOT = Path(__file__).resolve().parent.parent


def test_an_internal_error_is_one_line_naming_the_log_with_the_traceback(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(_args: object) -> int:
        raise KeyError("a defect")
    monkeypatch.setattr(commands, "list_", broken)
    assert main(["list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "内部错误（KeyError）" in err
    log = Path(err.split("详情已记入日志 ")[1].strip())
    assert log == setup_logging()
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "in broken" in text and "a defect" in text


def test_the_log_folder_follows_the_environment(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOG_ENV, str(tmp_path / "logs"))
    assert log_dir() == tmp_path / "logs"


def test_without_stdout_version_and_help_write_to_a_file(tmp_path: Path) -> None:
    """A windowed Windows build has sys.stdout = None; printing must not end it."""
    code = ("import sys; sys.stdout = sys.stderr = None\n"
            "from desktop.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit as done:\n    code = done.code\n"
            "raise SystemExit(7 if code in (0, None) else 1)")
    env = {**os.environ, LOG_ENV: str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 7, done.stderr
    assert "jixiao 0." in (tmp_path / OUTPUT_FILE_NAME).read_text(encoding="utf-8")


def test_a_log_folder_that_cannot_be_written_leaves_one_line_and_carries_on(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    code = "from desktop.logs import setup_logging; print(setup_logging())"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, LOG_ENV: str(blocked / "logs")}, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "None"
    assert done.stderr.count("\n") == 1 and "无法写日志文件" in done.stderr
