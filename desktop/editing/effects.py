"""What a batch of edits changed: for the store (rows to write) and for the views.

Both are read off the edits' paths alone. A cell edit names one row; an insert, removal
or move changes every row from its first index on, so the store rewrites that tail and
the views refresh that collection's structure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_

from db.records import Touched
from desktop.editing.edits import Edit, InsertRows, MoveRows, RemoveRows, SetValue
from desktop.editing.paths import Path


@dataclass(frozen=True)
class Changed:
    """What the views must refresh after a step, an undo or a redo.

    `header` names header places as dotted paths ("project_name", "details.basis",
    "budget.project_total_budget", "level1_weights.产出指标"); `funds` covers the funds
    block and its 分值; `rows` and `tasks` are indicator and task rows whose cells
    changed; `structure` names the lists ("indicators", "tasks") whose rows were
    inserted, removed or moved, which views refresh whole; `forms` says the list of
    stored forms changed (a form created, deleted or put back).
    """

    header: frozenset[str] = frozenset()
    funds: bool = False
    rows: frozenset[int] = frozenset()
    tasks: frozenset[int] = frozenset()
    structure: frozenset[str] = frozenset()
    forms: bool = False

    def __or__(self, other: Changed) -> Changed:
        return Changed(header=self.header | other.header, funds=self.funds or other.funds,
                       rows=self.rows | other.rows, tasks=self.tasks | other.tasks,
                       structure=self.structure | other.structure,
                       forms=self.forms or other.forms)

    @property
    def nothing(self) -> bool:
        return self == Changed()


def _start(edit: InsertRows | RemoveRows | MoveRows) -> int:
    """The first row whose position the edit changes."""
    if isinstance(edit, MoveRows):
        return min(edit.index, edit.destination)
    return edit.index


SEARCHED_ROW_FIELDS = frozenset({"name"})
"""The indicator texts the search index holds; an edit of any other cell (an actual, a
score) leaves the index as it is, which keeps a keystroke in the grid to one write."""


def _touched_at(path: Path) -> Touched:
    head = path[0]
    if head == "funds":
        # 资金分值 lives on the form row; the amounts in their own funds lines.
        if path[1] == "weight":
            return Touched(header=True, searchable=False)
        return Touched(funds=frozenset({str(path[1])}), searchable=False)
    if head == "budget":
        return Touched(budget=True, searchable=False)
    if head == "indicators":
        return Touched(indicator_rows=frozenset({int(path[1])}),
                       searchable=str(path[-1]) in SEARCHED_ROW_FIELDS)
    if head == "tasks":
        return Touched(task_rows=frozenset({int(path[1])}), searchable=False)
    return Touched(header=True)


def _touched(edit: Edit) -> Touched:
    if isinstance(edit, SetValue):
        return _touched_at(edit.path)
    if edit.collection == "indicators":
        return Touched(indicators_from=_start(edit))
    return Touched(tasks_from=_start(edit))


def touched_by(edits: Sequence[Edit]) -> Touched:
    """The parts of the stored form to rewrite after these edits."""
    return reduce(or_, map(_touched, edits), Touched(searchable=False))


def _changed_at(path: Path) -> Changed:
    head = path[0]
    if head == "funds":
        return Changed(funds=True)
    if head == "indicators":
        return Changed(rows=frozenset({int(path[1])}))
    if head == "tasks":
        return Changed(tasks=frozenset({int(path[1])}))
    return Changed(header=frozenset({".".join(map(str, path))}))


def _changed(edit: Edit) -> Changed:
    if isinstance(edit, SetValue):
        return _changed_at(edit.path)
    return Changed(structure=frozenset({edit.collection}))


def changed_by(edits: Sequence[Edit]) -> Changed:
    """What the views must refresh after these edits."""
    return reduce(or_, map(_changed, edits), Changed())
