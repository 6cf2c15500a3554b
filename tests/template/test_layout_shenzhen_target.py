"""Layout A of REAL-LAYOUTS.md: Shenzhen's 二级项目支出绩效目标申报表, one project per sheet.

The workbooks are written here cell by cell, as the budget system's copies on a street
office's disk look: five columns A–E, no year anywhere, 一级/二级 written short and
merged, a frame row per 二级 (some sheets nothing else), "不适用" placeholder rows,
labels spaced out, without their colon or broken over two lines, amounts in 万元 with up
to four decimals, and on one sheet of twenty a project code Excel stored as a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.forms import Indicator, ProjectTarget
from desktop.interchange.sheets import ReadOptions, SheetStatus
from desktop.rules.profile import load_profile
from desktop.template import write_workbook
from desktop.template.reader import read_sheets, read_workbook

from .helpers import typed_fields

LAYOUT = "shenzhen-project-target"
TITLE = "二级项目支出绩效目标申报表"
NOTE = "备注：作为导入模板，置灰信息无需录入，作为导出模板，置灰信息系统自动带出"
CUT_CODE = 4.403062313915e+20
"""A 21-digit code typed into Excel as a number: 15 digits kept."""
FULL_CODE = "440306231391500012345"
FRAME = (("产出", ("数量", "质量", "时效", "成本")),
         ("效益", ("经济效益", "社会效益", "生态效益", "可持续影响")),
         ("满意度", ("服务对象满意度", "其他满意度")))
"""The skeleton every sheet prints, short names as the system writes them."""
COMMUNITIES = ("红星", "福海", "新田", "凤凰", "塘尾", "和平", "新和", "福永", "桥头", "怀德",
               "兴围", "福围", "稔田", "白石", "大洋", "蚝业", "沙井", "松岗", "燕罗", "福新")
LABELS = {"code": "项目编码", "name": "项目名称", "unit": "申请单位", "budget_unit": "一级预算单位",
          "period": "实施期限", "type": "项目类型", "new": "是否新增项目", "method": "分配方式",
          "total": "项目总金额（中期规划，万元）", "current": "本年度项目金额（万元）",
          "policy": "政策依据", "calc": "测算依据", "goal": "年度目标",
          "long_goal": "长期目标（跨度多年的项目需填）"}
DETAIL_KEYS = {"budget_unit": "primary_budget_unit", "period": "implementation_period",
               "type": "project_type", "new": "is_new_project", "method": "allocation_method",
               "policy": "policy_basis", "calc": "calculation_basis", "goal": "annual_goal",
               "long_goal": "long_term_goal"}


@dataclass
class Sheet:
    """One project's sheet as the test writes it."""

    name: str
    values: dict[str, object]
    rows: dict[tuple[str, str], list[tuple[str, str, str]]] = field(default_factory=dict)
    label_style: str = "plain"    # plain | spaced | bare (no colon) | broken (over two lines)


def _label(text: str, style: str) -> str:
    if style == "spaced":
        return " ".join(text) + "："
    if style == "bare":
        return text
    if style == "broken" and len(text) > 6:
        return f"{text[:4]}\n{text[4:]}："
    return text + "："


def _header(ws, sheet: Sheet) -> None:
    """Rows 2–10: label | value (B:C) | label | value (E), then the long texts over B:E."""
    pairs = (("code", "name"), ("unit", "budget_unit"), ("period", "type"), ("new", "method"),
             ("total", "current"))
    for row, (left, right) in enumerate(pairs, start=2):
        ws.cell(row, 1, _label(LABELS[left], sheet.label_style))
        ws.cell(row, 2, sheet.values[left])
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        ws.cell(row, 4, _label(LABELS[right], sheet.label_style))
        ws.cell(row, 5, sheet.values[right])
    for row, key in enumerate(("policy", "calc", "goal", "long_goal"), start=7):
        ws.cell(row, 1, _label(LABELS[key], sheet.label_style))
        ws.cell(row, 2, sheet.values[key])
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=5)


def _indicators(ws, sheet: Sheet) -> int:
    """Row 11 the header, then the frame with the sheet's rows; returns the next row."""
    for column, text in enumerate(("一级指标", "二级指标", "三级指标", "目标值", "指标解释"), 1):
        ws.cell(11, column, text)
    row = 12
    for level1, level2s in FRAME:
        top = row
        for level2 in level2s:
            lines = sheet.rows.get((level1, level2)) or [("", "", "")]
            ws.cell(row, 2, level2)
            if len(lines) > 1:
                ws.merge_cells(start_row=row, start_column=2, end_row=row + len(lines) - 1,
                               end_column=2)
            for name, target, explanation in lines:
                for column, text in ((3, name), (4, target), (5, explanation)):
                    if text:
                        ws.cell(row, column, text)
                row += 1
        ws.cell(top, 1, level1)
        ws.merge_cells(start_row=top, start_column=1, end_row=row - 1, end_column=1)
    return row


