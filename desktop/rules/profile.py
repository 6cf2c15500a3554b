"""Rule profiles and indicator taxonomies, read from data files in `resources/`.

A locality that weights 一级指标 differently, stops capping the funds score, or uses
another over-completion margin gets a new JSON file, never a code branch (DOMAIN §
"Where a locality differs, the difference is configuration").
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from desktop.resources import resource_path


@dataclass(frozen=True)
class Taxonomy:
    """The ordered 一级指标 → 二级指标 framework a form's rows are filed under."""

    name: str
    title: str
    levels: dict[str, tuple[str, ...]] = field(hash=False)
    aliases: dict[str, str] = field(default_factory=dict, hash=False)
    """Short names files print for the levels (产出, 数量 …) → the framework's names."""

    def level1_of(self, level2: str) -> str | None:
        """The 一级 a 二级 belongs to; None for a 二级 this framework does not name."""
        wanted = "".join(level2.split())
        for level1, names in self.levels.items():
            if wanted in names:
                return level1
        return None

    def full_level1(self, name: str) -> str:
        """"产出" → "产出指标"; any other text (a framework name, a foreign 一级) as given."""
        full = self.aliases.get("".join(name.split()))
        return full if full in self.levels else name

    def full_level2(self, level1: str, name: str) -> str:
        """"数量" → "数量指标", but only under a 一级 of this framework: under another
        framework's 一级 ("产出目标") a short 二级 is that framework's own name."""
        full = self.aliases.get("".join(name.split()))
        if full is None or level1 not in self.levels or self.level1_of(full) is None:
            return name
        return full


@dataclass(frozen=True)
class RuleProfile:
    """Everything about scoring that differs between localities.

    `over_completion_margin` is a factor (1.30 = 130 %): an actual above target × margin
    must carry a deviation reason. Excel date serials are recognised only inside
    [`date_serial_min`, `date_serial_max`] so that ordinary counts are left alone.
    `requires_cost`: a form must declare at least one 成本指标 (财预〔2021〕101号 makes
    cost a required part of the framework; the classic one only lists it).
    """

    name: str
    title: str
    taxonomy: Taxonomy
    level1_weights: dict[str, Decimal] = field(hash=False)
    funds_weight: Decimal = Decimal("10")
    cap_execution_at_full: bool = True
    over_completion_margin: Decimal = Decimal("1.30")
    date_serial_min: int = 36500
    date_serial_max: int = 55000
    requires_cost: bool = False


def _read_json(folder: str, name: str, what: str) -> dict[str, Any]:
    """One of the folder's files by name. The name may come from a file a clerk was sent,
    so it is looked up among the files there, never joined into a path ("../x" reads
    nothing)."""
    if name not in _names(folder):
        choices = "、".join(_names(folder)) or "（无）"
        raise ValueError(f"未知的{what}：{name}（可选：{choices}）")
    return json.loads(resource_path(folder, f"{name}.json").read_text(encoding="utf-8"))


def _names(folder: str) -> list[str]:
    return sorted(path.stem for path in resource_path(folder).glob("*.json"))


@cache
def load_taxonomy(name: str) -> Taxonomy:
    """A taxonomy file from resources/taxonomies/, read once."""
    data = _read_json("taxonomies", name, "指标体系")
    levels = {level1: tuple(names) for level1, names in data["levels"].items()}
    return Taxonomy(name=data["name"], title=data["title"], levels=levels,
                    aliases=dict(data.get("aliases", {})))


def load_profile(name: str = "default") -> RuleProfile:
    """A rule profile from resources/profiles/, read once; ValueError names the choices."""
    return _load_profile(name)


@cache
def _load_profile(name: str) -> RuleProfile:
    data = _read_json("profiles", name, "评分规则")
    return RuleProfile(
        name=data["name"], title=data["title"],
        taxonomy=load_taxonomy(data["taxonomy"]),
        level1_weights={key: Decimal(value) for key, value in data["level1_weights"].items()},
        funds_weight=Decimal(data["funds_weight"]),
        cap_execution_at_full=bool(data["cap_execution_at_full"]),
        over_completion_margin=Decimal(data["over_completion_margin"]),
        date_serial_min=int(data["date_serial_min"]),
        date_serial_max=int(data["date_serial_max"]),
        requires_cost=bool(data.get("requires_cost", False)))


def profile_names() -> list[str]:
    """The profiles a clerk can choose, by file name."""
    return _names("profiles")
