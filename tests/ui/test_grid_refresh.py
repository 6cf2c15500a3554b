"""An edit repaints what it changed: the grid announces only the cells on screen whose
content moved, and rows off screen show the new figures when scrolled to."""

from __future__ import annotations

import copy
import itertools

from PySide6.QtCore import Qt

from conftest import load_sample
from desktop.money import format2


def long_form(rows: int = 120):
    form = load_sample("guangming-2024-market")
    form.project_code = "LONG-1"   # beside the sample itself: a form is stored once
    form.indicators = [copy.deepcopy(row) for row in
                       itertools.islice(itertools.cycle(form.indicators), rows)]
    return form


def test_an_edit_announces_only_the_changed_cells_on_screen(window, qtbot):
    form_id, _ = window.workspace.service.create_form(long_form())
    editor = window.open_form(form_id)
    panel, grid = editor.indicators, editor.indicators.grid
    panel.view.resize(900, 300)
    qtbot.waitUntil(lambda: panel.view.rowAt(0) == 0)
    panel.view.viewport().repaint()          # the clerk has seen the rows on screen
    announced: list[tuple[int, int]] = []
    panel.model.dataChanged.connect(lambda first, last: announced.append(
        (first.row(), first.column())))
    score = grid.column_of("score")
    row = next(r for r in range(grid.row_count()) if grid.indicator_at(r) is not None
               and editor.session.form.indicators[grid.indicator_at(r)].target.endswith("%"))
    assert panel.model.setData(panel.model.index(row, grid.column_of("actual")), "1%",
                               Qt.ItemDataRole.EditRole)
    on_screen = range(panel.view.rowAt(0), panel.view.rowAt(panel.view.viewport().height() - 1) + 1)
    assert announced and all(r in on_screen for r, _ in announced)
    assert (row, score) in announced
    assert len(announced) < grid.column_count() * 3   # the row and its marks, not the table

    total = grid.total_row()
    panel.view.scrollToBottom()
    assert panel.model.index(total, score).data() == format2(editor.session.evaluation.total)
