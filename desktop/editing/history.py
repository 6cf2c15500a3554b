"""A Qt-free undo history for the command line and the tests.

The GUI uses QUndoStack instead, with one QUndoCommand per step calling the service
exactly as the commands below do. Steps are pushed already done (the service applied
them); undo and redo move the index only once the store has accepted the change, so a
failed undo can be tried again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from desktop.editing.effects import Changed
from desktop.editing.service import FormService, FormStep, OpenForm, Step


class Command(Protocol):
    @property
    def text(self) -> str: ...

    def undo(self) -> Changed: ...

    def redo(self) -> Changed: ...


@dataclass(frozen=True)
class EditCommand:
    """An edit step of an open form."""

    service: FormService
    open_form: OpenForm
    step: Step

    @property
    def text(self) -> str:
        return self.step.label

    def undo(self) -> Changed:
        return self.service.undo(self.open_form, self.step)

    def redo(self) -> Changed:
        return self.service.redo(self.open_form, self.step)


@dataclass(frozen=True)
class FormCommand:
    """Creating or deleting a whole form."""

    service: FormService
    step: FormStep

    @property
    def text(self) -> str:
        return self.step.label

    def undo(self) -> Changed:
        return self.service.undo_form_step(self.step)

    def redo(self) -> Changed:
        return self.service.redo_form_step(self.step)


class UndoHistory:
    """Done commands up to `index`; undone ones after it until the next push."""

    def __init__(self) -> None:
        self._commands: list[Command] = []
        self._index = 0

    def push(self, command: Command) -> None:
        """Record a command that has just been done; the undone ones are forgotten."""
        del self._commands[self._index:]
        self._commands.append(command)
        self._index = len(self._commands)

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    def undo_text(self) -> str:
        return self._commands[self._index - 1].text if self.can_undo() else ""

    def redo_text(self) -> str:
        return self._commands[self._index].text if self.can_redo() else ""

    def undo(self) -> Changed:
        if not self.can_undo():
            raise LookupError("没有可以撤销的操作")
        changed = self._commands[self._index - 1].undo()
        self._index -= 1
        return changed

    def redo(self) -> Changed:
        if not self.can_redo():
            raise LookupError("没有可以重做的操作")
        changed = self._commands[self._index].redo()
        self._index += 1
        return changed

    def __len__(self) -> int:
        return len(self._commands)
