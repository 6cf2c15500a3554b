"""What the clerk does to the indicator grid, as steps through the session.

Each function returns the Step it ran (for the undo stack) or None when nothing
changed, and raises EditError with a one-line Chinese reason when a value is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from desktop.editing import steps
from desktop.editing.edits import RemoveRows, SetValue
from desktop.editing.errors import EditError
from desktop.editing.service import Step
from desktop.forms import Indicator
from desktop.money import ZERO, AmountError, format2, parse_decimal
from desktop.presenters.grid import IndicatorGrid, RowKind
from desktop.rules.scoring import GRADES, grade_band, in_band
from desktop.rules.targets import TargetKind
from desktop.rules.weights import spread_evenly

NOT_SCORED = (TargetKind.NOT_APPLICABLE, TargetKind.EMPTY)
SCORE_INPUTS = frozenset({"target", "unit", "actual", "weight"})
"""The fields a suggested score depends on."""


def _score_value(text: str) -> Decimal | None:
    try:
        return parse_decimal(text, what="得分")
    except AmountError as error:
        raise EditError(str(error)) from None


def check_score(grid: IndicatorGrid, index: int, score: Decimal,
                grade: str | None = None) -> None:
    """得分 within [0, 分值], and within the band of the row's grade where it has one."""
    weight = grid.weight_of(index)
    if not ZERO <= score <= weight:
        raise EditError(f"得分 {format2(score)} 应在 0 到 分值 {format2(weight)} 之间")
    if grade is None and grid.session.evaluation is not None:
        grade = grid.session.evaluation.rows[index].grade
    if grade and not in_band(grade, weight, score):
        low, high = grade_band(grade, weight)
        raise EditError(f"等级“{grade}”的得分应在 {format2(low)}–{format2(high)} 之间")


def commit_cell(grid: IndicatorGrid, row: int, column: int, text: str) -> Step | None:
    """The clerk typed `text` into a cell and pressed Enter (or Tab, or left the cell)."""
    index, field = grid.indicator_at(row), grid.field(column)
    if index is None:
        return None
    if field == "score":
        return _commit_score(grid, index, text)
    if field == "level1" and text and text not in grid.level_choices():
        text = text.split("（")[0].strip()
    edits = [SetValue(("indicators", index, field), text)]
    if field in SCORE_INPUTS and _follows_rules(grid, index):
        edits.append(SetValue(("indicators", index, "score"), None))
    label = steps.set_cell(grid.session.form, index, field, text).label
    return grid.session.run(lambda opened: grid.session.service.apply(opened, edits, label))


def _follows_rules(grid: IndicatorGrid, index: int) -> bool:
    """A typed score equal to the rule's suggestion only confirmed it (an imported form
    carries every score): when the row's inputs change, the score follows the rules."""
    typed = grid.session.form.indicators[index].score
    evaluation = grid.session.evaluation
    return typed is not None and evaluation is not None and \
        evaluation.rows[index].suggested == typed


def _commit_score(grid: IndicatorGrid, index: int, text: str) -> Step | None:
    score = _score_value(text)
    indicator = grid.session.form.indicators[index]
    result = grid.session.evaluation.rows[index] if grid.session.evaluation else None
    if score is not None:
        if indicator.score is None and result is not None and score == result.score \
                and result.suggested is not None:
            return None   # the suggestion confirmed: keep following the rules
        check_score(grid, index, score)
    return grid.session.run(lambda opened: grid.session.service.set_cell(
        opened, index, "score", score))


def is_qualitative(grid: IndicatorGrid, row: int) -> bool:
    index = grid.indicator_at(row)
    evaluation = grid.session.evaluation
    return index is not None and evaluation is not None and \
        evaluation.rows[index].reading_kind is TargetKind.QUALITATIVE


def commit_grade(grid: IndicatorGrid, row: int, grade: str, score_text: str) -> Step | None:
    """A qualitative row: the clerk picks 达成 / 部分达成 / 未达成 and a score in its band."""
    index = grid.indicator_at(row)
    if index is None or grade not in GRADES:
        raise EditError(f"等级应为 {'、'.join(GRADES)} 之一")
    score = _score_value(score_text)
    if score is not None:
        check_score(grid, index, score, grade)
    edits = [SetValue(("indicators", index, "grade"), grade),
             SetValue(("indicators", index, "score"), score)]
    return grid.session.run(lambda opened: grid.session.service.apply(opened, edits, "评定等级"))


def date_offer(grid: IndicatorGrid, row: int) -> dt.date | None:
    index, evaluation = grid.indicator_at(row), grid.session.evaluation
    return None if index is None or evaluation is None else evaluation.rows[index].date_offer


def accept_date(grid: IndicatorGrid, row: int) -> Step | None:
    """Replace an Excel date serial in 实际完成值 by the date it stands for."""
    offer, index = date_offer(grid, row), grid.indicator_at(row)
    if offer is None or index is None:
        return None
    text = f"{offer.year}年{offer.month}月{offer.day}日"
    return grid.session.run(lambda opened: grid.session.service.apply(
        opened, [SetValue(("indicators", index, "actual"), text)], "采用日期"))


