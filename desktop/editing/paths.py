"""Reading and writing the one place of a form that a path names.

Paths are checked against `fields.field_spec` before they get here, so these helpers
only walk: attributes of dataclasses, keys of dicts, indexes of lists.
"""

from __future__ import annotations

import copy
from typing import Any

from desktop.forms import Form

Path = tuple[str | int, ...]


class _Absent:
    """The value of a dict entry that does not exist (an edit may add or remove one)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __reduce__(self) -> str:
        return "ABSENT"


ABSENT = _Absent()


def _step(holder: Any, part: str | int) -> Any:
    if isinstance(holder, list):
        return holder[int(part)]
    if isinstance(holder, dict):
        return holder[part]
    return getattr(holder, str(part))


def parent_of(form: Form, path: Path) -> Any:
    """The object holding the path's last part."""
    holder: Any = form
    for part in path[:-1]:
        holder = _step(holder, part)
    return holder


def value_at(form: Form, path: Path) -> Any:
    holder, last = parent_of(form, path), path[-1]
    if isinstance(holder, dict):
        return holder.get(last, ABSENT)
    return _step(holder, last)


def put(form: Form, path: Path, value: Any) -> None:
    """Store a value at the path; ABSENT removes a dict entry."""
    holder, last = parent_of(form, path), path[-1]
    if isinstance(holder, dict):
        if value is ABSENT:
            del holder[last]
        else:
            holder[last] = value
    else:
        setattr(holder, str(last), value)


def _assign(holder: Any, part: str | int, value: Any) -> None:
    if isinstance(holder, list):
        holder[int(part)] = value
    elif isinstance(holder, dict):
        holder[part] = value
    else:
        setattr(holder, str(part), value)


def own_along(form: Form, path: Path, owned: set[int]) -> None:
    """Make every container on `path` (the form itself excepted) a private shallow copy.

    Copy-on-write: a step copies only what it changes, so editing one cell of a
    300-row form copies one list and one row instead of the whole form. The form
    before the step keeps the originals untouched; `owned` holds the ids of what this
    step has already copied, so nothing is copied twice.
    """
    holder: Any = form
    for part in path:
        child = _step(holder, part)
        if id(child) not in owned:
            child = copy.copy(child)
            _assign(holder, part, child)
            owned.add(id(child))
        holder = child
