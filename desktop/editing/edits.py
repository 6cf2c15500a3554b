"""Atomic edits of a domain form, each able to apply itself and name its inverse.

`edit.apply(form)` changes the form in place and returns the edit that undoes it,
computed from the state before. Every check happens before the first change, so an
edit that raises EditError has changed nothing. Rows an edit inserts are always fresh
copies: a form never shares a row object with an edit, so undo stays exact.

MoveRows' `destination` is where the block's first row ends up once moved (an index
into the list after the move), which makes the inverse a plain swap of the two
indexes. Qt's beginMoveRows counts the destination before removal; the Qt wrapper
converts.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.editing.errors import EditError
from desktop.editing.fields import collection_spec, field_spec, is_index, is_keyed, row_number
from desktop.editing.paths import ABSENT, Path, own_along, put, value_at
from desktop.forms import Form

__all__ = ["ABSENT", "Applied", "Edit", "EditError", "InsertRows", "MoveRows", "RemoveRows",
           "SetValue", "apply_all"]


@dataclass(frozen=True)
class SetValue:
    """Put one value at a path; ABSENT as the value removes a dict entry."""

    path: Path
    value: Any

    def apply(self, form: Form) -> SetValue:
        spec = field_spec(form, self.path)
        old = value_at(form, self.path)
        if self.value is ABSENT:
            self._check_removable(form)
            new = ABSENT
        else:
            new = spec.normalise(self.value)
        put(form, self.path, new)
        return SetValue(self.path, old)

    def _check_removable(self, form: Form) -> None:
        """Only the last entry of a dict may go: that keeps the inverse (re-adding it at
        the end) exact. Removal exists to undo an addition, where that always holds."""
        holder = value_at(form, self.path[:1])
        if not is_keyed(self.path) or not holder or list(holder)[-1] != self.path[1]:
            raise EditError(f"不能删除这一项：{'/'.join(map(str, self.path))}")


def _check_block(rows: list[Any], index: int, count: int, noun: str) -> None:
    """`count` rows from `index` must all exist."""
    if not is_index(count) or count < 1:
        raise EditError(f"没有选中要处理的{noun}行")
    if not is_index(index) or not 0 <= index <= len(rows) - count:
        raise EditError(f"第 {row_number(index)} 行起的 {count} 行{noun}不存在"
                        f"（共 {len(rows)} 行）")


@dataclass(frozen=True)
class InsertRows:
    """Insert rows (Indicator or Task) into "indicators" or "tasks" before `index`."""

    collection: str
    index: int
    rows: tuple[Any, ...]

    def apply(self, form: Form) -> RemoveRows:
        spec = collection_spec(form, self.collection)
        rows = spec.rows(form)
        if not self.rows:
            raise EditError(f"没有要插入的{spec.noun}行")
        if not is_index(self.index) or not 0 <= self.index <= len(rows):
            raise EditError(f"不能在第 {row_number(self.index)} 行插入{spec.noun}"
                            f"（共 {len(rows)} 行）")
        fresh = [spec.normalise_row(row) for row in self.rows]
        rows[self.index:self.index] = fresh
        return RemoveRows(self.collection, self.index, len(fresh))


@dataclass(frozen=True)
class RemoveRows:
    collection: str
    index: int
    count: int

    def apply(self, form: Form) -> InsertRows:
        spec = collection_spec(form, self.collection)
        rows = spec.rows(form)
        _check_block(rows, self.index, self.count, spec.noun)
        removed = tuple(copy.copy(row) for row in rows[self.index:self.index + self.count])
        del rows[self.index:self.index + self.count]
        return InsertRows(self.collection, self.index, removed)


@dataclass(frozen=True)
class MoveRows:
    """Move `count` rows starting at `index` so that the first lands at `destination`."""

    collection: str
    index: int
    count: int
    destination: int

    def apply(self, form: Form) -> MoveRows:
        spec = collection_spec(form, self.collection)
        rows = spec.rows(form)
        _check_block(rows, self.index, self.count, spec.noun)
        _check_block(rows, self.destination, self.count, spec.noun)
        block = rows[self.index:self.index + self.count]
        del rows[self.index:self.index + self.count]
        rows[self.destination:self.destination] = block
        return MoveRows(self.collection, self.destination, self.count, self.index)


Edit = SetValue | InsertRows | RemoveRows | MoveRows


@dataclass(frozen=True)
class Applied:
    """The outcome of a batch of edits on a copy of a form.

    `forward` holds the edits that changed something, with their values as the form
    now keeps them; `backward` undoes them, last edit first.
    """

    form: Form
    forward: tuple[Edit, ...]
    backward: tuple[Edit, ...]


def _containers(edit: Edit) -> Path:
    """The path of the innermost container an edit changes in place."""
    if isinstance(edit, SetValue):
        return edit.path[:-1]
    return (edit.collection,)


def apply_all(form: Form, edits: Sequence[Edit]) -> Applied:
    """Apply the edits in order to a copy; the given form is never touched.

    The copy shares every part the edits do not change (see `own_along`), which keeps
    an edit of a large form cheap. An edit whose inverse is itself (a value set to what
    it was, a move onto itself) changed nothing and is dropped, so an unchanged cell
    makes no step and no write.
    """
    after = copy.copy(form)
    owned = {id(after)}
    forward: list[Edit] = []
    backward: list[Edit] = []
    for edit in edits:
        _check_path(after, edit)
        own_along(after, _containers(edit), owned)
        inverse = edit.apply(after)
        done = _as_kept(edit, after)
        if done != inverse:
            forward.append(done)
            backward.append(inverse)
    return Applied(after, tuple(forward), tuple(reversed(backward)))


def _as_kept(edit: Edit, form: Form) -> Edit:
    """The edit as the form now keeps its values: a SetValue with the normalised value
    ("1.5" → Decimal("1.50")), an InsertRows with private copies of the checked rows."""
    if isinstance(edit, SetValue):
        return SetValue(edit.path, value_at(form, edit.path))
    if isinstance(edit, InsertRows):
        inserted = collection_spec(form, edit.collection).rows(form)
        rows = inserted[edit.index:edit.index + len(edit.rows)]
        return InsertRows(edit.collection, edit.index, tuple(copy.copy(row) for row in rows))
    return edit


def _check_path(form: Form, edit: Edit) -> None:
    """Refuse a path that names no place before copying along it."""
    if isinstance(edit, SetValue):
        field_spec(form, edit.path)
    else:
        collection_spec(form, edit.collection)
