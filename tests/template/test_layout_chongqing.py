"""REAL-LAYOUTS D: Chongqing's 2021 项目支出绩效自评表 with structured targets.

指标性质 | 指标值 | 计量单位 in separate columns, labels broken over lines inside their
cells, the 一级 as group rows, budget execution scored as a 管理类指标 row with a ratio
"0.88" against "≥ 90 %", no 得分 column and a funds block with no weight: the rules
compute the rate and the scores, checked here against the DOMAIN formulas.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.forms import SelfEvaluation
from desktop.interchange.sheets import SheetStatus
from desktop.rules.evaluate import evaluate
from desktop.rules.scoring import MET
from desktop.rules.targets import TargetKind
from desktop.template.reader import read_sheets

from .irregular import write_xls, write_xlsx
from .layout_books import Sheet, half_up, positive_score, printed_figures_of

BUDGET, EXECUTED = "7574", "6643"      # 万元
CRITERION = "达到目标得满分，未达到按完成比例得分"
GROUPS = {"产出类指标": "产出指标", "效益类指标": "效益指标", "满意度类指标": "满意度指标",
          "管理类指标": "管理指标"}
ROWS = [  # 指标类型, 指标名称, 指标性质, 指标值, 计量单位, 指标权重, 全年完成值  (None: group row)
    ("产出类指标",),
    ("数量指标", "新增区级创业孵化基地数量", "≥", 1, "个", 15, 3),
    (None, "入驻孵化企业数量", "≥", 50, "家", 15, 42),
    ("质量指标", "孵化企业存活率", "≥", 80, "%", 10, 85),
    ("时效指标", "资金拨付及时率", "=", 100, "%", 10, 100),
    ("成本指标",),                                     # a 二级 with nothing under it
    ("效益类指标",),
    ("社会效益指标", "带动就业人数", "≥", 500, "人", 20, 620),
    ("可持续影响指标", "孵化基地持续运营年限", "≥", 3, "年", 10, 3),
    ("满意度类指标",),
    ("服务对象满意度指标", "入驻企业满意度", "≥", 90, "%", 10, 0.86),
    ("管理类指标",),
    ("预算执行", "预算执行率", "≥", 90, "%", 8, "0.88"),
    ("资金管理", "资金使用合规性", "无", "合规", "无", 1, "较有效"),
    ("项目管理", "制度执行有效性", "无", "有效", "无", 1, "较有效"),
]
INDICATORS = [row for row in ROWS if len(row) > 1]
QUALITATIVE = {"资金使用合规性", "制度执行有效性"}


def chongqing_sheet(printed_weights: object = None) -> Sheet:
    sheet = Sheet("项目支出绩效自评表")
    sheet.put("A1", "2021年度项目支出绩效自评表", "H1")
    sheet.put("A2", "项目名称").put("B2", "区级创业孵化基地建设", "D2")
    sheet.put("E2", "项目联系人").put("F2", "李明 023-68001234", "H2")
    sheet.put("A3", "项目实施单位").put("B3", "重庆市某区就业和人才服务中心", "D3")
    sheet.put("E3", "项目主管部门").put("F3", "重庆市某区人力资源和社会保障局", "H3")
    sheet.put("A4", "项目预算执行情况（万元）", "A5")
    sheet.put("B4", "全年预算数（A）（上年结转+年初预算+年中追加）", "D4")
    sheet.put("E4", "全年执行数（B）", "H4")
    sheet.put("B5", int(BUDGET), "D5").put("E5", int(EXECUTED), "H5")
    sheet.put("A6", "当年绩效目标", "A7").put("B6", "全年绩效目标", "D6")
    sheet.put("E6", "全年目标实际完成情况", "H6")
    sheet.put("B7", "新建区级创业孵化基地1个，入驻企业50家", "D7")
    sheet.put("E7", "新建基地3个，入驻企业42家", "H7")
    sheet.row("A8", "指标类型", "指标名称", "指标\n性质", "指标值", "计量\n单位", "指标\n权重",
              "全年完成值", "评价标准")
    row = 9
    for values in ROWS:
        if len(values) == 1:
            across = "H" if values[0] in GROUPS else "A"
            sheet.put(f"A{row}", values[0], f"{across}{row}")
        else:
            sheet.row(f"A{row}", *values, CRITERION)
        row += 1
    sheet.put("A10", "数量指标", "A11")                # merged over its two rows
    sheet.put(f"A{row}", "合计", f"E{row}").put(f"F{row}", printed_weights)
    sheet.put(f"A{row + 1}", "说明").put(f"B{row + 1}", "全年完成值按实际填写。", f"H{row + 1}")
    sheet.put(f"A{row + 2}", "备注：指标权重合计为100。", f"H{row + 2}")
    return sheet


def read(tmp_path: Path, suffix: str = ".xlsx", printed_weights: object = None):
    writer = write_xls if suffix == ".xls" else write_xlsx
    path = writer([chongqing_sheet(printed_weights).model], tmp_path / f"重庆自评{suffix}")
    [reading] = read_sheets(path)
    assert reading.status is SheetStatus.FORM, reading.message
    return reading


@pytest.fixture(params=[".xlsx", ".xls"])
def form(request, tmp_path: Path) -> SelfEvaluation:
    return read(tmp_path, request.param).form


def test_header_details_and_profile(form: SelfEvaluation) -> None:
    assert (form.year, form.layout, form.profile) == (2021, "chongqing-2021", "chongqing-2021")
    assert form.project_name == "区级创业孵化基地建设"
    assert form.implementing_unit == "重庆市某区就业和人才服务中心"
    assert form.budget_unit == "重庆市某区人力资源和社会保障局"
    assert form.details == {"contact_person": "李明 023-68001234"}
    assert form.goal_expected.startswith("新建区级") and form.goal_actual.startswith("新建基地3个")


def test_the_funds_are_a_stated_total_in_yuan_with_no_weight(form: SelfEvaluation) -> None:
    funds = form.funds
    assert funds.stated_total is not None and funds.weight == 0
    assert funds.stated_total.annual == Decimal(BUDGET) * 10000
    assert funds.stated_total.executed == Decimal(EXECUTED) * 10000
    assert all(getattr(funds.source(s), c) is None for s in ("fiscal", "carryover", "other")
               for c in ("initial", "annual", "executed"))


def test_rows_take_their_group_type_target_unit_and_criterion(form: SelfEvaluation) -> None:
    assert [i.name for i in form.indicators] == [row[1] for row in INDICATORS]
    assert [i.level1 for i in form.indicators] == (
        ["产出指标"] * 4 + ["效益指标"] * 2 + ["满意度指标"] + ["管理指标"] * 3)
    assert [i.level2 for i in form.indicators] == [
        "数量指标", "数量指标", "质量指标", "时效指标", "社会效益指标", "可持续影响指标",
        "服务对象满意度指标", "预算执行指标", "资金管理指标", "项目管理指标"]
    by_name = {i.name: i for i in form.indicators}
    assert (by_name["新增区级创业孵化基地数量"].target, by_name["新增区级创业孵化基地数量"].unit) == (
        "≥1", "个")
    assert (by_name["预算执行率"].target, by_name["预算执行率"].unit) == ("≥90", "%")
    assert (by_name["资金使用合规性"].target, by_name["资金使用合规性"].unit) == ("合规", "")
    assert by_name["预算执行率"].actual == "0.88" and by_name["入驻企业满意度"].actual == "0.86"
    assert all(i.extra == {"评价标准": CRITERION} for i in form.indicators)
    assert all(i.score is None for i in form.indicators)
    assert sum(i.weight for i in form.indicators) == 100


def _percent(actual: object) -> Decimal:
    """全年完成值 as the rules should read it: a ratio of at most 1.5 is a percentage."""
    value = Decimal(str(actual))
    return value * 100 if value <= Decimal("1.5") else value


def test_the_rules_compute_rate_and_scores(form: SelfEvaluation) -> None:
    result = evaluate(form)
    budget, executed = Decimal(BUDGET) * 10000, Decimal(EXECUTED) * 10000
    assert result.rate == half_up(executed / budget * 100)
    assert result.funds_score == 0 and result.weights_total == 100
    expected = []
    for (_type, name, _op, value, unit, weight, actual), row in zip(INDICATORS, result.rows):
        if name in QUALITATIVE:
            assert row.reading_kind is TargetKind.QUALITATIVE and row.grade == MET
            assert row.band[0] <= row.score <= row.band[1]
            expected.append(row.score)
            continue
        done = _percent(actual) if unit == "%" else Decimal(str(actual))
        expected.append(positive_score(Decimal(value), done, Decimal(weight)))
        assert row.score == expected[-1], name
    assert result.total == sum(expected)
    assert not [f for f in result.findings
                if f.field in ("weights_total", "funds.total.annual") or f.field.startswith(
                    ("published", "level1_weights"))]


def test_a_printed_total_that_disagrees_is_pointed_out(tmp_path: Path) -> None:
    form = read(tmp_path, printed_weights=98).form
    assert printed_figures_of(form) == {"weights_total": "98"}
    found = [f.message for f in evaluate(form).findings if f.field.startswith("published")]
    assert len(found) == 1 and "98" in found[0] and "100" in found[0]


def test_a_printed_total_that_agrees_raises_nothing(tmp_path: Path) -> None:
    form = read(tmp_path, printed_weights=100).form
    assert printed_figures_of(form) == {"weights_total": "100"}
    assert not [f for f in evaluate(form).findings if f.field.startswith("published")]
