"""New forms start from their layout's frame: one row per 二级 of its profile's taxonomy."""

from __future__ import annotations

import pytest

from desktop.blank import blank_form
from desktop.forms import FormKind, Indicator
from desktop.layouts import layout_names, load_layout
from desktop.rules.profile import load_profile

SHIPPED = [(kind, name) for kind in FormKind for name in layout_names(kind)
           if not name.startswith("learned-")]


def frame(layout: str) -> list[tuple[str, str]]:
    profile = load_profile(str(load_layout(layout).raw.get("profile", "default")))
    return [(level1, level2) for level1, names in profile.taxonomy.levels.items()
            for level2 in names]


def test_every_kind_has_shipped_layouts() -> None:
    assert {kind for kind, _ in SHIPPED} == set(FormKind)


@pytest.mark.parametrize("kind, layout", SHIPPED)
def test_a_new_form_starts_from_its_frame(kind: FormKind, layout: str) -> None:
    form = blank_form(layout, 2025, "C1", "新表")
    assert form.kind is kind and form.layout == layout
    assert [(row.level1, row.level2) for row in form.indicators] == frame(layout)
    assert all(row == Indicator(level1=row.level1, level2=row.level2) for row in form.indicators)
