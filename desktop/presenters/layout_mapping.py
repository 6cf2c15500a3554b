"""Teaching a layout from the import preview, Qt-free: which sheet a preview row can
teach, and the mapping the clerk edits before it is saved.

`desktop.ui.layout_mapping` only shows a `Mapping` (its kind, name, columns and header
cells) and turns the clerk's clicks into the calls here; `desktop.template.learn` does
the proposing and `desktop.user_layouts` the saving.
"""

from __future__ import annotations

from pathlib import Path

from desktop.forms import FormKind
from desktop.interchange.errors import FormFileError
from desktop.template.grid import Grid
from desktop.template.learn import (
    DETAIL,
    EXTRA,
    HEADER_FIELDS,
    IGNORE,
    INDICATOR_FIELDS,
    Proposal,
    for_kind,
    layout_data,
    propose,
)
from desktop.template.reader import load_grids
from desktop.user_layouts import save_user_layout

COLUMN_FIELDS = (*INDICATOR_FIELDS, EXTRA, IGNORE)
"""What an indicator column can be mapped to, in the order the window offers them."""


class Teachable:
    """The sheets of the preview's files that a layout could be taught from. A file is
    read again only when the clerk is on one of its rows, and once."""

    def __init__(self) -> None:
        self._grids: dict[Path, list[Grid]] = {}

    def grids(self, path: Path) -> list[Grid]:
        if path not in self._grids:
            try:
                self._grids[path] = load_grids(path)
            except (FormFileError, OSError, MemoryError):
                self._grids[path] = []     # not a workbook: nothing to teach from
        return self._grids[path]

    def find(self, path: Path, sheet: str) -> tuple[Grid, Proposal] | None:
        """The sheet and a proposal for it; for a file refused whole (no sheet held a
        form, `sheet` is ""), its first sheet with an indicator header."""
        for grid in self.grids(path):
            if sheet and grid.name != sheet:
                continue
            proposal = propose(grid)
            if proposal is not None:
                return grid, proposal
        return None

    def forget(self, path: Path) -> None:
        self._grids.pop(path, None)


class Mapping:
    """One sheet's mapping as the clerk edits it: the proposal and the layout's name."""

    def __init__(self, grid: Grid, proposal: Proposal, name: str | None = None) -> None:
        self.grid = grid
        self.proposal = proposal
        self.name = (proposal.title or grid.name) if name is None else name

    @property
    def kind(self) -> FormKind:
        return self.proposal.kind

    def header_fields(self) -> tuple[str, ...]:
        """What a header cell can be mapped to for the chosen kind."""
        return (*HEADER_FIELDS[self.kind], DETAIL, IGNORE)

    def set_kind(self, kind: FormKind) -> None:
        if kind is not self.kind:
            self.proposal = for_kind(self.proposal, self.grid, kind)

    def set_column(self, index: int, field: str) -> None:
        self.proposal = self.proposal.with_column(self.proposal.columns[index].column, field)

    def set_header(self, index: int, field: str) -> None:
        cell = self.proposal.headers[index]
        self.proposal = self.proposal.with_header(cell.row, cell.column, field)

    def problems(self) -> list[str]:
        found = self.proposal.problems()
        return found if self.name.strip() else ["请为表样起一个名字", *found]

    def save(self) -> str:
        """Save the layout; its name (learned-N). UserLayoutError when it cannot be."""
        return save_user_layout(layout_data(self.proposal), self.name)
