"""Refresh the Chinese catalogue from the source: `python tools/update_translations.py`.

1. `pyside6-lupdate` reads every `tr()` / `translate()` in desktop/ui/*.py into
   resources/i18n/jixiao_zh_CN.ts. Existing translations are kept; new strings arrive
   as type="unfinished" for someone to translate (Qt Linguist, or by hand in the XML);
   strings no longer in the code are kept as "vanished" in case they come back.
2. `pyside6-lrelease` compiles the .ts into the .qm the app loads.

Commit both files. tests/ui/test_translations.py fails while a string is untranslated
or the .qm is older than the .ts, and names what is missing.

Source locations are left out of the .ts (-locations none), so moving code around does
not rewrite the catalogue.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "resources" / "i18n" / "jixiao_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")


def tool(name: str) -> str:
    """A PySide6 tool from the running interpreter's environment, else from PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project's dependencies (make test)")
    return found


def sources() -> list[str]:
    """Every module that may show text: the Qt layer, and nothing below it."""
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "desktop" / "ui").glob("*.py"))


def lupdate(ts_file: Path = TS_FILE) -> None:
    command = [tool("pyside6-lupdate"), "-locations", "none", "-source-language", "en",
               "-target-language", "zh_CN", *sources(), "-ts", str(ts_file)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    command = [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def main() -> int:
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    lupdate()
    lrelease()
    print(f"updated {TS_FILE.relative_to(ROOT)} and {QM_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
