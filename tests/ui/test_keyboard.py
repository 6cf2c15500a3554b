"""The form worked like a spreadsheet, by keyboard alone: Tab, Enter, Esc, Ctrl+Tab,
Alt+↓, F2, Ctrl+D, and the notes at the cell that say why a value was refused or a
cell cannot be changed. No mouse event is sent anywhere in this file."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit

from conftest import load_sample
from desktop.money import format2, format_grouped
from desktop.presenters import funds as funds_presenter
from desktop.rules.evaluate import evaluate
from desktop.ui.sheet import SheetView
from desktop.years.carry import create_carried

SAMPLE = "longhua-2022-digital-city"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def form_id(window, stem: str) -> int:
    name = load_sample(stem).name
    return next(s.id for s in window.workspace.service.store.list_forms() if s.name == name)


def open_sample(window, stem: str):
    return window.open_form(form_id(window, stem))


# ------------------------------------------------------------ keys, as the clerk presses them

def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """One key to whatever has the focus, as the keyboard would send it."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def type_text(qtbot, text: str) -> None:
    """Characters as the keyboard (or the input method, for 中文 and ≥) delivers them."""
    for character in text:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        if character.isascii():
            qtbot.keyClick(widget, character)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     character))


def enter(qtbot, view: SheetView) -> None:
    """Enter commits after the editor has seen the key (Qt queues it): wait for that."""
    editing = view.state() == QAbstractItemView.State.EditingState
    press(qtbot, Qt.Key.Key_Return)
    if editing:
        qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState
                        or view.note.isVisible())


def retype_header(editor, qtbot, field: str, text: str) -> tuple[QLineEdit, str]:
    """Go to a header field, select what it holds and type over it; its old text too."""
    edit = next(edit for edit in editor.blocks()[0] if edit.objectName() == field)
    stored = edit.text()
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, text)
    return edit, stored


def focused_view() -> SheetView | None:
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, SheetView):
        widget = widget.parentWidget()
    return widget


def here(view: SheetView) -> tuple[int, int]:
    return view.currentIndex().row(), view.currentIndex().column()


@pytest.fixture
def carried(window):
    """Next year's form of a published project, carried forward and opened: its funds
    and actuals wait to be filled."""
    service = window.workspace.service
    earlier = form_id(window, SAMPLE)
    new_id, _step = create_carried(service, earlier, service.store.summary(earlier).year + 1)
    window.browser.refresh()
    editor = window.open_form(new_id)
    window.activateWindow()
    return editor


# ------------------------------------------------------------ the whole form by keyboard

def test_funds_and_five_actuals_filled_by_keyboard_alone(window, carried, qtbot):
    editor, session = carried, carried.session
    grid = editor.indicators.grid
    before = editor.indicators.model.index(grid.total_row(), grid.column_of("score")).data()
    first_header_field = editor.blocks()[0][0]
    first_header_field.setFocus(Qt.FocusReason.OtherFocusReason)

    press(qtbot, Qt.Key.Key_Tab, CTRL)                       # header → funds
    funds = editor.funds.view
    assert focused_view() is funds and here(funds) == (0, funds_presenter.WEIGHT)
    press(qtbot, Qt.Key.Key_Tab)                             # 分值 kept as carried
    assert here(funds) == (1, 0)
    for amount in ("500000", "480000", "432000"):            # 当年财政拨款
        type_text(qtbot, amount)
        press(qtbot, Qt.Key.Key_Tab)
    assert here(funds) == (2, 0), "Tab passes over the — cells to the next source"

    press(qtbot, Qt.Key.Key_Tab, CTRL)                       # funds → goals
    assert QApplication.focusWidget() is editor.blocks()[2][0]
    press(qtbot, Qt.Key.Key_Tab, CTRL)                       # goals → indicators
    view = editor.indicators.view
    assert focused_view() is view and here(view) == (0, 0)
    for _ in range(grid.column_of("actual")):
        press(qtbot, Qt.Key.Key_Tab)
    assert here(view) == (0, grid.column_of("actual"))

    typed: dict[int, str] = {}
    for _ in range(5):
        row = grid.indicator_at(view.currentIndex().row())
        typed[row] = session.form.indicators[row].target     # each target met exactly
        type_text(qtbot, typed[row])
        enter(qtbot, view)

    stored = window.workspace.service.store.load_form(session.form_id)
    assert {row: stored.indicators[row].actual for row in typed} == typed
    assert stored.funds.fiscal.executed == Decimal("432000")
    total = editor.indicators.model.index(grid.total_row(), grid.column_of("score")).data()
    assert total == format2(evaluate(stored, session.profile).total) != before


