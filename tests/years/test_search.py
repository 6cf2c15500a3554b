"""Search across all years: codes, names, indicator names and goals, width-insensitive."""

from __future__ import annotations

import copy

import pytest

from desktop.years.search import search


@pytest.fixture
def filled(service, grid_info, digital_city, guangming):
    ids = {}
    for form in (grid_info, digital_city, guangming):
        ids[form.project_name], _ = service.create_form(form)
    later = copy.deepcopy(grid_info)
    later.year = 2023
    ids["2023"], _ = service.create_form(later)
    return ids


@pytest.fixture(params=["full text", "scan"])
def either_path(request, filled, service, monkeypatch):
    """Every search test runs against the trigram index and against the plain scan."""
    if request.param == "scan":
        monkeypatch.setattr(service.store, "_full_text", False)
    else:
        assert service.store._has_full_text(), "this SQLite lacks FTS5 with trigrams"
    return filled


def test_a_hit_in_a_goal_text(service, either_path):
    hits = search(service.store, "未注销率低于3%")
    assert [(hit.year, hit.where) for hit in hits] == [(2023, "预期目标"), (2022, "预期目标")]
    hit = hits[0]
    assert hit.snippet[hit.start:hit.start + hit.length] == "未注销率低于3%"
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert hit.row is None and hit.name == "网格信息采集工作"


def test_a_hit_in_the_actual_completion_text(service, either_path):
    [hit] = search(service.store, "97.11%")[:1]
    assert hit.where == "实际完成情况"


def test_search_ignores_width_case_and_spaces(service, either_path, filled):
    opened = service.open(filled["市场监督管理综合事务"])
    service.set_cell(opened, 0, "name", "ＡＢＣ后勤经费保障伙食人员数量")
    for query in ("abc后勤", "ＡＢＣ后勤", "A B C 后勤", "aBc后勤"):
        [hit] = search(service.store, query)
        assert (hit.where, hit.row, hit.snippet) == ("三级指标", 0, "ＡＢＣ后勤经费保障伙食人员数量")
        assert hit.snippet[hit.start:hit.start + hit.length] == "ＡＢＣ后勤"
    [hit] = search(service.store, "４４０３００２２１２３１")
    assert (hit.where, hit.code) == ("项目编码", "440300221231502000032")
    assert [hit.where for hit in search(service.store, "（系统操作员）")] == ["项目名称"]


def test_code_and_name_matches_come_first_then_newest_year(service, either_path):
    hits = search(service.store, "网格")
    assert [(hit.where, hit.year) for hit in hits[:2]] == [("项目名称", 2023), ("项目名称", 2022)]


def test_short_queries_and_misses(service, either_path):
    assert {hit.where for hit in search(service.store, "话务")} >= {"三级指标"}
    assert search(service.store, "宙") == []
    assert search(service.store, "  ") == []
    assert len(search(service.store, "率", limit=2)) == 2


def test_the_index_follows_edits_deletions_and_undo(service, either_path, filled):
    form_id = filled["数字化城管信息系统运行项目（系统操作员）"]
    opened = service.open(form_id)
    assert [hit.where for hit in search(service.store, "督查检查")] == ["三级指标"]
    service.set_cell(opened, 1, "name", "督查巡检频次")
    assert [hit.where for hit in search(service.store, "督查检查")] == ["预期目标"]
    assert [hit.form_id for hit in search(service.store, "巡检频次")] == [form_id]
    step = service.delete_form(form_id)
    assert search(service.store, "巡检频次") == []
    service.undo_form_step(step)
    assert [hit.row for hit in search(service.store, "巡检频次")] == [1]


def test_target_forms_are_found_by_their_own_goal_texts(service, either_path):
    from conftest import load_sample
    shanghai, _ = service.create_form(load_sample("shanghai-2020-target"))
    unit, _ = service.create_form(load_sample("shenzhen-2023-unit-target"))
    [hit] = search(service.store, "始终位于各委办部门前列")
    assert (hit.form_id, hit.where) == (shanghai, "总目标及阶段性目标")
    unit_goal = service.store.load_form(unit).goal
    [hit] = search(service.store, unit_goal[5:15])
    assert (hit.form_id, hit.where) == (unit, "年度总体目标")


def test_a_renamed_indicator_is_found_at_once_and_an_edited_actual_changes_nothing(service):
    from conftest import load_sample
    from desktop.years.search import search
    form_id, _ = service.create_form(load_sample("longhua-2022-grid-info"))
    opened = service.open(form_id)
    service.set_cell(opened, 0, "name", "通讯终端维护套数")
    assert [hit.form_id for hit in search(service.store, "通讯终端维护")] == [form_id]
    service.set_cell(opened, 0, "actual", "3000")
    assert [hit.form_id for hit in search(service.store, "通讯终端维护")] == [form_id]
    assert search(service.store, "身份证信息读取") == []


def test_the_goal_of_a_declaration_is_searched_in_its_layouts_field(service) -> None:
    from desktop.forms import ProjectTarget
    form = ProjectTarget(year=2024, project_code="440306", project_name="社区工作站经费",
                         layout="shenzhen-project-target",
                         details={"annual_goal": "保障工作站物业后勤正常运转"})
    form_id, _ = service.create_form(form)
    [hit] = search(service.store, "物业后勤")
    assert (hit.form_id, hit.snippet) == (form_id, "保障工作站物业后勤正常运转")
