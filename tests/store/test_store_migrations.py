"""The schema is versioned from the first release, and migrating never loses a row."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from db import migrate
from db.engine import make_engine
from db.migrate import current_revision, head_revision, make_config, schema_differences
from db.records import StoreError
from db.store import Store
from db.tables import STORE_TABLE_NAMES


def test_a_fresh_file_is_migrated_to_head(store: Store) -> None:
    assert current_revision(store.engine) == head_revision() == "0006"
    assert set(inspect(store.engine).get_table_names()) >= STORE_TABLE_NAMES


def test_the_migrated_schema_matches_the_table_classes(store: Store) -> None:
    assert schema_differences(store.engine) == []


def test_the_comparison_notices_a_missing_index(store: Store) -> None:
    with store.engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_indicator_name"))
    differences = schema_differences(store.engine)
    assert [(d[0], d[1].name) for d in differences] == [("add_index", "ix_indicator_name")]


def test_a_file_that_is_not_a_database_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not a database, it is a clerk's notes " * 100)
    with pytest.raises(StoreError, match="数据库"):
        Store(f"sqlite:///{path}")
    assert path.read_bytes().startswith(b"this is not a database")


def test_a_store_at_head_is_left_alone_and_keeps_its_data(store_url: str, guangming,
                                                         monkeypatch) -> None:
    engine = make_engine(store_url)
    with engine.begin() as connection:
        command.upgrade(make_config(connection), "head")
    engine.dispose()
    with Store(store_url) as store:
        form_id = store.add_form(guangming)

    def must_not_run(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a store at head was migrated again")

    monkeypatch.setattr(migrate.command, "upgrade", must_not_run)
    with Store(store_url) as store:
        assert current_revision(store.engine) == head_revision()
        assert store.load_form(form_id) == guangming


def test_a_failed_upgrade_leaves_no_half_schema(store_url: str, monkeypatch) -> None:
    """DDL runs inside our own BEGIN, so a failure after it rolls the tables back too."""

    def fail(_connection) -> None:  # type: ignore[no-untyped-def]
        raise StoreError("simulated integrity failure")

    monkeypatch.setattr(migrate, "_check_foreign_keys", fail)
    with pytest.raises(StoreError):
        Store(store_url)
    engine = make_engine(store_url)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


def test_a_store_from_a_newer_release_is_refused_clearly(store_url: str) -> None:
    Store(store_url).close()
    engine = make_engine(store_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="更新版本"):
        Store(store_url)


def test_foreign_keys_are_back_on_after_migrating(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1


def test_downgrade_then_upgrade_round_trips(store_url: str) -> None:
    Store(store_url).close()
    engine = make_engine(store_url)
    with engine.begin() as connection:
        command.downgrade(make_config(connection), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()
    with Store(store_url) as store:
        assert schema_differences(store.engine) == []


REBUILD_FORM_TABLE = '''"""Rebuild the form table, as a column change through batch mode does."""
from alembic import op

revision = "9000"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("form", recreate="always"):
        pass


def downgrade() -> None:
    pass
'''


def test_a_table_rebuild_keeps_every_child_row(  # type: ignore[no-untyped-def]
        store_url: str, tmp_path, guangming, monkeypatch) -> None:
    """Batch mode drops and recreates the parent table; with foreign keys on, SQLite
    would cascade that DROP into every funds line and indicator."""
    with Store(store_url) as store:
        form_id = store.add_form(guangming)
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, migrations)
    (migrations / "versions" / "9000_rebuild_form.py").write_text(
        REBUILD_FORM_TABLE.replace("{head}", head_revision()))
    monkeypatch.setattr(migrate, "MIGRATIONS", migrations)
    from db import schema_version
    monkeypatch.setattr(schema_version, "HEAD_REVISION", "9000")
    with Store(store_url) as store:
        assert current_revision(store.engine) == "9000"
        assert store.load_form(form_id) == guangming


def test_the_head_known_without_alembic_is_alembic_s_head() -> None:
    from db import schema_version
    from db.migrate import head_revision
    from db.revision import HEAD_REVISION  # what `jixiao list` compares with
    assert head_revision() == HEAD_REVISION == schema_version.HEAD_REVISION


def test_opening_a_current_store_does_not_load_alembic(tmp_path) -> None:
    import subprocess
    import sys
    url = f"sqlite:///{tmp_path / 'current.sqlite3'}"
    Store(url).close()          # created and migrated in this process
    code = (f"import sys; from db.store import Store; Store({url!r}).close(); "
            "print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_0003_keeps_target_amounts_and_tasks_of_an_older_store(store_url: str) -> None:
    """Budget items and task lines stored as integer hundredths by release 0002 come back
    as the same exact amounts once 0003 keeps them as text."""
    from desktop.forms import ProjectTarget, UnitTarget
    engine = make_engine(store_url)
    with engine.begin() as connection:
        command.upgrade(make_config(connection), "0002")
        for form_id, kind in ((1, "project_target"), (2, "unit_target")):
            connection.execute(text(
                "INSERT INTO form (id, kind, layout, profile, year, code, name, unit, budget_unit,"
                " competent_department, amount_unit, goal_expected, goal_actual, level1_weights,"
                " details, meta, state, created_at, updated_at) VALUES (:id, :kind, :layout,"
                " 'default', 2023, '', :name, '', '', '', '万元', '', '', '{}', '{}',"
                " :meta, 'draft', '2023-01-01', '2023-01-01')"),
                {"id": form_id, "kind": kind, "name": f"表{form_id}",
                 "layout": kind.replace("_", "-"), "meta": json.dumps(
                     {"source": "", "notes": "", "title": "", "published": {}, "labels": {},
                      "extra": {}})})
        connection.execute(text(
            "INSERT INTO budget_item (form_id, position, key, amount_hundredths) VALUES"
            " (1, 0, 'project_total_budget', 182110005), (1, 1, 'project_current_year_budget',"
            " -5), (1, 2, 'same_project_prior_year_budget', NULL)"))
        connection.execute(text(
            "INSERT INTO task_line (form_id, position, is_stated_total, name, content,"
            " total_hundredths, fiscal_hundredths, other_hundredths) VALUES"
            " (2, 0, 0, '基本支出', '', 127600, 127600, 0)"))
    engine.dispose()
    with Store(store_url) as store:
        target, unit = store.load_form(1), store.load_form(2)
    assert isinstance(target, ProjectTarget) and isinstance(unit, UnitTarget)
    assert target.budget == {"project_total_budget": Decimal("1821100.05"),
                             "project_current_year_budget": Decimal("-0.05"),
                             "same_project_prior_year_budget": None}
    [task] = unit.tasks
    assert (task.total, task.fiscal, task.other, task.goal) == (
        Decimal("1276"), Decimal("1276"), Decimal("0"), "")


def _insert_0003_form(connection, name: str, state: str) -> int:  # type: ignore[no-untyped-def]
    """A project target as a 0003 store holds it, its id handed out by the database."""
    connection.execute(text(
        "INSERT INTO form (kind, layout, profile, year, code, name, unit, budget_unit,"
        " competent_department, amount_unit, goal_expected, goal_actual, level1_weights,"
        " details, meta, state, created_at, updated_at) VALUES ('project_target',"
        " 'project-target', 'default', 2023, '', :name, '', '', '', '万元', '目标', '', '{}',"
        " '{}', :meta, :state, '2023-01-01', '2023-01-01')"),
        {"name": name, "state": state, "meta": json.dumps(
            {"source": "", "notes": "", "title": "", "published": {}, "labels": {},
             "extra": {}})})
    return connection.execute(text("SELECT MAX(id) FROM form")).scalar_one()


def _store_at_0003(url: str) -> tuple[int, int]:
    """A 0003 store with an exported form, and the id of a form deleted from it."""
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(make_config(connection), "0003")
        exported = _insert_0003_form(connection, "已导出的表", "exported")
        deleted = _insert_0003_form(connection, "删掉的表", "draft")
        connection.execute(text("DELETE FROM form WHERE id = :id"), {"id": deleted})
    engine.dispose()
    return exported, deleted


def test_0004_lets_an_exported_form_of_an_older_store_become_changed(
        any_store_url: str) -> None:
    from db.records import FormState, Touched
    exported, deleted = _store_at_0003(any_store_url)
    with Store(any_store_url) as store:
        assert current_revision(store.engine) == head_revision()
        assert schema_differences(store.engine) == []
        assert store.summary(exported).state is FormState.EXPORTED
        form = store.load_form(exported)
        form.goal_expected = "修改后的目标"
        store.write_changes(exported, form, Touched(header=True))
        assert store.summary(exported).state is FormState.CHANGED
        form.project_name = "另一个项目"
        assert store.add_form(form) > deleted       # a deleted form's id stays unused


def test_0004_still_refuses_a_state_it_does_not_know(any_store_url: str) -> None:
    exported, _ = _store_at_0003(any_store_url)
    Store(any_store_url).close()
    engine = make_engine(any_store_url)
    with pytest.raises(IntegrityError, match="ck_form_state"), engine.begin() as connection:
        connection.execute(text("UPDATE form SET state = 'approved' WHERE id = :id"),
                           {"id": exported})
    engine.dispose()


def test_0004_downgrade_turns_changed_back_into_exported(any_store_url: str) -> None:
    from db.records import FormState
    exported, _ = _store_at_0003(any_store_url)
    with Store(any_store_url) as store:
        store.set_state(exported, FormState.CHANGED)
    engine = make_engine(any_store_url)
    with engine.begin() as connection:
        command.downgrade(make_config(connection), "0003")
        assert connection.execute(text("SELECT state FROM form WHERE id = :id"),
                                  {"id": exported}).scalar_one() == "exported"
    engine.dispose()
    with Store(any_store_url) as store:
        assert schema_differences(store.engine) == []
