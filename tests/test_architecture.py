"""Layering and platform guards that protect every other test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _modules_below_ui() -> list[str]:
    names = []
    for package in ("desktop", "db"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            parts = relative.parts
            if parts[:2] == ("desktop", "ui") or parts[-1] == "__main__" or "migrations" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            names.append(".".join(parts))
    return names


def test_nothing_outside_desktop_ui_loads_qt() -> None:
    modules = _modules_below_ui()
    assert "desktop.rules.evaluate" in modules and "db.store" in modules
    code = ("import importlib, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_qt_survives_five_thousand_signal_emits() -> None:
    """PySide6 6.12.0 on Python 3.11 aborts after ~570 emits; the pin keeps us off it."""
    code = """
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    changed = Signal(bool)

app = QCoreApplication([])
emitter, seen = Emitter(), []
emitter.changed.connect(seen.append)
for i in range(5000):
    emitter.changed.emit(i % 2 == 0)
print(len(seen), seen.count(True))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["5000", "2500"]
