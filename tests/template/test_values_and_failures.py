"""What goes into a cell and what a bad file says: formulas never, exact numbers always,
one Chinese line naming the sheet and cell, and nothing half-written."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import load_sample
from desktop.interchange.errors import FormFileError
from desktop.template import TemplateExportError, read_workbook, write_workbook

from .irregular import Knobs, sample_dict, self_evaluation_model, write_xlsx

FORMULA_LIKE = ["=SUM(A1:A3)", "+86 755 1234", "-5%", "@home", "#N/A", "=1/0"]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    form = load_sample("longhua-2022-digital-city")
    for indicator, text in zip(form.indicators, FORMULA_LIKE):
        indicator.actual = text
    path = write_workbook(form, tmp_path / "f.xlsx")
    sheet = load_workbook(path).active
    cells = [sheet.cell(14 + i, 6) for i in range(len(FORMULA_LIKE))]
    assert [c.value for c in cells] == FORMULA_LIKE
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert [i.actual for i in read_workbook(path).indicators[:6]] == FORMULA_LIKE


@pytest.mark.parametrize("amount", ["0.01", "1808698.26", "14268915.71", "9999999999999.99",
                                    "123456789012.35"])
def test_amounts_read_back_exactly(amount: str, tmp_path: Path) -> None:
    form = load_sample("longhua-2022-grid-info")
    form.funds.fiscal.executed = Decimal(amount)
    back = read_workbook(write_workbook(form, tmp_path / "a.xlsx"))
    assert back.funds.fiscal.executed == Decimal(amount)


def test_more_digits_than_excel_holds_are_written_as_text(tmp_path: Path) -> None:
    form = load_sample("longhua-2022-grid-info")
    form.funds.other.annual = Decimal("12345678901234567.89")
    path = write_workbook(form, tmp_path / "big.xlsx")
    assert load_workbook(path).active["D9"].data_type == "s"
    assert read_workbook(path).funds.other.annual == Decimal("12345678901234567.89")


def test_control_characters_are_dropped_not_fatal(tmp_path: Path) -> None:
    form = load_sample("longhua-2022-grid-info")
    form.indicators[0].deviation = "原因\x07说明\n第二行"
    back = read_workbook(write_workbook(form, tmp_path / "c.xlsx"))
    assert back.indicators[0].deviation == "原因说明\n第二行"


def test_a_failed_export_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    target = write_workbook(load_sample("longhua-2022-grid-info"), tmp_path / "f.xlsx")
    before = target.read_bytes()
    form = load_sample("longhua-2022-grid-info")
    form.goal_actual = "长" * 40000
    with pytest.raises(TemplateExportError, match="32767"):
        write_workbook(form, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["f.xlsx"]


def test_a_crash_while_saving_leaves_no_part_file(tmp_path: Path, monkeypatch) -> None:
    from openpyxl.workbook.workbook import Workbook

    target = write_workbook(load_sample("longhua-2022-grid-info"), tmp_path / "f.xlsx")
    before = target.read_bytes()

    def broken_save(self, filename):
        Path(filename).write_bytes(b"PK\x03\x04 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", broken_save)
    with pytest.raises(OSError):
        write_workbook(load_sample("longhua-2022-digital-city"), target)
    assert target.read_bytes() == before and len(list(tmp_path.iterdir())) == 1


def test_a_layout_of_another_kind_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateExportError, match="project-target"):
        write_workbook(load_sample("longhua-2022-grid-info"), tmp_path / "x.xlsx",
                       "project-target")


# ---------------------------------------------------------------- unreadable files


def test_a_bad_number_names_sheet_cell_and_why(tmp_path: Path) -> None:
    models = self_evaluation_model(sample_dict("longhua-2022-digital-city"), Knobs())
    header = next(r for (r, c), (v, _f) in models[0].cells.items() if v == "* 分值")
    models[0].cells[(header + 3, 7)] = ("abc", None)         # column G: 分值
    with pytest.raises(FormFileError) as caught:
        read_workbook(write_xlsx(models, tmp_path / "bad.xlsx"))
    message = str(caught.value)
    assert message.endswith(f"Sheet1!G{header + 3}：分值 不是数字：abc")
    assert "\n" not in message and "bad.xlsx" in message


def test_a_code_excel_turned_into_a_number_is_refused(tmp_path: Path) -> None:
    models = self_evaluation_model(sample_dict("longhua-2022-digital-city"), Knobs())
    models[0].cells[(2, 2)] = (440309210901500004279, None)
    with pytest.raises(FormFileError, match=r"Sheet1!B2：项目编号 被 Excel 存成了数字"):
        read_workbook(write_xlsx(models, tmp_path / "code.xlsx"))


@pytest.mark.parametrize("content,why", [
    (b"hello, not a workbook", "不是 Excel 工作簿"),
    (b"PK\x03\x04 broken zip", "无法打开"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "无法打开"),
])
def test_unreadable_files_are_one_line(content: bytes, why: str, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(FormFileError, match=why) as caught:
        read_workbook(path)
    assert "\n" not in str(caught.value)


def test_a_workbook_without_a_form_says_so(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "通讯录"
    book.save(tmp_path / "other.xlsx")
    with pytest.raises(FormFileError, match="没有找到绩效表格"):
        read_workbook(tmp_path / "other.xlsx")


def test_xml_entities_are_refused_by_defusedxml(tmp_path: Path) -> None:
    """openpyxl parses through defusedxml: a billion-laughs workbook is refused, not expanded."""
    good = write_workbook(load_sample("longhua-2022-grid-info"), tmp_path / "g.xlsx")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + data
            out.writestr(item, data)
    with pytest.raises(FormFileError, match="不安全的 XML"):
        read_workbook(bomb)
