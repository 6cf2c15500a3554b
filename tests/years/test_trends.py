"""A project's total and execution rate over the years, from its self-evaluations."""

from __future__ import annotations

import copy
from decimal import Decimal

from desktop.forms import FormKind
from desktop.years.carry import carry_forward
from desktop.years.trends import project_trend


def test_points_in_year_order_with_the_published_totals(store, grid_info, digital_city,
                                                        guangming):
    """Three published forms made one project's 2022, 2023 and 2024."""
    code = grid_info.project_code
    later = copy.deepcopy(digital_city)
    later.year, later.project_code = 2023, code
    latest = copy.deepcopy(guangming)
    latest.project_code = code
    newest = store.add_form(latest)
    store.add_form(grid_info)
    store.add_form(later)
    store.add_form(carry_forward(grid_info, 2023, FormKind.PROJECT_TARGET))  # no score
    points = project_trend(store, newest)
    assert [(p.year, p.total, p.rate) for p in points] == [
        (2022, Decimal(grid_info.meta.published["total"]), Decimal("100")),
        (2023, Decimal(digital_city.meta.published["total"]),
         Decimal(digital_city.meta.published["rate"])),
        (2024, Decimal(guangming.meta.published["total"]),
         Decimal(guangming.meta.published["rate"]))]
    assert points[-1].form_id == newest and points[0].grade == "优"


def test_one_point_per_year_the_form_asked_about_first(store, grid_info):
    first = store.add_form(grid_info)
    copy_of_it = copy.deepcopy(grid_info)    # the same project's form from another unit
    copy_of_it.implementing_unit = "另一实施单位"
    copy_of_it.funds.fiscal.executed = Decimal("2308700.00")
    second = store.add_form(copy_of_it)
    assert [p.form_id for p in project_trend(store, first)] == [first]
    assert [p.form_id for p in project_trend(store, second)] == [second]
    assert project_trend(store, second)[0].rate == Decimal("50.00")
