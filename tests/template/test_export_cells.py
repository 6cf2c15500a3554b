"""The exported workbook, cell by cell: what the budget system and the clerk see.

Rows are checked in the official order (title, header, funds, goal, indicators, 总分,
备注 with the note); columns come from each layout file, and district-2022 is also
checked against DOMAIN §3's own column list.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby, pairwise
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from conftest import SELF_EVALUATION_FILES
from desktop.forms import FormKind, SelfEvaluation
from desktop.interchange.json_form import read_form
from desktop.layouts import load_layout
from desktop.rules.evaluate import evaluate
from desktop.template import write_workbook

from .helpers import block, layouts_of

SELF_LAYOUTS = layouts_of(FormKind.SELF_EVALUATION)
NOTE_START = "作为导入模板，置灰信息无需录入且不可修改。"
GREY = {"FFD9D9D9", "00D9D9D9", "FFEDEDED", "00EDEDED"}
INPUT_FIELDS = {"actual", "weight", "score", "deviation"}


def _export(path: Path, layout: str, tmp_path: Path):
    form = read_form(path)
    target = write_workbook(form, tmp_path / "form.xlsx", layout)
    return form, load_workbook(target).active


def _grey(cell) -> bool:
    return cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb in GREY


def num(cell) -> Decimal | None:
    """A number cell as the exact value it reads back as (floats by their shortest repr)."""
    return None if cell.value is None else Decimal(str(cell.value))


def _letters(spec: str) -> list[str]:
    first, _, last = spec.partition(":")
    return [chr(c) for c in range(ord(first), ord(last or first) + 1)]


def _merged(sheet) -> set[str]:
    return {r.coord for r in sheet.merged_cells.ranges}


@pytest.fixture(params=[(p, name) for p in SELF_EVALUATION_FILES for name in SELF_LAYOUTS],
                ids=lambda pl: f"{pl[0].stem}-{pl[1]}")
def exported(request, tmp_path):
    path, layout = request.param
    form, sheet = _export(path, layout, tmp_path)
    return form, sheet, load_layout(layout)


def test_title_and_header(exported) -> None:
    form, sheet, layout = exported
    last = list(layout.raw["sheet"]["columns"])[-1]
    assert sheet["A1"].value == "项目支出绩效自评表" and f"A1:{last}1" in _merged(sheet)
    pairs = {}
    for row in (2, 3):
        cells = [c for c in sheet[row] if c.value is not None]
        pairs |= {a.value: b.value for a, b in pairwise(cells)
                  if str(a.value).endswith("：")}
    expected = {f"{f.label}：": str(getattr(form, f.field) or "") or None for f in layout.header}
    assert {k: v for k, v in pairs.items() if k in expected} == {
        k: v for k, v in expected.items() if v is not None}
    for field in layout.header:
        label = next(c for row in (2, 3) for c in sheet[row] if c.value == f"{field.label}：")
        assert label.font.bold and _grey(label) and label.protection.locked


def test_funds_block(exported) -> None:
    form, sheet, layout = exported
    result = evaluate(form)
    assert sheet["A4"].value == layout.blocks["funds"]
    funds = block(layout, "funds")["columns"]
    col = {name: _letters(spec)[0] for name, spec in funds.items()}
    assert [sheet[f"{col[n]}5"].value for n in funds] == [
        "年初预算数", "全年预算数", "全年执行数", "分值", "执行率（%）", "得分"]
    assert [sheet[f"B{r}"].value for r in range(6, 10)] == [
        "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"]
    assert sheet["A6"].value == "项目资金（元）" and "A6:A9" in _merged(sheet)
    total = result.funds_total
    for name in ("initial", "annual", "executed"):
        cell = sheet[f"{col[name]}6"]
        assert num(cell) == getattr(total, name) and cell.number_format == "0.00"
        assert cell.data_type == "n" and _grey(cell) and cell.protection.locked
        assert num(sheet[f"{col[name]}7"]) == getattr(form.funds.fiscal, name)
    assert num(sheet[f"{col['weight']}6"]) == form.funds.weight
    assert num(sheet[f"{col['rate']}6"]) == Decimal(form.meta.published["rate"])
    assert num(sheet[f"{col['score']}6"]) == Decimal(
        form.meta.published["funds_score"])
    assert {sheet[f"{col[n]}{r}"].value for n in ("weight", "rate", "score")
            for r in (7, 8, 9)} == {"—"}


def test_goal_block(exported) -> None:
    form, sheet, layout = exported
    goal = block(layout, "goal")
    expected, actual = _letters(goal["expected"]), _letters(goal["actual"])
    assert sheet["A10"].value == "项目目标完成情况"
    assert sheet["A11"].value == "年度总体目标" and "A11:A12" in _merged(sheet)
    assert sheet[f"{expected[0]}11"].value == "预期目标"
    assert sheet[f"{actual[0]}11"].value == "* 实际完成情况"
    assert sheet[f"{expected[0]}12"].value == form.goal_expected
    assert sheet[f"{actual[0]}12"].value == form.goal_actual
    assert sheet[f"{expected[0]}12"].protection.locked and _grey(sheet[f"{expected[0]}12"])
    assert not sheet[f"{actual[0]}12"].protection.locked
    assert not _grey(sheet[f"{actual[0]}12"])


def _runs(values: list) -> list[tuple[int, int]]:
    runs, index = [], 0
    for _value, group in groupby(values):
        length = len(list(group))
        runs.append((index, length))
        index += length
    return runs


def test_indicator_block(exported) -> None:
    form, sheet, layout = exported
    columns = {name: _letters(spec)[0] for name, spec in block(layout, "indicators")["columns"].items()}
    header = [sheet[f"{letter}13"].value for letter in columns.values()]
    assert header == [("* " if layout.column(n).starred else "") + layout.column(n).label
                      for n in columns]
    assert sheet["A13"].value == "年度绩效指标"
    assert f"A13:A{13 + len(form.indicators)}" in _merged(sheet)
    merged = _merged(sheet)
    weights = form.level1_weights
    for first, length in _runs([i.level1 for i in form.indicators]):
        cell = sheet[f"{columns['level1']}{14 + first}"]
        name = form.indicators[first].level1
        assert cell.value == f"{name} ({weights[name]}分)"
        if length > 1:
            assert f"{columns['level1']}{14 + first}:{columns['level1']}{13 + first + length}" in merged
    for offset, indicator in enumerate(form.indicators):
        row = 14 + offset
        for name, letter in columns.items():
            cell = sheet[f"{letter}{row}"]
            if name in ("weight", "score"):
                assert num(cell) == getattr(indicator, name) and cell.number_format == "0.00"
            elif name not in ("level1", "level2"):
                assert (cell.value or "") == getattr(indicator, name)
                assert cell.data_type == "s" or cell.value is None
                assert cell.number_format == "@"
            if isinstance(cell, MergedCell):
                continue  # a merged range shows, and locks, by its top-left cell
            assert cell.protection.locked is (name not in INPUT_FIELDS), (name, row)
            assert _grey(cell) is (name not in INPUT_FIELDS), (name, row)


def test_total_and_remark(exported) -> None:
    form, sheet, layout = exported
    total = block(layout, "total")
    row = 14 + len(form.indicators)
    assert sheet[f"A{row}"].value == "总分" and f"A{row}:{total['label'].split(':')[1]}{row}" in _merged(sheet)
    assert num(sheet[f"{total['weight']}{row}"]) == Decimal("100")
    assert num(sheet[f"{total['score']}{row}"]) == Decimal(form.meta.published["total"])
    assert sheet[f"{total['rest']}{row}"].value == "—"
    assert sheet[f"A{row + 1}"].value == "备注："
    assert sheet[f"B{row + 1}"].value.startswith(NOTE_START)
    assert sheet.max_row == row + 1


def test_protection_values_and_print_settings(exported) -> None:
    form, sheet, layout = exported
    assert sheet.protection.sheet is True and not sheet.protection.password
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$13:$13"
    last = list(layout.raw["sheet"]["columns"])[-1]
    assert sheet.print_area == f"'{sheet.title}'!$A$1:${last}${15 + len(form.indicators)}"
    widths = [sheet.column_dimensions[c].width for c in layout.raw["sheet"]["columns"]]
    assert widths == list(layout.raw["sheet"]["columns"].values())


def test_district_columns_are_those_of_domain(tmp_path) -> None:
    """DOMAIN §3: indicators A–I, funds in C–H; city-2024-unit adds 度量单位 after E."""
    path = next(p for p in SELF_EVALUATION_FILES if p.stem == "longhua-2022-digital-city")
    _form, sheet = _export(path, "district-2022", tmp_path)
    assert [sheet[f"{c}13"].value for c in "ABCDEFGHI"] == [
        "年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "* 实际完成值",
        "* 分值", "* 得分", "偏差原因分析及改进措施"]
    assert [sheet[f"{c}5"].value for c in "CDEFGH"] == [
        "年初预算数", "全年预算数", "全年执行数", "分值", "执行率（%）", "得分"]
    assert sheet["B14"].value == "产出指标 (50分)" and "B14:B22" in _merged(sheet)
    assert sheet["C14"].value == "数量指标" and "C14:C17" in _merged(sheet)
    _form, city = _export(path, "city-2024-unit", tmp_path)
    assert [city[f"{c}13"].value for c in "EFG"] == ["年度指标值", "度量单位", "* 实际完成值"]
    assert city["I13"].value == "* 得分" and city["H13"].value == "* 权重"


def test_a_score_left_to_the_rules_is_exported_as_suggested(tmp_path) -> None:
    form = read_form(SELF_EVALUATION_FILES[0])
    assert isinstance(form, SelfEvaluation)
    form.indicators[0].score = None
    sheet = load_workbook(write_workbook(form, tmp_path / "f.xlsx")).active
    assert num(sheet["H14"]) == evaluate(form).rows[0].suggested == form.indicators[0].weight
