"""The unit's year on one page: figures per form, sortable, exportable to xlsx."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.forms import FormKind, ProjectTarget
from desktop.years.overview import sort_rows, unit_overview
from desktop.years.overview_xlsx import export_overview_xlsx, overview_title

UNIT = "深圳市龙华区平安建设中心"


@pytest.fixture
def unit_year(store, grid_info, digital_city):
    """The two 2022 Longhua samples, a weaker third project and a target form."""
    weak = copy.deepcopy(digital_city)
    weak.project_code, weak.project_name = "440309210901500009999", "社区网格巡查"
    weak.indicators[0].score = Decimal("1")
    store.add_form(grid_info)
    store.add_form(digital_city)
    store.add_form(weak)
    store.add_form(ProjectTarget(year=2022, project_code="440309210901500000001",
                                 project_name="网格员培训", applicant_unit=UNIT))
    store.add_form(ProjectTarget(year=2022, project_name="别的单位的项目", applicant_unit="别的单位"))
    return store


def test_every_form_of_the_unit_and_year_with_its_figures(unit_year):
    rows = {row.name: row for row in unit_overview(unit_year, 2022, UNIT)}
    assert set(rows) == {"网格信息采集工作", "数字化城管信息系统运行项目（系统操作员）",
                         "社区网格巡查", "网格员培训"}
    digital = rows["数字化城管信息系统运行项目（系统操作员）"]
    assert (digital.total, digital.grade, digital.rate) == \
        (Decimal("99.93"), "优", Decimal("99.32"))
    assert rows["网格员培训"].kind is FormKind.PROJECT_TARGET
    assert rows["网格员培训"].text("total") == rows["网格员培训"].text("grade") == "—"


def test_sorted_by_total_either_way_target_forms_last(unit_year):
    rows = unit_overview(unit_year, 2022, UNIT)
    down = [row.text("total") for row in sort_rows(rows, "total", descending=True)]
    up = [row.text("total") for row in sort_rows(rows, "total")]
    assert down == ["100.00", "99.93", "94.93", "—"]
    assert up == ["94.93", "99.93", "100.00", "—"]
    assert [row.name for row in sort_rows(rows, "grade", descending=True)][-1] == "网格员培训"
    assert [row.findings for row in sort_rows(rows, "findings")] == \
        sorted(row.findings for row in rows)


def test_the_xlsx_has_a_title_numbers_as_numbers_and_prints_a4_landscape(unit_year, tmp_path):
    rows = sort_rows(unit_overview(unit_year, 2022, UNIT), "total", descending=True)
    path = export_overview_xlsx(rows, tmp_path / "一览.xlsx", overview_title(2022, UNIT))
    sheet = load_workbook(path).active
    assert sheet["A1"].value == f"2022 年度 {UNIT} 项目绩效一览"
    assert [cell.value for cell in sheet[2]] == \
        ["项目编码", "项目名称", "表格", "总分", "等级", "执行率（%）", "问题数"]
    first = list(sheet[3])
    assert first[0].value == "440309210901500007728" and first[0].data_type == "s"
    assert first[3].value == 100 and first[3].number_format == "0.00"
    assert first[5].value == 100 and first[5].number_format == "0.00"
    assert isinstance(first[6].value, int)
    assert [cell.value for cell in sheet[6]][3:6] == ["—", "—", "—"]
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.print_title_rows == "$2:$2"
    assert not list(tmp_path.glob(".*part"))        # written through a temporary file