def insert_row(grid: IndicatorGrid, row: int) -> Step | None:
    """A new indicator below the given display row, in the same 一级 and 二级."""
    form = grid.session.form
    display = grid.rows[row] if 0 <= row < len(grid.rows) else None
    if display is None or display.kind is RowKind.TOTAL:
        position, template = len(form.indicators), Indicator()
    elif display.kind is RowKind.SUBTOTAL:
        members = grid.rows_of_group(display.level1)
        position = max(members) + 1
        template = Indicator(level1=display.level1)
    else:
        assert display.index is not None
        above = form.indicators[display.index]
        position = display.index + 1
        template = Indicator(level1=above.level1 or display.level1, level2=above.level2)
    return grid.session.run(lambda opened: grid.session.service.insert_indicator(
        opened, position, template))


def remove_rows(grid: IndicatorGrid, rows: Sequence[int]) -> Step | None:
    """Remove the indicators on the given display rows, as one step."""
    indices = sorted({i for i in map(grid.indicator_at, rows) if i is not None}, reverse=True)
    if not indices:
        return None
    edits = [RemoveRows("indicators", index, 1) for index in indices]
    return grid.session.run(lambda opened: grid.session.service.apply(opened, edits, "删除指标"))


def move_row(grid: IndicatorGrid, row: int, delta: int) -> Step | None:
    """Move an indicator up (-1) or down (+1) past its neighbour in the same 一级."""
    display = grid.rows[row] if 0 <= row < len(grid.rows) else None
    if display is None or display.index is None:
        return None
    index, members = display.index, grid.rows_of_group(display.level1)
    position = members.index(index) + delta
    if not 0 <= position < len(members):
        return None
    destination = members[position]
    return grid.session.run(lambda opened: grid.session.service.move_indicator(
        opened, index, destination))


def spread_weights(grid: IndicatorGrid, level1: str) -> Step | None:
    """均分权重: the 一级's points over its applicable rows, 2 decimals summing exactly.

    Rows that do not apply (不适用 / 无 / empty target) keep weight 0, as the forms do.
    """
    evaluation = grid.session.evaluation
    declared = grid.declared_points(level1)
    if evaluation is None or declared is None:
        return None
    rows = [i for i in grid.rows_of_group(level1)
            if evaluation.rows[i].reading_kind not in NOT_SCORED]
    if not rows:
        raise EditError(f"“{level1}”没有可分配分值的指标")
    weights = spread_evenly(declared, len(rows))
    return grid.session.run(lambda opened: grid.session.service.set_weights(opened, rows, weights))


def paste(grid: IndicatorGrid, row: int, column: int, block: Sequence[Sequence[str]]) -> Step | None:
    """Tab-separated cells from a spreadsheet, pasted at (row, column), growing rows."""
    index = grid.indicator_at(row)
    top = index if index is not None else len(grid.session.form.indicators)
    columns = tuple(c.field for c in grid.columns)
    return grid.session.run(lambda opened: grid.session.service.paste_block(
        opened, top, grid.field(column), block, columns=columns))


def parse_clipboard(text: str) -> list[list[str]]:
    """Excel puts rows on lines and cells between tabs; a trailing newline ends the block."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


FILLED_FIELDS = frozenset({"level1", "level2", "name", "target", "unit", "actual", "weight",
                           "deviation", "explanation"})
"""Fields Ctrl+D copies down; a score follows the rules of its own row and is not copied."""


def fill_down(grid: IndicatorGrid, rows: Sequence[int], columns: Sequence[int]) -> Step | None:
    """Ctrl+D, as in a spreadsheet: in each selected column, the top selected row's value
    into the selected rows below it; with one row selected, the row above into it."""
    indicator_rows = [row for row in rows if grid.indicator_at(row) is not None]
    if len(rows) == 1:
        above = [row for row in range(rows[0]) if grid.indicator_at(row) is not None]
        indicator_rows = above[-1:] + indicator_rows
    if len(indicator_rows) < 2:
        raise EditError("没有可向下填充的单元格：请选中一列中的几行，最上面一行是要复制的值")
    source, targets = indicator_rows[0], indicator_rows[1:]
    edits = []
    for column in columns:
        field = grid.field(column)
        if field not in FILLED_FIELDS:
            continue
        value = grid.edit_value(source, column)
        edits += [SetValue(("indicators", index, field), value)
                  for row in targets if (index := grid.indicator_at(row)) is not None]
    if not edits:
        raise EditError("所选的栏不能向下填充（得分按规则计算）")
    return grid.session.run(lambda opened: grid.session.service.apply(opened, edits, "向下填充"))


def pasted_cells(grid: IndicatorGrid, row: int, column: int,
                 block: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """The display cells a block pasted at (row, column) landed in, to keep them selected."""
    index = grid.indicator_at(row)
    top = index if index is not None else len(grid.session.form.indicators) - len(block)
    width = max((len(texts) for texts in block), default=0)
    cells = []
    for offset in range(len(block)):
        display = grid.display_row(top + offset)
        if display is not None:
            cells += [(display, c) for c in range(column, min(column + width, grid.column_count()))]
    return cells
