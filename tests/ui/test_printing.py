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
