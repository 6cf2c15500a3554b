"""The indicator grid as the window shows it: rows grouped by 一级 with a subtotal under
each and the 总分 row at the bottom, cells as text with their marks.

This is the plain-Python half of the grid (the Qt model only forwards to it), so the
layout of the grid and the meaning of an edit are tested without a display. Rows are
"display rows"; `DisplayRow.index` is the indicator's position in the form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from desktop.forms import Indicator, SelfEvaluation
from desktop.layouts import LayoutField
from desktop.money import ZERO, format2, format_plain
from desktop.presenters.session import FormSession
from desktop.rules.findings import Finding
from desktop.rules.profile import RuleProfile
from desktop.rules.rows import level1_of

NUMBER_FIELDS = frozenset({"weight", "score"})
SUBTOTAL_LOCKED = "小计由本组各行的分值和得分相加得出，请修改上面的指标行"
TOTAL_LOCKED = "总分由各组小计和资金得分相加得出，不能直接修改"


class RowKind(Enum):
    INDICATOR = "indicator"
    SUBTOTAL = "subtotal"
    TOTAL = "total"


@dataclass(frozen=True)
class DisplayRow:
    kind: RowKind
    level1: str
    index: int | None = None        # the indicator's position in the form
    first_in_group: bool = False


@dataclass(frozen=True)
class Cell:
    text: str
    editable: bool = False
    computed: bool = False      # filled by the app (grey)
    overridden: bool = False    # a typed score that differs from the rule's suggestion
    problem: str = ""           # the findings that point at this cell, one per line
    numeric: bool = False
    hint: str = ""              # e.g. the suggested score behind an override
    locked: str = ""            # why a read-only cell cannot be typed in, shown at the cell


def group_indices(indicators: Sequence[Indicator], profile: RuleProfile) -> dict[str, list[int]]:
    """Indicator positions per 一级: taxonomy order first, then others as they appear."""
    groups: dict[str, list[int]] = {name: [] for name in profile.taxonomy.levels}
    for index, indicator in enumerate(indicators):
        groups.setdefault(level1_of(indicator, profile), []).append(index)
    return {name: rows for name, rows in groups.items() if rows}


def group_order(session: FormSession) -> dict[str, list[int]]:
    return group_indices(session.form.indicators, session.profile)


def display_rows(session: FormSession) -> list[DisplayRow]:
    rows: list[DisplayRow] = []
    for level1, indices in group_order(session).items():
        rows += [DisplayRow(RowKind.INDICATOR, level1, index, position == 0)
                 for position, index in enumerate(indices)]
        if session.scored:
            rows.append(DisplayRow(RowKind.SUBTOTAL, level1))
    if session.scored:
        rows.append(DisplayRow(RowKind.TOTAL, ""))
    return rows


class IndicatorGrid:
    """Rows, cells and their marks for one open form; rebuilt after every change."""

    def __init__(self, session: FormSession) -> None:
        self.session = session
        self.columns: tuple[LayoutField, ...] = session.layout.indicator_columns
        self.rows: list[DisplayRow] = []
        self._problems: dict[tuple[int, str], list[str]] = {}
        self._continued: set[int] = set()   # display rows whose 二级 continues the row above
        self.rebuild()

    # ------------------------------------------------------------ structure

    def rebuild(self) -> bool:
        """Recompute rows and marks; True when the row structure changed."""
        before = [(row.kind, row.level1, row.index) for row in self.rows]
        self.rows = display_rows(self.session)
        self._problems = self._map_problems(self.session.findings)
        self._continued = self._continuations()
        return before != [(row.kind, row.level1, row.index) for row in self.rows]

    def _continuations(self) -> set[int]:
        indicators, found = self.session.form.indicators, set()
        for number, (above, row) in enumerate(zip(self.rows, self.rows[1:]), start=1):
            if row.first_in_group or above.index is None or row.index is None:
                continue
            if indicators[above.index].level2 == indicators[row.index].level2:
                found.add(number)
        return found

    def row_count(self) -> int:
        return len(self.rows)

    def column_count(self) -> int:
        return len(self.columns)

    def header(self, column: int) -> str:
        return self.columns[column].label

    def field(self, column: int) -> str:
        return self.columns[column].field

    def column_of(self, field: str) -> int | None:
        fields = [column.field for column in self.columns]
        if field == "grade":
            field = "score"
        if field == "unit" and "unit" not in fields:
            field = "target"
        return fields.index(field) if field in fields else None

    def indicator_at(self, row: int) -> int | None:
        return self.rows[row].index if 0 <= row < len(self.rows) else None

    def display_row(self, index: int) -> int | None:
        return next((r for r, row in enumerate(self.rows) if row.index == index), None)

    def subtotal_row(self, level1: str) -> int | None:
        return next((r for r, row in enumerate(self.rows)
                     if row.kind is RowKind.SUBTOTAL and row.level1 == level1), None)

    def total_row(self) -> int | None:
        return len(self.rows) - 1 if self.session.scored and self.rows else None

    def rows_of_group(self, level1: str) -> list[int]:
        return [row.index for row in self.rows
                if row.kind is RowKind.INDICATOR and row.level1 == level1
                and row.index is not None]

    # ------------------------------------------------------------ findings

    def _map_problems(self, findings: tuple[Finding, ...]) -> dict[tuple[int, str], list[str]]:
        """Key each finding by (indicator index, field); form-level ones by (-1, field)."""
        problems: dict[tuple[int, str], list[str]] = {}
        for finding in findings:
            index = finding.row - 1 if finding.row is not None else -1
            problems.setdefault((index, finding.field), []).append(finding.message)
        return problems

    def cell_of_finding(self, row: int | None, field: str) -> tuple[int, int] | None:
        """Where a finding points: its indicator cell, or a subtotal or total cell."""
        weight_column = self.column_of("weight")
        if row is None or row < 1:
            if field.startswith("level1_weights."):
                target = self.subtotal_row(field.split(".", 1)[1])
            elif field == "weights_total":
                target = self.total_row()
            else:
                return None
            return None if target is None or weight_column is None else (target, weight_column)
        display, column = self.display_row(row - 1), self.column_of(field)
        if display is None:
            return None
        return display, column if column is not None else 0

    def _problem(self, index: int, field: str) -> str:
        fields = [field]
        if field == "score":
            fields.append("grade")
        if field == "target" and self.column_of("unit") == self.column_of("target"):
            fields.append("unit")
        return "\n".join(m for f in fields for m in self._problems.get((index, f), []))

    # ------------------------------------------------------------ cells

    def cell(self, row: int, column: int) -> Cell:
        display, field = self.rows[row], self.columns[column].field
        if display.kind is RowKind.INDICATOR:
            return self._indicator_cell(row, display, field)
        if display.kind is RowKind.SUBTOTAL:
            return self._subtotal_cell(display.level1, field)
        return self._total_cell(field)

    def declared_points(self, level1: str) -> Decimal | None:
        form = self.session.form
        if isinstance(form, SelfEvaluation) and level1 in form.level1_weights:
            return form.level1_weights[level1]
        return self.session.profile.level1_weights.get(level1)

    def _level1_text(self, display: DisplayRow) -> str:
        if not display.first_in_group:
            return ""
        declared = self.declared_points(display.level1) if self.session.scored else None
        return display.level1 if declared is None else \
            f"{display.level1}（{format_plain(declared)}分）"

    def _indicator_cell(self, row: int, display: DisplayRow, field: str) -> Cell:
        assert display.index is not None
        indicator = self.session.form.indicators[display.index]
        problem = self._problem(display.index, field)
        if field == "level1":
            return Cell(self._level1_text(display), editable=True, problem=problem)
        if field == "level2":
            # Blank where the row continues the 二级 above, as the official form prints it.
            text = "" if row in self._continued else indicator.level2
            return Cell(text, editable=True, problem=problem)
        if field == "score":
            return self._score_cell(display.index, problem)
        if field == "weight":
            return Cell(format2(indicator.weight), editable=True, numeric=True, problem=problem)
        return Cell(getattr(indicator, field), editable=True, problem=problem)

    def _score_cell(self, index: int, problem: str) -> Cell:
        evaluation = self.session.evaluation
        if evaluation is None:
            return Cell("")
        result = evaluation.rows[index]
        typed = self.session.form.indicators[index].score
        if typed is None and result.suggested is None:
            return Cell("待定", editable=True, numeric=True, problem=problem)
        hint = "" if result.suggested is None else f"建议得分 {format2(result.suggested)}"
        if result.band is not None and result.grade:
            hint += f"；等级“{result.grade}” {format2(result.band[0])}–{format2(result.band[1])}"
        return Cell(format2(result.score), editable=True, numeric=True,
                    overridden=result.overridden, problem=problem, hint=hint.strip("；"))

    def _subtotal_cell(self, level1: str, field: str) -> Cell:
        evaluation = self.session.evaluation
        level = next((lv for lv in evaluation.levels if lv.name == level1), None) \
            if evaluation else None
        if level is None:
            return Cell("", computed=True)
        if field == "level1":
            return Cell(f"{level1} 小计", computed=True, locked=SUBTOTAL_LOCKED)
        if field == "weight":
            return Cell(format2(level.weight), computed=True, numeric=True, locked=SUBTOTAL_LOCKED,
                        problem="\n".join(self._problems.get((-1, f"level1_weights.{level1}"), [])))
        if field == "score":
            return Cell(format2(level.score), computed=True, numeric=True, locked=SUBTOTAL_LOCKED)
        return Cell("", computed=True, locked=SUBTOTAL_LOCKED)

    def _total_cell(self, field: str) -> Cell:
        evaluation = self.session.evaluation
        if evaluation is None:
            return Cell("")
        if field == "level1":
            return Cell("总分", computed=True, locked=TOTAL_LOCKED)
        if field == "weight":
            return Cell(format2(evaluation.weights_total), computed=True, numeric=True,
                        locked=TOTAL_LOCKED,
                        problem="\n".join(self._problems.get((-1, "weights_total"), [])))
        if field == "score":
            return Cell(format2(evaluation.total), computed=True, numeric=True,
                        locked=TOTAL_LOCKED)
        if field == "deviation":
            return Cell(f"等级：{evaluation.grade}", computed=True, locked=TOTAL_LOCKED)
        return Cell("", computed=True, locked=TOTAL_LOCKED)

    def edit_value(self, row: int, column: int) -> str:
        """The text an editor starts from: what the clerk typed, never a display label."""
        index, field = self.indicator_at(row), self.columns[column].field
        if index is None:
            return ""
        indicator = self.session.form.indicators[index]
        if field == "score":
            return self.cell(row, column).text if self.cell(row, column).text != "待定" else ""
        value = getattr(indicator, field)
        return format_plain(value) if field in NUMBER_FIELDS else value

    def level_choices(self) -> list[str]:
        return list(self.session.profile.taxonomy.levels)

    def level2_choices(self, row: int) -> list[str]:
        display = self.rows[row]
        return list(self.session.profile.taxonomy.levels.get(display.level1, ()))

    def weight_of(self, index: int) -> Decimal:
        return self.session.form.indicators[index].weight or ZERO
