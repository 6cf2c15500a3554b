"""No accepted edit is lost: not to a killed process, not to a second window on the
same store. The window runs in subprocesses driven by desktop.ui.automation."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.store import Store
from desktop.money import format2

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def automation(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "desktop.ui.automation", "--db", str(db), *args],
                            cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def parse(lines: list[str]) -> tuple[int, dict[int, str], dict[int, list[str]]]:
    """(form id, last accepted value per row, values tried after it per row)."""
    form_id, accepted, pending = 0, {}, {}
    for line in lines:
        word, *rest = line.split()
        if word == "form":
            form_id = int(rest[0])
        elif word == "trying":
            pending.setdefault(int(rest[0]), []).append(rest[1])
        elif word == "accepted":
            accepted[int(rest[0])] = rest[1]
            pending[int(rest[0])] = []
    return form_id, accepted, pending


def stored_scores(db: Path, form_id: int) -> dict[int, str]:
    with Store(f"sqlite:///{db}") as store:
        form = store.load_form(form_id)
    return {row: format2(ind.score) for row, ind in enumerate(form.indicators)
            if ind.score is not None}


def shown_scores(db: Path) -> dict[int, str]:
    """What a restarted window shows in the score column."""
    done = automation(db, "scores")
    out, _ = done.communicate(timeout=120)
    assert done.returncode == 0
    return {int(row): text for row, text in json.loads(out.strip().splitlines()[-1]).items()}


def assert_integrity(db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_killed_window_loses_no_accepted_edit(tmp_path: Path) -> None:
    db = tmp_path / "killed.sqlite3"
    process = automation(db, "edit", "--count", "2000")
    assert process.stdout is not None
    lines = []
    while sum(line.startswith("accepted") for line in lines) < 25:
        line = process.stdout.readline()
        assert line, "the window ended before the kill"
        lines.append(line.strip())
    process.send_signal(signal.SIGKILL)
    lines += [line.strip() for line in process.stdout.read().splitlines() if line.strip()]
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL and "done" not in lines
    form_id, accepted, pending = parse(lines)
    assert_integrity(db)
    stored, shown = stored_scores(db, form_id), shown_scores(db)
    for row, value in accepted.items():
        # The edit in flight when the kill came may have committed without its line.
        assert stored[row] in (value, *pending[row]), row
        assert shown[row] == stored[row], row


def test_two_windows_on_one_store_keep_both_sets_of_edits(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    first = automation(db, "edit", "--count", "0")
    first.communicate(timeout=120)                     # the sample, imported once
    windows = [automation(db, "edit", "--count", "60", "--rows", rows) for rows in ("even", "odd")]
    outputs = [window.communicate(timeout=300)[0].splitlines() for window in windows]
    assert all(window.returncode == 0 for window in windows)
    assert_integrity(db)
    stored = {}
    for lines in outputs:
        form_id, accepted, _ = parse(lines)
        assert "done" in lines and not any(line.startswith("refused") for line in lines)
        stored = stored or stored_scores(db, form_id)
        assert all(stored[row] == value for row, value in accepted.items())


def test_a_second_window_sees_the_first_ones_edits_on_refresh(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from conftest import load_sample
    from desktop.ui.app import build_window
    from desktop.ui.backups import reload_window
    db = str(tmp_path / "two.sqlite3")
    first, second = build_window(db), build_window(db)
    for window in (first, second):
        qtbot.addWidget(window)
    form_id, _ = first.workspace.service.create_form(load_sample("longhua-2022-digital-city"))
    second.browser.refresh()
    assert [s.id for s in second.workspace.service.store.list_forms()] == [form_id]
    panels = [window.open_form(form_id).indicators for window in (first, second)]
    cell = panels[0].model.index(panels[0].grid.display_row(0), panels[0].grid.column_of("score"))
    assert panels[0].model.setData(cell, "0.50", Qt.ItemDataRole.EditRole)
    reload_window(second)
    panel = second.open_form(form_id).indicators
    assert panel.model.index(panel.grid.display_row(0), panel.grid.column_of("score")).data() == "0.50"
    for window in (first, second):
        window.close()
        window.workspace.service.store.close()
