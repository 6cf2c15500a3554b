"""The desk as a clerk uses it: type, see scores and totals move, undo, paste, follow a
finding, close without losing anything. Driven through the real window and Qt models."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from conftest import DATA, load_sample
from desktop.presenters.grid import RowKind

CENT = Decimal("0.01")


def cents(value: Decimal) -> str:
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):f}"


def published(stem: str) -> dict[str, str]:
    return json.loads((DATA / f"{stem}.json").read_text(encoding="utf-8"))["published"]


def form_id(window, stem: str) -> int:
    name = load_sample(stem).name
    return next(s.id for s in window.workspace.service.store.list_forms() if s.name == name)


def open_sample(window, stem: str):
    return window.open_form(form_id(window, stem))


def text(panel, row: int, field: str) -> str:
    return panel.model.index(row, panel.grid.column_of(field)).data()


def set_cell(panel, row: int, field: str, value: str) -> bool:
    index = panel.model.index(row, panel.grid.column_of(field))
    return panel.model.setData(index, value, Qt.ItemDataRole.EditRole)


def test_an_edited_actual_moves_score_subtotal_and_total_and_undo_redo_restore(window):
    editor = open_sample(window, "guangming-2024-market")
    grid = editor.indicators
    row, subtotal, total = 0, grid.grid.subtotal_row("产出指标"), grid.grid.total_row()
    assert text(grid, row, "target") == "≥273人"
    before = (text(grid, row, "score"), text(grid, subtotal, "score"), text(grid, total, "score"))
    assert before == ("2.00", "49.50", published("guangming-2024-market")["total"])

    assert set_cell(grid, row, "actual", "200人")
    suggested = Decimal(200) / Decimal(273) * 2                  # B / A × w, DOMAIN §2
    drop = Decimal(2) - Decimal(cents(suggested))
    after = (cents(suggested), cents(Decimal("49.50") - drop), cents(Decimal("99.47") - drop))
    assert (text(grid, row, "score"), text(grid, subtotal, "score"),
            text(grid, total, "score")) == after
    assert window.undo_stack.undoText() == "修改实际完成值"

    window.undo_stack.undo()
    assert (text(grid, row, "score"), text(grid, subtotal, "score"),
            text(grid, total, "score")) == before
    window.undo_stack.redo()
    assert (text(grid, row, "score"), text(grid, subtotal, "score"),
            text(grid, total, "score")) == after


def test_a_score_above_its_weight_is_refused_with_a_reason(window):
    grid = open_sample(window, "guangming-2024-market").indicators
    assert not set_cell(grid, 0, "score", "2.5")
    assert "分值" in window.statusBar().currentMessage()
    assert text(grid, 0, "score") == "2.00"


def test_an_overridden_score_is_marked_and_explained(window):
    grid = open_sample(window, "guangming-2024-market").indicators
    row = grid.grid.display_row(6)
    index = grid.model.index(row, grid.grid.column_of("score"))
    assert index.data() == "1.50"
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert "建议得分 2.00" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_a_qualitative_score_is_bound_to_its_grade_band(window):
    from desktop.editing.errors import EditError
    from desktop.presenters import grid_actions
    grid = open_sample(window, "guangming-2024-market").indicators
    row = grid.grid.display_row(16)                     # 工单分派科所及时性: 及时 / 及时
    assert grid_actions.is_qualitative(grid.grid, row)
    with pytest.raises(EditError, match="部分达成"):
        grid_actions.commit_grade(grid.grid, row, "部分达成", "1.90")
    assert grid.model.run(lambda: grid_actions.commit_grade(grid.grid, row, "部分达成", "1.30"))
    grid.refresh()
    assert text(grid, row, "score") == "1.30"


def test_a_pasted_three_by_four_block_lands_in_the_right_cells_and_grows_rows(window):
    grid = open_sample(window, "longhua-2022-digital-city").indicators
    count = len(grid.session.form.indicators)
    last = grid.grid.display_row(count - 1)
    block = [["名称甲", "≥10", "12", "1"], ["名称乙", "≤5", "4", "2"], ["名称丙", "及时", "及时", "3"]]
    QGuiApplication.clipboard().setText("\n".join("\t".join(r) for r in block) + "\n")
    grid.view.setCurrentIndex(grid.model.index(last, grid.grid.column_of("name")))
    grid.view.paste_clipboard()
    form = grid.session.form
    assert len(form.indicators) == count + 2
    pasted = [[form.indicators[count - 1 + i].name, form.indicators[count - 1 + i].target,
               form.indicators[count - 1 + i].actual, form.indicators[count - 1 + i].weight]
              for i in range(3)]
    assert pasted == [[*texts[:3], Decimal(texts[3])] for texts in block]
    shown = grid.grid.display_row(count - 1)
    assert [text(grid, shown, f) for f in ("name", "target", "actual", "weight")] == \
        ["名称甲", "≥10", "12", "1.00"]
    window.undo_stack.undo()
    assert len(grid.session.form.indicators) == count


def test_clicking_a_finding_selects_its_cell(window, qtbot):
    editor = open_sample(window, "guangming-2024-market")
    view = window.findings.view
    model = view.model()
    target = next(r for r in range(model.rowCount()) if "2024-07-30" in (model.index(r, 0).data()
                  or "") + "".join(model.index(r, c).data() or "" for c in range(model.columnCount())))
    rect = view.visualRect(model.index(target, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = editor.indicators.view.currentIndex()
    assert (current.row(), current.column()) == (editor.indicators.grid.display_row(18),
                                                 editor.indicators.grid.column_of("actual"))


def test_findings_count_shows_in_the_status_bar(window):
    open_sample(window, "guangming-2024-market")
    count = window.findings.count()
    assert count >= 1
    assert str(count) in window.figures.text()


def test_the_date_serial_can_be_replaced_by_its_date(window):
    from desktop.presenters import grid_actions
    grid = open_sample(window, "guangming-2024-market").indicators
    row = grid.grid.display_row(18)
    assert str(grid_actions.date_offer(grid.grid, row)) == "2024-07-30"
    grid.view.setCurrentIndex(grid.model.index(row, 0))
    grid.accept_date()
    assert text(grid, row, "actual") == "2024年7月30日"
    assert not any("2024-07-30" in f.message for f in grid.session.findings)


def test_spread_weights_sums_exactly_over_applicable_rows(window):
    grid = open_sample(window, "guangming-2024-market").indicators
    grid.view.setCurrentIndex(grid.model.index(0, 0))
    grid.spread_weights()
    form = grid.session.form
    rows = grid.grid.rows_of_group("产出指标")
    assert sum(form.indicators[i].weight for i in rows) == Decimal("50")
    assert {form.indicators[i].weight for i in rows} <= {Decimal("2.08"), Decimal("2.09")}
    assert window.undo_stack.undoText() == "均分权重"


def test_insert_delete_and_move_rows_each_undo_in_one_step(window):
    grid = open_sample(window, "longhua-2022-digital-city").indicators
    names = [i.name for i in grid.session.form.indicators]
    grid.view.setCurrentIndex(grid.model.index(0, grid.grid.column_of("name")))
    grid.insert_row()
    assert len(grid.session.form.indicators) == len(names) + 1
    assert grid.session.form.indicators[1].level2 == "数量指标"
    window.undo_stack.undo()
    grid.view.setCurrentIndex(grid.model.index(0, 0))
    grid.move_row(1)
    assert [i.name for i in grid.session.form.indicators][:2] == [names[1], names[0]]
    window.undo_stack.undo()
    grid.view.setCurrentIndex(grid.model.index(0, 0))
    grid.remove_rows()
    assert [i.name for i in grid.session.form.indicators] == names[1:]
    window.undo_stack.undo()
    assert [i.name for i in grid.session.form.indicators] == names


def test_subtotal_and_total_rows_are_read_only(window):
    grid = open_sample(window, "longhua-2022-grid-info").indicators
    for row, display in enumerate(grid.grid.rows):
        if display.kind is not RowKind.INDICATOR:
            flags = grid.model.flags(grid.model.index(row, grid.grid.column_of("score")))
            assert not flags & Qt.ItemFlag.ItemIsEditable


def test_funds_edit_recomputes_rate_and_score(window):
    editor = open_sample(window, "longhua-2022-digital-city")
    funds = editor.funds.model
    assert funds.index(0, 4).data() == published("longhua-2022-digital-city")["rate"]
    assert funds.setData(funds.index(1, 2), "1821100", Qt.ItemDataRole.EditRole)
    assert (funds.index(0, 2).data(), funds.index(0, 4).data(), funds.index(0, 5).data()) == \
        ("1,821,100.00", "100.00", "10.00")
    total = editor.indicators.grid.total_row()
    assert text(editor.indicators, total, "score") == "100.00"


def test_a_closed_window_loses_no_edit(qtbot, store_url):
    from db.store import Store
    from desktop.ui.app import build_window
    win = build_window(store_url)
    qtbot.addWidget(win)
    form_id, _ = win.workspace.service.create_form(load_sample("longhua-2022-grid-info"))
    win.browser.refresh()
    win.show()
    editor = win.open_form(form_id)
    from desktop.ui.form_parts import HeaderForm
    header_form = next(p for p in editor.parts if isinstance(p, HeaderForm))
    header = header_form.edits[("project_name",)]
    header.setFocus()
    header.selectAll()
    qtbot.keyClicks(header, "renamed")
    view = editor.indicators.view
    view.setCurrentIndex(editor.indicators.model.index(0, editor.indicators.grid.column_of("actual")))
    view.edit(view.currentIndex())
    qtbot.keyClicks(view.focusWidget(), "3000")
    win.close()
    win.workspace.service.store.close()
    with Store(store_url) as store:
        form = store.load_form(form_id)
    assert form.project_name == "renamed"
    assert form.indicators[0].actual == "3000"


def test_every_qt_model_passes_the_model_tester(window, qtmodeltester):
    for stem in ("guangming-2024-market", "shanghai-2020-target", "shenzhen-2023-unit-target"):
        editor = open_sample(window, stem)
        qtmodeltester.check(editor.indicators.model)
        for attribute in ("funds", "tasks"):
            if hasattr(editor, attribute):
                qtmodeltester.check(getattr(editor, attribute).model)
    qtmodeltester.check(window.browser.model)
    qtmodeltester.check(window.findings.view.model())


def test_new_form_and_duplicate_are_undoable(window):
    from desktop.blank import blank_form
    service = window.workspace.service
    count = len(service.store.list_forms())
    form_id, step = service.create_form(blank_form("city-2024", 2025, "C1", "新项目"))
    window._push_form_step(step, show=True)
    assert window.session.form_id == form_id
    assert len(window.session.form.indicators) == 10          # one row per 二级 of the taxonomy
    window.duplicate_form()
    assert len(service.store.list_forms()) == count + 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert len(service.store.list_forms()) == count


def test_self_test_passes_in_a_fresh_interpreter():
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "desktop", "--self-test"],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "自检通过" in done.stdout


def test_a_form_with_findings_cannot_be_marked_checked_but_a_clean_one_can(window):
    from db.records import FormState
    open_sample(window, "guangming-2024-market")
    window.mark_checked()
    assert "问题" in window.statusBar().currentMessage() or "finding" in \
        window.statusBar().currentMessage()
    clean = open_sample(window, "longhua-2022-grid-info")
    assert not clean.session.findings
    window.mark_checked()
    assert window.workspace.service.store.summary(clean.session.form_id).state == FormState.CHECKED


def test_task_lines_of_the_unit_form_can_be_inserted_and_deleted_with_undo(window):
    editor = open_sample(window, "shenzhen-2023-unit-target")
    table = editor.tasks.model.source
    count = len(editor.session.form.tasks)
    assert editor.tasks.model.run(lambda: table.insert_row(0))
    assert len(editor.session.form.tasks) == count + 1
    assert editor.session.form.tasks[1].name == ""
    assert editor.tasks.model.rowCount() == count + 2          # the lines and 金额合计
    assert window.undo_stack.undoText() == "插入任务"
    window.undo_stack.undo()
    assert editor.tasks.model.run(lambda: table.remove_row(0))
    assert next(t.name for t in editor.session.form.tasks) == "市场监督管理事务"
    window.undo_stack.undo()
    assert len(editor.session.form.tasks) == count


def test_ctrl_y_redoes_where_the_platform_knows_only_ctrl_shift_z(monkeypatch):
    """Linux desktops bind redo to Ctrl+Shift+Z alone; clerks press Ctrl+Y as in Excel."""
    from PySide6.QtGui import QKeySequence

    from desktop.ui import main_window
    linux = [QKeySequence("Ctrl+Shift+Z")]
    monkeypatch.setattr(main_window.QKeySequence, "keyBindings", lambda _key: list(linux))
    assert main_window.redo_keys() == [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]


def test_ctrl_y_redoes_as_in_excel_and_ctrl_z_undoes(window, qtbot):
    editor = open_sample(window, "guangming-2024-market")
    grid = editor.indicators
    before = text(grid, 0, "actual")
    assert set_cell(grid, 0, "actual", "200人")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert text(grid, 0, "actual") == before
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert text(grid, 0, "actual") == "200人"
