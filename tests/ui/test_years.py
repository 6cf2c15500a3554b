"""Prior years in the window: side by side, carry forward, unit overview, search, trend."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt

from conftest import load_sample


def _ids(window, name: str) -> dict[int, int]:
    return {s.year: s.id for s in window.workspace.service.store.list_forms() if s.name == name}


def add_earlier_year(window) -> int:
    """The 2022 grid-info project one year earlier, one indicator renamed and retargeted."""
    earlier = load_sample("longhua-2022-grid-info")
    earlier.year = 2021
    earlier.indicators = copy.deepcopy(earlier.indicators)
    earlier.indicators[1].name = "实有人口信息的采集率"        # 实有人口信息采集率 in 2022
    earlier.indicators[1].target = "95%以上"                    # 97%以上 in 2022
    form_id, _ = window.workspace.service.create_form(earlier)
    window.browser.refresh()
    return form_id


def test_side_by_side_aligns_a_renamed_indicator_and_marks_the_changed_target(window):
    from desktop.ui.compare_dialog import CompareDialog
    earlier_id = add_earlier_year(window)
    current_id = _ids(window, "网格信息采集工作")[2022]
    window.open_form(current_id)
    assert len(window.project_panel.others()) == 1
    dialog = CompareDialog(window.workspace.service.store, current_id, [earlier_id], window)
    model, table = dialog.model, dialog.table
    name_column = [c[0] for c in table.columns].index("name")
    row = next(r for r in range(model.rowCount())
               if "实有人口信息采集率" in model.index(r, name_column).data())
    assert "原：实有人口信息的采集率" in model.index(row, name_column).data()
    earlier_target = [c[:2] for c in table.columns].index(("target", "earlier"))
    current_target = [c[:2] for c in table.columns].index(("target", "current"))
    assert model.index(row, earlier_target).data() == "95%以上"
    assert model.index(row, current_target).data() == "97%以上"
    assert model.index(row, current_target).data(Qt.ItemDataRole.FontRole).bold()
    assert model.rowCount() == len(load_sample("longhua-2022-grid-info").indicators)


def _paired_columns(model) -> dict[str, tuple[int, int]]:
    """Header label → (earlier year's column, this year's), as the headers read."""
    found: dict[str, list[int]] = {}
    for column in range(model.columnCount()):
        label = model.headerData(column, Qt.Orientation.Horizontal).split("\n")[0]
        found.setdefault(label, []).append(column)
    return {label: (columns[0], columns[1]) for label, columns in found.items()
            if len(columns) == 2}


def test_side_by_side_marks_only_rows_where_a_shown_cell_differs(window):
    from desktop.ui.compare_dialog import CompareDialog
    store = window.workspace.service.store
    current_id = _ids(window, "网格信息采集工作")[2022]
    earlier = store.load_form(current_id)
    earlier.year = 2021
    earlier.indicators[2].actual = "98.50%"                 # 99.94% in 2022
    earlier.indicators[4].deviation = "部分终端到货延迟"       # none in 2022
    earlier.indicators[0].unit = "套"                        # not shown: no change
    earlier_id, _ = window.workspace.service.create_form(earlier)
    window.open_form(current_id)
    window.compare_with(earlier_id)
    dialog = window.findChild(CompareDialog)
    model = dialog.model
    paired = _paired_columns(model)
    assert {"年度指标值", "实际完成值", "分值", "得分", "偏差原因"} <= set(paired)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in paired["实际完成值"]] == \
        ["实际完成值\n2021", "实际完成值\n2022"]
    status = model.columnCount() - 1
    assert model.headerData(status, Qt.Orientation.Horizontal) == "变化"
    differing = {r for r in range(model.rowCount())
                 if any(model.index(r, a).data() != model.index(r, b).data()
                        for a, b in paired.values())}
    marked = {r for r in range(model.rowCount()) if model.index(r, status).data() == "有变化"}
    assert marked == differing and len(marked) == 2   # the actual, the reason; not the unit
    assert f"{len(marked)} 项指标有变化" in dialog.summary.text()
    before, now = paired["实际完成值"]
    row = next(r for r in marked if model.index(r, before).data() != model.index(r, now).data())
    assert model.index(row, now).data(Qt.ItemDataRole.ToolTipRole) == \
        f"2021 年：{model.index(row, before).data()}"
    assert model.index(row, now).data(Qt.ItemDataRole.BackgroundRole) is not None
    dialog.close()


def test_a_carried_forward_form_has_cleared_actuals_and_one_undo_removes_it(window, monkeypatch):
    from desktop.ui import project_panel
    monkeypatch.setattr(project_panel.CarryDialog, "exec", lambda self: 1)
    store = window.workspace.service.store
    source_id = _ids(window, "市场监督管理综合事务")[2024]
    before = len(store.list_forms())
    window.open_form(source_id)
    window.carry_forward(source_id)
    new = window.session.form
    assert new.year == 2025 and window.session.form_id != source_id
    assert all(row.actual == "" and row.score is None for row in new.indicators)
    assert [row.target for row in new.indicators][:2] == ["≥273人", "100%"]
    assert window.undo_stack.undoText() == "以上年为基础新建"
    window.undo_stack.undo()
    assert len(store.list_forms()) == before


def test_the_unit_overview_sorts_by_total(window, tmp_path):
    from desktop.ui.overview_dialog import OverviewDialog
    dialog = OverviewDialog(window.workspace.service.store, 2022, "深圳市龙华区平安建设中心", window)
    totals = [dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())]
    assert totals == ["100.00", "99.93"]
    dialog.view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert [dialog.model.index(r, 3).data() for r in range(2)] == ["99.93", "100.00"]
    target = tmp_path / "overview.xlsx"
    assert dialog.export(str(target)) and target.stat().st_size > 0


def test_search_finds_a_goal_text_and_opens_its_form(window, qtbot):
    panel = window.search_panel
    panel.box.setText("话务接听电话量")
    with qtbot.waitSignal(panel.model.rowsInserted, timeout=3000):
        pass
    wheres = [panel.model.index(r, 2).data() for r in range(panel.model.rowCount())]
    assert "实际完成情况" in wheres
    row = wheres.index("实际完成情况")
    panel.view.activated.emit(panel.model.index(row, 0))
    assert window.session.form.name == "数字化城管信息系统运行项目（系统操作员）"


def test_the_project_panel_lists_every_year_and_draws_the_trend(window):
    add_earlier_year(window)
    window.open_form(_ids(window, "网格信息采集工作")[2022])
    panel = window.project_panel
    assert [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())] == ["2022", "2021"]
    assert [p.year for p in panel.chart.points] == [2021, 2022]
    assert panel.model.index(0, 2).data() == "100.00"


def test_the_project_panel_and_its_trend_follow_an_edit(window):
    """Edited in the window, the open year's total, grade and point move at once, and
    so does the form's row in the browser."""
    from desktop.money import format2
    from desktop.ui.browser_model import Column
    add_earlier_year(window)
    form_id = _ids(window, "网格信息采集工作")[2022]
    window.open_form(form_id)
    panel, grid = window.project_panel, window.editor.indicators
    row = grid.grid.display_row(0)
    index = grid.model.index(row, grid.grid.column_of("actual"))
    assert grid.model.setData(index, "50%", Qt.ItemDataRole.EditRole)
    result = window.session.evaluation
    assert result.total < 100
    assert [panel.model.index(0, c).data() for c in (2, 3)] == [format2(result.total),
                                                               result.grade]
    assert [(p.year, p.total, p.rate) for p in panel.chart.points][-1] == (
        2022, result.total, result.rate)
    assert window.browser.model.text(form_id, Column.TOTAL) == format2(result.total)
    window.undo_stack.undo()
    assert panel.model.index(0, 2).data() == "100.00"
    assert window.browser.model.text(form_id, Column.TOTAL) == "100.00"


def test_the_year_panels_are_said_again_when_the_catalogue_changes(window, qapp):
    from desktop.ui import i18n
    header = window.project_panel.model.horizontalHeaderItem
    assert header(0).text() == "年度"
    i18n.remove_translations(qapp)
    qapp.processEvents()   # Qt posts LanguageChange to every widget
    try:
        assert header(0).text() == "Year"
        assert window.search_panel.model.horizontalHeaderItem(1).text() == "Name"
    finally:
        i18n.install_translations(qapp)
        qapp.processEvents()
    assert header(0).text() == "年度"
