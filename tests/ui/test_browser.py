"""The browser panel on the five published samples: tree, search, activation, updates."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from conftest import SAMPLE_FILES, load_sample
from desktop.ui.browser import BrowserPanel
from desktop.ui.browser_model import FORM_ID_ROLE, Column


@pytest.fixture
def loaded(service) -> dict[str, int]:
    """The five published samples in a fresh store, by file stem."""
    return {path.stem: service.create_form(load_sample(path.stem))[0] for path in SAMPLE_FILES}


@pytest.fixture
def panel(qtbot, service, loaded) -> BrowserPanel:
    widget = BrowserPanel(service.store)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def visible(panel: BrowserPanel, parent: QModelIndex = QModelIndex()) -> list[list[str]]:
    """Every row the search lets through, depth first, as its texts."""
    rows = []
    for row in range(panel.model.rowCount(parent)):
        first = panel.model.index(row, 0, parent)
        rows.append([panel.model.index(row, column, parent).data() or "" for column in Column])
        rows += visible(panel, first)
    return rows


def form_rows(panel: BrowserPanel) -> list[list[str]]:
    return [row for row in visible(panel) if row[Column.KIND]]


def test_the_five_samples_hang_under_their_years_with_published_totals(panel):
    top = [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]
    assert [text.replace("Year ", "").strip("年度 ") for text in top] == ["2024", "2023", "2022",
                                                                        "2020"]
    totals = [row[Column.TOTAL] for row in form_rows(panel)]
    assert {"99.47", "99.93", "100.00"} <= set(totals)
    assert len(form_rows(panel)) == 5


def test_years_and_units_start_expanded(panel):
    year = panel.model.index(0, 0)
    assert panel.view.isExpanded(year) and panel.view.isExpanded(panel.model.index(0, 0, year))


def test_typing_part_of_a_name_leaves_only_that_project_and_its_branch(panel, qtbot):
    panel.search.insert("网格")  # QTest types ASCII only
    rows = visible(panel)
    assert [row[Column.NAME] for row in form_rows(panel)] == ["网格信息采集工作"]
    assert len(rows) == 3  # 2022, 深圳市龙华区平安建设中心, the form


def test_typing_a_code_finds_its_form_and_clearing_shows_all(panel, qtbot):
    qtbot.keyClicks(panel.search, "440309210901500004279")
    assert [row[Column.CODE] for row in form_rows(panel)] == ["440309210901500004279"]
    panel.search.clear()
    assert len(form_rows(panel)) == 5


def test_enter_in_the_search_box_opens_the_first_form_found(panel, qtbot, loaded):
    qtbot.keyClicks(panel.search, "7728")
    with qtbot.waitSignal(panel.form_activated) as blocker:
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert blocker.args == [loaded["longhua-2022-grid-info"]]
    assert panel.current_form_id() == loaded["longhua-2022-grid-info"]


def test_clicking_a_form_row_asks_to_open_it(panel, qtbot, loaded):
    index = panel.model.form_index(loaded["longhua-2022-grid-info"])
    panel.view.scrollTo(index)
    point = panel.view.visualRect(index).center()
    with qtbot.waitSignal(panel.form_activated) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [loaded["longhua-2022-grid-info"]]


def test_enter_on_a_form_row_asks_to_open_it_but_not_on_a_year(panel, qtbot, loaded):
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    with qtbot.assertNotEmitted(panel.form_activated):
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert panel.select_form(loaded["shanghai-2020-target"])
    with qtbot.waitSignal(panel.form_activated) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == [loaded["shanghai-2020-target"]]


def test_update_form_rewrites_one_row_in_place(panel, service, loaded, qtbot):
    form_id = loaded["longhua-2022-digital-city"]
    panel.select_form(form_id)
    opened = service.open(form_id)
    service.set_cell(opened, 0, "score", Decimal("1"))
    resets = []
    panel.model.modelReset.connect(lambda: resets.append("model"))
    panel.model.layoutChanged.connect(lambda: resets.append("layout"))
    panel.model.rowsRemoved.connect(lambda: resets.append("rows removed"))
    with qtbot.waitSignal(panel.model.dataChanged):
        panel.update_form(form_id)
    total = panel.model.text(form_id, Column.TOTAL)
    assert total not in ("99.93", "") and resets == []
    assert panel.current_form_id() == form_id


def test_refresh_keeps_the_selection_and_a_collapsed_branch(panel, service, loaded):
    panel.select_form(loaded["guangming-2024-market"])
    panel.view.collapse(panel.model.index(2, 0))  # 2022
    service.duplicate_form(load_sample("longhua-2022-grid-info"))
    panel.refresh()
    assert len(form_rows(panel)) == 6
    assert panel.current_form_id() == loaded["guangming-2024-market"]
    assert not panel.view.isExpanded(panel.model.index(2, 0))
    assert panel.view.isExpanded(panel.model.index(0, 0))


def test_select_form_clears_a_search_that_hides_it(panel, qtbot, loaded):
    panel.search.insert("网格")  # QTest types ASCII only
    assert panel.select_form(loaded["guangming-2024-market"])
    assert panel.search.text() == "" and panel.current_form_id() == loaded["guangming-2024-market"]
    assert not panel.select_form(99999)


def test_a_deleted_form_leaves_the_tree_on_update(panel, service, loaded):
    service.delete_form(loaded["shanghai-2020-target"])
    panel.update_form(loaded["shanghai-2020-target"])
    assert len(form_rows(panel)) == 4
    assert panel.model.rowCount() == 3  # 2020 had nothing else


def test_every_cell_of_a_form_row_knows_its_form(panel, loaded):
    form_id = loaded["guangming-2024-market"]
    cells = [panel.model.form_index(form_id, column) for column in Column]
    assert {cell.data(FORM_ID_ROLE) for cell in cells} == {form_id}


def test_the_model_passes_qt_model_tester_with_and_without_a_search(panel, qtmodeltester):
    qtmodeltester.check(panel.model)
    panel.search.insert("龙华")
    qtmodeltester.check(panel.model)


def test_every_state_reads_as_its_own_words(panel):
    from desktop.presenters.browser import STATE_KEYS
    texts = [panel.model.state_text(key) for key in STATE_KEYS]
    assert len(set(texts)) == len(STATE_KEYS)
    assert not set(texts) & set(STATE_KEYS)        # never the bare key


def test_an_edit_of_an_exported_form_reads_changed_in_its_row(panel, service, loaded):
    from db.records import FormState
    form_id = loaded["longhua-2022-grid-info"]
    service.store.set_state(form_id, FormState.EXPORTED)
    opened = service.open(form_id)
    service.set_cell(opened, 0, "deviation", "已按计划完成")
    panel.update_form(form_id)
    row = next(r for r in form_rows(panel) if r[Column.CODE] == "440309210901500007728")
    assert row[Column.STATE] == panel.model.state_text("changed")


def _fresh_tree(qtbot, service) -> list[list[str]]:
    fresh = BrowserPanel(service.store)
    qtbot.addWidget(fresh)
    return visible(fresh)


def test_whole_form_changes_touch_only_their_rows_and_match_a_fresh_tree(
        panel, service, loaded, qtbot):
    """A new form, a deleted one, one moved to another year and one brought back: each
    only inserts or removes rows (no reset), and the tree ends as a fresh read builds it."""
    import copy
    resets: list[str] = []
    panel.model.modelReset.connect(lambda: resets.append("reset"))
    panel.select_form(loaded["longhua-2022-grid-info"])

    another = copy.deepcopy(load_sample("longhua-2022-grid-info"))
    another.project_code, another.year = "440309000000000000001", 2021   # a new year
    new_id, _ = service.create_form(another)
    panel.update_form(new_id)
    assert visible(panel) == _fresh_tree(qtbot, service)

    step = service.delete_form(loaded["shanghai-2020-target"])   # its year empties
    panel.update_form(loaded["shanghai-2020-target"])
    assert visible(panel) == _fresh_tree(qtbot, service)
    assert not any(row[0].startswith("2020") for row in visible(panel))

    service.undo_form_step(step)
    panel.update_form(loaded["shanghai-2020-target"])
    assert visible(panel) == _fresh_tree(qtbot, service)

    moved = service.store.load_form(new_id)
    moved.year = 2024
    service.replace_form(new_id, moved)
    panel.update_form(new_id)
    assert visible(panel) == _fresh_tree(qtbot, service)
    assert resets == []
    assert panel.current_form_id() == loaded["longhua-2022-grid-info"]


def test_several_forms_at_once_are_read_in_one_query_and_match_a_fresh_tree(
        panel, service, loaded, qtbot, monkeypatch):
    """An import (or its undo) changes many forms: `update_forms` reads their rows in one
    query and leaves the tree as a fresh read builds it, with no reset."""
    import copy
    resets: list[str] = []
    panel.model.modelReset.connect(lambda: resets.append("reset"))
    panel.select_form(loaded["guangming-2024-market"])
    new_ids = []
    for number in range(3):
        another = copy.deepcopy(load_sample("longhua-2022-grid-info"))
        another.project_code, another.year = f"44030900000000000000{number}", 2019
        new_ids.append(service.create_form(another)[0])
    service.delete_form(loaded["shanghai-2020-target"])
    reads: list[object] = []
    real = service.store.lines_with_figures
    monkeypatch.setattr(service.store, "lines_with_figures",
                        lambda ids=None: reads.append(ids) or real(ids))
    panel.update_forms([*new_ids, loaded["shanghai-2020-target"]])
    assert len(reads) == 1
    assert visible(panel) == _fresh_tree(qtbot, service)
    assert resets == []
    assert panel.current_form_id() == loaded["guangming-2024-market"]


def _searched_tree(qtbot, service, text: str) -> list[list[str]]:
    fresh = BrowserPanel(service.store)
    qtbot.addWidget(fresh)
    fresh.search.setText(text)
    return visible(fresh)


def test_a_search_keeps_the_current_form_and_reopens_collapsed_branches_after(panel, loaded):
    panel.select_form(loaded["longhua-2022-grid-info"])
    panel.view.collapse(panel.model.index(2, 0))  # 2022
    panel.search.insert("网格")
    assert panel.current_form_id() == loaded["longhua-2022-grid-info"]
    assert panel.view.isExpanded(panel.model.index(0, 0))   # found: opened
    panel.search.clear()
    assert len(form_rows(panel)) == 5
    assert panel.current_form_id() == loaded["longhua-2022-grid-info"]
    assert not panel.view.isExpanded(panel.model.index(2, 0))   # as the clerk left it


def test_changes_during_a_search_show_what_a_fresh_search_shows(
        panel, service, loaded, qtbot, qtmodeltester):
    """New, edited and deleted forms while a search is on: rows come and go as the
    search decides, branches with them, and the model stays consistent throughout."""
    import copy
    qtmodeltester.check(panel.model)
    panel.search.insert("网格")
    another = copy.deepcopy(load_sample("longhua-2022-grid-info"))
    another.project_code, another.year = "440309000000000000001", 2021   # a new year
    new_id, _ = service.create_form(another)
    panel.update_form(new_id)
    assert visible(panel) == _searched_tree(qtbot, service, "网格")
    assert any("2021" in row[Column.NAME] for row in visible(panel))

    renamed = service.store.load_form(loaded["guangming-2024-market"])
    renamed.project_name = "网格化市场监管"   # starts matching, in a branch the search hid
    service.replace_form(loaded["guangming-2024-market"], renamed)
    panel.update_form(loaded["guangming-2024-market"])
    assert visible(panel) == _searched_tree(qtbot, service, "网格")
    assert "网格化市场监管" in [row[Column.NAME] for row in form_rows(panel)]
    year = panel.model.index(0, 0)   # 2024, shown again: open, and its unit too
    assert panel.view.isExpanded(year) and panel.view.isExpanded(panel.model.index(0, 0, year))

    unmatched = service.store.load_form(new_id)
    unmatched.project_name = "另一个项目"   # stops matching: its row and its year go
    service.replace_form(new_id, unmatched)
    panel.update_form(new_id)
    assert visible(panel) == _searched_tree(qtbot, service, "网格")
    assert not any("2021" in row[Column.NAME] for row in visible(panel))

    service.delete_form(loaded["longhua-2022-grid-info"])
    panel.update_form(loaded["longhua-2022-grid-info"])
    assert visible(panel) == _searched_tree(qtbot, service, "网格")
    panel.search.clear()
    assert visible(panel) == _fresh_tree(qtbot, service)


def test_the_columns_are_fitted_without_measuring_every_form(panel):
    from desktop.ui.browser import FIT_ROWS
    assert 0 < panel.view.header().resizeContentsPrecision() == FIT_ROWS
