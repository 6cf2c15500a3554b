"""REAL-LAYOUTS E: Wuhan's 项目申报表, a project target with a long application part.

指标内容 stands for 三级指标, values are kept as written ("1600人、200人", "约5.5万人次",
"不低于60户/人.月", 0.95), empty 二级 rows are the frame and no indicator, ticked boxes
stay text, and the 合计 formulas of the funding and spending tables (saved with their
results, as Excel saves them) do not disturb reading.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.forms import FormKind, ProjectTarget
from desktop.interchange.sheets import ReadOptions, SheetStatus
from desktop.template.reader import read_sheets

from .irregular import write_xlsx
from .layout_books import Sheet, cache_formulas

PROJECT_TYPE = "☑新增项目  □延续项目\n□经常性项目  ☑一次性项目"
SPENDING = [("师资劳务费", "200人×0.1万元", 20.0), ("场地租赁费", "12场×2.5万元", 30.0),
            ("教材印制费", "1600册×0.0125万元", 20.0), ("宣传推广费", "按实际", 130.0)]
ROWS = [  # 一级 (merged over its rows), 二级, 指标内容, 指标值, 备注
    ("产出指标", "数量指标", "培训人数", "1600人、200人", "含线上1600人、线下200人"),
    ("产出指标", "数量指标", "服务人次", "约5.5万人次", ""),
    ("产出指标", "质量指标", "培训合格率", 0.95, ""),
    ("产出指标", "时效指标", "完成时间", "2022年12月底前", ""),
    ("产出指标", "成本指标", "", "", ""),
    ("效益指标", "经济效益指标", "", "", ""),
    ("效益指标", "社会效益指标", "带动就业", "不低于60户/人.月", "按季度统计"),
    ("效益指标", "环境效益指标", "", "", ""),
    ("效益指标", "可持续影响指标", "长效机制建立", "长期", ""),
    ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", ""),
]
FIRST_ROW = 39


def wuhan_sheet(title: str = "项目申报表", year: str | None = "2022") -> Sheet:
    sheet = Sheet("项目申报表")
    sheet.put("A1", title, "F1")
    if year is not None:
        sheet.put("A2", "申报年度").put("B2", year, "C2")
    sheet.put("A3", "项目名称").put("B3", "社区就业技能培训", "C3")
    sheet.put("D3", "项目代码").put("E3", "420100-2022-000815", "F3")
    sheet.put("A4", "项目主管部门").put("B4", "武汉市人力资源和社会保障局", "C4")
    sheet.put("D4", "项目执行单位").put("E4", "武汉市职业技能鉴定中心", "F4")
    sheet.put("A5", "项目负责人").put("B5", "陈华", "C5")
    sheet.put("D5", "联系电话").put("E5", "027-85771234", "F5")
    sheet.put("A6", "项目类型").put("B6", PROJECT_TYPE, "F6")
    sheet.put("A7", "项目申请理由", "A12").put("B7", "落实稳就业要求，提升社区居民就业技能。", "F12")
    sheet.put("A13", "项目主要内容", "A21").put("B13", "开展线上线下技能培训。", "F21")
    sheet.put("A22", "项目总预算（万元）").put("B22", 600, "C22")
    sheet.put("D22", "项目当年预算（万元）").put("E22", 200.5, "F22")
    _funding(sheet)
    _spending(sheet)
    sheet.put("A32", "测算依据及说明", "A34").put("B32", "按培训人数和场次测算。", "F34")
    sheet.put("A35", "项目绩效总目标", "A37").put("B35", "全年培训1800人，带动就业。", "F37")
    _indicators(sheet)
    return sheet


def _funding(sheet: Sheet) -> None:
    sheet.put("A23", "资金来源（万元）", "A24")
    sheet.row("B23", "合计", "财政拨款", "上级补助", "单位自筹", "其他资金")
    sheet.row("B24", "=C24+D24+E24+F24", 150.5, 0, 30, 20)


def _spending(sheet: Sheet) -> None:
    sheet.put("A25", "项目支出明细预算（万元）", "F25")
    sheet.put("A26", "序号").put("B26", "支出内容", "C26").row("D26", "测算标准", "单位", "金额")
    for row, (what, how, amount) in enumerate(SPENDING, start=27):
        sheet.put(f"A{row}", row - 26).put(f"B{row}", what, f"C{row}")
        sheet.row(f"D{row}", how, "万元", amount)
    sheet.put("A31", "合计", "E31").put("F31", "=F27+F28+F29+F30")


def _indicators(sheet: Sheet) -> None:
    sheet.row("A38", "项目年度绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注")
    last = FIRST_ROW + len(ROWS) - 1
    sheet.put("A38", "项目年度绩效指标", f"A{last}")
    for row, values in enumerate(ROWS, start=FIRST_ROW):
        sheet.row(f"C{row}", *values[1:])
    sheet.put(f"B{FIRST_ROW}", "产出指标", f"B{FIRST_ROW + 4}")
    sheet.put(f"B{FIRST_ROW + 5}", "效益指标", f"B{FIRST_ROW + 8}")
    sheet.put(f"B{last}", "满意度指标")


def write(tmp_path: Path, sheet: Sheet) -> Path:
    path = write_xlsx([sheet.model], tmp_path / "项目申报表.xlsx")
    return cache_formulas(path, 1, {"B24": 200.5, "F31": 200})


def read(tmp_path: Path, sheet: Sheet | None = None, options: ReadOptions | None = None):
    [reading] = read_sheets(write(tmp_path, sheet or wuhan_sheet()), options)
    return reading


@pytest.fixture
def form(tmp_path: Path) -> ProjectTarget:
    reading = read(tmp_path)
    assert reading.status is SheetStatus.FORM, reading.message
    assert reading.layout == "wuhan-application"
    return reading.form


def test_header_fields_and_details(form: ProjectTarget) -> None:
    assert form.kind is FormKind.PROJECT_TARGET and form.layout == "wuhan-application"
    assert (form.year, form.project_name, form.project_code, form.applicant_unit) == (
        2022, "社区就业技能培训", "420100-2022-000815", "武汉市职业技能鉴定中心")
    assert {key: form.details.get(key) for key in (
        "competent_department", "project_leader", "contact_phone", "project_type")} == {
        "competent_department": "武汉市人力资源和社会保障局", "project_leader": "陈华",
        "contact_phone": "027-85771234", "project_type": PROJECT_TYPE}
    assert form.details["application_reason"].startswith("落实稳就业要求")
    assert form.details["main_content"] == "开展线上线下技能培训。"
    assert form.details["calculation_basis"] == "按培训人数和场次测算。"
    assert form.details["overall_goal"] == "全年培训1800人，带动就业。"


def test_the_budget_is_exact(form: ProjectTarget) -> None:
    assert form.budget["project_total_budget"] == Decimal("600")
    assert form.budget["project_current_year_budget"] == Decimal("200.5")


def test_indicators_keep_their_values_as_written(form: ProjectTarget) -> None:
    written = [row for row in ROWS if row[2]]
    assert [(i.level1, i.level2, i.name) for i in form.indicators] == [row[:3] for row in written]
    assert [i.target for i in form.indicators] == [
        "1600人、200人", "约5.5万人次", "0.95", "2022年12月底前", "不低于60户/人.月", "长期", "≥90%"]
    assert [i.explanation for i in form.indicators] == [row[4] for row in written]


def test_the_year_from_the_title_or_from_the_clerk(tmp_path: Path) -> None:
    titled = read(tmp_path, wuhan_sheet("2023年度项目申报表", year=None))
    assert titled.status is SheetStatus.FORM and titled.form.year == 2023
    bare = read(tmp_path, wuhan_sheet(year=None))
    assert (bare.status, bare.needs) == (SheetStatus.REFUSED, "year")
    given = read(tmp_path, wuhan_sheet(year=None), ReadOptions(year=2022))
    assert given.status is SheetStatus.FORM and given.form.year == 2022


def test_formulas_without_their_results_do_not_break_reading(tmp_path: Path) -> None:
    """The 合计 cells as a program other than Excel saves them: no result beside them."""
    path = write_xlsx([wuhan_sheet().model], tmp_path / "未计算.xlsx")
    [reading] = read_sheets(path)
    assert reading.status is SheetStatus.FORM, reading.message
    assert len(reading.form.indicators) == 7
