"""`make bench`: run every bench/bench_*.py, print one table and write it, with the
reasons for missed goals, to docs/PERFORMANCE.md (`python -m bench NAME…` runs some)."""

from __future__ import annotations

import importlib
import os
import sys

from bench.common import ROOT, Figure, Skipped, table
from bench.report import write

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


def main() -> int:
    results: list[Figure | Skipped] = []
    names = sys.argv[1:] or sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"running {name} …", file=sys.stderr)
        results += module.run()
    figures = [r for r in results if isinstance(r, Figure)]
    skipped = [r for r in results if isinstance(r, Skipped)]
    print(table(figures))
    for item in skipped:
        print(f"not measured: {item.name}: {item.reason}")
    if not sys.argv[1:]:   # only a full run replaces the published table
        print(f"wrote {write(figures, skipped).relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
