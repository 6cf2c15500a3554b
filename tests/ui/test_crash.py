"""An unhandled exception in the window is logged and shown with the log's path; the
window goes on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui import crash


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: texts.append(box.text()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)   # put back after the test
    return texts


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, shown: list[str]) -> None:
    crash.install()

    def broken_slot() -> None:
        raise ZeroDivisionError("a defect in a slot")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(shown))
    assert len(shown) == 1 and "\n" not in shown[0] and "ZeroDivisionError" in shown[0]
    log = Path(shown[0].rsplit(": ", 1)[-1].rsplit("：", 1)[-1].strip())
    text = log.read_text(encoding="utf-8")
    assert "in broken_slot" in text and "a defect in a slot" in text


def test_an_error_while_a_dialog_is_open_is_only_logged(qtbot, shown, monkeypatch) -> None:
    monkeypatch.setattr(crash, "_showing", True)
    crash.handle(ValueError, ValueError("second"), None)
    assert shown == []


def test_without_an_application_the_message_goes_to_stderr(capsys, monkeypatch) -> None:
    monkeypatch.setattr(QApplication, "instance", staticmethod(lambda: None))
    crash.show_error(RuntimeError("x"), "/tmp/jixiao.log")
    assert "/tmp/jixiao.log" in capsys.readouterr().err
