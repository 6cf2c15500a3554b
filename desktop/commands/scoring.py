"""`jixiao score FILE`: the figures and findings of every form of a file, without a store.

Nothing here may import `db`: the command touches no store, and a test checks that
scoring a JSON file loads neither the store nor openpyxl nor Qt.
"""

from __future__ import annotations

import argparse

from desktop.commands.output import json_text, one_line, say
from desktop.interchange.errors import FormFileError
from desktop.interchange.files import read_file_sheets
from desktop.interchange.sheets import ReadOptions, SheetReading
from desktop.report import score_dict, score_text


def _scored_sheets(args: argparse.Namespace) -> tuple[list[SheetReading], list[SheetReading]]:
    """The sheets of the file that hold forms, and the others (reported, not scored)."""
    readings = read_file_sheets(args.file, ReadOptions(year=args.year))
    forms = [reading for reading in readings if reading.form is not None]
    if not forms:
        others = [r for r in readings if r.message]
        why = others[0].message if others else "没有找到绩效表格"
        raise FormFileError(f"{args.file}：{why}")
    return forms, [reading for reading in readings if reading.form is None]


def score_file(args: argparse.Namespace) -> int:
    """Every form of the file; one form prints as before, several each under its sheet."""
    forms, others = _scored_sheets(args)
    if args.json:
        dicts = [{"sheet": r.sheet, **score_dict(r.form)} for r in forms if r.form is not None]
        shown = score_dict(forms[0].form) if len(forms) == 1 and forms[0].form else dicts
        say(json_text(shown))
        return 0
    for reading in forms:
        if len(forms) > 1:
            say(f"［{one_line(reading.sheet)}］")
        assert reading.form is not None
        say(score_text(reading.form))
    for reading in others:
        say(reading.message)
    return 0
