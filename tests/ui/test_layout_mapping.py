"""学习此表样 from the import preview, and 自定义表样… from the File menu.

The preview is driven as in test_import_preview: `transfer.import_paths` takes a
`choose` that builds the real dialog, acts on it and presses a button. The mapping
dialog opens window-modal (`open()`), so the test acts on it and presses OK itself.
"""

from __future__ import annotations

import json

import pytest
from learn_books import county_target, county_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QInputDialog, QMessageBox
from workbooks import cover, exported, write_book

from desktop.forms import FormKind
from desktop.presenters.import_plan import Action
from desktop.template.learn import EXTRA, IGNORE, layout_data, propose
from desktop.template.reader import load_grids
from desktop.ui import transfer
from desktop.ui.import_preview import Column, ImportPreviewDialog
from desktop.ui.layout_mapping import LayoutMappingDialog, Part, kind_text
from desktop.ui.user_layouts_dialog import UserLayoutsDialog
from desktop.user_layouts import save_user_layout, user_layout_paths

from .preview_helpers import through_dialog

Ok, Cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel


pytestmark = pytest.mark.usefixtures("taught_layouts")


@pytest.fixture
def window(empty_window):
    return empty_window


@pytest.fixture
def book(tmp_path):
    """A cover, the county's sheet in a layout nobody ships, and a form the app reads."""
    return write_book(tmp_path / "县里报来的.xlsx", [
        ("说明", cover), ("县级目标", county_target),
        ("网格信息", exported("longhua-2022-grid-info"))])


def go_to(dialog: ImportPreviewDialog, sheet: str) -> None:
    row = next(i for i, r in enumerate(dialog.plan.rows) if r.sheet == sheet)
    dialog.view.setCurrentIndex(dialog.model.index(row, Column.SHEET))


def open_mapping(dialog: ImportPreviewDialog, qtbot) -> LayoutMappingDialog:
    go_to(dialog, "县级目标")
    qtbot.mouseClick(dialog.teach_button, Qt.MouseButton.LeftButton)
    mapping = dialog.mapping_dialog
    assert isinstance(mapping, LayoutMappingDialog)
    qtbot.waitExposed(mapping)
    return mapping


def mapped(model) -> dict[str, str]:
    """label → field key, as the table holds them."""
    return {model.index(row, Part.LABEL).data(): model.index(row, Part.FIELD).data(
        Qt.ItemDataRole.EditRole) for row in range(model.rowCount())}


def test_teaching_is_offered_where_a_sheet_shows_an_indicator_header(window, qtbot, book):
    offered = {}

    def look(dialog: ImportPreviewDialog) -> None:
        for sheet in ("说明", "县级目标", "网格信息"):
            go_to(dialog, sheet)
            offered[sheet] = dialog.teach_button.isEnabled()

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, look, Cancel))
    assert offered == {"说明": False, "县级目标": True, "网格信息": False}


def test_the_dialog_proposes_the_mapping(window, qtbot, book):
    def look(dialog: ImportPreviewDialog) -> None:
        mapping = open_mapping(dialog, qtbot)
        assert mapping.chosen_kind() is FormKind.PROJECT_TARGET
        assert mapping.name.text() == "2024年项目绩效目标表"
        assert mapped(mapping.columns_model) == {
            "序号": IGNORE, "指标层级一": "level1", "指标层级二": "level2", "考核内容": "name",
            "年度目标": "target", "考核方法": EXTRA}
        assert mapping.columns_model.index(3, Part.SAMPLE).data() == "受益学生人数"
        assert mapped(mapping.headers_model) == {
            "项目代码：": "project_code", "单位：": "applicant_unit", "项目：": "project_name"}
        assert mapping.ok_button.isEnabled()
        mapping.reject()

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, look, Cancel))