# ------------------------------------------------------------ Tab and Enter

def test_tab_visits_editable_cells_only_and_goes_on_to_the_next_block(window, qtbot):
    editor = open_sample(window, SAMPLE)
    funds = editor.funds.view
    funds.setFocus()
    funds.setCurrentIndex(funds.model().index(3, 0))
    for expected in ((3, 1), (3, 2)):
        press(qtbot, Qt.Key.Key_Tab)
        assert here(funds) == expected
    press(qtbot, Qt.Key.Key_Tab)                 # past the last source amount: the goals
    assert QApplication.focusWidget() is editor.blocks()[2][0]
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)      # and back, to the last editable cell
    assert focused_view() is funds and here(funds) == (3, 2)
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)
    press(qtbot, Qt.Key.Key_Backtab, SHIFT)      # over row 2's — cells
    assert here(funds) == (2, 2)


def test_tab_in_an_open_editor_commits_and_moves_without_wrapping(window, qtbot):
    editor = open_sample(window, SAMPLE)
    funds = editor.funds.view
    funds.setFocus()
    funds.setCurrentIndex(funds.model().index(3, 2))
    type_text(qtbot, "1234567.8")
    press(qtbot, Qt.Key.Key_Tab)
    assert editor.session.form.funds.other.executed == Decimal("1234567.8")
    assert funds.model().index(3, 2).data() == format_grouped(Decimal("1234567.8"))
    assert QApplication.focusWidget() is editor.blocks()[2][0], "no wrap to the first cell"


def test_enter_on_the_last_indicator_row_adds_a_row(window, qtbot):
    editor = open_sample(window, SAMPLE)
    panel, grid = editor.indicators, editor.indicators.grid
    last = max(r for r in range(grid.row_count()) if grid.indicator_at(r) is not None)
    count = len(editor.session.form.indicators)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(last, grid.column_of("name")))
    type_text(qtbot, "新指标")
    enter(qtbot, panel.view)
    assert len(editor.session.form.indicators) == count + 1
    new_row = grid.indicator_at(panel.view.currentIndex().row())
    assert new_row is not None and editor.session.form.indicators[new_row].name == ""
    assert editor.session.form.indicators[new_row].level1 == \
        editor.session.form.indicators[grid.indicator_at(last)].level1


def test_enter_skips_the_subtotal_to_the_next_group(window, qtbot):
    editor = open_sample(window, SAMPLE)
    panel, grid = editor.indicators, editor.indicators.grid
    subtotal = next(r for r in range(grid.row_count()) if grid.indicator_at(r) is None)
    column = grid.column_of("actual")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(subtotal - 1, column))
    enter(qtbot, panel.view)
    assert here(panel.view) == (subtotal + 1, column)


# ------------------------------------------------------------ Esc, F2, read-only cells

def test_esc_cancels_a_cell_edit_and_a_header_edit(window, qtbot):
    editor = open_sample(window, SAMPLE)
    panel, grid = editor.indicators, editor.indicators.grid
    column = grid.column_of("actual")
    before = panel.model.index(0, column).data()
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, column))
    type_text(qtbot, "999")
    press(qtbot, Qt.Key.Key_Escape)
    assert panel.view.state() != QAbstractItemView.State.EditingState
    assert panel.model.index(0, column).data() == before

    name, stored = retype_header(editor, qtbot, "project_name", "改了名字")
    press(qtbot, Qt.Key.Key_Escape)
    assert name.text() == stored
    press(qtbot, Qt.Key.Key_Tab)                 # leaving commits nothing
    assert editor.session.form.project_name == stored


