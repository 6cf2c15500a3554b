"""The import preview in the window: every sheet shown, the clerk's choices through the
keyboard, one undo step for the batch, Cancel writing nothing.

The dialog is driven without `exec()`: `transfer.import_paths` takes a `choose` that
builds the dialog on the plan, acts on it and presses a button, as the clerk would.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from workbooks import FULL_CODE, mixed_workbook

from desktop.presenters.import_plan import Action
from desktop.ui import transfer
from desktop.ui.import_preview import Column, ImportPreviewDialog, remembered_years

from .preview_helpers import Cancel, through_dialog


@pytest.fixture
def window(empty_window):
    return empty_window


@pytest.fixture
def book(tmp_path):
    return mixed_workbook(tmp_path)


def row_index(dialog: ImportPreviewDialog, sheet: str) -> int:
    return next(i for i, row in enumerate(dialog.plan.rows) if row.sheet == sheet)


def cell(dialog: ImportPreviewDialog, sheet: str, column: Column):
    return dialog.model.index(row_index(dialog, sheet), column)


def type_into(qtbot, dialog: ImportPreviewDialog, sheet: str, column: Column, text: str) -> None:
    """Go to the cell, type (typing opens its editor), Enter: as a clerk at the keyboard."""
    index = cell(dialog, sheet, column)
    dialog.view.setCurrentIndex(index)
    qtbot.keyClick(dialog.view, text[0])
    editor = dialog.view.indexWidget(index)
    assert editor is not None, "typing opened no editor"
    qtbot.keyClicks(editor.focusProxy() or editor, text[1:])
    with qtbot.waitSignal(dialog.model.changed):
        qtbot.keyClick(editor.focusProxy() or editor, Qt.Key.Key_Return)


def names(window) -> list[str]:
    return sorted(s.name for s in window.workspace.service.store.list_forms())


def give_year_and_code(qtbot, dialog: ImportPreviewDialog) -> None:
    type_into(qtbot, dialog, "项目目标", Column.YEAR, "2021")
    type_into(qtbot, dialog, "光明自评", Column.CODE, FULL_CODE)


def shown(dialog: ImportPreviewDialog) -> list[dict]:
    """Each row as the view gets it from the model."""
    model = dialog.model

    def editable(row: int, column: Column) -> bool:
        return bool(model.index(row, column).flags() & Qt.ItemFlag.ItemIsEditable)

    return [{"texts": [model.index(row, column).data() for column in Column],
             "check": model.index(row, Column.SHEET).data(Qt.ItemDataRole.CheckStateRole),
             "why": model.index(row, Column.ACTION).data(Qt.ItemDataRole.ToolTipRole),
             "typing": (editable(row, Column.YEAR), editable(row, Column.CODE))}
            for row in range(model.rowCount())]


def test_the_preview_shows_every_sheet_and_what_will_happen(window, qtbot, book):
    seen = []
    transfer.import_paths(window, [str(book)], through_dialog(
        window, qtbot, lambda dialog: seen.append(shown(dialog)), Cancel))
    rows = seen[0]
    texts = [row["texts"] for row in rows]
    assert [t[Column.FILE] for t in texts] == [book.name, "", "", "", "", ""]   # once
    assert [t[Column.SHEET] for t in texts] == ["说明", "数字城管", "网格信息", "整体目标",
                                                 "项目目标", "光明自评"]
    assert [row["check"] for row in rows] == [None, Qt.CheckState.Checked, Qt.CheckState.Checked,
                                              Qt.CheckState.Checked, None, None]
    cover, grid, target, cut = rows[0], texts[2], rows[4], rows[5]
    assert "填报说明" in cover["texts"][Column.ACTION]   # what the skipped sheet seemed to be
    assert "没有预算年度" in target["why"]                   # the whole refusal in the tooltip
    assert [row["typing"] for row in rows] == [(False, False)] * 4 + [(True, False), (False, True)]
    assert grid[Column.KIND:Column.ACTION] == ["项目支出绩效自评表", "district-2022", "2022",
                                               "440309210901500007728", "网格信息采集工作", "14"]
    assert cut["texts"][Column.CODE] == "" and target["texts"][Column.YEAR] == ""


def test_space_unticks_a_sheet_and_it_stays_out_of_the_store(window, qtbot, book):
    def untick(dialog: ImportPreviewDialog) -> None:
        dialog.view.setCurrentIndex(cell(dialog, "数字城管", Column.PROJECT))
        qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
        assert not dialog.plan.rows[row_index(dialog, "数字城管")].ticked
        qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.view, Qt.Key.Key_Space)   # and back: 网格信息 stays in
        assert len(dialog.plan.chosen()) == 2

    results = transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, untick))
    assert names(window) == ["深圳市消费者委员会秘书处", "网格信息采集工作"]
    assert sum(r.ok for r in results) == 2
    assert window.summaries[-1][0].startswith("共 6 张表：导入 2")


def test_a_year_and_a_code_typed_in_the_table_make_their_sheets_importable(window, qtbot, book):
    def answer(dialog: ImportPreviewDialog) -> None:
        give_year_and_code(qtbot, dialog)
        target, cut = (dialog.plan.rows[row_index(dialog, s)] for s in ("项目目标", "光明自评"))
        assert (target.action, target.ticked, target.form.year) == (Action.IMPORT, True, 2021)
        assert (cut.action, cut.ticked, cut.form.code) == (Action.IMPORT, True, FULL_CODE)
        assert cell(dialog, "项目目标", Column.YEAR).data() == "2021"

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, answer))
    store = window.workspace.service.store
    assert sorted(s.name for s in store.list_forms()) == sorted(
        ["市场监督管理综合事务", "数字化城管信息系统运行项目（系统操作员）", "网格信息采集工作",
         "深圳市消费者委员会秘书处", "消费者维权管理专项"])
    assert [s.year for s in store.list_forms() if s.name == "消费者维权管理专项"] == [2021]
    assert remembered_years()[str(book.parent)] == 2021   # offered next time in this folder


def test_the_import_is_one_undo_step(window, qtbot, book):
    before = window.undo_stack.count()
    transfer.import_paths(window, [str(book)],
                          through_dialog(window, qtbot, lambda d: give_year_and_code(qtbot, d)))
    assert len(names(window)) == 5 and window.undo_stack.count() == before + 1
    assert window.session is not None and window.session.form.name == "市场监督管理综合事务"
    window.undo_stack.undo()
    assert names(window) == []
    window.undo_stack.redo()
    assert len(names(window)) == 5


def test_ticking_a_stored_sheet_replaces_it(window, qtbot, book):
    transfer.import_paths(window, [str(book)], lambda plan: True)
    assert len(names(window)) == 3

    def tick(dialog: ImportPreviewDialog) -> None:
        index = cell(dialog, "网格信息", Column.SHEET)
        assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
        dialog.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)

    results = transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, tick))
    assert [r.outcome.value for r in results if r.sheet in ("数字城管", "网格信息")] == [
        "duplicate", "replaced"]
    assert len(names(window)) == 3


def test_cancel_writes_nothing(window, qtbot, book):
    before = window.undo_stack.count()
    results = transfer.import_paths(window, [str(book)], through_dialog(
        window, qtbot, lambda d: give_year_and_code(qtbot, d), Cancel))
    assert results == [] and names(window) == []
    assert window.undo_stack.count() == before and window.summaries == []


def test_import_is_offered_only_while_a_sheet_is_ticked(window, qtbot, book):
    def untick_all(dialog: ImportPreviewDialog) -> None:
        assert dialog.import_button.isEnabled()
        for row in list(dialog.plan.chosen()):
            index = cell(dialog, row.sheet, Column.SHEET)
            dialog.model.setData(index, Qt.CheckState.Unchecked.value,
                                 Qt.ItemDataRole.CheckStateRole)
        assert not dialog.import_button.isEnabled()

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, untick_all, Cancel))


def test_tab_leaves_the_table_for_the_buttons(window, qtbot, book):
    def tab(dialog: ImportPreviewDialog) -> None:
        dialog.activateWindow()
        dialog.view.setFocus()
        qtbot.waitUntil(dialog.view.hasFocus)
        qtbot.keyClick(dialog.view, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.import_button   # not Cancel: Enter imports

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, tab, Cancel))


def test_columns_empty_before_the_year_widen_once_it_is_given(window, qtbot, tmp_path):
    """A street office's declarations carry no year: nothing but the sheet names shows
    until the clerk gives it, and then the codes and projects must be readable."""
    from template.test_layout_shenzhen_target import street_office_book, write
    book = write(tmp_path / "新桥街道.xlsx", street_office_book()[:3])

    def answer(dialog: ImportPreviewDialog) -> None:
        first = dialog.plan.rows[0].sheet
        type_into(qtbot, dialog, first, Column.YEAR, "2024")
        for column in (Column.CODE, Column.PROJECT):
            assert dialog.view.columnWidth(column) >= min(
                dialog.view.sizeHintForColumn(column), 260)

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, answer, Cancel))
