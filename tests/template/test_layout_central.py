"""REAL-LAYOUTS C: the central 2019 项目支出绩效自评表 in an 11-sheet project-library
export (.xlsx and .xls): funds in 万元 kept as exact yuan, the year from "( 2019年度)",
the monitoring sheet named and not imported, the library's other sheets skipped, an
empty self-evaluation sheet an empty form."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.forms import FormKind, SelfEvaluation
from desktop.interchange.sheets import SheetStatus
from desktop.rules.evaluate import evaluate
from desktop.template.reader import read_sheets

from .irregular import write_xls, write_xlsx
from .layout_books import Sheet, half_up, printed_figures_of

PROJECT = "中小学教师国家级培训计划"
DEPARTMENT = "[105]教育部"
UNIT = "教育部教师工作司"
# 年初预算数, 全年预算数, 全年执行数 in 万元, as printed
FUNDS = {"fiscal": ("190", "200.5", "182.1234"), "carryover": ("0", "10", "9.5"),
         "other": ("0", "0", "0")}
ROWS = [  # 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因
    ("产出指标", "数量指标", "培训教师人数", "≥500人", "520人", 15, 15, ""),
    ("产出指标", "数量指标", "开发课程数", "20门", "18门", 15, 13.5, "受疫情影响，2门课程延至次年"),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "96%", 10, 10, ""),
    ("产出指标", "时效指标", "完成时间", "2019年12月31日前", "2019年12月20日", 5, 5, ""),
    ("产出指标", "成本指标", "人均培训成本", "≤3000元", "2800元", 5, 5, ""),
    ("效益指标", "社会效益指标", "教师教学能力提升", "明显提升", "明显提升", 20, 20, ""),
    ("效益指标", "可持续影响指标", "培训资源共享", "长期", "长期", 10, 10, ""),
    ("满意度指标", "服务对象满意度指标", "参训教师满意度", "≥90%", "93%", 10, 10, ""),
]
WAN = Decimal(10000)


def _title(sheet: Sheet, title: str) -> None:
    sheet.put("A2", title, "J2").put("A3", "( 2019年度)", "J3")


def _number(text: str) -> float | int:
    value = Decimal(text)
    return int(value) if value == value.to_integral() else float(value)


def _funds_block(sheet: Sheet, filled: bool, total_label: str = "年度资金总额：") -> None:
    sheet.put("A7", "项目资金（万元）", "B11")
    sheet.row("D7", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率")
    sheet.put("I7", "得分", "J7")
    labels = (total_label, "其中：财政拨款", "上年结转资金", "其他资金")
    for row, label in enumerate(labels, start=8):
        sheet.put(f"C{row}", label)
    if not filled:
        return
    totals = [sum(Decimal(FUNDS[s][i]) for s in FUNDS) for i in range(3)]
    sheet.row("D8", *map(float, totals), 10, "91.03%", 9.1)
    for row, source in enumerate(FUNDS, start=9):
        sheet.row(f"D{row}", *map(_number, FUNDS[source]), "—", "—", "—")


def _indicator_block(sheet: Sheet, filled: bool, printed_total: object) -> None:
    last = 14 + max(len(ROWS), 1)
    sheet.put("A14", "绩效指标", f"A{last}")
    sheet.row("B14", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    sheet.put("I14", "偏差原因分析及改进措施", "J14")
    if filled:
        for row, values in enumerate(ROWS, start=15):
            _level1, _level2, *rest, reason = values
            sheet.row(f"D{row}", *rest)
            sheet.put(f"I{row}", reason, f"J{row}")
        sheet.put("B15", "产出指标", "B19").put("B20", "效益指标", "B21").put("B22", "满意度指标")
        sheet.put("C15", "数量指标", "C16")
        for row in range(17, 23):
            sheet.put(f"C{row}", ROWS[row - 15][1])
    sheet.put(f"A{last + 1}", "总分", f"F{last + 1}")
    if filled:
        sheet.put(f"G{last + 1}", 100).put(f"H{last + 1}", printed_total)


def self_evaluation_sheet(filled: bool = True, printed_total: object = 97.6) -> Sheet:
    """The 2019 central layout, as the project library exports it."""
    sheet = Sheet("绩效自评表")
    _title(sheet, "项目支出绩效自评表")
    sheet.put("A5", "项目名称", "C5").put("D5", PROJECT if filled else None, "J5")
    sheet.put("A6", "主管部门", "C6").put("D6", DEPARTMENT if filled else None, "F6")
    sheet.put("G6", "实施单位").put("H6", UNIT if filled else None, "J6")
    _funds_block(sheet, filled)
    sheet.put("A12", "年度总体目标", "A13").put("B12", "预期目标", "F12")
    sheet.put("G12", "实际完成情况", "J12")
    if filled:
        sheet.put("B13", "培训中小学教师500人，开发课程20门", "F13")
        sheet.put("G13", "培训520人，开发课程18门", "J13")
    _indicator_block(sheet, filled, printed_total)
    return sheet


def monitoring_sheet() -> Sheet:
    sheet = Sheet("绩效监控表")
    _title(sheet, "项目支出绩效目标执行监控表")
    sheet.put("A5", "项目名称", "C5").put("D5", PROJECT, "J5")
    sheet.put("A6", "主管部门及代码", "C6").put("D6", DEPARTMENT, "F6")
    sheet.put("G6", "实施单位").put("H6", UNIT, "J6")
    sheet.put("A7", "项目资金（万元）", "C11")
    sheet.row("D7", "年初预算数", "1-7月执行数", "1-7月执行率", "全年预计执行数")
    for row, label in enumerate(("年度资金总额：", "其中：财政拨款", "上年结转资金", "其他资金"), 8):
        sheet.put(f"C{row}", label).row(f"D{row}", 190.0 if row < 10 else 0.0, 0.0, "0.00%", 0.0)
    sheet.put("A12", "年度总体目标").put("B12", "完成年度培训任务", "P12")
    sheet.row("A20", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行数", "全年预计执行数")
    sheet.put("H20", "偏差原因分析", "M20").put("N20", "完成目标可能性", "P20").put("Q20", "备注")
    sheet.row("H21", "经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "原因说明",
              "确定能", "有可能", "完全不可能", "备注")
    sheet.row("A22", "产出指标", "数量指标", "培训教师人数", "≥500人", "200人", "520人", "✔")
    sheet.put("N22", "✔")
    return sheet


def target_sheet() -> Sheet:
    """The library's 绩效目标申报表: read as a project target, or refused with why."""
    sheet = Sheet("绩效目标申报表")
    _title(sheet, "项目支出绩效目标申报表")
    sheet.put("A5", "项目名称", "C5").put("D5", PROJECT, "J5")
    sheet.put("A6", "主管部门及代码", "C6").put("D6", DEPARTMENT, "F6")
    sheet.put("G6", "实施单位").put("H6", UNIT, "J6")
    sheet.put("A8", "年度总体目标").put("B8", "培训中小学教师500人", "J8")
    sheet.row("A10", "绩效指标", "一级指标", "二级指标", "三级指标", "指标值")
    sheet.row("B11", "产出指标", "数量指标", "培训教师人数", "≥500人")
    sheet.row("B12", "满意度指标", "服务对象满意度指标", "参训教师满意度", "≥90%")
    return sheet


