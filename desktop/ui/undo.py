"""Qt's undo stack over the single write path.

The service has already applied and stored a step when it reaches the stack, so a
command's first redo() does nothing; every later undo() and redo() replays the step
through the same service and transaction as the original edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop.editing.service import Step
from desktop.presenters.session import Workspace


class StepCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, step: Step,
                 show_form: Callable[[int], None]) -> None:
        super().__init__(step.label)
        self.workspace = workspace
        self.step = step
        self.show_form = show_form
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.show_form(self.step.form_id)
        self.workspace.session(self.step.form_id).redo(self.step)

    def undo(self) -> None:
        self.show_form(self.step.form_id)
        self.workspace.session(self.step.form_id).undo(self.step)
