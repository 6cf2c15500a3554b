"""Drive the real window from a script, for the fault tests: edit scores one by one
through the Qt model and say after each which one the store accepted.

    python -m desktop.ui.automation --db PATH edit --count N [--rows all|even|odd]
    python -m desktop.ui.automation --db PATH scores

`edit` opens (on an empty store, first imports) the sample self-evaluation, then for
each edit prints `trying ROW VALUE` before and `accepted ROW VALUE` once setData has
returned, which is after the store committed. A test may kill the process at any
moment: every `accepted` line must be found in the store afterwards, and at most the
one edit in flight may be there without its line. `scores` prints the score column as
the window shows it, one JSON object, so a restarted window can be compared.

Offscreen by default; the same code path as a clerk's typing (IndicatorPanel's model).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # the window loads Qt: imported once the platform is chosen
    from desktop.ui.editor_base import FormEditor
    from desktop.ui.main_window import MainWindow

SAMPLE = "longhua-2022-digital-city.json"


def _say(text: str) -> None:
    print(text, flush=True)


def open_editor(window: MainWindow) -> FormEditor:
    """The sample self-evaluation in the window, imported first on an empty store."""
    from desktop.demo import demo_files
    from desktop.forms import FormKind
    from desktop.importing import import_files
    store = window.workspace.service.store
    forms = store.list_forms(kind=FormKind.SELF_EVALUATION)
    if not forms:
        import_files(window.workspace.service, [p for p in demo_files() if p.name == SAMPLE])
        forms = store.list_forms(kind=FormKind.SELF_EVALUATION)
    window.browser.refresh()
    return window.open_form(min(summary.id for summary in forms))


def editable_rows(editor: FormEditor, which: str) -> list[int]:
    """Indicator rows with room for a score, of the parity asked for."""
    rows = [i for i, row in enumerate(editor.session.form.indicators) if (row.weight or 0) >= 1]
    parity = {"even": 0, "odd": 1}.get(which)
    return rows if parity is None else [i for i in rows if i % 2 == parity]


def score_for(editor: FormEditor, row: int, edit: int) -> Decimal:
    """A score between 82.5% and 97.5% of 分值, changing from one visit to the next: it
    is within the 达成 band too, so qualitative rows accept it as well."""
    weight = editor.session.form.indicators[row].weight
    return (weight * (1 - Decimal(edit % 7 + 1) / Decimal(40))).quantize(Decimal("0.01"))


def edit(window: MainWindow, count: int, which: str) -> int:
    from PySide6.QtCore import Qt

    from desktop.money import format2
    editor = open_editor(window)
    panel, rows = editor.indicators, editable_rows(editor, which)
    reasons: list[str] = []
    editor.refused.connect(reasons.append)
    _say(f"form {editor.session.form_id}")
    for number in range(count):
        row = rows[number % len(rows)]
        value = format2(score_for(editor, row, number))
        _say(f"trying {row} {value}")
        index = panel.model.index(panel.grid.display_row(row), panel.grid.column_of("score"))
        if panel.model.setData(index, value, Qt.ItemDataRole.EditRole):
            _say(f"accepted {row} {value}")
        else:
            _say(f"refused {row} {value} {reasons[-1] if reasons else ''}")
    _say("done")
    return 0


def scores(window: MainWindow) -> int:
    editor = open_editor(window)
    panel = editor.indicators
    shown = {row: panel.model.index(panel.grid.display_row(row),
                                    panel.grid.column_of("score")).data()
             for row in range(len(editor.session.form.indicators))}
    _say(json.dumps(shown))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.automation")
    parser.add_argument("--db", required=True)
    actions = parser.add_subparsers(dest="action", required=True)
    edits = actions.add_parser("edit")
    edits.add_argument("--count", type=int, default=50)
    edits.add_argument("--rows", choices=["all", "even", "odd"], default="all")
    actions.add_parser("scores")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from desktop.ui.app import build_window
    window = build_window(args.db)
    window.show()
    try:
        return edit(window, args.count, args.rows) if args.action == "edit" else scores(window)
    finally:
        window.close()
        window.workspace.service.store.close()


if __name__ == "__main__":
    sys.exit(main())
