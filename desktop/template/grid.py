"""A worksheet as plain values and merges, whichever library read it.

The importer finds blocks by their labels, so it needs to ask "what does this cell
show" (a merged cell shows its top-left value: openpyxl and xlrd give None for the
rest) and "did this row write anything of its own" (a blank row inside a merged 一级
must not become an indicator). Both readers (.xlsx through openpyxl, .xls through
xlrd) fill the same Grid, so everything above it is written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.template.cellvalues import cell_text

Position = tuple[int, int]
"""(row, column), both 1-based."""


@dataclass
class Grid:
    """One worksheet: its non-empty values, the number formats of its numbers, merges."""

    name: str
    values: dict[Position, object] = field(default_factory=dict)
    formats: dict[Position, str] = field(default_factory=dict)
    origins: dict[Position, Position] = field(default_factory=dict)
    ends: dict[Position, Position] = field(default_factory=dict)
    max_row: int = 0
    max_column: int = 0

    def merge(self, first: Position, last: Position) -> None:
        """Record a merged range from its top-left to its bottom-right cell. The part
        beyond the last row and column with a value shows nothing and is left out, so a
        range merged down to row 1,048,576 costs no more than the sheet's content."""
        last = (min(last[0], max(self.max_row, first[0])),
                min(last[1], max(self.max_column, first[1])))
        self.ends[first] = last
        for row in range(first[0], last[0] + 1):
            for column in range(first[1], last[1] + 1):
                if (row, column) != first:
                    self.origins[(row, column)] = first

    def origin(self, row: int, column: int) -> Position:
        return self.origins.get((row, column), (row, column))

    def end(self, row: int, column: int) -> Position:
        """The bottom-right cell of the merged range a cell starts (itself if none)."""
        return self.ends.get((row, column), (row, column))

    def value(self, row: int, column: int) -> object:
        """What the cell shows: a merged cell shows its range's top-left value."""
        return self.values.get(self.origin(row, column))

    def own(self, row: int, column: int) -> object:
        """The cell's own value; None for the covered cells of a merged range."""
        return self.values.get((row, column))

    def text(self, row: int, column: int) -> str:
        origin = self.origin(row, column)
        return cell_text(self.values.get(origin), self.formats.get(origin, "General"))

    def where(self, row: int, column: int) -> str:
        """"Sheet1!F12": the sheet and cell a clerk can look up, for messages."""
        origin_row, origin_column = self.origin(row, column)
        return f"{self.name}!{get_column_letter(origin_column)}{origin_row}"

    def starts(self, row: int) -> list[int]:
        """The columns where a distinct cell of `row` starts (a merge counts once)."""
        return [column for column in range(1, self.max_column + 1)
                if self.origin(row, column)[1] == column]


def grid_from_openpyxl(sheet: Worksheet) -> Grid:
    """Read an openpyxl worksheet (loaded with data_only=True: cached formula results).

    Only the cells the file holds are visited (openpyxl's `_cells`), and the grid ends at
    the last cell with a value: iter_rows() would build every cell of the rectangle up
    to a styled empty cell in row 1,048,576, which real workbooks do have.
    """
    grid = Grid(sheet.title)
    for (row, column), cell in sorted(sheet._cells.items()):
        value = cell.value
        if value is None or value == "":
            continue
        grid.values[(row, column)] = value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            grid.formats[(row, column)] = cell.number_format
    grid.max_row = max((row for row, _ in grid.values), default=0)
    grid.max_column = max((column for _, column in grid.values), default=0)
    for merged in sheet.merged_cells.ranges:
        grid.merge((merged.min_row, merged.min_col), (merged.max_row, merged.max_col))
    return grid
