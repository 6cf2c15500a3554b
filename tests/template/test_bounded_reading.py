"""The counting passes that run before openpyxl and xlrd (desktop.template.package,
tally, unpack, xls_census): real workbooks stay far below every limit, each trick is
counted whatever its spelling, and what a form file may hold in JSON is bounded too.
In-process and fast; tests/template/test_hostile_files.py runs the real command."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import pytest
from badfiles import SHEET, rezip, template_bytes
from hostile import MAIN, patched, replace_merges, sheet_data, xls_file
from workbooks import exported, write_book

from conftest import DATA, sample_path
from desktop.interchange.errors import FormFileError
from desktop.interchange.json_limits import load_json
from desktop.template.limits import LIMITS, WorkbookLimits
from desktop.template.package import check_package
from desktop.template.reader import read_sheets
from desktop.template.xls_census import check_xls

from .irregular import Knobs, sample_dict, self_evaluation_model, write_xls


@pytest.fixture(scope="module")
def base() -> bytes:
    return template_bytes()


def test_a_clerks_workbook_of_thirty_forms_is_far_below_every_limit(tmp_path: Path) -> None:
    """Thirty exported forms in one workbook (real ones hold up to twenty) use at most a
    tenth of each limit, and every sheet still reads."""
    stems = ["longhua-2022-digital-city", "longhua-2022-grid-info", "shenzhen-2023-unit-target"]
    path = write_book(tmp_path / "全年.xlsx", [(f"表{i}", exported(stems[i % 3])) for i in range(30)])
    tally = check_package(path.read_bytes(), str(path))
    for name, count in {**tally.counts, "elements": tally.elements}.items():
        assert count * 10 <= getattr(LIMITS, name), name
    assert all(reading.ok for reading in read_sheets(path))


def test_the_real_guangdong_file_passes() -> None:
    path = DATA / "real" / "zhanjiang-2023-unit-target.xlsx"
    tally = check_package(path.read_bytes(), str(path))
    assert tally.uncalculated_formulas is False and tally.counts["cells"] > 10


@pytest.mark.parametrize("ref", [b"A31:XFD1048576", b"$A$31:$XFD$1048576", b"A:XFD", b"31:1048576",
                                 b"XFD1048576:A31", b"Sheet1!A31:XFD1048576", b"A31&#58;XFD1048576"])
@pytest.mark.parametrize("spelling", [
    b'<mergeCells count="1"><mergeCell ref="%s"/></mergeCells>',
    b"<mergeCells count='1'><mergeCell ref='%s'/></mergeCells>",
    b'<m:mergeCells xmlns:m="' + MAIN + b'"><m:mergeCell xmlns:o="urn:o" o:a="1" ref="%s"/></m:mergeCells>',
])
def test_a_whole_sheet_merge_is_counted_in_every_spelling(base: bytes, ref: bytes, spelling: bytes) -> None:
    with pytest.raises(FormFileError, match="合并单元格共覆盖超过 200000 个单元格的上限"):
        check_package(replace_merges(base, spelling % ref), "x.xlsx")


def test_merges_are_summed_and_the_limits_can_be_chosen(base: bytes) -> None:
    merges = b"".join(b'<mergeCell ref="A%d:B%d"/>' % (40 + 10 * i, 44 + 10 * i) for i in range(10))
    book = replace_merges(base, b'<mergeCells count="10">' + merges + b"</mergeCells>")
    check_package(book, "x.xlsx")
    with pytest.raises(FormFileError, match="超过 99 个单元格的上限（A130:B134）"):
        check_package(book, "x.xlsx", WorkbookLimits(merged_cells=99))


@pytest.mark.parametrize("rows, why", [
    (b'<row r="1"><c s="0" r="A99999999"/></row>', "单元格 A99999999 超出 Excel 的范围"),
    (b"<row r='1'><c t='n' r='XFE1'/></row>", "单元格 XFE1 超出 Excel 的范围"),
    (b'<row r="1"><c r="1A"/></row>', "单元格编号“1A”无效"),
    (b'<row r="1048576"/><row><c/></row>', "第 1048577 行超出"),
    (b'<row r="5">' + b"<c/>" * 16_385 + b"</row>", "单元格（第 5 行第 16385 列）超出"),
    (b'<row r="1e9"/>', "第 1000000000 行超出"),
    (b'<row r="x"/>', "行号“x”无效"),
])
def test_positions_are_read_as_openpyxl_reads_them(base: bytes, rows: bytes, why: str) -> None:
    with pytest.raises(FormFileError, match=why):
        check_package(sheet_data(base, rows), "x.xlsx")


def test_cells_without_r_count_like_any_other(base: bytes) -> None:
    rows = b"".join(b"<row>" + b"<c/>" * 10 + b"</row>" for _ in range(20))
    assert check_package(sheet_data(base, rows), "x").counts["cells"] == 200
    with pytest.raises(FormFileError, match="单元格超过 199 个的上限"):
        check_package(sheet_data(base, rows), "x", WorkbookLimits(cells=199))


@pytest.mark.parametrize("cell, uncalculated", [
    (b'<c r="A1"><f>1+1</f><v>2</v></c>', False),
    (b'<c r="A1"><f>1+1</f></c>', True),
    (b'<c r="A1"><f>1+1</f><v></v></c>', True),
    (b'<c r="A1"><f>1+1</f><v/></c>', True),
    (b'<c r="A2"><f t="shared" si="0"/></c>', True),
    (b'<x:c xmlns:x="' + MAIN + b'" r="A1"><x:f>1+1</x:f></x:c>', True),
    (b'<c r="A1"><v>2</v></c>', False),
])
def test_a_formula_saved_without_its_result_is_noticed(base: bytes, cell: bytes, uncalculated: bool) -> None:
    tally = check_package(sheet_data(base, b'<row r="1">' + cell + b"</row>"), "x")
    assert tally.uncalculated_formulas is uncalculated


def test_a_part_holding_more_than_its_directory_states_is_refused(base: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        real = archive.getinfo(SHEET).file_size
    with pytest.raises(FormFileError, match=f"比 zip 目录中声明的 {real - 1} 字节更大"):
        check_package(patched(base, SHEET, size=real - 1), "x")
    check_package(patched(base, SHEET, size=real + 1000), "x")   # stating more is no harm


def test_the_unpacked_limit_counts_real_bytes(base: bytes) -> None:
    book = rezip(base, add={"xl/media/zeros.bin": bytes(3_000_000)})
    check_package(book, "x")
    with pytest.raises(FormFileError, match="解压后超过 2 MB 的上限"):
        check_package(book, "x", WorkbookLimits(unpacked_bytes=2_000_000))


def test_styles_and_texts_are_counted_without_a_call_per_element(base: bytes) -> None:
    """A part with none of the counted names is scanned, not walked, and still counted."""
    styles = b'<styleSheet xmlns="' + MAIN + b'"><cellXfs>' + b'<xf numFmtId="0"/>' * 5_000 + b"</cellXfs></styleSheet>"
    book = rezip(base, {"xl/styles.xml": styles})
    with pytest.raises(FormFileError, match=r"XML 元素超过 4000 个的上限（部件 xl/styles\.xml）"):
        check_package(book, "x", WorkbookLimits(elements=4_000))


def test_a_name_cut_in_two_by_the_pieces_is_still_found() -> None:
    from desktop.template.tally import WorkbookTally
    tally = WorkbookTally("x")
    part = tally.part("p")
    xml = b'<w xmlns="' + MAIN + b'"><sheetData><row r="1">' + b"<c/>" * 3 + b"</row></sheetData></w>"
    cut = xml.index(b"<row") + 2
    part.feed(xml[:cut])
    part.feed(xml[cut:])
    part.close()
    assert tally.counts["cells"] == 3


def test_a_huge_tag_is_refused_before_openpyxl_rereads_it(base: bytes) -> None:
    sheet = sheet_data(base, b'<row r="1"><c r="A1" t="inlineStr" x="' + b"y" * 5_000_000 + b'"/></row>')
    with pytest.raises(FormFileError, match="XML 标记（标签、注释或处理指令）超过 4 MB"):
        check_package(sheet, "x")


def test_a_document_type_anywhere_is_refused(base: bytes) -> None:
    late = rezip(base, add={"customXml/item1.xml": b"<!--" + b" " * 3_000 + b'--><!DOCTYPE x []><x/>'})
    with pytest.raises(FormFileError, match="不安全的 XML"):
        check_package(late, "x")


# ---------------------------------------------------------------- .xls


def test_a_real_xls_passes_its_census(tmp_path: Path) -> None:
    path = write_xls(self_evaluation_model(sample_dict("longhua-2022-digital-city"), Knobs()),
                     tmp_path / "自评.xls")
    check_xls(path.read_bytes(), str(path))


def test_xlrds_rectangles_are_summed_over_the_sheets_it_will_load() -> None:
    stray = struct.pack("<HH", 0x0201, 6) + struct.pack("<HHH", 65_535, 255, 15)
    check_xls(xls_file(sheet_extra=[stray]), "x.xls")   # one whole sheet is allowed
    with pytest.raises(FormFileError, match="各工作表的范围合计超过 40000000 个单元格的上限"):
        check_xls(xls_file(sheet_extra=[stray], sheets=3), "x.xls")


def test_xls_merges_and_links_are_counted() -> None:
    merge = struct.pack("<HH", 0x00E5, 10) + struct.pack("<HHHHH", 1, 0, 999, 0, 200)
    with pytest.raises(FormFileError, match="合并单元格共覆盖超过 200000 个单元格"):
        check_xls(xls_file(sheet_extra=[merge]), "x.xls")
    link = struct.pack("<HH", 0x01B8, 32) + struct.pack("<HHHH", 0, 999, 0, 20) + bytes(24)
    with pytest.raises(FormFileError, match="超链接共覆盖超过 20000 个单元格"):
        check_xls(xls_file(sheet_extra=[link]), "x.xls")


# ---------------------------------------------------------------- JSON


def test_a_sample_form_is_far_below_the_json_limits() -> None:
    text = sample_path("longhua-2022-digital-city").read_text(encoding="utf-8")
    assert load_json(text, "x") == json.loads(text)


@pytest.mark.parametrize("text, why", [
    ("[" + "{}," * 300_000 + "{}]", "JSON 中的值超过 200000 个的上限"),
    ('{"year": ' + "9" * 5_000 + "}", "JSON 中的数字 9999"),
    ('{"year": 1.' + "0" * 100 + "}", "有 102 位，超过 40 位的上限"),
    ('{"a": "\\ud800"}', "单独的代理码元"),
    ('{"\\udc00": 1}', "单独的代理码元"),
    ("[" * 33 + "]" * 33, "嵌套超过 32 层"),
    ("[" * 5_000 + "]" * 5_000, "嵌套"),
    ('{"a": "' + "x" * 100_001 + '"}', "长达 100001 字"),
])
def test_json_past_a_bound_is_one_line(text: str, why: str) -> None:
    with pytest.raises(FormFileError, match=why) as caught:
        load_json(text, "x.json")
    assert "\n" not in str(caught.value)
