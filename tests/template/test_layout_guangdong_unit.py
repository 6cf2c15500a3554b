"""Layout B of REAL-LAYOUTS.md: Guangdong's 市级部门整体预算绩效目标表.

Read from the real workbook (tests/data/real/zhanjiang-2023-unit-target.xlsx, see its
README for the source and licence), its expected values taken from the file itself with
openpyxl, and from workbooks written here cell by cell with the quirks the spec lists:
amounts to six decimals of 万元, a formula cell with and without its cached value, a
二级 row with no 三级, a 二级 under the "wrong" 一级, "≧" beside "≥", a target 1 in a %
cell, a task written beside 其他需完成的任务（可选填）.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.forms import Indicator, SelfEvaluation, UnitTarget
from desktop.interchange.sheets import SheetStatus
from desktop.rules.evaluate import check_target_form, evaluate
from desktop.template import write_workbook
from desktop.template.reader import read_sheets, read_workbook

REAL = Path(__file__).parents[1] / "data" / "real" / "zhanjiang-2023-unit-target.xlsx"
LAYOUT = "guangdong-unit-target"
INDICATOR_ROWS = [*range(18, 27), *range(29, 33), *range(37, 40)]
"""The rows of the real file that hold a 三级指标 (27–28, 33–36 are empty 二级 rows)."""
BUDGET_CELLS = {"basic_expenditure": "C5", "fiscal_appropriation": "E5",
                "project_expenditure": "C6", "other_funds": "E6", "special_funds": "C8",
                "city_level_use": "E8", "other_development_expenditure": "C9",
                "transfer_to_lower_levels": "E9"}


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _shown(cell) -> str:
    """A target cell as Excel shows it: 1 in a "0%" cell is 100%."""
    if isinstance(cell.value, str):
        return cell.value
    if "%" in cell.number_format:
        return f"{Decimal(str(cell.value)) * 100:f}%"
    return str(cell.value)


def _carried(sheet, column: str, row: int) -> str:
    """一级/二级 of a row: the value of the merged cell above it that covers it."""
    for top in range(row, 0, -1):
        if sheet[f"{column}{top}"].value:
            return sheet[f"{column}{top}"].value
    return ""


@pytest.fixture(scope="module")
def real():
    readings = read_sheets(REAL)
    values = load_workbook(REAL, data_only=True).active
    formulas = load_workbook(REAL).active
    return readings, values, formulas


# ---------------------------------------------------------------- the real workbook


def test_the_real_workbook_is_a_unit_wide_target_of_this_layout(real) -> None:
    readings, sheet, _ = real
    assert [(r.sheet, r.status, r.layout) for r in readings] == [
        ("Sheet1", SheetStatus.FORM, LAYOUT)]
    form = readings[0].form
    assert isinstance(form, UnitTarget) and form.layout == LAYOUT
    assert form.year == 2023 and sheet["A1"].value.startswith(f"{form.year}年")
    assert form.unit_name == sheet["B2"].value == "湛江市人力资源和社会保障局"
    assert form.amount_unit == "万元"
    assert form.goal == sheet["B10"].value.strip()
    assert form.details == {"staff_count": str(sheet["C3"].value),
                            "subordinate_units": str(sheet["E3"].value)}


def test_every_budget_figure_is_exact(real) -> None:
    readings, sheet, formulas = real
    budget = readings[0].form.budget
    typed = {key: _decimal(sheet[ref].value) for key, ref in BUDGET_CELLS.items() if ref != "E5"}
    assert set(budget) == set(BUDGET_CELLS)
    assert {key: value for key, value in budget.items() if key in typed} == typed
    assert budget["basic_expenditure"] == Decimal("10596.35")
    assert budget["project_expenditure"] == Decimal("72204.57")
    assert formulas["E5"].value == "=SUM(C5:C6)"
    cached = _decimal(sheet["E5"].value)
    assert budget["fiscal_appropriation"] == budget["basic_expenditure"] + budget["project_expenditure"]
    assert abs(budget["fiscal_appropriation"] - cached) < Decimal("0.000001")
    assert budget["other_funds"] == 0
    assert [budget[key] for key in ("special_funds", "city_level_use",
                                    "other_development_expenditure",
                                    "transfer_to_lower_levels")] == [None] * 4


def test_the_three_tasks(real) -> None:
    readings, sheet, _ = real
    tasks = readings[0].form.tasks
    assert [(t.name, t.content, t.total, t.goal) for t in tasks] == [
        (sheet[f"B{r}"].value, sheet[f"C{r}"].value, _decimal(sheet[f"D{r}"].value),
         sheet[f"E{r}"].value) for r in range(12, 15)]
    assert len(tasks) == 3 and all(t.fiscal is None and t.other is None for t in tasks)
    assert "other_tasks" not in readings[0].form.details    # nothing written beside it


def test_the_sixteen_indicator_rows(real) -> None:
    readings, sheet, _ = real
    got = [(i.level1, i.level2, i.name, i.target) for i in readings[0].form.indicators]
    assert got == [(_carried(sheet, "B", r), _carried(sheet, "C", r), sheet[f"D{r}"].value,
                    _shown(sheet[f"E{r}"])) for r in INDICATOR_ROWS]
    assert len(got) == 16
    assert ("产出指标", "质量指标", "创业担保贷款还款率", "≧90%") in got      # ≧ as written
    assert got[6][3] == "100%"                                              # 1 in a 0% cell


def test_the_real_form_exports_and_reads_back_equal(real, tmp_path: Path) -> None:
    form = real[0][0].form
    back = read_workbook(write_workbook(form, tmp_path / "u.xlsx"))
    assert back == form


def test_the_store_keeps_the_real_form(real, store) -> None:
    form = real[0][0].form
    assert store.load_form(store.add_form(form)) == form


# ---------------------------------------------------------------- written cell by cell

AMOUNTS = {"C5": 10891.615675, "C6": 61915.7693, "E6": 0, "C8": 1200.5, "E8": 70000.123456,
           "C9": 0, "E9": 2807.261519}
TASKS = [("城乡居民养老保险政府补贴资金", "基础养老金补助、个人缴费财政补贴", 20140.123456, "应发尽发"),
         ("创业担保贷款贴息资金", "按规定支付贷款贴息资金", 790, "促进创业带动就业")]
INDICATORS = [  # 一级, 二级, 三级, 指标值 (a number with a % format where it is one)
    ("产出指标", "数量指标", "城乡居民基础养老金标准", "≥200元每人每月"),
    ("产出指标", "数量指标", "发放创业担保贷款金额", "5000万元"),
    ("产出指标", "质量指标", "创业担保贷款还款率", "≧90%"),
    ("产出指标", "时效指标", "资金在规定时间内下达率", 1),
    ("产出指标", "成本指标", "", ""),
    ("效益指标", "社会效益指标", "全市城乡居民养老保险覆盖面", "不低于上年度水平"),
    ("效益指标", "质量指标", "补贴发放准确率", "≥98%"),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥75%"),
]


def _put(ws, ref: str, value: object, merge: str | None = None) -> None:
    ws[ref] = value
    if merge:
        ws.merge_cells(f"{ref}:{merge}")


def _head(ws) -> None:
    _put(ws, "A1", "2023年市级部门整体预算绩效目标表", "E1")
    _put(ws, "A2", "部门名称")
    _put(ws, "B2", "湛江市某某局", "E2")
    for ref, value in {"A3": "基本信息", "B3": "财政供养人员数", "C3": 737, "D3": "下属二级单位数",
                       "E3": 10, "B4": "部门预算支出", "C4": "预算金额（万元）", "D4": "收入来源",
                       "E4": "预算金额（万元）", "B5": "基本支出", "D5": "财政拨款", "B6": "项目支出",
                       "D6": "其他资金", "B7": "事业发展性支出", "C7": "预算金额（万元）",
                       "D7": "按预算级次划分", "E7": "预算金额（万元）", "B8": "财政专项资金",
                       "D8": "市本级使用资金", "B9": "其他事业发展性支出",
                       "D9": "拟用于对下转移支付资金", **AMOUNTS}.items():
        ws[ref] = value
    _put(ws, "A4", "预算整体情况", "A9")
    ws["E5"] = "=C5+C6"
    _put(ws, "A10", "总体绩效目标")
    _put(ws, "B10", "目标1：城乡居民基本养老保险参保人数达到计划指标。\n目标2：完成2023年度就业目标任务。", "E10")


def _tasks(ws, other: str) -> int:
    _put(ws, "A11", "年度重点工作任务", f"A{11 + len(TASKS)}")
    for column, text in zip("BCDE", ("名称", "主要实施内容", "拟投入的资金（万元）", "期望达到的目标 （概述）")):
        ws[f"{column}11"] = text
    for row, task in enumerate(TASKS, start=12):
        for column, value in zip("BCDE", task):
            ws[f"{column}{row}"] = value
    row = 12 + len(TASKS)
    _put(ws, f"A{row}", "其他需完成的任务 （可选填）", f"A{row + 1}")
    if other:
        _put(ws, f"B{row}", other, f"E{row + 1}")
    return row + 2


def _indicators(ws, top: int) -> None:
    _put(ws, f"A{top}", "绩效指标", f"A{top + len(INDICATORS)}")
    for column, text in zip("BCDE", ("一级指标", "二级指标", "三级指标", "指标值")):
        ws[f"{column}{top}"] = text
    previous = ("", "")
    for row, (level1, level2, name, target) in enumerate(INDICATORS, start=top + 1):
        if level1 != previous[0]:
            ws[f"B{row}"] = level1
        if (level1, level2) != previous:
            ws[f"C{row}"] = level2
        ws[f"D{row}"] = name or None
        ws[f"E{row}"] = target if target != "" else None
        if target == 1:
            ws[f"E{row}"].number_format = "0%"
        previous = (level1, level2)


def guangdong_book(path: Path, cached: bool = True, other: str = "") -> Path:
    """The sheet of REAL-LAYOUTS B. openpyxl saves a formula without its result; with
    `cached` the result is put beside it as Excel saves it (a float: C5 + C6 in binary)."""
    book = Workbook()
    ws = book.active
    ws.title = "Sheet1"
    _head(ws)
    _indicators(ws, _tasks(ws, other))
    buffer = io.BytesIO()
    book.save(buffer)
    content = buffer.getvalue()
    if cached:
        result = repr(AMOUNTS["C5"] + AMOUNTS["C6"]).encode()
        content = _rezip(content, "xl/worksheets/sheet1.xml",
                         lambda xml: re.sub(rb"(<f>C5\+C6</f>)<v\s*/>", rb"\1<v>" + result + b"</v>", xml))
    path.write_bytes(content)
    return path


def _rezip(content: bytes, name: str, change) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, change(data) if item.filename == name else data)
    return out.getvalue()


@pytest.fixture
def written(tmp_path: Path) -> UnitTarget:
    return read_workbook(guangdong_book(tmp_path / "gd.xlsx"))


def test_a_cached_formula_is_read_exact(written: UnitTarget) -> None:
    assert written.layout == LAYOUT and written.year == 2023
    assert written.budget["fiscal_appropriation"] == Decimal(str(AMOUNTS["C5"])) + Decimal(
        str(AMOUNTS["C6"]))


def test_amounts_to_six_decimals_are_exact(written: UnitTarget) -> None:
    assert {key: written.budget[key] for key, ref in BUDGET_CELLS.items() if ref in AMOUNTS} == {
        key: Decimal(str(AMOUNTS[ref])) for key, ref in BUDGET_CELLS.items() if ref in AMOUNTS}
    assert [task.total for task in written.tasks] == [Decimal(str(t[2])) for t in TASKS]
    assert str(written.budget["city_level_use"]) == "70000.123456"


def test_a_formula_without_its_result_refuses_the_sheet_naming_the_cell(tmp_path: Path) -> None:
    [reading] = read_sheets(guangdong_book(tmp_path / "nocache.xlsx", cached=False))
    assert reading.status is SheetStatus.REFUSED and reading.form is None
    assert reading.message.startswith("Sheet1!E5：财政拨款 是公式 =C5+C6")
    assert "计算结果" in reading.message and "\n" not in reading.message


def test_indicators_as_written(written: UnitTarget) -> None:
    got = [(i.level1, i.level2, i.name, i.target) for i in written.indicators]
    expected = [(l1, l2, name, "100%" if target == 1 else target)
                for l1, l2, name, target in INDICATORS if name]
    assert got == expected and len(got) == len(INDICATORS) - 1    # 成本指标 left empty
    assert ("效益指标", "质量指标", "补贴发放准确率", "≥98%") in got    # kept where written


def test_a_second_level_under_the_wrong_first_level_is_pointed_out(written: UnitTarget) -> None:
    row = next(n for n, i in enumerate(written.indicators, 1)
               if (i.level1, i.level2) == ("效益指标", "质量指标"))
    found = [f for f in check_target_form(written) if f.field == "level2"]
    assert [(f.row, f.field) for f in found] == [(row, "level2")]
    assert "质量指标" in found[0].message and "产出指标" in found[0].message \
        and "效益指标" in found[0].message and found[0].message.startswith(f"第{row}行")


def test_the_finding_holds_for_self_evaluations_too_but_not_other_frameworks() -> None:
    form = SelfEvaluation(year=2023, indicators=[
        Indicator("效益指标", "时效指标", "办结及时率", "100%", actual="100%"),
        Indicator("投入与管理", "质量指标", "预算执行率", "≥95%", actual="96%")])
    misfiled = [f for f in evaluate(form).findings if f.field == "level2"]
    assert [f.row for f in misfiled] == [1]


def test_tasks_and_the_other_tasks_row(tmp_path: Path) -> None:
    form = read_workbook(guangdong_book(tmp_path / "other.xlsx", other="开展劳动保障监察专项行动"))
    assert [(t.name, t.content, t.goal) for t in form.tasks] == [(t[0], t[1], t[3]) for t in TASKS]
    assert form.details["other_tasks"] == "开展劳动保障监察专项行动"
    back = read_workbook(write_workbook(form, tmp_path / "back.xlsx"))
    assert back == form


def test_export_is_the_layout(written: UnitTarget, tmp_path: Path) -> None:
    out = write_workbook(written, tmp_path / "export.xlsx")
    sheet = load_workbook(out).active
    merged = {r.coord for r in sheet.merged_cells.ranges}
    assert sheet["A1"].value == "2023年市级部门整体预算绩效目标表" and "A1:E1" in merged
    assert [sheet[f"A{r}"].value for r in (2, 3, 4, 10, 11)] == [
        "部门名称", "基本信息", "预算整体情况", "总体绩效目标", "年度重点工作任务"]
    assert {"B2:E2", "A4:A9", "B10:E10", f"A11:A{11 + len(TASKS)}"} <= merged
    assert [c.value for c in sheet[4]] == ["预算整体情况", "部门预算支出", "预算金额（万元）", "收入来源",
                                           "预算金额（万元）"]
    assert [c.value for c in sheet[7]][1:] == ["事业发展性支出", "预算金额（万元）", "按预算级次划分",
                                               "预算金额（万元）"]
    header = next(r for r in range(1, sheet.max_row + 1) if sheet[f"B{r}"].value == "一级指标")
    assert sheet[f"A{header}"].value == "绩效指标" and f"A{header}:A{sheet.max_row}" in merged
    assert all(not sheet[ref].protection.locked for ref in ("B2", "C3", "C5", "E9", "B10"))
    assert sheet["B4"].protection.locked and sheet["A4"].protection.locked


def test_export_keeps_amounts_exact_with_their_decimals_shown(written: UnitTarget,
                                                             tmp_path: Path) -> None:
    sheet = load_workbook(write_workbook(written, tmp_path / "export.xlsx")).active
    for key, ref in BUDGET_CELLS.items():
        assert _decimal(sheet[ref].value) == written.budget[key], ref
    assert sheet["E8"].number_format.endswith("0.00####")      # 70000.123456 shows whole
    assert all(sheet[ref].data_type != "f" for ref in BUDGET_CELLS.values())


def test_export_then_import_gives_the_same_form(written: UnitTarget, tmp_path: Path) -> None:
    first = write_workbook(written, tmp_path / "first.xlsx")
    back = read_workbook(first)
    assert back == written
    second = write_workbook(back, tmp_path / "second.xlsx")
    cells = [{c.coordinate: c.value for row in load_workbook(p).active.iter_rows() for c in row}
             for p in (first, second)]
    assert cells[0] == cells[1]
