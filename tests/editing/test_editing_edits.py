"""Edits in memory: every edit's inverse restores the form exactly (no store here)."""

from __future__ import annotations

import copy
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import load_sample
from desktop.editing.edits import InsertRows, MoveRows, RemoveRows, SetValue, apply_all
from desktop.forms import Indicator

SAMPLE = load_sample("longhua-2022-digital-city")


def test_apply_all_never_touches_the_given_form() -> None:
    form = copy.deepcopy(SAMPLE)
    applied = apply_all(form, [SetValue(("project_name",), "x"), RemoveRows("indicators", 0, 3)])
    assert form == SAMPLE and applied.form.project_name == "x"


def test_forward_edits_hold_normalised_values_and_private_rows() -> None:
    row = Indicator(name="n", weight=Decimal("2"))
    applied = apply_all(SAMPLE, [SetValue(("indicators", 0, "score"), "１.５"),
                                 InsertRows("indicators", 0, (row,))])
    assert applied.forward[0] == SetValue(("indicators", 0, "score"), Decimal("1.50"))
    row.name = "changed after the step"
    assert applied.forward[1].rows[0].name == "n"
    assert applied.form.indicators[0].name == "n"


@st.composite
def edit_sequences(draw):  # type: ignore[no-untyped-def]
    """Random valid edits, each drawn against the row count the previous ones leave."""
    count, edits = len(SAMPLE.indicators), []
    for _ in range(draw(st.integers(1, 8))):
        choice = draw(st.sampled_from(["set", "insert", "remove", "move"]))
        if choice == "insert" or count < 2:
            edits.append(InsertRows("indicators", draw(st.integers(0, count)),
                                    (Indicator(name=draw(st.text(max_size=3))),)))
            count += 1
        elif choice == "remove":
            edits.append(RemoveRows("indicators", draw(st.integers(0, count - 1)), 1))
            count -= 1
        elif choice == "move":
            edits.append(MoveRows("indicators", draw(st.integers(0, count - 1)), 1,
                                  draw(st.integers(0, count - 1))))
        else:
            value = draw(st.decimals(0, 100, places=2) | st.none())
            edits.append(SetValue(("indicators", draw(st.integers(0, count - 1)), "score"),
                                  value))
    return edits


@settings(max_examples=150, deadline=None)
@given(edit_sequences())
def test_backward_edits_restore_the_form_exactly(edits) -> None:  # type: ignore[no-untyped-def]
    applied = apply_all(SAMPLE, edits)
    assert apply_all(applied.form, applied.backward).form == SAMPLE
    assert apply_all(SAMPLE, applied.forward).form == applied.form
