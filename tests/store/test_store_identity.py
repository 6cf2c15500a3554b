"""A form is stored once: the store refuses a second form of the same kind, year, unit
and project (desktop.identity), and migration 0006 keeps every form of an older store
that already held duplicates."""

from __future__ import annotations

import json
import random

import pytest
from alembic import command
from sqlalchemy import text

from conftest import SAMPLE_FILES, load_sample
from db.engine import make_engine
from db.migrate import current_revision, head_revision, make_config, schema_differences
from db.records import FormExists, Touched
from db.store import Store
from desktop.forms import Form, FormKind, ProjectTarget, SelfEvaluation
from desktop.identity import LONGEST_KEY, identity_key, identity_of


def _self(code: str = "", name: str = "网格信息采集工作（二期）", unit: str = "甲单位",
          year: int = 2024) -> SelfEvaluation:
    return SelfEvaluation(year=year, project_code=code, project_name=name,
                          implementing_unit=unit)


def _count(store: Store) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM form")).scalar_one())


# ---------------------------------------------------------------- what an identity is


def test_an_identity_is_kind_year_unit_and_code_else_name() -> None:
    base = identity_of(_self())
    assert identity_of(_self(name="网格信息采集 工作(二期)")) == base     # folded like search
    assert identity_of(_self(unit="甲 单位")) == base
    assert identity_of(_self(unit="乙单位")) != base
    assert identity_of(_self(year=2025)) != base
    assert identity_of(_self(code="C1")) != base
    assert identity_of(_self(code="C1", name="别的名字")) == identity_of(_self(code="Ｃ１"))
    target = ProjectTarget(year=2024, project_name="网格信息采集工作（二期）",
                           applicant_unit="甲单位")
    assert identity_of(target) != base


def test_a_long_identity_is_a_digest_no_database_refuses_to_index() -> None:
    key = identity_of(_self(name="长" * 10_000))
    assert len(key) <= LONGEST_KEY and "sha256:" in key
    assert key != identity_of(_self(name="长" * 9_999))


def test_the_migration_computes_identities_as_the_store_does() -> None:
    from importlib import import_module
    frozen = import_module("db.migrations.versions.0006_form_identity").identity_key
    samples = [load_sample(path.stem) for path in SAMPLE_FILES]
    rng = random.Random(6)
    alphabet = "甲乙 丙\u3000ＡａBb１2（）()。－−\t\n长"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
             for _ in range(300)]
    for form in samples:
        assert frozen(form.kind.value, form.year, form.unit, form.code, form.name) == \
            identity_of(form)
    for unit, code, name in zip(texts, reversed(texts), texts[7:] + texts[:7], strict=True):
        for kind in FormKind:
            assert frozen(kind.value, 2024, unit, code, name) == \
                identity_key(kind, 2024, unit, code, name)


# ---------------------------------------------------------------- the store refuses


def test_a_second_copy_of_a_form_is_refused_in_words(any_store_url: str, guangming) -> None:
    with Store(any_store_url) as store:
        first = store.add_form(guangming)
        with pytest.raises(FormExists, match=r"2024 年「市场监督管理综合事务」.*已在库中") as refused:
            store.add_form(guangming)
        assert "\n" not in str(refused.value)
        assert store.identical_form(guangming) == first
        assert _count(store) == 1


def test_forms_differing_in_unit_kind_or_year_are_all_kept(any_store_url: str) -> None:
    forms: list[Form] = [_self(), _self(unit="乙单位"), _self(year=2025), _self(code="C1"),
                         ProjectTarget(year=2024, project_name="网格信息采集工作（二期）",
                                       applicant_unit="甲单位")]
    with Store(any_store_url) as store:
        ids = [store.add_form(form) for form in forms]
        with pytest.raises(FormExists):
            store.add_form(_self(name="网格信息采集工作(二期)", unit="甲单位 "))
        assert [store.identical_form(form) for form in forms] == ids


def test_an_edit_that_would_make_a_form_another_s_twin_is_refused(any_store_url: str) -> None:
    with Store(any_store_url) as store:
        store.add_form(_self(code="C1"))
        other = store.add_form(_self(code="C2"))
        form = store.load_form(other)
        assert isinstance(form, SelfEvaluation)
        form.project_code = "c1"
        with pytest.raises(FormExists):
            store.write_changes(other, form, Touched(header=True))
        with pytest.raises(FormExists):
            store.replace_form(other, form)
        assert store.load_form(other).code == "C2"
        form.project_code = "C3"
        store.write_changes(other, form, Touched(header=True))
        assert store.identical_form(_self(code="C3")) == other


def test_a_deleted_form_brought_back_takes_its_identity_again(any_store_url: str,
                                                             guangming) -> None:
    with Store(any_store_url) as store:
        removed = store.delete_form(store.add_form(guangming))
        store.restore_form(removed)
        assert store.identical_form(guangming) == removed.summary.id
        with pytest.raises(FormExists):
            store.add_form(guangming)


# ---------------------------------------------------------------- an older store


FORM_COLUMNS = ("kind, layout, profile, year, code, name, unit, budget_unit,"
                " competent_department, amount_unit, goal_expected, goal_actual,"
                " level1_weights, details, meta, state, created_at, updated_at")
