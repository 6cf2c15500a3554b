"""Teaching a layout, Qt-free: the proposal for a sheet nobody ships a layout for, the
clerk's corrections, what cannot be saved, and the layout file it becomes."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from learn_books import CODE, PROJECT, UNIT, county_target, county_workbook
from workbooks import cover, exported, write_book

from desktop.forms import FormKind
from desktop.layouts import forget_layouts, layout_names
from desktop.template.learn import DETAIL, EXTRA, IGNORE, for_kind, layout_data, propose
from desktop.template.reader import load_grids, read_sheets
from desktop.user_layouts import (
    UserLayoutError,
    read_user_layout,
    remove_user_layout,
    rename_user_layout,
    save_user_layout,
    user_layout_paths,
    user_layouts,
    user_layouts_dir,
)

pytestmark = pytest.mark.usefixtures("taught_layouts")


@pytest.fixture
def county(tmp_path):
    return load_grids(county_workbook(tmp_path))[0]


def fields(choices) -> dict[str, str]:
    return {choice.label: choice.field for choice in choices}


def test_an_unknown_layout_is_refused_before_it_is_taught(tmp_path):
    [reading] = read_sheets(county_workbook(tmp_path))
    assert reading.form is None and "找不到指标表头" in reading.message


def test_the_county_sheet_is_proposed_column_by_column(county):
    proposal = propose(county)
    assert (proposal.sheet, proposal.kind, proposal.title, proposal.header_row) == (
        "县级目标", FormKind.PROJECT_TARGET, "2024年项目绩效目标表", 5)
    assert fields(proposal.columns) == {"序号": IGNORE, "指标层级一": "level1",
                                        "指标层级二": "level2", "考核内容": "name",
                                        "年度目标": "target", "考核方法": EXTRA}
    assert [c.sample for c in proposal.columns] == ["1", "产出指标", "数量指标", "受益学生人数",
                                                    "≥1200人", "查阅受助学生名册"]
    assert [(h.label, h.field, h.sample) for h in proposal.headers] == [
        ("项目代码：", "project_code", CODE), ("单位：", "applicant_unit", UNIT),
        ("项目：", "project_name", PROJECT)]
    assert proposal.problems() == []


def test_a_sheet_without_an_indicator_header_gets_no_proposal(tmp_path):
    book = write_book(tmp_path / "说明.xlsx", [("说明", cover)])
    assert propose(load_grids(book)[0]) is None


def test_the_layout_file_holds_the_mapping(county):
    data = layout_data(propose(county))
    assert data["kind"] == "project_target" and data["titles"] == ["2024年项目绩效目标表"]
    assert data["indicator_columns"] == [
        {"field": "level1", "label": "指标层级一"}, {"field": "level2", "label": "指标层级二"},
        {"field": "name", "label": "考核内容"}, {"field": "target", "label": "年度目标"}]
    assert data["header"] == [{"field": "project_code", "label": "项目代码"},
                              {"field": "applicant_unit", "label": "单位"},
                              {"field": "project_name", "label": "项目"}]
    assert data["extra_columns"] == ["考核方法"]
    assert "序号" in data["signature"] and "sheet" not in data   # exports in the standard one


def test_corrections_change_what_is_saved(county):
    proposal = propose(county).with_column(6, IGNORE).with_column(1, EXTRA) \
        .with_header(2, 4, DETAIL)
    data = layout_data(proposal)
    assert data["extra_columns"] == ["序号"]
    assert {"field": "applicant_unit", "label": "单位"} not in data["header"]
    assert data["labels"] == {"details.单位": "单位"}
    with pytest.raises(ValueError):
        proposal.with_header(2, 1, "unit_name")    # not a field of a project's target


def test_what_cannot_be_saved_is_said(county):
    proposal = propose(county)
    assert proposal.with_column(4, IGNORE).problems() == ["请指定哪一列是三级指标（指标名称）"]
    assert proposal.with_column(2, EXTRA).problems() == []    # found beside 指标层级二
    alone = proposal.with_column(2, EXTRA).with_column(3, EXTRA).with_column(5, EXTRA)
    assert alone.problems() == [
        "除三级指标（指标名称）外，请至少再指定一列（如一级指标），以便找到指标表头"]
    assert proposal.with_column(6, "target").problems() == ["“指标值”对应了多列"]
    assert proposal.with_header(3, 1, "project_code").problems() == ["“项目编码”对应了多个单元格"]


def test_a_printed_label_claims_its_field_before_a_guessed_one(tmp_path):
    def sheet(ws):
        county_target(ws)
        ws["G5"], ws["G6"] = "指标值", "1200人"
    proposal = propose(load_grids(write_book(tmp_path / "b.xlsx", [("县级目标", sheet)]))[0])
    assert fields(proposal.columns)["指标值"] == "target"
    assert fields(proposal.columns)["年度目标"] == EXTRA


def test_a_shared_synonym_always_means_its_field(tmp_path):
    """分值 is read as the points by every layout: mapping it to the score would save
    a layout that reads something else than the clerk saw."""
    def sheet(ws):
        county_target(ws)
        ws["G5"], ws["G6"] = "分值", 20
    proposal = propose(load_grids(write_book(tmp_path / "b.xlsx", [("县级目标", sheet)]))[0])
    assert fields(proposal.columns)["分值"] == "weight" and proposal.problems() == []
    assert proposal.with_column(7, "score").problems() == [
        "「分值」是“分值/权重”的通用名称，读取时总会当作分值/权重：请把它对应为“分值/权重”"]


def test_another_kind_guesses_the_header_cells_again(county):
    proposal = propose(county).with_column(6, IGNORE)
    unit = for_kind(proposal, county, FormKind.UNIT_TARGET)
    assert unit.columns == proposal.columns       # the clerk's column choices stay
    assert fields(unit.headers) == {"项目代码：": DETAIL, "单位：": "unit_name", "项目：": DETAIL}


def test_a_taught_self_evaluation_reads_its_funds_and_outscores_its_look_alike(tmp_path):
    """A district's 自评表 with its own names for the three levels: the shipped layout it
    resembles would take it (and refuse it); the taught one, which knows every label
    the sheet shows, takes it and reads the funds block by its kind's standard labels."""
    renamed = {"一级指标": "指标层级一", "二级指标": "指标层级二", "三级指标": "考核内容"}

    def sheet(ws):
        exported("longhua-2022-grid-info")(ws)
        for cell in (cell for row in ws.iter_rows() for cell in row):
            if cell.value in renamed:
                cell.value = renamed[cell.value]
    book = write_book(tmp_path / "自评.xlsx", [("自评", sheet)])
    [before] = read_sheets(book)
    assert before.form is None and before.layout == "district-2022"
    proposal = propose(load_grids(book)[0])
    assert proposal.kind is FormKind.SELF_EVALUATION and proposal.problems() == []
    assert fields(proposal.columns)["年度绩效指标"] == IGNORE    # the block's title
    name = save_user_layout(layout_data(proposal), "某区自评表")
    [after] = read_sheets(book)
    assert after.layout == name and after.form is not None, after.message
    assert after.form.funds.fiscal.executed == Decimal("4617360")
    assert len(after.form.indicators) == 14


