"""Pairing the indicator rows of two years of one project.

Most rows keep their 一级, 二级 and name from year to year; some are renamed a little
when their target is adjusted ("实有人口信息采集率" becomes "实有人口信息登记率"), some
are added, dropped or moved to another 二级. So rows are paired in four passes, each
only among the rows still unpaired:

1. the same folded name in the same 一级 / 二级, in order (so three "不适用" rows pair
   with three "不适用" rows);
2. similar names in the same 一级 / 二级: a difflib ratio of at least `SIMILAR`, or of
   at least `SIMILAR_IN_PLACE` for rows at the same place among the unpaired rows of
   their 二级 (a row renamed where it stood needs less likeness), best pairs first;
3. the same name in another 二级 (a row that was moved), placeholders excepted;
4. what is left is added (this year only) or removed (earlier year only).

The result lists the current form's rows in its order, each removed row placed just
before the first current row whose partner came after it in the earlier form, so it
shows where it used to be.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop.forms import Indicator
from desktop.rules.profile import RuleProfile
from desktop.rules.rows import level1_of
from desktop.textnorm import search_key, squeeze_spaces

SIMILAR = 0.6
SIMILAR_IN_PLACE = 0.4
PLACEHOLDERS = frozenset({"", "不适用", "无", "/", "-", "—"})
"""Names that say "no indicator here": never paired across 二级 by name."""

Pair = tuple[int | None, int | None]
"""(row in the current form, row in the earlier form); None on the side that lacks it."""


@dataclass(frozen=True)
class Slot:
    """An indicator row as alignment sees it."""

    index: int
    level1: str     # as the form shows it (typed, else from the taxonomy)
    level2: str     # typed, else carried down from the row above in the same 一级
    key: str        # the folded name

    @property
    def group(self) -> tuple[str, str]:
        return search_key(self.level1), search_key(self.level2)


def slots(indicators: Sequence[Indicator], profile: RuleProfile) -> list[Slot]:
    """The rows with their effective 一级 and 二级 (DOMAIN §2.4: a blank 二级 continues
    the one above)."""
    found: list[Slot] = []
    level2_above, level1_above = "", None
    for index, indicator in enumerate(indicators):
        level1 = level1_of(indicator, profile)
        level2 = squeeze_spaces(indicator.level2)
        if not level2 and level1 == level1_above:
            level2 = level2_above
        found.append(Slot(index, level1, level2, search_key(indicator.name)))
        level1_above, level2_above = level1, level2
    return found


def similarity(first: str, second: str) -> float:
    return SequenceMatcher(None, first, second, autojunk=False).ratio()


class _Pairing:
    """The pairs found so far, and which rows on either side are still free."""

    def __init__(self, current: list[Slot], earlier: list[Slot]) -> None:
        self.current, self.earlier = current, earlier
        self.partner: dict[int, int] = {}          # current index → earlier index
        self.taken: set[int] = set()               # earlier indices paired

    def free(self, side: list[Slot], group: tuple[str, str] | None = None) -> list[Slot]:
        used = self.partner if side is self.current else self.taken
        return [slot for slot in side
                if slot.index not in used and (group is None or slot.group == group)]

    def pair(self, current: Slot, earlier: Slot) -> None:
        self.partner[current.index] = earlier.index
        self.taken.add(earlier.index)

    def groups(self) -> list[tuple[str, str]]:
        return list(dict.fromkeys(slot.group for slot in self.current))


def _same_names(pairing: _Pairing, across_groups: bool) -> None:
    for slot in pairing.free(pairing.current):
        if across_groups and slot.key in PLACEHOLDERS:
            continue
        group = None if across_groups else slot.group
        match = next((other for other in pairing.free(pairing.earlier, group)
                      if other.key == slot.key), None)
        if match is not None:
            pairing.pair(slot, match)


def _candidates(current: list[Slot], earlier: list[Slot]) -> list[tuple[float, int, int, int]]:
    """(−ratio, distance in place, current index, earlier index) of every pair alike
    enough, so that sorting puts the best first."""
    found = []
    for rank, slot in enumerate(current):
        for other_rank, other in enumerate(earlier):
            ratio = similarity(slot.key, other.key)
            if ratio >= (SIMILAR_IN_PLACE if rank == other_rank else SIMILAR):
                found.append((-ratio, abs(rank - other_rank), slot.index, other.index))
    return sorted(found)


def _similar_names(pairing: _Pairing) -> None:
    for group in pairing.groups():
        candidates = _candidates(pairing.free(pairing.current, group),
                                 pairing.free(pairing.earlier, group))
        for _, _, current_index, earlier_index in candidates:
            if current_index not in pairing.partner and earlier_index not in pairing.taken:
                pairing.pair(pairing.current[current_index], pairing.earlier[earlier_index])


def _in_order(pairing: _Pairing) -> list[Pair]:
    """Current rows in order, each removed row just before the first current row whose
    partner comes after it in the earlier form, or before an added row of its own 二级
    (so a replaced row reads as removed, then added)."""
    removed = [slot.index for slot in pairing.free(pairing.earlier)]
    result: list[Pair] = []
    for position, slot in enumerate(pairing.current):
        partner = pairing.partner.get(slot.index)
        limit = partner if partner is not None else _next_partner(pairing, position)
        while removed and removed[0] < limit and (
                partner is not None or pairing.earlier[removed[0]].group == slot.group):
            result.append((None, removed.pop(0)))
        result.append((slot.index, partner))
    return result + [(None, index) for index in removed]


def _next_partner(pairing: _Pairing, position: int) -> int:
    """The earlier index of the next paired current row after `position` (past the end
    of the earlier form if none)."""
    later = (pairing.partner.get(slot.index) for slot in pairing.current[position + 1:])
    return next((index for index in later if index is not None), len(pairing.earlier))


def align(current: list[Slot], earlier: list[Slot]) -> list[Pair]:
    """Every row of both forms (as `slots`) exactly once, paired where they are the same
    indicator."""
    pairing = _Pairing(current, earlier)
    _same_names(pairing, across_groups=False)
    _similar_names(pairing)
    _same_names(pairing, across_groups=True)
    return _in_order(pairing)
