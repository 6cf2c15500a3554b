"""Every public write is one transaction: a failure half-way leaves the store as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db import mapping
from db.records import StoreError, Touched
from db.store import Store


class Boom(RuntimeError):
    pass


def fail_after(monkeypatch: pytest.MonkeyPatch, name: str, calls: int) -> None:
    """Make db.mapping.<name> raise on its (calls + 1)-th call, after real work was done."""
    real = getattr(mapping, name)
    seen = {"count": 0}

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen["count"] += 1
        if seen["count"] > calls:
            raise Boom(name)
        return real(*args, **kwargs)

    monkeypatch.setattr(mapping, name, failing)


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("form", "funds_line", "budget_item", "task_line", "indicator")}


def test_add_failing_midway_stores_nothing(store: Store, guangming, digital_city,
                                          monkeypatch) -> None:
    store.add_form(guangming)
    before = row_counts(store)
    fail_after(monkeypatch, "indicator_values", 10)
    with pytest.raises(Boom):
        store.add_form(digital_city)
    assert row_counts(store) == before


def test_replace_failing_midway_keeps_the_old_form(store: Store, reopen, guangming,
                                                  digital_city, monkeypatch) -> None:
    form_id = store.add_form(guangming)
    fail_after(monkeypatch, "indicator_values", 5)
    with pytest.raises(Boom):
        store.replace_form(form_id, digital_city)
    assert reopen(form_id) == guangming


def test_delete_failing_keeps_the_form(store: Store, guangming, monkeypatch) -> None:
    form_id = store.add_form(guangming)
    fail_after(monkeypatch, "build_form", 0)
    with pytest.raises(Boom):
        store.delete_form(form_id)
    monkeypatch.undo()
    assert store.load_form(form_id) == guangming


def test_write_changes_failing_midway_keeps_every_row(store: Store, reopen,
                                                     guangming, monkeypatch) -> None:
    form_id = store.add_form(guangming)
    changed = store.load_form(form_id)
    changed.project_name = "改名"
    for row in changed.indicators[:4]:
        row.actual = "改过"
    fail_after(monkeypatch, "indicator_values", 3)
    with pytest.raises(Boom):
        store.write_changes(form_id, changed,
                            Touched(header=True, indicator_rows=frozenset(range(4))))
    assert reopen(form_id) == guangming


def test_write_changes_refuses_a_form_out_of_step(store: Store, guangming) -> None:
    form_id = store.add_form(guangming)
    longer = store.load_form(form_id)
    longer.indicators.append(longer.indicators[0])
    last = len(longer.indicators) - 1
    with pytest.raises(StoreError, match="不一致"):
        store.write_changes(form_id, longer, Touched(indicator_rows=frozenset({last})))
    assert store.load_form(form_id) == guangming


def test_an_edit_that_fails_leaves_an_exported_form_exported(store: Store, guangming,
                                                             monkeypatch) -> None:
    """The state and the edit are one transaction: no "changed" without the change."""
    from db.records import FormState
    form_id = store.add_form(guangming, state=FormState.EXPORTED)
    fail_after(monkeypatch, "indicator_values", 0)
    with pytest.raises(Boom):
        store.write_changes(form_id, guangming, Touched(indicator_rows=frozenset({0})))
    assert store.summary(form_id).state is FormState.EXPORTED
