"""Reading and writing the one place of a form that a path names.

Paths are checked against `fields.field_spec` before they get here, so these helpers
only walk: attributes of dataclasses, keys of dicts, indexes of lists.
"""

from __future__ import annotations

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