def text_sheet(name: str, *lines: str) -> Sheet:
    sheet = Sheet(name)
    for row, line in enumerate(lines, start=1):
        sheet.put(f"A{row}", line, f"H{row}")
    return sheet


def basic_info_sheet() -> Sheet:
    """项目基本信息: header labels a form also prints, and no indicator table."""
    sheet = text_sheet("项目基本信息", "项目基本信息表")
    for row, (label, value) in enumerate((
            ("项目名称", PROJECT), ("项目代码", "2019105000123"), ("主管部门及代码", DEPARTMENT),
            ("实施单位", UNIT), ("项目负责人", "王一"), ("联系电话", "010-66096114"),
            ("项目类型", "其他项目"), ("项目期限", "2019-2021"),
            ("项目总额（万元）", "600.00")), start=3):
        sheet.put(f"A{row}", label, f"B{row}").put(f"C{row}", value, f"H{row}")
    return sheet


def library_sheets(self_evaluation: Sheet) -> list[Sheet]:
    """The 11 sheets of the project library's export, in its order."""
    plan = Sheet("支出计划").row("A1", "支出计划表").row("A3", "年度", "支出计划（万元）")
    plan.row("A4", "2019", 200.5).row("A5", "2020", 200.0).row("A6", "2021", 199.5)
    detail = Sheet("支出明细").row("A1", "支出明细表").row("A3", "序号", "支出内容", "金额（万元）")
    detail.row("A4", 1, "专家劳务费", 60.5).row("A5", 2, "场地租赁费", 140.0)
    return [basic_info_sheet(), text_sheet("立项依据", "立项依据", "《教师法》第十九条……"),
            text_sheet("实施方案", "实施方案", "分三期组织集中培训。"), plan, detail,
            target_sheet(), monitoring_sheet(), self_evaluation,
            text_sheet("专家评审意见", "专家评审意见", "项目设置合理，同意立项。"),
            text_sheet("部门审核意见", "部门审核意见", "同意。"),
            text_sheet("财政评审意见", "财政评审报告", "预算测算基本合理。")]


