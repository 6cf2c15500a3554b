"""The same project across years: matched by code, else by name (DOMAIN §1).

Names are compared folded (`desktop.textnorm.search_key`: half-width, lower case, no
white space), so "网格信息采集 工作（二期）" and "网格信息采集工作(二期)" are one project. The
rule itself lives in `db.search_index.project_key`, which also keys the store's index,
so the browser's count and the store's query cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from db.records import FormSummary
from desktop.forms import Form
from desktop.years import keys

if TYPE_CHECKING:   # the store loads SQLAlchemy: only app start-up imports it
    from db.store import Store


def project_key(item: Form | FormSummary) -> str:
    """"code:4403…" for a form with a code, else "name:网格信息采集工作" (folded); a
    unit-wide form's keys begin with "unit-", so a unit never matches a project."""
    return keys.project_key(item.kind, item.code, item.name)


def name_key(item: Form | FormSummary) -> str:
    return keys.name_key(item.kind, item.name)


def forms_of_project(store: Store, form_id: int) -> list[FormSummary]:
    """Every form of the form's project (itself included), all years and kinds, newest
    year first. Raises nothing for a deleted form: the list is then empty."""
    return store.forms_of_project(form_id)


class ProjectYears:
    """Which forms of a list are one project, and over how many years, without a query.

    For the browser, which already holds every form's summary: built once per refresh
    (about 75 ms for 20,000 summaries, which take the store about a second to list),
    then asked per row (16 ms for all 20,000). The rule is the
    store's (`db.search.project_form_ids`): a coded form's project is its code plus the
    code-less forms of its name; a code-less form's is its name plus every code some
    form of that name carries.
    """

    def __init__(self, summaries: Iterable[FormSummary]) -> None:
        self._keys: dict[int, tuple[str, str]] = {}
        self._by_project: dict[str, list[FormSummary]] = {}
        self._projects_by_name: dict[str, set[str]] = {}
        self._years: dict[frozenset[str], list[int]] = {}
        for summary in summaries:
            key, by_name = project_key(summary), name_key(summary)
            self._keys[summary.id] = key, by_name
            self._by_project.setdefault(key, []).append(summary)
            self._projects_by_name.setdefault(by_name, set()).add(key)

    def _project(self, form_id: int) -> frozenset[str]:
        """The project keys whose forms are the form's project; empty if unknown."""
        if form_id not in self._keys:
            return frozenset()
        key, by_name = self._keys[form_id]
        return frozenset({key, by_name} if key != by_name else self._projects_by_name[by_name])

    def members(self, form_id: int) -> list[FormSummary]:
        """The forms of the form's project, newest year first; [] for an unknown id."""
        found = [member for key in self._project(form_id)
                 for member in self._by_project.get(key, [])]
        return sorted(found, key=lambda member: (-member.year, member.kind, member.id))

    def years(self, form_id: int) -> list[int]:
        """The distinct years of the form's project, newest first."""
        project = self._project(form_id)
        if project not in self._years:
            self._years[project] = sorted({member.year for key in project
                                           for member in self._by_project.get(key, [])},
                                          reverse=True)
        return self._years[project]

    def year_count(self, form_id: int) -> int:
        """How many years the project has: more than 1 offers 对比 and 趋势."""
        return len(self.years(form_id))
