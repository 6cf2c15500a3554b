"""The same project across years: by code, else by name folded for width and spaces."""

from __future__ import annotations

import copy

from desktop.forms import FormKind, ProjectTarget, UnitTarget
from desktop.years.projects import ProjectYears, forms_of_project, project_key


def _again(form, year, **changes):
    other = copy.deepcopy(form)
    other.year = year
    for name, value in changes.items():
        setattr(other, name, value)
    return other


def test_forms_with_one_code_are_one_project_even_when_renamed(store, grid_info, digital_city):
    first = store.add_form(grid_info)
    renamed = store.add_form(_again(grid_info, 2023, project_name="网格信息采集工作（续）"))
    store.add_form(digital_city)                          # another project, same year
    found = forms_of_project(store, first)
    assert [(s.year, s.id) for s in found] == [(2023, renamed), (2022, first)]
    assert project_key(grid_info) == project_key(found[0]) == "code:440309210901500007728"


def test_code_less_forms_match_by_name_ignoring_spaces_and_width(store, grid_info):
    names = ["网格信息采集工作（二期）", "网格信息 采集工作(二期)", "网格信息采集工作（二期） "]
    ids = [store.add_form(_again(grid_info, 2021 + n, project_code="", project_name=name))
           for n, name in enumerate(names)]
    other = store.add_form(_again(grid_info, 2024, project_code="", project_name="网格信息采集工作"))
    assert [s.id for s in forms_of_project(store, ids[0])] == ids[::-1]
    assert [s.id for s in forms_of_project(store, other)] == [other]
    index = ProjectYears(store.list_forms())
    assert index.years(ids[1]) == [2023, 2022, 2021]
    assert index.year_count(other) == 1


def test_a_code_less_target_form_joins_the_coded_project_of_its_name(store, grid_info):
    coded = store.add_form(grid_info)
    later = store.add_form(_again(grid_info, 2023))
    target = store.add_form(ProjectTarget(year=2024, project_name="网格信息 采集工作",
                                          applicant_unit=grid_info.implementing_unit))
    expected = [(2024, target), (2023, later), (2022, coded)]
    for asked in (coded, target):
        assert [(s.year, s.id) for s in forms_of_project(store, asked)] == expected
    index = ProjectYears(store.list_forms())
    assert [(s.year, s.id) for s in index.members(target)] == expected
    assert index.year_count(coded) == 3


def test_a_unit_form_never_joins_a_project_of_the_same_name(store, grid_info):
    project = store.add_form(_again(grid_info, 2022, project_code=""))
    unit = store.add_form(UnitTarget(year=2023, unit_name=grid_info.project_name))
    assert [s.id for s in forms_of_project(store, project)] == [project]
    assert [s.kind for s in forms_of_project(store, unit)] == [FormKind.UNIT_TARGET]


def test_the_project_follows_edits_and_deletion(service, grid_info):
    first, _ = service.create_form(grid_info)
    second, _ = service.create_form(_again(grid_info, 2023))
    opened = service.open(second)
    service.set_value(opened, ("project_code",), "440309999999999999999")
    assert [s.id for s in forms_of_project(service.store, first)] == [first]
    service.delete_form(first)
    assert forms_of_project(service.store, first) == []