def write_library(folder: Path, suffix: str, self_evaluation: Sheet | None = None) -> Path:
    models = [sheet.model for sheet in library_sheets(self_evaluation or self_evaluation_sheet())]
    writer = write_xls if suffix == ".xls" else write_xlsx
    return writer(models, folder / f"项目库导出{suffix}")


@pytest.fixture(params=[".xlsx", ".xls"])
def library(request, tmp_path: Path) -> dict:
    readings = read_sheets(write_library(tmp_path, request.param))
    return {reading.sheet: reading for reading in readings}


def test_every_sheet_of_the_library_is_reported(library: dict) -> None:
    assert len(library) == 11
    statuses = {name: reading.status for name, reading in library.items()}
    assert statuses["绩效自评表"] is SheetStatus.FORM
    assert statuses["绩效监控表"] is SheetStatus.UNSUPPORTED
    assert {name for name, status in statuses.items() if status is SheetStatus.SKIPPED} == {
        "项目基本信息", "立项依据", "实施方案", "支出计划", "支出明细",
        "专家评审意见", "部门审核意见", "财政评审意见"}


def test_the_monitoring_sheet_is_named_not_imported(library: dict) -> None:
    reading = library["绩效监控表"]
    assert reading.form is None and "项目支出绩效目标执行监控表" in reading.message
    assert "绩效监控表" in reading.message and reading.title == "绩效运行监控表"


def test_the_target_declaration_is_read_or_refused_with_a_reason(library: dict) -> None:
    reading = library["绩效目标申报表"]
    assert reading.status in (SheetStatus.FORM, SheetStatus.REFUSED)
    if reading.form is None:
        assert reading.message.startswith("绩效目标申报表")
        return
    assert reading.form.kind is FormKind.PROJECT_TARGET and reading.form.year == 2019
    assert [i.name for i in reading.form.indicators] == ["培训教师人数", "参训教师满意度"]


def test_header_year_and_layout(library: dict) -> None:
    reading = library["绩效自评表"]
    form = reading.form
    assert isinstance(form, SelfEvaluation) and reading.layout == "central-2019"
    assert (form.year, form.layout, form.project_name) == (2019, "central-2019", PROJECT)
    assert (form.budget_unit, form.implementing_unit) == (DEPARTMENT, UNIT)
    assert form.goal_expected.startswith("培训中小学教师") and form.goal_actual.startswith("培训520人")