def test_a_choice_made_with_the_keyboard_is_what_is_saved(window, qtbot, book, taught_layouts):
    def teach(dialog: ImportPreviewDialog) -> None:
        mapping = open_mapping(dialog, qtbot)
        view = mapping.columns_view
        index = mapping.columns_model.index(5, Part.LABEL)       # 考核方法
        view.setCurrentIndex(index)
        qtbot.keyClick(view, Qt.Key.Key_F2)      # F2 on the label opens the row's chooser
        editor = view.indexWidget(index.siblingAtColumn(Part.FIELD))
        assert editor is not None, "F2 opened no chooser"
        qtbot.keyClick(editor, Qt.Key.Key_Down)  # 保留此列 → 忽略, the last choice
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert mapped(mapping.columns_model)["考核方法"] == IGNORE
        qtbot.mouseClick(mapping.ok_button, Qt.MouseButton.LeftButton)
        assert mapping.result() == QDialog.DialogCode.Accepted
        assert mapping.saved == "learned-1"

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, teach, Cancel))
    path = taught_layouts / "jixiao" / "layouts" / "learned-1.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["description"] == "2024年项目绩效目标表"
    assert saved["extra_columns"] == [] and "考核方法" not in json.dumps(
        saved["indicator_columns"], ensure_ascii=False)
    assert [c["label"] for c in saved["indicator_columns"]] == [
        "指标层级一", "指标层级二", "考核内容", "年度目标"]


def test_the_row_menu_teaches_too(window, qtbot, book):
    def teach(dialog: ImportPreviewDialog) -> None:
        go_to(dialog, "网格信息")
        assert not dialog.row_menu().actions()[0].isEnabled()
        go_to(dialog, "县级目标")
        [action] = dialog.row_menu().actions()
        assert action.isEnabled()
        action.trigger()
        assert isinstance(dialog.mapping_dialog, LayoutMappingDialog)
        dialog.mapping_dialog.reject()

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, teach, Cancel))


def test_tab_goes_from_the_kind_to_the_name_to_the_tables(window, qtbot, book):
    def tab(dialog: ImportPreviewDialog) -> None:
        mapping = open_mapping(dialog, qtbot)
        assert mapping.focusWidget() is mapping.columns_view    # where the work is
        mapping.activateWindow()
        mapping.kind.setFocus()
        qtbot.waitUntil(mapping.kind.hasFocus)
        seen = []
        for _ in range(4):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
        assert seen == [mapping.name, mapping.columns_view, mapping.headers_view,
                        mapping.ok_button]
        mapping.reject()

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, tab, Cancel))


def test_a_problem_disables_ok_and_says_why(window, qtbot, book):
    def look(dialog: ImportPreviewDialog) -> None:
        mapping = open_mapping(dialog, qtbot)
        name = mapping.columns_model.index(3, Part.FIELD)           # 考核内容
        mapping.columns_model.setData(name, IGNORE)
        assert not mapping.ok_button.isEnabled()
        assert "三级指标" in mapping.problems.text()
        mapping.columns_model.setData(name, "name")
        assert mapping.ok_button.isEnabled()
        mapping.name.clear()
        assert not mapping.ok_button.isEnabled() and "名字" in mapping.problems.text()
        mapping.reject()

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, look, Cancel))
    assert user_layout_paths() == {}


def test_another_kind_offers_its_own_header_fields(window, qtbot, book):
    def look(dialog: ImportPreviewDialog) -> None:
        mapping = open_mapping(dialog, qtbot)
        mapping.kind.setFocus()
        qtbot.keyClick(mapping.kind, Qt.Key.Key_End)   # the last kind: a unit's target
        assert mapping.chosen_kind() is FormKind.UNIT_TARGET
        assert mapped(mapping.headers_model)["单位："] == "unit_name"
        assert "project_code" not in mapping.headers_model.options()
        mapping.reject()

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, look, Cancel))


