"""The import preview's plan without a display: rows, actions, the clerk's choices, storing."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbooks import FULL_CODE, mixed_workbook

from conftest import load_sample
from desktop.importing import Outcome, PlannedSheet
from desktop.interchange.sheets import SheetReading, SheetStatus
from desktop.presenters.import_plan import Action, ImportPlan, read_plan

SHEETS = ["说明", "数字城管", "网格信息", "整体目标", "项目目标", "光明自评"]


@pytest.fixture
def book(tmp_path) -> Path:
    return mixed_workbook(tmp_path)


@pytest.fixture
def plan(service, book) -> ImportPlan:
    return ImportPlan(service, read_plan(service, [book]))


def row_of(plan: ImportPlan, sheet: str):
    return next(row for row in plan.rows if row.sheet == sheet)


def stored_names(service) -> list[str]:
    return sorted(summary.name for summary in service.store.list_forms())


def test_every_sheet_is_a_row_with_what_importing_will_do(plan, book):
    assert [row.sheet for row in plan.rows] == SHEETS
    assert [row.action for row in plan.rows] == [
        Action.SKIPPED, Action.IMPORT, Action.IMPORT, Action.IMPORT,
        Action.NEEDS_YEAR, Action.NEEDS_CODE]
    assert [row.ticked for row in plan.rows] == [False, True, True, True, False, False]
    assert row_of(plan, "说明").detail == "填报说明"   # what the skipped sheet seemed to be
    assert "没有预算年度" in row_of(plan, "项目目标").detail
    grid = row_of(plan, "网格信息")
    assert (grid.kind, grid.planned.reading.layout, grid.form.year, grid.form.code,
            len(grid.form.indicators)) == ("项目支出绩效自评表", "district-2022", 2022,
                                           "440309210901500007728", 14)
    assert plan.files() == [book]


def test_a_stored_form_is_offered_for_replacing_unticked(service, book):
    service.create_form(load_sample("longhua-2022-grid-info"))
    plan = ImportPlan(service, read_plan(service, [book]))
    row = row_of(plan, "网格信息")
    assert (row.action, row.checkable, row.ticked) == (Action.REPLACE, True, False)


def test_only_ticked_rows_are_stored_and_every_row_has_its_line(service, plan):
    assert plan.set_ticked(SHEETS.index("数字城管"), False)
    assert not plan.set_ticked(SHEETS.index("说明"), True)   # nothing to import there
    results = plan.store()
    assert stored_names(service) == ["深圳市消费者委员会秘书处", "网格信息采集工作"]
    assert [r.outcome for r in results] == [
        Outcome.SKIPPED, Outcome.SKIPPED, Outcome.IMPORTED, Outcome.IMPORTED,
        Outcome.REFUSED, Outcome.REFUSED]
    assert "未勾选" in results[1].message


def test_a_year_given_once_makes_the_workbooks_yearless_sheets_importable(service, plan, book):
    plan.set_ticked(SHEETS.index("数字城管"), False)
    assert plan.suggested_year(book) == 2022    # most of its forms carry 2022
    plan.give_year(book, 2021)
    rows = plan.read_again(book)
    assert len(rows) == len(plan.rows)
    plan.replace_file(book, rows)
    target = row_of(plan, "项目目标")
    assert (target.action, target.ticked, target.form.year) == (Action.IMPORT, True, 2021)
    assert target.year_editable                  # the clerk can still correct it
    assert not row_of(plan, "数字城管").ticked   # an untick survives the re-read
    assert plan.remembered == {str(book.parent): 2021}


def test_a_typed_code_makes_the_cut_sheet_importable(service, plan, book):
    plan.give_code(book, "光明自评", f" {FULL_CODE} ")
    plan.replace_file(book, plan.read_again(book))
    row = row_of(plan, "光明自评")
    assert (row.action, row.ticked, row.form.code) == (Action.IMPORT, True, FULL_CODE)
    plan.store()
    assert service.store.find_form(2024, FULL_CODE, row.form.kind) is not None


def test_the_year_last_given_in_a_folder_is_suggested(service, book):
    plan = ImportPlan(service, read_plan(service, [book]), {str(book.parent): 2019})
    assert plan.suggested_year(book) == 2019


def test_unsupported_and_refused_rows_cannot_be_ticked(service):
    path = Path("监控.xlsx")
    plan = ImportPlan(service, [
        PlannedSheet(path, SheetReading("监控", SheetStatus.UNSUPPORTED, title="绩效运行监控表",
                                        message="监控：绩效运行监控表暂不能导入")),
        PlannedSheet(path, SheetReading("坏表", SheetStatus.REFUSED, title="项目支出绩效自评表",
                                        message="坏表!F12：分值 不是数字：abc"))])
    assert [(row.action, row.detail, row.checkable) for row in plan.rows] == [
        (Action.UNSUPPORTED, "绩效运行监控表", False),
        (Action.REFUSED, "坏表!F12：分值 不是数字：abc", False)]
    assert plan.chosen() == []
    assert [r.outcome for r in plan.store()] == [Outcome.UNSUPPORTED, Outcome.REFUSED]
    assert stored_names(service) == []


def test_reading_stops_when_the_clerk_cancels(service, book):
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int, name: str) -> bool:
        calls.append((done, total))
        return False

    assert read_plan(service, [book, book], progress) is None
    assert calls == [(0, 2)]