def test_funds_in_wan_yuan_become_exact_yuan(library: dict) -> None:
    funds = library["绩效自评表"].form.funds
    for source, printed in FUNDS.items():
        row = funds.source(source)
        assert (row.initial, row.annual, row.executed) == tuple(Decimal(t) * WAN for t in printed)
    assert funds.fiscal.executed == Decimal("1821234")
    assert funds.stated_total.annual == Decimal("2105000") and funds.weight == 10


def test_indicator_rows_and_the_printed_total(library: dict) -> None:
    form = library["绩效自评表"].form
    assert [(i.level1, i.level2, i.name, i.target, i.actual) for i in form.indicators] == [
        row[:5] for row in ROWS]
    assert [i.weight for i in form.indicators] == [Decimal(str(row[5])) for row in ROWS]
    assert [i.score for i in form.indicators] == [Decimal(str(row[6])) for row in ROWS]
    assert form.indicators[1].deviation == ROWS[1][7]
    assert printed_figures_of(form) == {"weights_total": "100", "total": "97.6"}


def test_the_rules_agree_with_the_printed_figures(library: dict) -> None:
    form = library["绩效自评表"].form
    annual = sum(Decimal(FUNDS[s][1]) for s in FUNDS) * WAN
    executed = sum(Decimal(FUNDS[s][2]) for s in FUNDS) * WAN
    result = evaluate(form)
    assert result.rate == half_up(executed / annual * 100)
    assert result.funds_score == half_up(min(executed / annual, 1) * 10)
    assert result.total == result.funds_score + sum(Decimal(str(row[6])) for row in ROWS)
    assert not [f for f in result.findings if f.field.startswith(("published", "funds"))]


def test_a_printed_total_that_disagrees_is_pointed_out(tmp_path: Path) -> None:
    path = write_library(tmp_path, ".xlsx", self_evaluation_sheet(printed_total=98.6))
    form = next(r.form for r in read_sheets(path) if r.sheet == "绩效自评表")
    found = [f.message for f in evaluate(form).findings if f.field == "published.total"]
    assert len(found) == 1 and "98.6" in found[0] and "97.6" in found[0]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_an_empty_self_evaluation_sheet_is_an_empty_form(suffix: str, tmp_path: Path) -> None:
    path = write_library(tmp_path, suffix, self_evaluation_sheet(filled=False))
    reading = next(r for r in read_sheets(path) if r.sheet == "绩效自评表")
    assert reading.status is SheetStatus.FORM, reading.message
    form = reading.form
    assert (form.year, form.layout, form.project_name, form.indicators) == (
        2019, "central-2019", "", [])
    assert all(getattr(form.funds.source(s), c) is None for s in FUNDS
               for c in ("initial", "annual", "executed"))
    assert form.meta.published == {}


def test_a_district_form_whose_funds_heading_says_wan_yuan_is_read_in_yuan(tmp_path: Path) -> None:
    """The unit comes from the sheet's own heading (项目资金（万元）), not only the layout:
    the same amounts written in 万元 read back as the same yuan."""
    from openpyxl import load_workbook

    from conftest import load_sample
    from desktop.template import write_workbook
    from desktop.template.reader import read_workbook
    form = load_sample("longhua-2022-digital-city")
    path = write_workbook(form, tmp_path / "district.xlsx")
    book = load_workbook(path)
    sheet = book.active
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value}
    cells["项目资金（元）"].value = "项目资金（万元）"
    header, end = cells["年初预算数"].row, cells["年度总体目标"].row
    columns = [cells[label].column for label in ("年初预算数", "全年预算数", "全年执行数")]
    for row in range(header + 1, end):
        for column in columns:
            cell = sheet.cell(row, column)
            if isinstance(cell.value, (int, float)):
                cell.value = f"{Decimal(str(cell.value)) / 10000}"
    book.save(path)
    back = read_workbook(path)
    assert (back.funds.fiscal, back.funds.carryover, back.funds.other) == (
        form.funds.fiscal, form.funds.carryover, form.funds.other)
