"""Search across all years: codes, names, indicator names and goal texts, as you type.

The store finds the forms (`Store.search`, through its folded index: insensitive to
width, case and white space, and fast on 20,000 forms); this module says, in the form's
own words, where each one matched and cuts a snippet around the match from the text as
the clerk typed it. One hit per form, the first place that matched: code, name,
indicator names in order, then the goals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.records import Place, SearchMatch
from desktop.forms import FormKind
from desktop.textnorm import search_key

if TYPE_CHECKING:   # the store loads SQLAlchemy: only app start-up imports it
    from db.store import Store

LIMIT = 200
SNIPPET_CONTEXT = 16
"""Characters kept on either side of the match."""
ELLIPSIS = "…"

_HEADER_WHERE = {FormKind.UNIT_TARGET: ("单位编码", "单位名称")}
_GOAL_WHERE = {FormKind.SELF_EVALUATION: ("预期目标", "实际完成情况"),
               FormKind.PROJECT_TARGET: ("总目标及阶段性目标",),
               FormKind.UNIT_TARGET: ("年度总体目标",)}


@dataclass(frozen=True)
class SearchHit:
    """One form that matched. `where` is the form's name for the place ("项目名称",
    "三级指标", "预期目标"…); `row` the indicator's position when it is one;
    `snippet` the text around the match, which is `snippet[start:start + length]`."""

    form_id: int
    year: int
    code: str
    name: str
    unit: str
    kind: FormKind
    where: str
    row: int | None
    snippet: str
    start: int
    length: int


def where_of(kind: FormKind, place: Place, index: int) -> str:
    code, name = _HEADER_WHERE.get(kind, ("项目编码", "项目名称"))
    if place == Place.CODE:
        return code
    if place == Place.NAME:
        return name
    if place == Place.INDICATOR:
        return "三级指标"
    goals = _GOAL_WHERE[kind]
    return goals[min(index, len(goals) - 1)]


def _folded_positions(text: str) -> tuple[str, list[int]]:
    """The text folded character by character, and where each folded character came
    from (folding deletes white space, so positions shift)."""
    folded, origins = [], []
    for position, char in enumerate(text):
        for piece in search_key(char):
            folded.append(piece)
            origins.append(position)
    return "".join(folded), origins


def snippet(text: str, key: str) -> tuple[str, int, int]:
    """(snippet, start, length): up to SNIPPET_CONTEXT characters either side of the
    first match of `key` in `text`, with … where the text was cut."""
    folded, origins = _folded_positions(text)
    found = folded.find(key)
    if found < 0 or not key:
        return text[:2 * SNIPPET_CONTEXT], 0, 0
    first, last = origins[found], origins[found + len(key) - 1] + 1
    begin, end = max(0, first - SNIPPET_CONTEXT), min(len(text), last + SNIPPET_CONTEXT)
    before = ELLIPSIS if begin > 0 else ""
    after = ELLIPSIS if end < len(text) else ""
    return before + text[begin:end] + after, len(before) + first - begin, last - first


def _hit(match: SearchMatch, key: str) -> SearchHit:
    cut, start, length = snippet(match.text, key)
    return SearchHit(match.form_id, match.year, match.code, match.name, match.unit,
                     match.kind, where_of(match.kind, match.place, match.index),
                     match.index if match.place == Place.INDICATOR else None,
                     cut, start, length)


def search(store: Store, text: str, limit: int = LIMIT) -> list[SearchHit]:
    """Forms whose code, name, indicator names or goals contain `text`, ignoring width,
    case and spaces: matches in code or name first, each newest year first. Blank
    text finds nothing."""
    key = search_key(text)
    if not key:
        return []
    return [_hit(match, key) for match in store.search(key, limit)]
