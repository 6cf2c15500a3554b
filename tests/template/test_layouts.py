"""Layouts are data: each file carries what the template writer and reader need."""

from __future__ import annotations

import pytest

from desktop.forms import FormKind
from desktop.layouts import export_layout, layout_names, load_layout
from desktop.template.geometry import Span, sheet_spec

EXPECTED = {"district-2022": FormKind.SELF_EVALUATION, "city-2024": FormKind.SELF_EVALUATION,
            "city-2024-unit": FormKind.SELF_EVALUATION,
            "project-target": FormKind.PROJECT_TARGET, "unit-target": FormKind.UNIT_TARGET,
            "shenzhen-project-target": FormKind.PROJECT_TARGET,
            "guangdong-unit-target": FormKind.UNIT_TARGET}
IMPORT_ONLY = {"central-2019": FormKind.SELF_EVALUATION, "chongqing-2021": FormKind.SELF_EVALUATION,
               "wuhan-application": FormKind.PROJECT_TARGET}
"""Layouts read as the files come (REAL-LAYOUTS C, D, E), with no worksheet of their own."""


def test_every_layout_of_the_issue_is_a_file() -> None:
    assert {name: load_layout(name).kind for name in layout_names()} == EXPECTED | IMPORT_ONLY


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_blocks_stay_inside_the_sheet(name: str) -> None:
    spec = sheet_spec(load_layout(name))
    for block in spec.blocks:
        spans = [Span.parse(v) for v in block.spec.values() if isinstance(v, str)
                 and v[:1].isupper() and v.replace(":", "").isalpha() and v.isascii()]
        spans += list(block.spans("columns").values())
        assert all(1 <= s.first <= s.last <= spec.last_column for s in spans), block.type


@pytest.mark.parametrize("name", sorted(EXPECTED | IMPORT_ONLY))
def test_the_window_api_still_answers(name: str) -> None:
    layout = load_layout(name)
    assert layout.title and layout.header and layout.columns[:3] == ("level1", "level2", "name")
    assert layout.column("name").label in ("三级指标", "指标名称", "指标内容")


@pytest.mark.parametrize("name", sorted(IMPORT_ONLY))
def test_an_import_only_layout_exports_in_a_standard_one(name: str) -> None:
    layout = load_layout(name)
    chosen = export_layout(layout)
    assert not layout.exportable and chosen.exportable and chosen.kind is layout.kind
    assert chosen.name == layout.raw["export_as"]


def test_the_shared_synonyms_follow_each_layouts_own_spellings() -> None:
    for name in layout_names():
        names = load_layout(name).labels_for("indicators.name")
        assert {"三级指标", "指标内容", "指标名称", "三级指标名称"} <= set(names)
    assert load_layout("wuhan-application").labels_for("indicators.name")[0] == "指标内容"
    assert "全年完成值" in load_layout("district-2022").labels_for("indicators.actual")


def test_labels_and_their_aliases() -> None:
    district, city = load_layout("district-2022"), load_layout("city-2024")
    assert district.label("project_code") == "项目编号" and city.label("project_code") == "项目编码"
    assert "项目编码" in district.labels_for("project_code")
    assert district.labels_for("indicators.weight")[:2] == ("分值", "权重")
    assert city.labels_for("indicators.weight")[0] == "权重"
    assert district.label("blocks.funds") == "资金使用情况"
    assert city.label("blocks.funds") == "预算执行情况"
    assert district.starred("indicators.actual") and district.starred("goal.actual")
    assert not district.starred("indicators.deviation")
