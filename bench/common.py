"""Figures, timing and the table `make bench` prints."""

from __future__ import annotations

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
    goal: str             # in words, e.g. "≤ 5 ms" or "≤ 1.5×"

    @property
    def ratio(self) -> float:
        return self.value / self.floor if self.floor else float("inf")


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
    samples: list[list[float]] = [[] for _ in range(lines)]
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, *arguments], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert process.stdout is not None
        for line in range(lines):
            process.stdout.readline()
            samples[line].append(time.perf_counter() - start)
        process.wait(timeout=60)
    return [statistics.median(values) for values in samples]


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def table(figures: list[Figure]) -> str:
    lines = ["| figure | value | floor | floor value | ratio | goal |",
             "|---|---|---|---|---|---|"]
    for f in figures:
        lines.append(f"| {f.name} | {milliseconds(f.value)} | {f.floor_name} | "
                     f"{milliseconds(f.floor)} | {f.ratio:.2f}× | {f.goal} |")
    return "\n".join(lines)