def test_once_taught_the_sheet_is_read_with_the_mapped_fields(window, qtbot, book):
    from desktop.layouts import layout_names
    from desktop.user_layouts import read_user_layout

    def teach(dialog: ImportPreviewDialog) -> None:
        mapping = open_mapping(dialog, qtbot)
        qtbot.mouseClick(mapping.ok_button, Qt.MouseButton.LeftButton)
        assert "learned-1" in layout_names()
        row = next(r for r in dialog.plan.rows if r.sheet == "县级目标")
        assert row.action is Action.IMPORT and row.planned.reading.layout == "learned-1"
        shown = dialog.model.index(dialog.plan.rows.index(row), Column.LAYOUT).data()
        assert shown == read_user_layout("learned-1")["description"]   # the clerk's name
        form = row.form
        assert (form.year, form.code, form.name, form.applicant_unit) == (
            2024, "XM-2024-017", "农村义务教育学生营养改善计划", "某某县教育局")
        assert [(i.level1, i.level2, i.name, i.target) for i in form.indicators][:2] == [
            ("产出指标", "数量指标", "受益学生人数", "≥1200人"),
            ("产出指标", "质量指标", "食品安全事故", "0起")]
        assert form.indicators[0].extra == {"考核方法": "查阅受助学生名册"}
        assert len(form.indicators) == 5       # the footer row is no indicator
        assert dialog.plan.rows[dialog.view.currentIndex().row()] is row
        assert not dialog.teach_button.isEnabled() and row.ticked

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, teach, Cancel))


def test_a_file_refused_whole_is_taught_from_its_sheet(window, qtbot, tmp_path):
    """No sheet of the file names its kind or looks like a form: the preview shows the
    file as one refused row, which teaches from its sheet and becomes that sheet."""
    def untitled(ws):
        county_target(ws)
        ws["A1"] = "营养改善计划绩效指标明细"       # names no kind, ends in no 表
    book = write_book(tmp_path / "明细.xlsx", [("明细", untitled)])

    def teach(dialog: ImportPreviewDialog) -> None:
        [row] = dialog.plan.rows
        assert row.sheet == "" and row.action is Action.REFUSED
        dialog.view.setCurrentIndex(dialog.model.index(0, Column.SHEET))
        qtbot.mouseClick(dialog.teach_button, Qt.MouseButton.LeftButton)
        mapping = dialog.mapping_dialog
        assert mapping.name.text() == "明细"          # no title: the sheet's name
        qtbot.mouseClick(mapping.ok_button, Qt.MouseButton.LeftButton)
        [row] = dialog.plan.rows                      # its title names no year: asked
        assert (row.sheet, row.action, row.planned.reading.layout) == (
            "明细", Action.NEEDS_YEAR, "learned-1")

    transfer.import_paths(window, [str(book)], through_dialog(window, qtbot, teach, Cancel))


# ---------------------------------------------------------------- 自定义表样…


@pytest.fixture
def two_taught(tmp_path) -> list[str]:
    grid = load_grids(county_workbook(tmp_path))[0]
    data = layout_data(propose(grid))
    return [save_user_layout(data, "某某县项目目标表"), save_user_layout(data, "另一个县")]


def test_the_file_menu_opens_the_taught_layouts(window):
    actions = window.file_menu.actions()
    assert window.user_layouts_action in actions
    assert actions.index(window.user_layouts_action) == actions.index(window.export_action) - 1
    assert window.user_layouts_action.text()


def test_rename_and_remove_from_the_taught_layouts(qtbot, monkeypatch, two_taught):
    dialog = UserLayoutsDialog()
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())] == [
        ["某某县项目目标表", kind_text(FormKind.PROJECT_TARGET), "learned-1.json"],
        ["另一个县", kind_text(FormKind.PROJECT_TARGET), "learned-2.json"]]
    table.setCurrentCell(1, 0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("城关镇项目目标表", True))
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert table.item(1, 0).text() == "城关镇项目目标表" and table.currentRow() == 1
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 2                 # not confirmed: kept
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    table.setCurrentCell(0, 0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert list(user_layout_paths()) == ["learned-2"] and table.rowCount() == 1
    assert table.item(0, 0).text() == "城关镇项目目标表"
