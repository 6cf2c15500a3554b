"""Required content: what a form must say before the budget system takes it.

Which header fields a template requires is data (the layout's `required` list), as is
whether a locality requires a 成本指标 (the profile's `requires_cost`); the framework's
一级 come from the profile's taxonomy. Nothing here depends on a locality by name.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.forms import Indicator, ProjectTarget, SelfEvaluation, UnitTarget
from desktop.layouts import layout_or_standard, required_fields
from desktop.rules.findings import Finding
from desktop.rules.profile import RuleProfile, Taxonomy
from desktop.rules.targets import NOT_APPLICABLE_WORDS, normalise
from desktop.textnorm import squeeze_spaces

COST_LEVEL = "成本指标"
"""The framework's cost level: a 二级 of 产出指标 in the classic framework, a 一级 of its
own in the 2021 central one; either way it is named so."""


def goal_actual_finding(form: SelfEvaluation) -> Finding | None:
    """实际完成情况 is what a self-evaluation reports; the system refuses it blank."""
    if form.goal_actual.strip():
        return None
    return Finding(None, "goal_actual", "实际完成情况 为空：请填写项目目标的实际完成情况")


def _header_value(form: ProjectTarget | UnitTarget, key: str) -> str:
    if key.startswith("details."):
        return form.details.get(key.removeprefix("details."), "")
    return getattr(form, key, "") or ""


def header_findings(form: ProjectTarget | UnitTarget) -> list[Finding]:
    """Each header field the form's layout requires that is blank, in the layout's order.

    A form naming a layout unknown here (taught on another machine) is held to its kind's
    standard layout, as the window shows it."""
    layout = layout_or_standard(form.layout, form.kind)
    return [Finding(None, key, f"{layout.label(key) or key} 为空：该项为必填项")
            for key in required_fields(layout) if not _header_value(form, key).strip()]


def _is_indicator(indicator: Indicator) -> bool:
    """A row that names a 三级 other than 不适用/无: the frame of a 二级 is not one."""
    name = indicator.name.strip()
    return bool(name) and normalise(name) not in NOT_APPLICABLE_WORDS


def _level1_of(indicator: Indicator, taxonomy: Taxonomy, above: str) -> str:
    """The row's full 一级: as typed (short names expanded), else from its 二级, else the
    row above's (a blank 一级 continues the one above, DOMAIN §2)."""
    typed = squeeze_spaces(indicator.level1)
    if typed:
        return taxonomy.full_level1(typed)
    level2 = squeeze_spaces(indicator.level2)
    return taxonomy.level1_of(taxonomy.aliases.get(level2, level2)) or above


def _filed(indicators: Sequence[Indicator], taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(full 一级, full 二级) of every row, in form order."""
    filed, above = [], ""
    for indicator in indicators:
        above = _level1_of(indicator, taxonomy, above)
        level2 = squeeze_spaces(indicator.level2)
        filed.append((above, taxonomy.aliases.get(level2, level2)))
    return filed


def framework_findings(indicators: Sequence[Indicator], profile: RuleProfile) -> list[Finding]:
    """One finding per 一级 of the profile's framework with no indicator under it, and one
    for a missing 成本指标 where the profile requires it (unless that is a missing 一级,
    already said). A form of another framework (the Shanghai target's 产出目标, 效果目标 …)
    is not held to this one, as `misfiled_findings` leaves its rows alone."""
    taxonomy = profile.taxonomy
    filed = _filed(indicators, taxonomy)
    ours = {level1 for level1, _ in filed if level1 in taxonomy.levels}
    if not ours and any(level1 for level1, _ in filed):
        return []
    present = [pair for pair, row in zip(filed, indicators) if _is_indicator(row)]
    missing = [level1 for level1 in taxonomy.levels
               if level1 not in {filed_level1 for filed_level1, _ in present}]
    found = [Finding(None, f"level1.{level1}",
                     f"{level1} 下没有任何三级指标：每个一级指标至少应填写一项指标")
             for level1 in missing]
    has_cost = any(COST_LEVEL in pair for pair in present)
    if profile.requires_cost and COST_LEVEL not in missing and not has_cost:
        found.append(Finding(None, f"level2.{COST_LEVEL}",
                             f"没有{COST_LEVEL}：本评分规则要求至少填写一项{COST_LEVEL}"))
    return found
