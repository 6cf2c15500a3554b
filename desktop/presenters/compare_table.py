"""The side-by-side table of a form against an earlier year's, as cells.

Each compared field shows the earlier year's text next to this year's; a field that
differs is marked (the same yellow as an overridden score), a row only one year has
says so in the last column.
"""

from __future__ import annotations

from desktop.presenters.grid import Cell
from desktop.years.compare import AlignedRow, Comparison, RowSide, RowStatus

PAIRED = ("target", "weight", "score")
"""Fields shown for both years side by side; the names come first, the status last."""

STATUS_TEXT = {RowStatus.SAME: "", RowStatus.CHANGED: "有变化", RowStatus.ADDED: "本年新增",
               RowStatus.REMOVED: "本年删除"}
NUMERIC = frozenset({"weight", "score"})


class CompareTable:
    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        earlier, current = comparison.earlier.year, comparison.current.year
        self.columns: list[tuple[str, str, str]] = [("level1", "", "一级指标"),
                                                    ("level2", "", "二级指标"),
                                                    ("name", "", "三级指标")]
        labels = {"target": "年度指标值", "weight": "分值", "score": "得分"}
        scored = comparison.current.funds is not None and comparison.earlier.funds is not None
        for field in PAIRED:
            if field == "score" and not scored:
                continue
            self.columns += [(field, "earlier", f"{labels[field]}（{earlier}）"),
                             (field, "current", f"{labels[field]}（{current}）")]
        self.columns.append(("status", "", "变化"))

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

    def cell(self, row: int, column: int) -> Cell:
        aligned = self.comparison.rows[row]
        field, side, _label = self.columns[column]
        if field == "status":
            return Cell(STATUS_TEXT[aligned.status], problem="" if aligned.status in
                        (RowStatus.SAME, RowStatus.CHANGED) else STATUS_TEXT[aligned.status])
        if field in ("level1", "level2"):
            return Cell(getattr(aligned, field))
        if field == "name":
            return self._name(aligned)
        holder: RowSide | None = getattr(aligned, side)
        text = holder.text(field) if holder is not None else ""
        return Cell(text, numeric=field in NUMERIC, computed=holder is None,
                    overridden=aligned.is_changed(field) and holder is not None)

    def _name(self, aligned: AlignedRow) -> Cell:
        if aligned.renamed and aligned.current and aligned.earlier:
            return Cell(f"{aligned.current.name}（原：{aligned.earlier.name}）", overridden=True,
                        hint=f"{self.comparison.earlier.year} 年名为：{aligned.earlier.name}")
        side = aligned.current or aligned.earlier
        return Cell(side.name if side else "")


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
