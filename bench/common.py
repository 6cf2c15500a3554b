"""Figures, timing and the table `make bench` prints and writes to docs/PERFORMANCE.md."""

from __future__ import annotations

import math
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Figure:
    name: str
    value: float          # seconds, or bytes for sizes
    floor_name: str
    floor: float
    goal: str             # in words, e.g. "≤ 5 ms absolute", "≤ 1.5×" or "≤ 120 MB"
    why: str = ""         # if the goal is missed: why, and what would close the gap
    unit: str = "s"       # "s" or "bytes"

    @property
    def ratio(self) -> float:
        return self.value / self.floor if self.floor else float("inf")

    @property
    def met(self) -> bool | None:
        """Read off the goal's words: "≤ N×" bounds the ratio, "≤ N ms" or "≤ N MB" the
        value; None when the goal names no number ("reported", "—")."""
        ratio = re.search(r"≤\s*([\d.]+)\s*×", self.goal)
        if ratio:
            return self.ratio <= float(ratio[1])
        absolute = re.search(r"≤\s*([\d.]+)\s*(ms|MB)", self.goal)
        if absolute:
            scale = 1e-3 if absolute[2] == "ms" else 1e6
            return self.value <= float(absolute[1]) * scale
        return None


@dataclass(frozen=True)
class Skipped:
    """A figure that could not be measured in this run, and why."""

    name: str
    reason: str


def median_seconds(action: Callable[[], object], repeat: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def median_process_seconds(arguments: list[str], repeat: int, env: dict[str, str],
                           lines: int = 1) -> list[float]:
    """Wall time from spawning a Python process to each of its first `lines` lines."""
    return median_command_seconds([sys.executable, *arguments], repeat, env, lines)


def median_command_seconds(command: list[str], repeat: int, env: dict[str, str],
                           lines: int = 1) -> list[float]:
    """Wall time from spawning any program to each of its first `lines` lines."""
    samples: list[list[float]] = [[] for _ in range(lines)]
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert process.stdout is not None
        for line in range(lines):
            process.stdout.readline()
            samples[line].append(time.perf_counter() - start)
        process.wait(timeout=60)
    return [statistics.median(values) for values in samples]


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def shown(value: float, unit: str) -> str:
    if math.isnan(value):
        return "—"
    return f"{value / 1e6:.1f} MB" if unit == "bytes" else milliseconds(value)


MET = {True: "met", False: "**missed**", None: "—"}


def table(figures: list[Figure]) -> str:
    lines = ["| figure | value | floor | floor value | ratio | goal | |",
             "|---|---|---|---|---|---|---|"]
    for f in figures:
        lines.append(f"| {f.name} | {shown(f.value, f.unit)} | {f.floor_name} | "
                     f"{shown(f.floor, f.unit)} | {f.ratio:.2f}× | {f.goal} | {MET[f.met]} |")
    return "\n".join(lines)
