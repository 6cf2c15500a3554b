"""A new, empty form for a chosen layout and year."""

from __future__ import annotations

from desktop.forms import (
    Form,
    FormKind,
    Funds,
    Indicator,
    ProjectTarget,
    SelfEvaluation,
    UnitTarget,
)
from desktop.layouts import load_layout
from desktop.rules.profile import RuleProfile, load_profile


def skeleton_rows(profile: RuleProfile) -> list[Indicator]:
    """One empty row per 二级 of the profile's framework, 一级 and 二级 filled: the clerk
    starts from the official frame instead of typing the framework's names."""
    return [Indicator(level1=level1, level2=level2)
            for level1, level2s in profile.taxonomy.levels.items() for level2 in level2s]


def blank_form(layout_name: str, year: int, code: str, name: str) -> Form:
    """A form of the layout's kind under the layout's rule profile, starting from the
    profile's frame (`skeleton_rows`); a self-evaluation also gets its 一级 points."""
    layout = load_layout(layout_name)
    profile = load_profile(str(layout.raw.get("profile", "default")))
    rows = skeleton_rows(profile)
    if layout.kind is FormKind.PROJECT_TARGET:
        return ProjectTarget(year=year, project_code=code, project_name=name,
                             layout=layout_name, profile=profile.name, indicators=rows)
    if layout.kind is FormKind.UNIT_TARGET:
        return UnitTarget(year=year, unit_code=code, unit_name=name, layout=layout_name,
                          profile=profile.name, indicators=rows)
    funds = Funds(weight=profile.funds_weight)
    return SelfEvaluation(year=year, project_code=code, project_name=name, layout=layout_name,
                          unit_code="" if "unit_code" in [f.field for f in layout.header] else None,
                          profile=profile.name, funds=funds,
                          level1_weights=dict(profile.level1_weights), indicators=rows)
