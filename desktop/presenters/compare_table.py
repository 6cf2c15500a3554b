"""The side-by-side table of a form against an earlier year's, as cells.

The names come first, then each compared field for both years next to each other
(年度指标值, 实际完成值, 分值, 得分, 偏差原因), the status last. A cell that differs is
marked (the same yellow as an overridden score) and the current year's cell names the
earlier value in its tooltip; a row only one year has says so in the last column. The
columns are the fields `compare` compares, so every 有变化 row has a marked cell.
"""

from __future__ import annotations

from desktop.presenters.grid import Cell
from desktop.years.compare import (
    PAIRED_FIELDS,
    ROW_FIELDS,
    SCORED_FIELDS,
    AlignedRow,
    Comparison,
    RowSide,
    RowStatus,
)

LABELS = {"level1": "一级指标", "level2": "二级指标", "name": "三级指标",
          "target": "年度指标值", "actual": "实际完成值", "weight": "分值", "score": "得分",
          "deviation": "偏差原因"}
STATUS_TEXT = {RowStatus.SAME: "", RowStatus.CHANGED: "有变化", RowStatus.ADDED: "本年新增",
               RowStatus.REMOVED: "本年删除"}
NUMERIC = frozenset({"weight", "score"})
ELIDED = frozenset({"deviation"})
"""Reasons run to a paragraph; in the cell only their start, whole in the tooltip."""
ELIDE_AT = 12
"""Characters of a reason shown in its cell (the ellipsis included)."""
TOOLTIP_LINE = 40
"""Characters per tooltip line: Qt does not wrap a plain-text tooltip."""
BLANK = "（空）"

Column = tuple[str, str, str]
"""(field, side, header): side is "earlier" / "current" for paired fields, else ""."""


class CompareTable:
    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.columns: list[Column] = _columns(comparison)

    def row_count(self) -> int:
        return len(self.comparison.rows)

    def column_count(self) -> int:
        return len(self.columns)

    def header(self, column: int) -> str:
        return self.columns[column][2]

    def row_label(self, row: int) -> str:
        return str(row + 1)

    def edit_value(self, row: int, column: int) -> str:
        return ""

    def commit(self, row: int, column: int, text: str) -> None:
        return None

    def column_of(self, field: str, side: str = "") -> int:
        return [column[:2] for column in self.columns].index((field, side))

    def cell(self, row: int, column: int) -> Cell:
        aligned = self.comparison.rows[row]
        field, side, _label = self.columns[column]
        if field == "status":
            return self._status(aligned)
        if field in ("level1", "level2"):
            return self._level(aligned, field)
        if field == "name":
            return self._name(aligned)
        return self._paired(aligned, field, side)

    # ------------------------------------------------------------ cells

    def _status(self, aligned: AlignedRow) -> Cell:
        text = STATUS_TEXT[aligned.status]
        if aligned.status is RowStatus.CHANGED:
            # which columns to look at, for a row whose marks are scrolled out of sight
            fields = [LABELS[field] for field in ROW_FIELDS if aligned.is_changed(field)]
            return Cell(text, hint="变化：" + "、".join(fields))
        return Cell(text, problem="" if aligned.status is RowStatus.SAME else text)

    def _level(self, aligned: AlignedRow, field: str) -> Cell:
        text = getattr(aligned, field)
        if not (aligned.is_changed(field) and aligned.earlier):
            return Cell(text)
        return Cell(text, overridden=True, hint=self._earlier_hint(aligned.earlier.text(field)))

    def _name(self, aligned: AlignedRow) -> Cell:
        if aligned.renamed and aligned.current and aligned.earlier:
            return Cell(f"{aligned.current.name}（原：{aligned.earlier.name}）", overridden=True,
                        hint=f"{self.comparison.earlier.year} 年名为：{aligned.earlier.name}")
        side = aligned.current or aligned.earlier
        return Cell(side.name if side else "")

    def _paired(self, aligned: AlignedRow, field: str, side: str) -> Cell:
        holder: RowSide | None = getattr(aligned, side)
        numeric = field in NUMERIC
        if holder is None or not self._has(field, side):
            return Cell("", numeric=numeric, computed=True)    # this year has no such text
        text = holder.text(field)
        shown, hints = _elided(text) if field in ELIDED else (text, [])
        changed = aligned.is_changed(field)
        if changed and side == "current" and aligned.earlier is not None:
            hints.append(self._earlier_hint(aligned.earlier.text(field)))
        return Cell(shown, numeric=numeric, overridden=changed, hint="\n".join(hints))

    def _has(self, field: str, side: str) -> bool:
        """A target form has no actuals, scores or reasons: its cells there stay grey."""
        form = self.comparison.current if side == "current" else self.comparison.earlier
        return field not in SCORED_FIELDS or form.funds is not None

    def _earlier_hint(self, text: str) -> str:
        return _wrapped(f"{self.comparison.earlier.year} 年：{text or BLANK}")


def _columns(comparison: Comparison) -> list[Column]:
    earlier, current = comparison.earlier.year, comparison.current.year
    columns: list[Column] = [(field, "", LABELS[field]) for field in ("level1", "level2", "name")]
    for field in PAIRED_FIELDS:
        if field == "score" and not comparison.scored:
            continue
        columns += [(field, "earlier", f"{LABELS[field]}\n{earlier}"),
                    (field, "current", f"{LABELS[field]}\n{current}")]
    columns.append(("status", "", "变化"))
    return columns


def _elided(text: str) -> tuple[str, list[str]]:
    """The start of a long text with an ellipsis, and the whole text for the tooltip."""
    if len(text) <= ELIDE_AT:
        return text, []
    return text[:ELIDE_AT - 1] + "…", [_wrapped(text)]


def _wrapped(text: str) -> str:
    return "\n".join(text[start:start + TOOLTIP_LINE]
                     for start in range(0, len(text), TOOLTIP_LINE)) or text


def totals_line(comparison: Comparison) -> str:
    """Both years' funds and totals in one line above the table."""
    parts = []
    for side in (comparison.earlier, comparison.current):
        text = f"{side.year} 年 {side.kind_title}"
        if side.funds is not None:
            text += (f"：全年预算数 {side.funds.annual}，执行数 {side.funds.executed}，"
                     f"执行率 {side.funds.rate}%，总分 {side.total}（{side.grade}）")
        parts.append(text)
    return "  →  ".join(parts)