def fill(ws, sheet: Sheet) -> None:
    ws.cell(1, 1, TITLE)
    ws.merge_cells("A1:E1")
    _header(ws, sheet)
    last = _indicators(ws, sheet)
    ws.cell(last, 1, NOTE)
    ws.merge_cells(start_row=last, start_column=1, end_row=last, end_column=5)


def write(path: Path, sheets: list[Sheet]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        fill(book.create_sheet(sheet.name), sheet)
    book.save(path)
    return path


def project(number: int, community: str = "红星", **changes: object) -> Sheet:
    values: dict[str, object] = {
        "code": f"44030623139150{number:07d}", "name": f"政府购买服务（物业后勤类社区工作站经费）{community}社区工作站",
        "unit": f"深圳市宝安区新桥街道{community}社区工作站", "budget_unit": "深圳市宝安区新桥街道办事处",
        "period": "3", "type": "15 其他经费", "new": "否", "method": "因素法和项目法",
        "total": 9000.0, "current": 3000.0,
        "policy": "《深圳市宝安区社区工作站管理办法》\n《关于加强社区工作站经费保障的通知》",
        "calc": "物业管理费 42.3744万元/年，按合同单价测算",
        "goal": "2023年度完成社区工作站物业后勤服务采购，保障工作站正常运转",
        "long_goal": "持续保障社区工作站办公环境整洁、设施完好"}
    values.update(changes)
    rows = {("产出", "数量"): [("服务社区工作站数量", "1处", "为1个社区工作站提供物业服务"),
                              ("保洁服务面积", "≥1200平方米", "")],
            ("产出", "质量"): [("服务验收合格率", "达到95%以上", "按合同约定验收")],
            ("产出", "时效"): [("服务响应时间", "3个工作日", "报修后3个工作日内处理")],
            ("产出", "成本"): [("评估成本", "出具评估报告总成本不超过0.3万元", "")],
            ("效益", "社会效益"): [("社区环境改善", "明显", "")],
            ("效益", "可持续影响"): [("不适用", "不适用", "不适用")],
            ("满意度", "服务对象满意度"): [("工作人员满意度", "≥90%", "问卷调查")]}
    return Sheet(f"{number}.政府购买服务（物业后勤类社区工作站经费）{community}社区工作站", values, rows)


def street_office_book() -> list[Sheet]:
    """Twenty sheets: one a bare frame, one with labels spaced, one without colons, one
    with labels broken over lines, amounts with four decimals or "0" (as numbers, or as
    text with the unit: "42.3744万元"), and sheet 4 with its code stored as a number."""
    sheets = [project(n, community) for n, community in enumerate(COMMUNITIES, start=1)]
    sheets[1].rows = {}
    sheets[2].label_style = "spaced"
    sheets[4].label_style = "bare"
    sheets[5].label_style = "broken"
    sheets[6].values.update(total=42.3744, current=0)
    sheets[7].values.update(total="42.3744万元", current="0")
    sheets[3].values["code"] = CUT_CODE
    return sheets


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, list[Sheet]]:
    sheets = street_office_book()
    return write(tmp_path / "新桥街道绩效目标.xlsx", sheets), sheets


def _full(short: str) -> str:
    """What the short names mean (REAL-LAYOUTS A): 产出 is 产出指标, 数量 is 数量指标 …"""
    return f"{short}指标"


def _expected_rows(sheet: Sheet) -> list[tuple[str, str, str, str, str]]:
    """The sheet's indicator rows as written, in frame order, 一级/二级 as the test wrote them."""
    return [(level1, level2, *line) for level1, level2s in FRAME for level2 in level2s
            for line in sheet.rows.get((level1, level2), [])]


# ---------------------------------------------------------------- reading


def test_the_sheets_are_project_targets_of_this_layout(book) -> None:
    path, sheets = book
    readings = read_sheets(path, ReadOptions(year=2024))
    assert [r.sheet for r in readings] == [s.name for s in sheets]
    forms = [r for r in readings if r.form is not None]
    assert len(forms) == 19
    assert {r.layout for r in forms} == {LAYOUT}
    assert all(isinstance(r.form, ProjectTarget) and r.form.layout == LAYOUT for r in forms)


def test_no_year_on_the_sheet_every_sheet_asks_for_it(book) -> None:
    path, _sheets = book
    readings = read_sheets(path)
    assert {r.status for r in readings} == {SheetStatus.REFUSED}
    assert {r.needs for r in readings} == {"year"}


