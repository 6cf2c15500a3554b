"""The one write path: apply a step to a copy, store it in one transaction, then show it.

Nothing else writes a form. An edit step is applied to a deep copy of the open form;
only when the store has committed it does the copy replace the form the views read.
So a refused value (EditError) or a failed write (StoreError) leaves both the store
and the screen as they were. Undo and redo replay a step's edits through the very
same path. Derived values (sums, rates, suggested scores, findings) are not here:
views recompute them from the form after each change.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from db.records import StoredForm
from desktop.editing import steps
from desktop.editing.copies import copy_of
from desktop.editing.edits import Edit, apply_all
from desktop.editing.effects import Changed, changed_by, touched_by
from desktop.editing.fields import check_form
from desktop.editing.paths import Path
from desktop.forms import Form, Indicator

if TYPE_CHECKING:   # the store loads SQLAlchemy: only app start-up imports it
    from db.store import Store


@dataclass
class OpenForm:
    """A stored form being worked on; `form` is what the views read, never edit."""

    form_id: int
    form: Form


@dataclass(frozen=True)
class Step:
    """One undoable change of one form, named for the undo menu ("修改得分")."""

    label: str
    form_id: int
    forward: tuple[Edit, ...]
    backward: tuple[Edit, ...]
    changed: Changed

    @property
    def is_empty(self) -> bool:
        """Nothing changed (a cell set to what it held): nothing to record."""
        return not self.forward


@dataclass(frozen=True)
class FormStep:
    """Creating, deleting or replacing a whole form, as the content before and after.

    `before` is None for a created form, `after` is None for a deleted one; undo brings
    back `before`, redo `after`, each in one transaction and under the same id.
    """

    label: str
    form_id: int
    before: StoredForm | None
    after: StoredForm | None

    @property
    def created(self) -> bool:
        return self.before is None

    @property
    def changed(self) -> Changed:
        return Changed(forms=True)


def _created(label: str, stored: StoredForm) -> tuple[int, FormStep]:
    return stored.summary.id, FormStep(label, stored.summary.id, None, stored)


class FormService:
    """Every write to stored forms goes through here."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def open(self, form_id: int) -> OpenForm:
        return OpenForm(form_id, self.store.load_form(form_id))

    # ------------------------------------------------------------ edit steps

    def apply(self, open_form: OpenForm, edits: Sequence[Edit], label: str) -> Step:
        """Apply and store the edits as one step; an empty step writes nothing."""
        applied = apply_all(open_form.form, edits)
        if applied.forward:
            self.store.write_changes(open_form.form_id, applied.form,
                                     touched_by(applied.forward))
            open_form.form = applied.form
        return Step(label, open_form.form_id, applied.forward, applied.backward,
                    changed_by(applied.forward))

    def undo(self, open_form: OpenForm, step: Step) -> Changed:
        return self._replay(open_form, step, step.backward)

    def redo(self, open_form: OpenForm, step: Step) -> Changed:
        return self._replay(open_form, step, step.forward)

    def _replay(self, open_form: OpenForm, step: Step, edits: tuple[Edit, ...]) -> Changed:
        if open_form.form_id != step.form_id:
            raise ValueError(f"step of form {step.form_id} replayed on form {open_form.form_id}")
        applied = apply_all(open_form.form, edits)
        self.store.write_changes(open_form.form_id, applied.form, touched_by(edits))
        open_form.form = applied.form
        return changed_by(edits)

    # ------------------------------------------------------------ whole forms

    def create_form(self, form: Form, label: str = "新建表格") -> tuple[int, FormStep]:
        """Store a new form (checked like any typed value) as an undoable step.

        Everything the step needs is made before the store commits: the checks and the
        step's own copy of the form before the write, the step inside its transaction.
        So a failure anywhere leaves no form behind, and a form in the store always has
        its undo step. A form whose identity is stored already is refused (FormExists).
        """
        check_form(form)
        kept = copy.deepcopy(form)   # the step's own: the caller may go on changing `form`
        return self.store.add_form_with(kept, lambda stored: _created(label, stored))

    def duplicate_form(self, form: Form, label: str = "复制表格") -> tuple[int, FormStep]:
        """Store a copy of a form as a new undoable step. The copy cannot be the same form
        (a form is stored once), so it is the start of another project's: its code is
        left blank for the clerk to fill in, and its name says it is a copy."""
        return self.create_form(copy_of(form, self._name_is_free), label)

    def _name_is_free(self, form: Form) -> bool:
        return self.store.identical_form(form) is None

    def delete_form(self, form_id: int, label: str = "删除表格") -> FormStep:
        """Delete a form; undo puts the same content back under the same id."""
        return FormStep(label, form_id, self.store.delete_form(form_id), None)

    def replace_form(self, form_id: int, form: Form, label: str = "覆盖表格") -> FormStep:
        """Overwrite a stored form's whole content in one transaction (re-importing a
        file over it); undo puts the old content back. Open copies must be reopened."""
        check_form(form)
        kept = copy.deepcopy(form)
        return self.store.replace_form_with(
            form_id, kept, lambda before, after: FormStep(label, form_id, before, after))

    def undo_form_step(self, step: FormStep) -> Changed:
        self._go_to(step.form_id, step.before, step.after)
        return step.changed

    def redo_form_step(self, step: FormStep) -> Changed:
        self._go_to(step.form_id, step.after, step.before)
        return step.changed

    def _go_to(self, form_id: int, target: StoredForm | None,
               current: StoredForm | None) -> None:
        """Make the stored form `target` again, from `current` (None: absent)."""
        if target is None:
            self.store.delete_form(form_id)
        elif current is None:
            self.store.restore_form(target)
        else:
            self.store.replace_form(form_id, target.form)

    # ------------------------------------------------------------ common steps

    def set_value(self, open_form: OpenForm, path: Path, value: object) -> Step:
        return self._run(open_form, steps.set_value(open_form.form, path, value))

    def set_cell(self, open_form: OpenForm, row: int, field: str, value: object) -> Step:
        """One indicator cell, e.g. "修改得分", "修改实际完成值"."""
        return self._run(open_form, steps.set_cell(open_form.form, row, field, value))

    def insert_indicator(self, open_form: OpenForm, index: int,
                         indicator: Indicator | None = None) -> Step:
        row = indicator if indicator is not None else Indicator()
        return self._run(open_form, steps.insert_rows(open_form.form, "indicators", index, [row]))

    def remove_indicators(self, open_form: OpenForm, index: int, count: int = 1) -> Step:
        return self._run(open_form, steps.remove_rows(open_form.form, "indicators", index, count))

    def move_indicator(self, open_form: OpenForm, index: int, destination: int,
                       count: int = 1) -> Step:
        plan = steps.move_rows(open_form.form, "indicators", index, count, destination)
        return self._run(open_form, plan)

    def paste_block(self, open_form: OpenForm, top_row: int, left_field: str,
                    rows_of_texts: Sequence[Sequence[str]],
                    columns: Sequence[str] = steps.INDICATOR_COLUMNS) -> Step:
        plan = steps.paste_block(open_form.form, top_row, left_field, rows_of_texts, columns)
        return self._run(open_form, plan)

    def set_weights(self, open_form: OpenForm, rows: Sequence[int],
                    weights: Sequence[Decimal]) -> Step:
        return self._run(open_form, steps.set_weights(open_form.form, rows, weights))

    def _run(self, open_form: OpenForm, plan: steps.Plan) -> Step:
        return self.apply(open_form, plan.edits, plan.label)