META = json.dumps({"source": "", "notes": "", "title": "", "published": {}, "labels": {},
                   "extra": {}})


def _insert_0005_form(connection, code: str, name: str, unit: str,  # type: ignore[no-untyped-def]
                      budget_unit: str = "") -> int:
    connection.execute(text(
        f"INSERT INTO form ({FORM_COLUMNS}) VALUES ('self_evaluation', 'district-2022',"
        " 'default', 2023, :code, :name, :unit, :budget_unit, '', '', '', '', '{}', '{}',"
        " :meta, 'draft', '2023-01-01', '2023-01-01')"),
        {"code": code, "name": name, "unit": unit, "budget_unit": budget_unit, "meta": META})
    return int(connection.execute(text("SELECT MAX(id) FROM form")).scalar_one())


def _store_at_0005_with_duplicates(url: str) -> dict[str, int]:
    """What the race left behind: the same form stored twice (three times for one),
    written as release 0005 wrote them, beside a form of its own."""
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(make_config(connection), "0005")
        ids = {"first": _insert_0005_form(connection, "C1", "项目", "甲单位"),
               "second": _insert_0005_form(connection, "C1", "项目", "甲单位"),
               "third": _insert_0005_form(connection, "c1", "项目（改名）", " 甲单位"),
               "alone": _insert_0005_form(connection, "", "只有名称的项目", "", "乙单位"),
               "deleted": _insert_0005_form(connection, "C9", "删掉的", "甲单位")}
        connection.execute(text("DELETE FROM form WHERE id = :id"), {"id": ids["deleted"]})
    engine.dispose()
    return ids


def _keys(store: Store) -> dict[int, str]:
    with store.engine.connect() as connection:
        return dict(connection.execute(text("SELECT id, identity_key FROM form")).all())


def test_0006_keeps_every_duplicate_an_older_store_held(any_store_url: str) -> None:
    ids = _store_at_0005_with_duplicates(any_store_url)
    with Store(any_store_url) as store:
        assert current_revision(store.engine) == head_revision()
        assert schema_differences(store.engine) == []
        keys = _keys(store)
        assert sorted(keys) == sorted(ids[name] for name in ("first", "second", "third", "alone"))
        plain = identity_of(_self(code="C1", name="项目", year=2023))
        assert keys[ids["first"]] == plain                      # the oldest keeps its key
        assert keys[ids["second"]] == f"{plain} #{ids['second']}"
        assert keys[ids["third"]] == f"{plain} #{ids['third']}"
        assert keys[ids["alone"]] == identity_key(
            SelfEvaluation.kind, 2023, "乙单位", "", "只有名称的项目")
        assert store.identical_form(_self(code="C1", year=2023)) == ids["first"]
        assert store.add_form(_self(code="C7", year=2023)) > ids["deleted"]


def test_a_set_apart_duplicate_can_still_be_edited_and_corrected(any_store_url: str) -> None:
    ids = _store_at_0005_with_duplicates(any_store_url)
    with Store(any_store_url) as store:
        second = ids["second"]
        form = store.load_form(second)
        assert isinstance(form, SelfEvaluation)
        form.goal_expected = "改了目标，身份未变"
        store.write_changes(second, form, Touched(header=True))
        store.replace_form(second, form)
        assert _keys(store)[second].endswith(f"#{second}")
        form.project_code = "C2"                              # the clerk tells it apart
        store.write_changes(second, form, Touched(header=True))
        assert store.identical_form(form) == second
        form.project_code = "C1"                              # and cannot make it a twin again
        with pytest.raises(FormExists):
            store.write_changes(second, form, Touched(header=True))


def test_0006_downgrades_and_upgrades_again(any_store_url: str) -> None:
    ids = _store_at_0005_with_duplicates(any_store_url)
    Store(any_store_url).close()
    engine = make_engine(any_store_url)
    with engine.begin() as connection:
        command.downgrade(make_config(connection), "0005")
        assert connection.execute(text("SELECT count(*) FROM form")).scalar_one() == 4
    engine.dispose()
    with Store(any_store_url) as store:
        assert sorted(_keys(store)) == sorted(
            ids[name] for name in ("first", "second", "third", "alone"))


def test_0006_keeps_both_checks_of_the_form_table(store_url: str) -> None:
    """SQLite rebuilds the table to make the column NOT NULL: its CHECKs must survive."""
    Store(store_url).close()
    engine = make_engine(store_url)
    with engine.connect() as connection:
        created = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'form'").scalar_one()
    engine.dispose()
    assert "ck_form_kind" in created and "ck_form_state" in created
    assert "AUTOINCREMENT" in created


def test_replacing_a_form_by_another_kind_moves_its_identity(any_store_url: str) -> None:
    with Store(any_store_url) as store:
        form_id = store.add_form(_self(code="C1"))
        target = ProjectTarget(year=2024, project_code="C1", project_name="项目",
                               applicant_unit="甲单位")
        store.replace_form(form_id, target)
        assert store.identical_form(target) == form_id
        assert store.identical_form(_self(code="C1")) is None
        store.add_form(_self(code="C1"))             # the identity it left is free again
