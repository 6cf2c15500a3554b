"""A form is stored whole or not at all: what a creation or an import makes of the form
(its undo step) is made before the store commits, so a failure there, or in any later
stage, leaves the store exactly as it was, on every database."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from conftest import sample_path
from db.store import Store
from desktop.editing import service as service_module
from desktop.editing.service import FormService
from desktop.importing import Outcome, import_files

TABLES = ("form", "funds_line", "budget_item", "task_line", "indicator", "form_search",
          "form_figures")


class Boom(RuntimeError):
    pass


def _contents(store: Store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {table: int(connection.execute(text(f"SELECT count(*) FROM {table}"))
                           .scalar_one()) for table in TABLES}


def _steps_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building the undo step fails, after the form and all its rows were written."""
    def failing(*_args: object, **_kwargs: object) -> None:
        raise Boom("the undo step could not be made")

    monkeypatch.setattr(service_module, "FormStep", failing)


def test_a_creation_whose_step_fails_stores_nothing(any_store_url: str, guangming,
                                                   monkeypatch) -> None:
    with Store(any_store_url) as store:
        service = FormService(store)
        before = _contents(store)
        _steps_fail(monkeypatch)
        with pytest.raises(Boom):
            service.create_form(guangming)
        assert _contents(store) == before
        assert store.identical_form(guangming) is None
        monkeypatch.undo()
        form_id, step = service.create_form(guangming)   # and nothing blocks a retry
        assert step.after is not None and step.after.summary == store.summary(form_id)


def test_an_import_failing_after_the_write_leaves_the_store_as_it_was(
        any_store_url: str, monkeypatch) -> None:
    files = [sample_path("longhua-2022-grid-info"), sample_path("shanghai-2020-target")]
    with Store(any_store_url) as store:
        service = FormService(store)
        [kept] = import_files(service, files[:1])
        before = _contents(store)
        _steps_fail(monkeypatch)
        with pytest.raises(Boom):
            import_files(service, files[1:])
        assert _contents(store) == before
        monkeypatch.undo()
        [again] = import_files(service, files[1:])
        assert again.outcome is Outcome.IMPORTED and kept.outcome is Outcome.IMPORTED


def test_a_replacement_whose_step_fails_keeps_the_old_form(any_store_url: str, guangming,
                                                          monkeypatch) -> None:
    with Store(any_store_url) as store:
        service = FormService(store)
        form_id, _ = service.create_form(guangming)
        changed = store.load_form(form_id)
        changed.goal_expected = "覆盖后的目标"
        _steps_fail(monkeypatch)
        with pytest.raises(Boom):
            service.replace_form(form_id, changed)
        assert store.load_form(form_id) == guangming
        assert store.summary_with_figures(form_id).summary.updated_at == \
            store.summary(form_id).updated_at


LATER_STAGES = ["db.search_index.refresh", "db.figures.keep", "db.reads.summary_of"]
"""What a creation writes or reads after the form's own rows: its search row, its
figures, and the summary its undo step is made of."""


@pytest.mark.parametrize("stage", LATER_STAGES)
def test_an_import_failing_at_a_later_stage_stores_nothing(any_store_url: str, stage: str,
                                                           monkeypatch) -> None:
    from importlib import import_module
    module_name, name = stage.rsplit(".", 1)

    def failing(*_args: object, **_kwargs: object) -> None:
        raise Boom(stage)

    with Store(any_store_url) as store:
        service = FormService(store)
        import_files(service, [sample_path("longhua-2022-grid-info")])
        before = _contents(store)
        monkeypatch.setattr(import_module(module_name), name, failing)
        with pytest.raises(Boom):
            import_files(service, [sample_path("shanghai-2020-target")])
        monkeypatch.undo()
        assert _contents(store) == before
