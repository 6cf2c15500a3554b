"""`make bench`: run every bench/bench_*.py and print one table."""

from __future__ import annotations

import importlib
import os
import sys

from bench.common import ROOT, table

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


def main() -> int:
    figures = []
    names = sys.argv[1:] or sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"running {name} …", file=sys.stderr)
        figures += module.run()
    print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
