"""An edit is evaluated once: the store's figures and the open form share the result,
and the open form's figures still follow every edit and undo."""

from __future__ import annotations

from decimal import Decimal

import desktop.figures
import desktop.rules.evaluate as rules
from conftest import load_sample
from desktop.presenters.session import FormSession


def counted(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = rules.evaluate

    def evaluate(form, profile=None):   # a counting stand-in
        calls.append(1)
        return real(form, profile)

    monkeypatch.setattr(rules, "evaluate", evaluate)
    monkeypatch.setattr(desktop.figures, "evaluate", evaluate)
    return calls


def test_an_edit_is_evaluated_once_and_both_sides_agree(service, monkeypatch):
    form_id, _ = service.create_form(load_sample("guangming-2024-market"))
    session = FormSession.open(service, form_id)
    calls = counted(monkeypatch)
    step = session.run(lambda opened: service.set_cell(opened, 0, "score", Decimal("1")))
    assert len(calls) == 1
    assert session.evaluation == rules.evaluate(session.form, session.profile)
    stored = service.store.summary_with_figures(form_id).figures
    assert stored.total == session.evaluation.total
    session.undo(step)   # an undo writes and recomputes too, through the same memo
    assert session.evaluation == rules.evaluate(session.form, session.profile)


def test_a_form_changed_in_place_is_evaluated_afresh(service):
    """Only the same unchanged object is shared: a different object is evaluated."""
    form = load_sample("guangming-2024-market")
    desktop.figures.figures_of(form)
    other = load_sample("guangming-2024-market")
    other.indicators[0].score = Decimal("0")
    profile = rules.load_profile(other.profile)
    assert rules.evaluate_latest(other, profile) == rules.evaluate(other, profile)
