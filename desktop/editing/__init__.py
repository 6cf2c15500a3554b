"""The single write path: every change to a stored form, as undoable labelled steps.

Qt-free. An edit (`edits`) changes one place of a domain form and knows its inverse;
the service (`service`) applies a batch of edits to a copy, stores them in one
transaction and only then shows the copy, returning a `Step` the GUI's undo stack (or
the CLI's `history.UndoHistory`) can undo and redo through the same path.
"""
