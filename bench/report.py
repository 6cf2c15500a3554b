"""docs/PERFORMANCE.md from one run of `make bench`: the machine, the table, and for
every missed goal why it is missed and what would close the gap."""

from __future__ import annotations

import os
import platform
from datetime import datetime
from pathlib import Path

from bench.common import ROOT, Figure, Skipped, shown, table

TARGET = ROOT / "docs" / "PERFORMANCE.md"


def machine() -> str:
    import sqlite3

    from PySide6 import __version__ as qt
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores; "
            f"Python {platform.python_version()}, PySide6 {qt}, SQLite {sqlite3.sqlite_version}")


def missed_section(figures: list[Figure]) -> list[str]:
    missed = [f for f in figures if f.met is False]
    if not missed:
        return ["Every goal with a number is met."]
    return [f"- **{f.name}** ({_measured(f)}; goal {f.goal}): "
            f"{f.why or 'no explanation recorded yet: add `why=` to its Figure.'}" for f in missed]


def _measured(figure: Figure) -> str:
    if "×" in figure.goal:
        return f"{figure.ratio:.2f}× against {figure.floor_name}"
    return shown(figure.value, figure.unit)


def render(figures: list[Figure], skipped: list[Skipped], command: str) -> str:
    lines = ["# Performance", "",
             f"Measured by `{command}` on {datetime.now():%Y-%m-%d %H:%M}, {machine()}. Every "
             "figure is a median, and its floor is measured in the same run on the same "
             "machine, so the ratio does not depend on how fast the machine is. Regenerate "
             "with `make bench` (after `make package` for the packaged build's figures).", "",
             table(figures), "", "## Goals missed", "", *missed_section(figures)]
    if skipped:
        lines += ["", "## Not measured in this run", ""]
        lines += [f"- {s.name}: {s.reason}" for s in skipped]
    return "\n".join(lines) + "\n"


def write(figures: list[Figure], skipped: list[Skipped], path: Path = TARGET) -> Path:
    path.write_text(render(figures, skipped, "make bench"), encoding="utf-8")
    return path