def test_the_year_is_the_clerks_even_where_a_goal_names_another(book) -> None:
    path, sheets = book
    assert "2023年度" in str(sheets[0].values["goal"])
    forms = [r.form for r in read_sheets(path, ReadOptions(year=2024)) if r.form]
    assert {form.year for form in forms} == {2024}


def test_a_code_stored_as_a_number_refuses_that_sheet_only(book) -> None:
    path, sheets = book
    cut = sheets[3].name
    readings = read_sheets(path, ReadOptions(year=2024))
    refused = [r for r in readings if r.form is None]
    assert [(r.sheet, r.status, r.needs) for r in refused] == [(cut, SheetStatus.REFUSED, "code")]
    assert refused[0].message.startswith(f"{cut}!B2：") and "\n" not in refused[0].message
    given = read_sheets(path, ReadOptions(year=2024, codes={cut: FULL_CODE}))
    assert all(r.form is not None for r in given) and len(given) == 20
    assert given[3].form.project_code == FULL_CODE
    assert [r.form.project_code for r in given if r.sheet != cut] == \
        [s.values["code"] for s in sheets if s.name != cut]


@pytest.mark.parametrize("index", [0, 2, 4, 5], ids=["plain", "spaced", "bare", "broken"])
def test_header_fields_whatever_the_labels_look_like(book, index: int) -> None:
    path, sheets = book
    sheet = sheets[index]
    form = read_sheets(path, ReadOptions(year=2024))[index].form
    assert (form.project_code, form.project_name, form.applicant_unit) == (
        sheet.values["code"], sheet.values["name"], sheet.values["unit"])
    assert form.details == {DETAIL_KEYS[key]: str(sheet.values[key]) for key in DETAIL_KEYS}
    assert form.budget == {"midterm_total_amount": Decimal(str(sheet.values["total"])),
                           "current_year_amount": Decimal(str(sheet.values["current"]))}


@pytest.mark.parametrize("index", [6, 7], ids=["numbers", "text-with-unit"])
def test_amounts_in_wan_are_exact(book, index: int) -> None:
    path, _sheets = book
    form = read_sheets(path, ReadOptions(year=2024))[index].form
    assert form.budget["midterm_total_amount"] == Decimal("42.3744")
    assert str(form.budget["midterm_total_amount"]) == "42.3744"
    assert form.budget["current_year_amount"] == Decimal(0)


def test_an_amount_in_another_unit_refuses_the_sheet_naming_the_cell(tmp_path: Path) -> None:
    sheet = project(1, total="423744元")
    [reading] = read_sheets(write(tmp_path / "yuan.xlsx", [sheet]), ReadOptions(year=2024))
    assert reading.status is SheetStatus.REFUSED and reading.form is None
    assert reading.message.startswith(f"{sheet.name}!B6：项目总金额（中期规划，万元） 不是数字")


def test_indicator_rows_with_full_level_names_and_placeholders(book) -> None:
    path, sheets = book
    form = read_sheets(path, ReadOptions(year=2024))[0].form
    got = [(i.level1, i.level2, i.name, i.target, i.explanation) for i in form.indicators]
    expected = [(_full(level1), _full(level2), *line)
                for level1, level2, *line in _expected_rows(sheets[0])]
    assert got == expected
    assert {level1 for level1, *_ in got} <= set(load_profile().taxonomy.levels)
    assert ("效益指标", "可持续影响指标", "不适用", "不适用", "不适用") in got
    assert ("产出指标", "时效指标", "服务响应时间", "3个工作日", "报修后3个工作日内处理") in got


def test_a_bare_frame_is_a_form_without_indicators(book) -> None:
    path, sheets = book
    form = read_sheets(path, ReadOptions(year=2024))[1].form
    assert form is not None and form.indicators == []
    assert form.project_name == sheets[1].values["name"]


def test_short_names_are_data_of_the_taxonomy() -> None:
    taxonomy = load_profile().taxonomy
    assert taxonomy.full_level1("满意度") == "满意度指标"
    assert taxonomy.full_level2("效益指标", "可持续影响") == "可持续影响指标"
    assert taxonomy.full_level2("产出目标", "数量") == "数量"     # another framework's 二级
    assert taxonomy.full_level1("投入与管理") == "投入与管理"


# ---------------------------------------------------------------- export


def _exported(form: ProjectTarget, tmp_path: Path):
    path = write_workbook(form, tmp_path / "export.xlsx")
    return path, load_workbook(path).active