def test_f2_edits_with_the_plain_number(window, qtbot):
    editor = open_sample(window, SAMPLE)
    funds = editor.funds.view
    funds.setFocus()
    funds.setCurrentIndex(funds.model().index(1, 1))
    shown = funds.model().index(1, 1).data()
    assert "," in shown                          # thousands separators on display
    press(qtbot, Qt.Key.Key_F2)
    assert funds.state() == QAbstractItemView.State.EditingState
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit) and line.text() == shown.replace(",", "").removesuffix(
        ".00")


def test_typing_on_a_read_only_cell_says_why_at_the_cell(window, qtbot):
    editor = open_sample(window, SAMPLE)
    funds = editor.funds.view
    funds.setFocus()
    total = funds.model().index(0, 1)
    funds.setCurrentIndex(total)
    before = total.data()
    type_text(qtbot, "5")
    assert funds.state() != QAbstractItemView.State.EditingState
    assert funds.note.isVisible() and funds.note.text() == funds_presenter.TOTAL_LOCKED
    assert total.data() == before
    press(qtbot, Qt.Key.Key_Down)
    assert not funds.note.isVisible()


# ------------------------------------------------------------ refusals at the cell

def test_a_refused_score_keeps_its_editor_and_says_why_until_esc(window, qtbot):
    editor = open_sample(window, SAMPLE)
    panel, grid = editor.indicators, editor.indicators.grid
    row = next(r for r in range(grid.row_count()) if grid.indicator_at(r) is not None
               and not _qualitative(grid, r))
    column = grid.column_of("score")
    before = panel.model.index(row, column).data()
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(row, column))
    type_text(qtbot, "999")
    enter(qtbot, panel.view)
    assert panel.view.state() == QAbstractItemView.State.EditingState
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit) and line.text() == "999"
    assert panel.view.note.isVisible() and "分值" in panel.view.note.text()
    assert here(panel.view) == (row, column)
    press(qtbot, Qt.Key.Key_Escape)
    assert panel.view.state() != QAbstractItemView.State.EditingState
    assert panel.model.index(row, column).data() == before
    assert not panel.view.note.isVisible()


def test_a_refused_header_value_stays_with_its_reason(window, qtbot):
    editor = open_sample(window, SAMPLE)
    year, stored = retype_header(editor, qtbot, "year", "二〇二X")
    press(qtbot, Qt.Key.Key_Return)
    header = editor.parts[1]
    assert year.text() == "二〇二X" and year.hasFocus()
    assert header.note.isVisible() and header.note.text()
    assert str(editor.session.form.year) == stored
    press(qtbot, Qt.Key.Key_Escape)
    assert year.text() == stored


# ------------------------------------------------------------ pickers, moving rows

def test_alt_down_opens_the_picker_and_moves_nothing(window, qtbot):
    editor = open_sample(window, SAMPLE)
    panel, grid = editor.indicators, editor.indicators.grid
    names = [indicator.name for indicator in editor.session.form.indicators]
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, grid.column_of("level1")))
    press(qtbot, Qt.Key.Key_Down, ALT)
    combo = panel.view.findChild(QComboBox)
    assert combo is not None and panel.view.state() == QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: combo.view().isVisible())
    assert [indicator.name for indicator in editor.session.form.indicators] == names
    combo.hidePopup()


def test_ctrl_shift_down_moves_the_row(window, qtbot):
    editor = open_sample(window, SAMPLE)
    panel, grid = editor.indicators, editor.indicators.grid
    first, second = (editor.session.form.indicators[i].name
                     for i in (grid.indicator_at(0), grid.indicator_at(1)))
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, grid.column_of("name")))
    press(qtbot, Qt.Key.Key_Down, CTRL | SHIFT)
    names = [editor.session.form.indicators[grid.indicator_at(r)].name for r in (0, 1)]
    assert names == [second, first]
    assert here(panel.view)[0] == 1


