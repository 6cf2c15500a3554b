"""Workbooks that differ from the app's own exports the way real files do, each imported
to the published figures (DOMAIN §3; issue 4 "Import")."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import load_sample
from desktop.interchange.files import read_form_file
from desktop.rules.evaluate import evaluate
from desktop.template import read_workbook, write_workbook

from .helpers import typed_fields
from .irregular import Knobs, sample_dict, self_evaluation_model, write_xls, write_xlsx

STEMS = ("longhua-2022-digital-city", "longhua-2022-grid-info", "guangming-2024-market")
VARIANTS = {
    "as_published": Knobs(),
    "shifted_and_blank_rows": Knobs(top=4, blank_rows=True),
    "spaced_labels": Knobs(spaced=True),
    "levels_repeated_on_every_row": Knobs(levels="repeated"),
    "levels_blank_on_continuation_rows": Knobs(levels="blank"),
    "weight_labelled_quanzhong": Knobs(weight_label="权重"),
    "extra_unit_column": Knobs(unit_column=True),
    "full_width_digits_and_signs": Knobs(fullwidth=True),
    "amounts_with_thousands_separators": Knobs(amounts_as_text=True),
    "numbers_stored_as_text": Knobs(numbers_as_text=True),
    "text_stored_as_numbers": Knobs(text_as_numbers=True),
    "renamed_sheet_behind_a_cover": Knobs(sheet_name="2024自评（定稿）", cover_sheet=True),
    "everything_at_once": Knobs(top=3, blank_rows=True, spaced=True, levels="blank",
                                weight_label="权重", unit_column=True,
                                amounts_as_text=True, text_as_numbers=True,
                                sheet_name="自评表", cover_sheet=True),
}
KEEPS_TEXT = {name for name, knobs in VARIANTS.items() if not knobs.fullwidth}


def _assert_published(form, stem: str) -> None:
    published = sample_dict(stem)["published"]
    result = evaluate(form)
    assert result.total == Decimal(published["total"])
    assert result.rate == Decimal(published["rate"])
    assert result.funds_score == Decimal(published["funds_score"])


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("stem", STEMS)
def test_irregular_workbook_imports_to_the_published_total(stem: str, variant: str,
                                                           tmp_path: Path) -> None:
    models = self_evaluation_model(sample_dict(stem), VARIANTS[variant])
    form = read_workbook(write_xlsx(models, tmp_path / "irregular.xlsx"))
    _assert_published(form, stem)
    original = load_sample(stem)
    assert len(form.indicators) == len(original.indicators)
    if variant in KEEPS_TEXT:
        expected, got = typed_fields(original), typed_fields(form)
        for key in ("layout", "level1_weights"):
            expected.pop(key), got.pop(key)
        assert got == expected


def test_full_width_numbers_read_as_numbers(tmp_path: Path) -> None:
    models = self_evaluation_model(sample_dict("guangming-2024-market"), Knobs(fullwidth=True))
    form = read_workbook(write_xlsx(models, tmp_path / "fw.xlsx"))
    assert form.funds.fiscal.executed == Decimal("14268915.71")
    assert form.indicators[6].score == Decimal("1.5")
    assert form.level1_weights == {"产出指标": 50, "效益指标": 30, "满意度指标": 10}


def test_a_date_serial_in_a_time_row_is_kept_and_flagged(tmp_path: Path) -> None:
    """Guangming's 45503 (Excel turned 2024-07-30 into a number): kept, and offered."""
    models = self_evaluation_model(sample_dict("guangming-2024-market"),
                                   Knobs(text_as_numbers=True))
    form = read_workbook(write_xlsx(models, tmp_path / "serial.xlsx"))
    row = next(i for i in form.indicators if i.name == "开展法律法规宣传教育完成时间")
    assert row.actual == "45503"
    assert any("2024-07-30" in f.message for f in evaluate(form).findings)


def test_percentages_stored_as_numbers_come_back_as_printed(tmp_path: Path) -> None:
    models = self_evaluation_model(sample_dict("longhua-2022-grid-info"),
                                   Knobs(text_as_numbers=True))
    form = read_workbook(write_xlsx(models, tmp_path / "pct.xlsx"))
    assert [i.actual for i in form.indicators[1:4]] == ["97.11%", "99.94%", "2.95%"]


def test_layout_is_recognised_by_its_labels(tmp_path: Path) -> None:
    district = self_evaluation_model(sample_dict("longhua-2022-digital-city"), Knobs())
    assert read_workbook(write_xlsx(district, tmp_path / "d.xlsx")).layout == "district-2022"
    city = load_sample("guangming-2024-market")
    for layout in ("city-2024", "city-2024-unit"):
        path = write_workbook(city, tmp_path / f"{layout}.xlsx", layout)
        assert read_workbook(path).layout == layout


# ---------------------------------------------------------------- .xls


@pytest.mark.parametrize("variant", ["as_published", "everything_at_once"])
def test_a_real_xls_written_by_xlwt_reads_like_the_xlsx(variant: str, tmp_path: Path) -> None:
    stem = "guangming-2024-market"
    models = self_evaluation_model(sample_dict(stem), VARIANTS[variant])
    path = write_xls(models, tmp_path / "form.xls")
    assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    form = read_form_file(path)
    _assert_published(form, stem)
    xlsx = read_workbook(write_xlsx(models, tmp_path / "form.xlsx"))
    assert typed_fields(form) == typed_fields(xlsx)


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed; the xlwt test covers .xls")
def test_an_export_saved_as_xls_by_libreoffice_round_trips(tmp_path: Path) -> None:
    original = load_sample("longhua-2022-digital-city")
    source = write_workbook(original, tmp_path / "export.xlsx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "xls", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    form = read_form_file(tmp_path / "export.xls")
    assert typed_fields(form) == typed_fields(original) | {"layout": "district-2022"}
