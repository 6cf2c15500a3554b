"""Which form a sheet holds, from its title: the title names the kind.

Real workbooks are named by their titles (二级项目支出绩效目标申报表, 2023年市级部门整体
预算绩效目标表, 项目支出绩效目标执行监控表), and a layout guess by labels alone takes a
target form for a self-evaluation. The words that decide are data
(resources/recognition/kinds.json), tried in order, so 整体…目标表 is a unit-wide target
before 目标表 makes it a project's.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.resources import resource_path
from desktop.template.grid import Grid
from desktop.textnorm import squeeze_spaces, to_halfwidth

MONITORING = "monitoring"
"""A kind the files hold and the store does not yet: recognised and reported by name."""

_TRIM = "()（）[]【】:："


@dataclass(frozen=True)
class KindRule:
    kind: str            # a FormKind value, or MONITORING
    words: tuple[str, ...]
    name: str            # the kind as the clerk knows it, for reports


@dataclass(frozen=True)
class SheetTitle:
    text: str            # the title as printed (spaces squeezed)
    kind: str | None     # None: the title names no form kind
    kind_name: str = ""


@lru_cache(maxsize=1)
def _recognition() -> dict:
    path = resource_path("recognition", "kinds.json")
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def kind_rules() -> tuple[KindRule, ...]:
    return tuple(KindRule(rule["kind"], tuple(rule["all"]), rule["name"])
                 for rule in _recognition()["rules"])


def unsupported_reason(kind: str) -> str | None:
    """Why a recognised kind cannot be imported yet; None for the kinds the store holds."""
    reason = _recognition().get("unsupported", {}).get(kind)
    return str(reason) if reason else None


_TRAILING_NOTE = re.compile(r"[(（][^()（）]*[)）]$")


def _flat(text: str) -> str:
    return squeeze_spaces(to_halfwidth(text)).strip(_TRIM)


def _reads_as_title(text: str) -> bool:
    """Ends in 表, once a bracketed note after it is set aside: "项目支出绩效自评表",
    "项目支出绩效自评表（2021年度）", "绩效目标表(样表)"."""
    flat = squeeze_spaces(to_halfwidth(text))
    return _TRAILING_NOTE.sub("", flat).strip(_TRIM).endswith("表")


def title_candidates(grid: Grid) -> list[str]:
    """Text cells of the first rows with content that read as a title (end in 表)."""
    rows = sorted({row for row, _ in grid.values})[: int(_recognition()["title_rows"])]
    found = []
    for row in rows:
        for column in grid.starts(row):
            text = grid.text(row, column)
            if text and _reads_as_title(text):
                found.append(squeeze_spaces(text))
    return found


def kind_of_title(text: str) -> KindRule | None:
    flat = _flat(text)
    return next((rule for rule in kind_rules() if all(w in flat for w in rule.words)), None)


def sheet_title(grid: Grid) -> SheetTitle:
    """The sheet's title and the kind it names; the first title that names one wins."""
    candidates = title_candidates(grid)
    for text in candidates:
        rule = kind_of_title(text)
        if rule is not None:
            return SheetTitle(text, rule.kind, rule.name)
    return SheetTitle(candidates[0] if candidates else "", None)


def seemed_to_be(grid: Grid) -> str:
    """What a sheet without a form looks like, in a few words: its first text, else its name."""
    for position in sorted(grid.values):
        text = squeeze_spaces(grid.text(*position))
        if text:
            return text[:30]
    return "空白工作表"
