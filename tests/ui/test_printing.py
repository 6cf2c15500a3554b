"""Print and PDF: the official layout on A4 landscape, Chinese fonts embedded, the
indicator header on every page, page numbers, and a unit's year in one file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SAMPLE_FILES, load_sample
from desktop.printing.form_html import form_html


def pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_every_sample_prints_to_a_pdf_with_an_embedded_chinese_font(qapp, path, tmp_path):
    from desktop.ui.printing import write_pdf
    target = tmp_path / "form.pdf"
    write_pdf([load_sample(path.stem)], target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/FontFile" in data and b"NotoSansCJK" in data.replace(b"-", b"")
    assert pages(target) >= 1
    assert [p.name for p in tmp_path.iterdir()] == ["form.pdf"]   # no temporary left behind


def test_the_indicator_header_is_a_repeating_table_header_and_totals_print():
    html = form_html(load_sample("guangming-2024-market"))
    assert "<thead><tr>" in html and "* 实际完成值" in html
    assert ">99.47<" in html and ">100.00<" in html and "等级：优" in html
    assert html.count("产出指标（50分）") == 1


def test_a_long_form_runs_over_several_pages(qapp, tmp_path):
    from desktop.ui.printing import write_pdf
    target = tmp_path / "long.pdf"
    write_pdf([load_sample("shenzhen-2023-unit-target")], target)
    assert pages(target) >= 3


def test_a_unit_year_goes_into_one_pdf(qapp, tmp_path):
    from desktop.ui.printing import write_pdf
    forms = [load_sample("longhua-2022-digital-city"), load_sample("longhua-2022-grid-info")]
    one = tmp_path / "one.pdf"
    both = tmp_path / "both.pdf"
    write_pdf(forms[:1], one)
    write_pdf(forms, both)
    assert pages(both) > pages(one)


PREVIEW_SCRIPT = """
import gc, sys
sys.path.insert(0, {tests!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from conftest import load_sample
from desktop.ui.printing import preview

app = QApplication([])
dialog = preview(load_sample("guangming-2024-market"))
gc.collect()                 # whatever preview() held only in locals is gone now
painted = []
dialog.paintRequested.connect(lambda printer: painted.append(printer.pageLayout()))
QTimer.singleShot(0, dialog.accept)
dialog.exec()                # shows and lays out the pages, then closes
gc.collect()
print("pages painted:", len(painted))
sys.exit(0 if painted else 3)
"""


def test_the_print_preview_survives_garbage_collection(tmp_path):
    """The preview's printer must live as long as the dialog: freed with the function
    that made it, Qt painted into freed memory and the program died."""
    import os
    import subprocess
    import sys
    script = tmp_path / "preview.py"
    script.write_text(PREVIEW_SCRIPT.format(tests=str(Path(__file__).parents[1])))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "pages painted: 1" in done.stdout
