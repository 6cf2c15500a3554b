"""The search index (form_search): filled by migration 0002, kept in step by every write."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from alembic import command
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import column, event, insert, select, table, text

from conftest import SAMPLE_FILES, load_sample
from db import mapping
from db.engine import make_engine
from db.migrate import make_config
from db.search_index import index_values
from db.store import Store
from db.tables import FormRow, FormSearchRow
from desktop.textnorm import search_key, squeeze_spaces, to_halfwidth


def _rows(store: Store) -> dict[int, dict[str, str]]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(FormSearchRow)).mappings().all()
    return {row["form_id"]: {k: v for k, v in row.items() if k != "form_id"} for row in rows}


def _columns_of_0001(values: dict[str, object]) -> dict[str, object]:
    """An indicator's columns as release 0001 had them (0003 added the last two)."""
    return {key: value for key, value in values.items() if key not in ("explanation", "extra")}


def _insert_at_0001(url: str) -> None:
    """The samples written as release 0001 stored them: no form_search table yet."""
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(make_config(connection), "0001")
        now = datetime.now(UTC)
        for form_id, path in enumerate(SAMPLE_FILES, start=1):
            form = load_sample(path.stem)
            form.project_name = f" {form.name}（ＡＢ） " if hasattr(form, "project_name") else ""
            connection.execute(insert(FormRow.__table__), [{  # type: ignore[attr-defined]
                "id": form_id, **mapping.form_columns(form), "state": "draft",
                "created_at": now, "updated_at": now}])
            rows = [{"form_id": form_id, "position": position,
                     **_columns_of_0001(mapping.indicator_values(row))}
                    for position, row in enumerate(form.indicators)]
            columns = [column(name) for name in rows[0]]   # only 0001's: no 0003 defaults
            connection.execute(insert(table("indicator", *columns)), rows)
    engine.dispose()


def test_migration_0002_indexes_existing_forms_as_the_store_would(store_url: str) -> None:
    _insert_at_0001(store_url)
    with Store(store_url) as store:
        stored = _rows(store)
        assert len(stored) == len(SAMPLE_FILES)
        for form_id, values in stored.items():
            assert values == index_values(store.load_form(form_id))


def test_every_write_keeps_the_index_and_its_full_text_in_step(service, guangming) -> None:
    form_id, _ = service.create_form(guangming)
    opened = service.open(form_id)
    service.set_cell(opened, 2, "name", "流量采集分析服务（新）")
    service.insert_indicator(opened, 0)
    service.set_value(opened, ("goal_actual",), "全部完成")
    assert _rows(service.store)[form_id] == index_values(service.store.load_form(form_id))
    with service.store.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO form_search_fts(form_search_fts, rank) VALUES ('integrity-check', 1)"))


def test_a_score_edit_does_not_rewrite_the_index(service, guangming) -> None:
    form_id, _ = service.create_form(guangming)
    opened = service.open(form_id)
    statements: list[str] = []

    @event.listens_for(service.store.engine, "before_cursor_execute")
    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    service.set_cell(opened, 0, "score", "1")
    event.remove(service.store.engine, "before_cursor_execute", record)
    assert any(s.startswith("UPDATE indicator") for s in statements)
    assert not any(s.startswith(("UPDATE form_search", "INSERT INTO form_search"))
                   for s in statements)


@cache
def _migration_0002():  # type: ignore[no-untyped-def]
    import importlib.util

    from db.migrate import MIGRATIONS
    spec = importlib.util.spec_from_file_location(
        "migration_0002", MIGRATIONS / "versions" / "0002_form_search.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",))))
def test_search_folding_is_the_readers_and_the_migrations(text_: str) -> None:
    """search_key is to_halfwidth, lower case, no white space; 0002's frozen copy agrees."""
    expected = squeeze_spaces(to_halfwidth(text_)).lower()
    assert search_key(text_) == expected
    assert _migration_0002()._fold(text_) == expected