# ------------------------------------------------------------ ranges

def test_ctrl_d_fills_down_as_one_step(window, qtbot):
    editor = open_sample(window, SAMPLE)
    panel, grid = editor.indicators, editor.indicators.grid
    column = grid.column_of("unit")
    rows = [r for r in range(3) if grid.indicator_at(r) is not None]
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(rows[0], column))
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    depth = window.undo_stack.count()
    press(qtbot, Qt.Key.Key_D, CTRL)
    top = panel.model.index(rows[0], column).data()
    assert [panel.model.index(r, column).data() for r in rows] == [top] * len(rows)
    assert window.undo_stack.count() == depth + 1


def test_a_pasted_block_stays_selected(window, qtbot):
    editor = open_sample(window, SAMPLE)
    panel, grid = editor.indicators, editor.indicators.grid
    column = grid.column_of("actual")
    QGuiApplication.clipboard().setText("11\n12\n")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, column))
    press(qtbot, Qt.Key.Key_V, CTRL)
    selected = sorted((i.row(), i.column()) for i in panel.view.selectedIndexes())
    expected = sorted((grid.display_row(grid.indicator_at(0) + offset), column + width)
                      for offset in range(2) for width in range(1))
    assert selected == expected
    assert panel.model.index(0, column).data() == "11"


def test_the_status_bar_sums_the_selected_numbers(window, qtbot):
    editor = open_sample(window, SAMPLE)
    funds = editor.funds.view
    funds.setFocus()
    funds.setCurrentIndex(funds.model().index(1, 1))
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    press(qtbot, Qt.Key.Key_Down, SHIFT)
    amounts = [editor.session.form.funds.source(key).annual or Decimal(0)
               for key in funds_presenter.ROW_KEYS[1:]]
    shown = window.selection_figures.text()
    assert shown == f"计数：3    求和：{format_grouped(sum(amounts))}"


def _qualitative(grid, row: int) -> bool:
    from desktop.presenters import grid_actions
    return grid_actions.is_qualitative(grid, row)


# ------------------------------------------------------------ into the form without the mouse

def test_enter_in_the_browser_opens_the_form_with_the_keyboard_in_it(window, qtbot):
    browser = window.browser
    browser.select_form(form_id(window, SAMPLE))
    browser.view.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert window.session.form_id == form_id(window, SAMPLE)
    assert QApplication.focusWidget() is window.editor.blocks()[0][0]


def test_enter_in_the_search_box_opens_the_first_hit(window, qtbot):
    panel = window.search_panel
    window.search_dock.show()
    panel.box.setFocus()
    type_text(qtbot, load_sample(SAMPLE).project_code)
    press(qtbot, Qt.Key.Key_Return)
    assert window.session.form_id == form_id(window, SAMPLE)
    assert window.editor.isAncestorOf(QApplication.focusWidget())


def test_down_in_the_search_box_goes_into_the_hits(window, qtbot):
    panel = window.search_panel
    window.search_dock.show()
    panel.box.setFocus()
    type_text(qtbot, "4403")
    panel.run()
    press(qtbot, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is panel.view and panel.view.currentIndex().row() == 0


def test_ctrl_l_from_anywhere_goes_to_the_form_list(window, qtbot):
    editor = open_sample(window, SAMPLE)
    editor.indicators.view.setFocus()
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert QApplication.focusWidget() is window.browser.search
    type_text(qtbot, load_sample("longhua-2022-grid-info").project_code)
    press(qtbot, Qt.Key.Key_Return)
    assert window.session.form_id == form_id(window, "longhua-2022-grid-info")
    assert window.editor.isAncestorOf(QApplication.focusWidget())
