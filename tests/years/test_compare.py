"""Two years side by side: rows aligned by 一级 / 二级 / name, changes flagged."""

from __future__ import annotations

import copy
from decimal import Decimal

from desktop.forms import Indicator
from desktop.years.compare import NO_FIGURE, RowStatus, compare


def _years(form):
    """The sample as its 2023 form, and a 2024 form where 实有人口信息采集率 is renamed
    slightly and its target raised."""
    earlier = copy.deepcopy(form)
    earlier.year = 2023
    current = copy.deepcopy(earlier)
    current.year = 2024
    current.indicators[1].name = "实有人口信息采集登记率"
    current.indicators[1].target = "98%以上"
    return current, earlier


def test_a_renamed_indicator_with_a_new_target_stays_aligned(grid_info):
    current, earlier = _years(grid_info)
    result = compare(current, earlier)
    row = result.rows[1]
    assert (row.current.index, row.earlier.index) == (1, 1)
    assert (row.current.name, row.earlier.name) == ("实有人口信息采集登记率", "实有人口信息采集率")
    assert (row.current.target, row.earlier.target) == ("98%以上", "97%以上")
    assert row.status is RowStatus.CHANGED and row.renamed
    assert row.changed == {"name", "target"}
    assert (row.level1, row.level2) == ("产出指标", "质量指标")
    assert [r.status for r in result.rows].count(RowStatus.SAME) == len(result.rows) - 1
    assert result.summary_line() == "与 2023 年相比：1 项指标有变化，新增 0 项，删除 0 项"


def test_moved_rows_reordered_within_their_group_still_pair(grid_info):
    current, earlier = _years(grid_info)
    current.indicators[2], current.indicators[3] = current.indicators[3], current.indicators[2]
    pairs = {(row.current.index, row.earlier.index) for row in compare(current, earlier).rows}
    assert {(1, 1), (2, 3), (3, 2)} <= pairs


def test_weights_scores_actuals_and_reasons_are_flagged_but_width_is_not(grid_info):
    current, earlier = _years(grid_info)
    current.indicators[0].weight, current.indicators[0].score = Decimal("8"), Decimal("7.5")
    current.indicators[0].deviation = "采购延迟"
    current.indicators[2].actual = "９９．９４％"          # full-width, the same value
    current.indicators[3].target = "低于 3%"               # a space, the same target
    current.indicators[4].actual = "98%"
    rows = compare(current, earlier).rows
    assert rows[0].changed == {"weight", "score", "deviation"}
    assert (rows[0].current.deviation, rows[0].earlier.deviation) == ("采购延迟", "")
    assert (rows[0].current.weight, rows[0].earlier.weight) == ("8.00", "10.00")
    assert (rows[0].current.score, rows[0].earlier.score) == ("7.50", "10.00")
    assert rows[2].status is RowStatus.SAME and rows[3].status is RowStatus.SAME
    assert rows[4].changed == {"actual"}


def test_a_row_differing_only_in_what_the_table_does_not_show_is_the_same(grid_info):
    current, earlier = _years(grid_info)
    current.indicators[0].unit = "套"
    current.indicators[0].explanation = "含身份证读卡器"
    result = compare(current, earlier)
    assert result.rows[0].status is RowStatus.SAME and result.rows[0].changed == frozenset()
    assert result.summary_line() == "与 2023 年相比：1 项指标有变化，新增 0 项，删除 0 项"


def test_added_and_removed_rows_show_where_they_belong(grid_info):
    current, earlier = _years(grid_info)
    removed = current.indicators.pop(3)                    # 实有人口信息未注销率 dropped
    current.indicators.insert(5, Indicator("产出指标", "成本指标", "单位采集成本", "≤10元/条",
                                           weight=Decimal("5")))
    rows = compare(current, earlier).rows
    statuses = [(row.status, (row.current or row.earlier).name) for row in rows]
    assert statuses[3] == (RowStatus.REMOVED, removed.name)
    assert statuses[6] == (RowStatus.ADDED, "单位采集成本")
    assert rows[3].level2 == "质量指标" and rows[6].level2 == "成本指标"
    assert rows[3].changed == rows[6].changed == frozenset()


def test_a_different_indicator_in_another_place_is_not_taken_for_a_rename(grid_info):
    current, earlier = _years(grid_info)
    current.indicators[0].name = "终端设备维护次数"
    rows = compare(current, earlier).rows
    assert [(row.status, row.level2) for row in rows[:3]] == [
        (RowStatus.REMOVED, "数量指标"), (RowStatus.ADDED, "数量指标"), (RowStatus.CHANGED, "质量指标")]


def test_funds_and_totals_of_both_years_with_their_changes(grid_info, digital_city):
    later = copy.deepcopy(digital_city)
    later.year, later.project_code = 2023, grid_info.project_code
    result = compare(later, grid_info)
    assert result.current.funds.rate == "99.32" and result.current.funds.score == "9.93"
    assert result.earlier.funds.rate == "100.00" and result.earlier.funds.score == "10.00"
    assert (result.current.total, result.earlier.total) == ("99.93", "100.00")
    assert (result.current.grade, result.earlier.grade) == ("优", "优")
    assert result.total_changed
    assert result.funds_changed == {"initial", "annual", "executed", "rate", "score"}
    assert result.current.goal_expected == digital_city.goal_expected


def test_a_target_form_against_a_self_evaluation_flags_no_scores(store, grid_info):
    from desktop.forms import FormKind
    from desktop.years.carry import carry_forward
    target = carry_forward(grid_info, 2023, FormKind.PROJECT_TARGET)
    target.indicators[1].target = "98%以上"
    result = compare(target, grid_info)
    assert (result.current.total, result.current.grade, result.current.funds) == \
        (NO_FIGURE, NO_FIGURE, None)
    assert result.rows[1].changed == {"target"}
    assert result.rows[1].current.score == "" and result.rows[1].earlier.score == "10.00"
    assert not result.total_changed and result.funds_changed == frozenset()
