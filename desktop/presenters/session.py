"""An open form: the write path to it, what the rules make of it, and who to tell.

Views never write a form themselves: they ask the session to run a step through the
service, and after every step, undo or redo the session re-evaluates the form and
tells its listeners what changed, so that totals and findings are current before the
screen repaints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.editing.effects import Changed
from desktop.editing.service import FormService, OpenForm, Step
from desktop.forms import Form, SelfEvaluation
from desktop.layouts import Layout, layout_or_standard
from desktop.rules.evaluate import Evaluation, check_target_form, evaluate_latest
from desktop.rules.findings import Finding
from desktop.rules.profile import RuleProfile, load_profile

Listener = Callable[[Changed], None]



def layout_of(form: Form) -> Layout:
    """The form's layout, or its kind's standard one when the name is unknown here."""
    return layout_or_standard(form.layout, form.kind)


@dataclass
class FormSession:
    service: FormService
    opened: OpenForm
    evaluation: Evaluation | None = None
    findings: tuple[Finding, ...] = ()
    listeners: list[Listener] = field(default_factory=list)

    @classmethod
    def open(cls, service: FormService, form_id: int) -> FormSession:
        session = cls(service, service.open(form_id))
        session._recompute()
        return session

    @property
    def form_id(self) -> int:
        return self.opened.form_id

    @property
    def form(self) -> Form:
        return self.opened.form

    @property
    def layout(self) -> Layout:
        return layout_of(self.form)

    @property
    def profile(self) -> RuleProfile:
        try:
            return load_profile(self.form.profile)
        except ValueError:
            return load_profile()

    @property
    def scored(self) -> bool:
        return isinstance(self.form, SelfEvaluation)

    def run(self, action: Callable[[OpenForm], Step]) -> Step | None:
        """Run one step through the service; None when it changed nothing.

        EditError (a refused value) propagates with nothing applied or stored.
        """
        step = action(self.opened)
        if step.is_empty:
            return None
        self._after(step.changed)
        return step

    def undo(self, step: Step) -> None:
        self._after(self.service.undo(self.opened, step))

    def redo(self, step: Step) -> None:
        self._after(self.service.redo(self.opened, step))

    def _recompute(self) -> None:
        if isinstance(self.form, SelfEvaluation):
            self.evaluation = evaluate_latest(self.form, self.profile)
            self.findings = self.evaluation.findings
        else:
            self.evaluation = None
            self.findings = check_target_form(self.form)

    def _after(self, changed: Changed) -> None:
        self._recompute()
        for listener in list(self.listeners):
            listener(changed)


class Workspace:
    """The open sessions, one per form, so that every view of a form shares one copy."""

    def __init__(self, service: FormService) -> None:
        self.service = service
        self._sessions: dict[int, FormSession] = {}

    def session(self, form_id: int) -> FormSession:
        if form_id not in self._sessions:
            self._sessions[form_id] = FormSession.open(self.service, form_id)
        return self._sessions[form_id]

    def forget(self, form_id: int) -> None:
        """Drop a session whose form was deleted or replaced underneath it."""
        self._sessions.pop(form_id, None)
