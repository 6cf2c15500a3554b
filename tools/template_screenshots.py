"""Render exported import templates to PNG in docs/, the way a clerk would print them.

    .venv/bin/python tools/template_screenshots.py

Exports sample forms with `desktop.template`, converts each workbook to PDF with
LibreOffice (Debian: libreoffice-calc-nogui or libreoffice-calc) and each PDF page to
PNG with pdftoppm (Debian: poppler-utils), at 80 dpi. Needs fonts-noto-cjk so that
Chinese renders. What the PNGs show: A4 landscape fitted to the width, grey locked
cells, the merged 一级/二级 labels, and on a second page the repeated indicator header.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.interchange.json_form import read_form  # noqa: E402
from desktop.template import write_workbook  # noqa: E402

DOCS = ROOT / "docs"
SAMPLES = ROOT / "resources" / "samples"
SHOTS = [  # (sample, layout, pages to keep)
    ("longhua-2022-digital-city", "district-2022", 1),
    ("guangming-2024-market", "city-2024-unit", 2),
    ("shanghai-2020-target", "project-target", 1),
    ("shenzhen-2023-unit-target", "unit-target", 1),
]


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        sys.exit(f"需要 {name}：apt-get install {package}")
    return found


def to_pdf(workbook: Path, folder: Path) -> Path:
    soffice = _tool("soffice", "libreoffice-calc-nogui")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
                    "--convert-to", "pdf", "--outdir", str(folder), str(workbook)],
                   check=True, capture_output=True, timeout=300)
    return folder / f"{workbook.stem}.pdf"


def to_pngs(pdf: Path, pages: int, stem: str) -> list[Path]:
    pdftoppm = _tool("pdftoppm", "poppler-utils")
    prefix = pdf.with_suffix("")
    subprocess.run([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", str(pages), str(pdf),
                    str(prefix)], check=True, timeout=120)
    written = []
    for number, page in enumerate(sorted(pdf.parent.glob(f"{prefix.name}-*.png")), start=1):
        target = DOCS / (f"template-{stem}.png" if number == 1 else f"template-{stem}-p{number}.png")
        shutil.copyfile(page, target)
        written.append(target)
    return written


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for sample, layout, pages in SHOTS:
            workbook = write_workbook(read_form(SAMPLES / f"{sample}.json"),
                                      work / f"{layout}.xlsx", layout)
            for path in to_pngs(to_pdf(workbook, work), pages, layout):
                print(f"写入 {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
