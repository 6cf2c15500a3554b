"""Rule profiles and taxonomies are data files, read once."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.rules.profile import load_profile, load_taxonomy, profile_names


def test_the_default_profile_reproduces_the_samples_framework() -> None:
    profile = load_profile()
    assert profile.name == "default"
    assert profile.level1_weights == {"产出指标": Decimal(50), "效益指标": Decimal(30),
                                      "满意度指标": Decimal(10)}
    assert profile.funds_weight == Decimal(10)
    assert profile.cap_execution_at_full is True
    assert profile.over_completion_margin == Decimal("1.30")
    assert (profile.date_serial_min, profile.date_serial_max) == (36500, 55000)
    assert list(profile.taxonomy.levels) == ["产出指标", "效益指标", "满意度指标"]
    assert profile.taxonomy.level1_of("时效指标") == "产出指标"
    assert profile.taxonomy.level1_of("可持续影响指标") == "效益指标"
    assert profile.taxonomy.level1_of("其他满意度指标") == "满意度指标"
    assert profile.taxonomy.level1_of("投入管理") is None


@pytest.mark.parametrize("name", profile_names())
def test_every_profile_adds_up_to_one_hundred(name: str) -> None:
    profile = load_profile(name)
    if not profile.level1_weights:   # no points per 一级 (chongqing-2021): each form's rows make 100
        assert profile.funds_weight == 0
        return
    assert sum(profile.level1_weights.values()) + profile.funds_weight == 100
    assert set(profile.level1_weights) == set(profile.taxonomy.levels)


def test_the_central_2021_profile_moves_cost_to_the_first_level() -> None:
    taxonomy = load_profile("central-2021").taxonomy
    assert taxonomy.levels["成本指标"] == ("经济成本指标", "社会成本指标", "生态环境成本指标")
    assert "成本指标" not in taxonomy.levels["产出指标"]
    assert taxonomy.level1_of("社会成本指标") == "成本指标"


def test_profiles_are_listed_and_read_once() -> None:
    assert {"default", "central-2021"} <= set(profile_names())
    assert load_profile("default") is load_profile()
    assert load_taxonomy("classic") is load_profile().taxonomy


def test_an_unknown_profile_is_refused_in_chinese() -> None:
    with pytest.raises(ValueError, match=r"未知的评分规则：shanghai-1999（可选：.*default"):
        load_profile("shanghai-1999")
