"""Finding labels on a sheet, however a clerk's Excel spelled or placed them.

Every text cell is indexed once by its label key (half-width, no spaces, no star, no
trailing colon), so "年 度 绩 效 指 标", "* 权重" and "项目编号：" are found by the
layout's "年度绩效指标", "权重" and "项目编号" wherever the rows were shifted to.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.template.cellvalues import label_key
from desktop.template.grid import Grid, Position


class ReadError(ValueError):
    """A workbook the importer cannot read; the message names the sheet and cell."""


class NeedsInput(ReadError):
    """A sheet that lacks what the clerk can tell: `needs` is "year" or "code"."""

    def __init__(self, message: str, needs: str) -> None:
        super().__init__(message)
        self.needs = needs


class Labels:
    """An index of a grid's text cells by label key, in reading order."""

    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.at: dict[str, list[Position]] = {}
        for position in sorted(grid.values):
            value = grid.values[position]
            if isinstance(value, str) and value.strip():
                self.at.setdefault(label_key(value), []).append(position)

    def keys(self) -> set[str]:
        return set(self.at)

    def find(self, labels: Iterable[str], below: int = 0) -> Position | None:
        """The first cell (by row, then column) below row `below` showing one of `labels`."""
        found = [position for key in map(label_key, labels)
                 for position in self.at.get(key, ()) if position[0] > below]
        return min(found, default=None)

    def find_in_row(self, labels: Iterable[str], row: int) -> Position | None:
        found = [position for key in map(label_key, labels)
                 for position in self.at.get(key, ()) if position[0] == row]
        return min(found, default=None)

    def find_prefixed(self, labels: Iterable[str]) -> tuple[Position, str] | None:
        """A cell holding "label：value" in one piece; returns it with the value."""
        for key in map(label_key, labels):
            for cell_key, positions in self.at.items():
                if cell_key.startswith(key + ":") and len(cell_key) > len(key) + 1:
                    return positions[0], _after_colon(str(self.grid.values[positions[0]]))
        return None

    def row_has(self, row: int, labels: Iterable[str]) -> bool:
        """Whether a cell of `row` shows one of `labels`, alone or as "label：…"."""
        wanted = {label_key(label) for label in labels}
        for column in self.grid.starts(row):
            key = label_key(self.grid.text(row, column))
            if key and (key in wanted or key.split(":", 1)[0] in wanted):
                return True
        return False


def _after_colon(text: str) -> str:
    for colon in ("：", ":"):
        if colon in text:
            return text.split(colon, 1)[1].strip()
    return ""


def value_right_of(grid: Grid, position: Position, stop: set[str]) -> Position | None:
    """The first non-empty cell right of a label, unless that cell is another label."""
    row, column = position
    start = grid.end(row, column)[1] + 1
    for candidate in range(start, grid.max_column + 1):
        if grid.origin(row, candidate)[1] != candidate or grid.own(row, candidate) is None:
            continue
        if label_key(grid.text(row, candidate)) in stop:
            return None
        return row, candidate
    return None
