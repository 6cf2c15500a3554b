"""The kind of form a sheet holds comes from its title (resources/recognition/kinds.json)."""

from __future__ import annotations

import pytest

from desktop.template.grid import Grid
from desktop.template.kinds import MONITORING, seemed_to_be, sheet_title


def _grid(*rows: tuple[str, ...]) -> Grid:
    grid = Grid("Sheet1")
    for number, row in enumerate(rows, start=1):
        for column, text in enumerate(row, start=1):
            if text:
                grid.values[(number, column)] = text
    grid.max_row = len(rows)
    grid.max_column = max(map(len, rows))
    return grid


@pytest.mark.parametrize(("title", "kind"), [
    ("项目支出绩效自评表", "self_evaluation"),
    ("项目支出绩效自评表（2021年度）", "self_evaluation"),
    ("2021年度项目支出绩效自评表", "self_evaluation"),
    ("二级项目支出绩效目标申报表", "project_target"),
    ("财政项目支出绩效目标表", "project_target"),
    ("项目申报表", "project_target"),
    ("2023年市级部门整体预算绩效目标表", "unit_target"),
    ("部门（单位）整体支出绩效目标表", "unit_target"),
    ("项目支出绩效目标执行监控表", MONITORING),
    ("支出明细表", None),
])
def test_the_title_names_the_kind(title: str, kind: str | None) -> None:
    assert sheet_title(_grid((title,), ("项目名称", "某项目"))).kind == kind


def test_the_title_may_stand_below_a_note_and_be_spaced() -> None:
    grid = _grid(("附件2",), ("", "项 目 支 出 绩 效 目 标 执 行 监 控 表"), ("( 2019年度)",))
    found = sheet_title(grid)
    assert (found.kind, found.text) == (MONITORING, "项目支出绩效目标执行监控表")


def test_a_label_is_no_title_and_a_sheet_without_one_says_what_it_holds() -> None:
    grid = _grid(("单位：万元",), ("项目基本信息",), ("项目名称", "某项目"))
    assert sheet_title(grid).kind is None
    assert seemed_to_be(grid) == "单位：万元"
