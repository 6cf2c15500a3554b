"""The sub-commands of `jixiao`, each a function from parsed arguments to an exit code.

Each imports its own module when it runs, so a command loads only what it uses: `score`
reads files and never touches the store (SQLAlchemy, SQLModel and Alembic take most of a
second to import, many times the work itself), `list` reads the store and no workbook
(openpyxl). This package itself imports nothing, which keeps `jixiao --help` light too.
"""

from __future__ import annotations

import argparse


def score(args: argparse.Namespace) -> int:
    from desktop.commands.scoring import score_file
    return score_file(args)


def import_(args: argparse.Namespace) -> int:
    from desktop.commands.importing import import_paths
    return import_paths(args)


def export(args: argparse.Namespace) -> int:
    from desktop.commands.exporting import export_stored
    return export_stored(args)


def list_(args: argparse.Namespace) -> int:
    from desktop.commands.listing import list_forms
    return list_forms(args)
