"""A copy of a form for 复制表格: the same content, another identity.

A form is stored once per unit, project and year (desktop.identity), so a copy kept
verbatim would always be refused. A clerk duplicates a form to start a similar form of
another project; so the copy gets a blank code, which the clerk fills in (the findings
point the blank out until then), and the name "原名（副本）", numbered when that is taken.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace

from desktop.forms import Form, ProjectTarget, SelfEvaluation

COPY_MARK = "（副本{}）"
MOST_COPIES = 99
"""Numbered names tried before giving up; the store then refuses the last one, in words."""


def _renamed(form: Form, name: str) -> Form:
    if isinstance(form, (SelfEvaluation, ProjectTarget)):
        return replace(form, project_code="", project_name=name)
    return replace(form, unit_code="", unit_name=name)


def copy_of(form: Form, is_free: Callable[[Form], bool]) -> Form:
    """A deep copy of `form` under the first copy name `is_free` accepts."""
    original = copy.deepcopy(form)
    candidate = original
    for number in range(1, MOST_COPIES + 1):
        mark = COPY_MARK.format("" if number == 1 else number)
        candidate = _renamed(original, f"{form.name}{mark}")
        if is_free(candidate):
            break
    return candidate
