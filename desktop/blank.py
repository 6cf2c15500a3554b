"""A new, empty form for a chosen layout and year."""

from __future__ import annotations

from desktop.forms import (
    Form, FormKind, Funds, Indicator, ProjectTarget, SelfEvaluation, UnitTarget,
)
from desktop.layouts import load_layout
from desktop.rules.profile import load_profile


def blank_form(layout_name: str, year: int, code: str, name: str) -> Form:
    """A form of the layout's kind under the layout's rule profile, with that profile's
    一级 points and, for a self-evaluation, one empty row per 二级 so the clerk starts
    from the official frame."""
    layout = load_layout(layout_name)
    profile = load_profile(str(layout.raw.get("profile", "default")))
    if layout.kind is FormKind.PROJECT_TARGET:
        return ProjectTarget(year=year, project_code=code, project_name=name,
                             layout=layout_name, profile=profile.name)
    if layout.kind is FormKind.UNIT_TARGET:
        return UnitTarget(year=year, unit_code=code, unit_name=name, layout=layout_name,
                          profile=profile.name)
    rows = [Indicator(level1=level1, level2=level2)
            for level1, level2s in profile.taxonomy.levels.items() for level2 in level2s]
    funds = Funds(weight=profile.funds_weight)
    return SelfEvaluation(year=year, project_code=code, project_name=name, layout=layout_name,
                          unit_code="" if "unit_code" in [f.field for f in layout.header] else None,
                          profile=profile.name, funds=funds,
                          level1_weights=dict(profile.level1_weights), indicators=rows)
