"""The side-by-side table as the clerk reads it: which columns, which rows say 有变化,
what a changed cell's tooltip tells, without Qt."""

from __future__ import annotations

import copy

from desktop.forms import FormKind
from desktop.presenters.compare_table import CompareTable
from desktop.years.carry import carry_forward
from desktop.years.compare import compare

ACTUAL_ROW, REASON_ROW, UNIT_ROW = 2, 4, 0
"""Rows of the grid-info sample: 实有人口信息准确率, 通讯服务发放及时性, 服务套数."""


def _years(form):
    """The sample as its 2023 form, and a 2024 form differing in one row's actual (still
    above its target, so its score stays), one row's reason and one row's unit."""
    earlier = copy.deepcopy(form)
    earlier.year = 2023
    current = copy.deepcopy(earlier)
    current.year = 2024
    current.indicators[ACTUAL_ROW].actual = "98.50%"
    current.indicators[REASON_ROW].deviation = "部分终端到货延迟，已于次月补发完毕"
    current.indicators[UNIT_ROW].unit = "套"
    return current, earlier


def _row_of(table: CompareTable, name: str) -> int:
    column = table.column_of("name")
    return next(r for r in range(table.row_count()) if table.cell(r, column).text == name)


def _changed_rows(table: CompareTable) -> set[int]:
    status = table.column_of("status")
    return {r for r in range(table.row_count()) if table.cell(r, status).text == "有变化"}


def test_only_rows_with_a_shown_difference_are_marked_and_the_summary_agrees(grid_info):
    current, earlier = _years(grid_info)
    comparison = compare(current, earlier)
    table = CompareTable(comparison)
    names = [current.indicators[i].name for i in (ACTUAL_ROW, REASON_ROW, UNIT_ROW)]
    actual_row, reason_row, unit_row = (_row_of(table, name) for name in names)
    assert _changed_rows(table) == {actual_row, reason_row}
    assert unit_row not in _changed_rows(table)
    assert f"{len(_changed_rows(table))} 项指标有变化" in comparison.summary_line()


def test_the_changed_actual_names_the_earlier_years_value(grid_info):
    current, earlier = _years(grid_info)
    table = CompareTable(compare(current, earlier))
    row = _row_of(table, current.indicators[ACTUAL_ROW].name)
    now = table.cell(row, table.column_of("actual", "current"))
    before = table.cell(row, table.column_of("actual", "earlier"))
    assert now.text == current.indicators[ACTUAL_ROW].actual and now.overridden
    assert before.text == earlier.indicators[ACTUAL_ROW].actual and before.overridden
    assert now.hint == f"2023 年：{before.text}"
    status = table.cell(row, table.column_of("status"))
    assert status.hint == "变化：实际完成值"


def test_both_years_of_every_shown_field_then_the_status(grid_info):
    current, earlier = _years(grid_info)
    table = CompareTable(compare(current, earlier))
    headers = [table.header(c) for c in range(table.column_count())]
    paired = [f"{label}\n{year}" for label in ("年度指标值", "实际完成值", "分值", "得分", "偏差原因")
              for year in (2023, 2024)]
    assert headers == ["一级指标", "二级指标", "三级指标", *paired, "变化"]


def test_a_long_reason_is_cut_short_in_its_cell_and_whole_in_the_tooltip(grid_info):
    current, earlier = _years(grid_info)
    reason = "因民意速办平台和民生诉求一体化平台咨询投诉举报增多导致工单数量增长，已增派人手处理"
    current.indicators[REASON_ROW].deviation = reason
    table = CompareTable(compare(current, earlier))
    cell = table.cell(_row_of(table, current.indicators[REASON_ROW].name),
                      table.column_of("deviation", "current"))
    assert cell.text.endswith("…") and len(cell.text) < len(reason)
    assert reason.startswith(cell.text[:-1])
    assert reason in cell.hint.replace("\n", "")
    assert "2023 年：（空）" in cell.hint


def test_a_target_form_has_no_scores_and_its_missing_actuals_are_no_change(grid_info):
    target = carry_forward(grid_info, 2023, FormKind.PROJECT_TARGET)
    table = CompareTable(compare(target, grid_info))
    headers = [table.header(c) for c in range(table.column_count())]
    assert not any(header.startswith("得分") for header in headers)
    assert "实际完成值\n2022" in headers and "实际完成值\n2023" in headers
    actual = table.column_of("actual", "current")
    assert all(table.cell(r, actual).computed and table.cell(r, actual).text == ""
               for r in range(table.row_count()))
    assert _changed_rows(table) == set()
