"""The packaged build (`make package`, dist/jixiao/): its folder's size against the
140 MB limit, and its start-up against the same program run from the venv.

Both start the real `jixiao` with JIXIAO_STARTUP_PROBE set, which prints "listed" once
the store is open and its forms are listed, then quits (desktop.ui.app). The store is
made and opened once first, so the runs time an ordinary start, not the first one.
Without a build the figures are reported as not measured, with the remedy.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from bench.common import ROOT, Figure, Skipped, median_command_seconds

DIST = ROOT / "dist" / "jixiao"
PROGRAM = DIST / ("jixiao.exe" if sys.platform == "win32" else "jixiao")
LIMIT_BYTES = 140_000_000  # .ci/run checks the same; build.spec says where it goes
RUNS = 9


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def prepared_store(folder: Path) -> Path:
    from db.store import Store
    from desktop.editing.service import FormService
    from desktop.interchange.json_form import read_form
    path = folder / "bench.sqlite3"
    with Store(f"sqlite:///{path}") as store:   # not empty: no demo question at start
        FormService(store).create_form(read_form(ROOT / "tests" / "data" / "guangming-2024-market.json"))
    return path


def startups(store: Path) -> tuple[float, float] | None:
    """(frozen, unfrozen) seconds to the forms listed, after one unmeasured run of each;
    None when the build is older than the probe (it would never print "listed")."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.qpa.*=false",
           "JIXIAO_STARTUP_PROBE": "1", "JIXIAO_DB": str(store)}
    commands = [[str(PROGRAM)], [sys.executable, "-m", "desktop"]]
    for command in commands:
        try:
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            return None
        if "listed" not in done.stdout:
            return None
    samples: list[list[float]] = [[], []]
    for _ in range(RUNS):   # alternating, so drift in the machine's load hits both alike
        for times, command in zip(samples, commands):
            times += median_command_seconds(command, repeat=1, env=env)
    return statistics.median(samples[0]), statistics.median(samples[1])


def run() -> list[Figure | Skipped]:
    if not PROGRAM.exists():
        return [Skipped("packaged build: start-up and folder size",
                        "no build in dist/jixiao; run `make package` first")]
    built = datetime.fromtimestamp(PROGRAM.stat().st_mtime)
    with tempfile.TemporaryDirectory() as folder:
        times = startups(prepared_store(Path(folder)))
    if times is None:
        return [Skipped("packaged build: start-up", "the build in dist/jixiao does not answer "
                        "JIXIAO_STARTUP_PROBE (older than the sources?); run `make package`")]
    frozen, unfrozen = times
    return [
        Figure(f"packaged start-up to the forms listed (build of {built:%Y-%m-%d %H:%M})",
               frozen, "the same program from the venv (python -m desktop)", unfrozen, "≤ 1.0×",
               why=FROZEN_WHY),
        Figure("packaged folder dist/jixiao", folder_bytes(DIST), "the limit (issue 6)",
               LIMIT_BYTES, "≤ 140 MB", unit="bytes"),
    ]


FROZEN_WHY = (
    "onedir unpacks nothing, but the frozen program loads every module from the archive "
    "inside the executable (decompressing each) where the venv reads cached .pyc files. "
    "Closing it: fewer modules before "
    "the first paint (see start-up above) and `noarchive=True` in build.spec, which ships the "
    "modules as loose .pyc files at the cost of a larger folder.")
