"""The folders last used in the file dialogs, one per purpose, remembered between starts.

A dialog starts where the clerk last imported from, exported to or saved a PDF in:

    start = last_folder(IMPORT)
    paths, _ = QFileDialog.getOpenFileNames(window, title, start, filters)
    if paths:
        remember_folder(IMPORT, paths[0])

`remember_folder` takes a chosen file (its folder is kept) or a chosen folder. A folder
that has since gone, or none yet, gives the home folder.
"""

from __future__ import annotations

from pathlib import Path

from desktop.ui import i18n

IMPORT = "import"
EXPORT = "export"
PDF = "pdf"
PURPOSES = (IMPORT, EXPORT, PDF)
GROUP = "folders"


def _key(purpose: str) -> str:
    if purpose not in PURPOSES:
        raise ValueError(f"unknown folder purpose {purpose!r}; expected one of {PURPOSES}")
    return f"{GROUP}/{purpose}"


def last_folder(purpose: str) -> str:
    """The folder the dialog for `purpose` should start in: the last one used, while it
    still exists, else the home folder."""
    saved = i18n.settings().value(_key(purpose), "")
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return saved
    return str(Path.home())


def remember_folder(purpose: str, path: str | Path) -> None:
    """Remember the folder of a chosen file, or a chosen folder; an empty path (the
    dialog was cancelled) is ignored."""
    if not str(path):
        return
    chosen = Path(path).expanduser()
    folder = chosen if chosen.is_dir() else chosen.parent
    i18n.settings().setValue(_key(purpose), str(folder.resolve()))