def test_export_prints_the_layout(book, tmp_path: Path) -> None:
    path, _sheets = book
    form = read_sheets(path, ReadOptions(year=2024))[0].form
    _out, sheet = _exported(form, tmp_path)
    assert sheet.max_column == 5 and sheet["A1"].value == TITLE
    assert [sheet.cell(row, 1).value for row in range(2, 11)] == [
        f"{LABELS[key]}：" for key in ("code", "unit", "period", "new", "total", "policy", "calc",
                                      "goal", "long_goal")]
    assert [sheet.cell(row, 4).value for row in range(2, 7)] == [
        f"{LABELS[key]}：" for key in ("name", "budget_unit", "type", "method", "current")]
    assert [c.value for c in sheet[11]] == ["一级指标", "二级指标", "三级指标", "目标值", "指标解释"]
    assert sheet.cell(sheet.max_row, 1).value == NOTE
    label_fill = sheet["A2"].fill.fgColor.rgb
    for row in range(2, 12):
        for cell in sheet[row]:
            if isinstance(cell.value, str) and (cell.value.endswith("：") or row == 11):
                assert cell.protection.locked and cell.fill.fgColor.rgb == label_fill
    values = ["B2", "E2", "B3", "E3", "B4", "E4", "B5", "E5", "B6", "E6", "B7", "B8", "B9", "B10"]
    assert all(not sheet[ref].protection.locked for ref in values)
    assert sheet.protection.sheet is True


def test_export_merges_only_what_the_layout_merges(book, tmp_path: Path) -> None:
    path, _sheets = book
    form = read_sheets(path, ReadOptions(year=2024))[0].form
    _out, sheet = _exported(form, tmp_path)
    last = sheet.max_row
    allowed = {"A1:E1", *(f"B{r}:C{r}" for r in range(2, 7)), *(f"B{r}:E{r}" for r in range(7, 11)),
               f"A{last}:E{last}"}
    for merged in sheet.merged_cells.ranges:
        if merged.coord in allowed:
            continue
        assert merged.min_col == merged.max_col <= 2 and 12 <= merged.min_row < last, merged.coord


def test_export_then_import_gives_the_same_form(book, tmp_path: Path) -> None:
    path, _sheets = book
    for index in (0, 1, 6):
        form = read_sheets(path, ReadOptions(year=2024))[index].form
        out = write_workbook(form, tmp_path / f"{index}.xlsx")
        assert read_workbook(out, ReadOptions(year=2024)) == form


def test_amounts_keep_their_decimals_in_the_cell(book, tmp_path: Path) -> None:
    path, _sheets = book
    form = read_sheets(path, ReadOptions(year=2024))[6].form
    _out, sheet = _exported(form, tmp_path)
    cell = sheet["B6"]
    assert Decimal(str(cell.value)) == form.budget["midterm_total_amount"]
    assert "0.00##" in cell.number_format


def test_the_frame_is_printed_for_empty_second_levels_and_dropped_again(tmp_path: Path) -> None:
    form = ProjectTarget(year=2024, layout=LAYOUT, project_code=FULL_CODE, project_name="测试项目",
                         indicators=[Indicator("产出指标", "质量指标", "验收合格率", "100%"),
                                     Indicator("满意度指标", "其他满意度指标", "满意度", "≥90%")])
    out, sheet = _exported(form, tmp_path)
    taxonomy = load_profile().taxonomy
    pairs = [(level1, level2) for level1, names in taxonomy.levels.items() for level2 in names]
    printed = [(sheet.cell(r, 1).value, sheet.cell(r, 2).value)
               for r in range(12, sheet.max_row)]
    seen_level1 = None
    rows = []
    for level1, level2 in printed:      # merged cells show their value on the first row
        seen_level1 = level1 or seen_level1
        rows.append((seen_level1, level2))
    assert rows == pairs
    back = read_workbook(out, ReadOptions(year=2024))
    assert typed_fields(back) == typed_fields(_blank_fields_filled(form))


def _blank_fields_filled(form: ProjectTarget) -> ProjectTarget:
    """The form as the sheet carries it: every field the layout prints, blank if unset."""
    budget = {key: form.budget.get(key) for key in ("midterm_total_amount", "current_year_amount")}
    return replace(form, details={key: form.details.get(key, "") for key in DETAIL_KEYS.values()},
                   budget=budget)


def test_a_form_made_in_the_app_round_trips(tmp_path: Path) -> None:
    form = ProjectTarget(
        year=2025, layout=LAYOUT, project_code=FULL_CODE, project_name="社区党群服务中心运营",
        applicant_unit="新桥街道", details={"primary_budget_unit": "新桥街道办事处", "project_type": "15 其他经费",
                                        "annual_goal": "=完成运营", "long_term_goal": ""},
        budget={"midterm_total_amount": Decimal("123.456789"), "current_year_amount": None},
        indicators=[Indicator("产出指标", "数量指标", "活动场次", "≥24场", explanation="全年")])
    back = read_workbook(write_workbook(form, tmp_path / "app.xlsx"), ReadOptions(year=2025))
    assert back == _blank_fields_filled(form)