# ---------------------------------------------------------------- the user's folder


def test_a_saved_layout_is_a_file_in_the_user_data_folder(county, taught_layouts):
    name = save_user_layout(layout_data(propose(county)), "  某某县 项目目标表 ")
    assert name == "learned-1"
    path = taught_layouts / "jixiao" / "layouts" / "learned-1.json"
    assert user_layouts_dir() == path.parent and user_layout_paths() == {name: path}
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert (saved["name"], saved["description"], saved["learned"]) == (
        "learned-1", "某某县 项目目标表", True)
    assert saved["indicator_columns"][2] == {"field": "name", "label": "考核内容"}
    assert [(u.name, u.description, u.kind) for u in user_layouts()] == [
        ("learned-1", "某某县 项目目标表", "project_target")]


def test_renaming_keeps_the_name_forms_store(county):
    name = save_user_layout(layout_data(propose(county)), "县目标")
    rename_user_layout(name, "某某县项目目标表")
    assert read_user_layout(name)["description"] == "某某县项目目标表"
    with pytest.raises(UserLayoutError, match="不能为空"):
        rename_user_layout(name, "   ")
    with pytest.raises(UserLayoutError, match="找不到"):
        rename_user_layout("learned-9", "x")


def test_a_removed_layouts_name_is_never_given_again(county, taught_layouts):
    data = layout_data(propose(county))
    first, second = save_user_layout(data, "一"), save_user_layout(data, "二")
    remove_user_layout(second)
    assert list(user_layout_paths()) == [first]
    assert (taught_layouts / "jixiao" / "layouts" / "removed" / "learned-2.json").is_file()
    assert save_user_layout(data, "三") == "learned-3"   # a form of learned-2 meets no stranger
    with pytest.raises(UserLayoutError):
        remove_user_layout(second)


def test_layouts_are_listed_in_the_order_they_were_taught(county):
    data = layout_data(propose(county))
    names = [save_user_layout(data, str(i)) for i in range(11)]
    assert list(user_layout_paths()) == names      # learned-2 before learned-10


def test_a_blank_name_or_a_damaged_file_is_no_layout(county, taught_layouts):
    with pytest.raises(UserLayoutError, match="起一个名字"):
        save_user_layout(layout_data(propose(county)), " ")
    folder = taught_layouts / "jixiao" / "layouts"
    folder.mkdir(parents=True)
    (folder / "learned-1.json").write_text("{not json", encoding="utf-8")
    (folder / "learned-2.json").write_text('{"name": "learned-2", "kind": "budget"}',
                                           encoding="utf-8")
    (folder / "mine.json").write_text("{}", encoding="utf-8")    # not ours: left alone
    assert read_user_layout("learned-1") is None and read_user_layout("learned-2") is None
    assert user_layout_paths() == {} and user_layouts() == []
    forget_layouts()
    assert layout_names(FormKind.PROJECT_TARGET)     # the shipped layouts still load


def test_a_taught_layout_reads_every_later_file_of_its_shape(county, tmp_path):
    name = save_user_layout(layout_data(propose(county)), "某某县项目目标表")
    assert name in layout_names(FormKind.PROJECT_TARGET)

    def next_year(ws):
        county_target(ws)
        ws["A1"], ws["B2"], ws["D7"] = "2025年项目绩效目标表", "XM-2025-003", "食物中毒事件"
    book = write_book(tmp_path / "2025.xlsx", [("Sheet1", next_year)])
    [reading] = read_sheets(book)
    form = reading.form
    assert reading.layout == name and form is not None, reading.message
    assert (form.year, form.code, form.name, form.applicant_unit) == (
        2025, "XM-2025-003", PROJECT, UNIT)
    assert [(i.level1, i.level2, i.name, i.target, i.extra["考核方法"])
            for i in form.indicators][:2] == [
        ("产出指标", "数量指标", "受益学生人数", "≥1200人", "查阅受助学生名册"),
        ("产出指标", "质量指标", "食物中毒事件", "0起", "现场检查")]
    assert len(form.indicators) == 5       # the footer under the table is no indicator
