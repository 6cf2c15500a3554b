"""Which reader a file needs, and which files a folder holds."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop.forms import Form
from desktop.interchange.errors import FormFileError
from desktop.interchange.json_form import read_form as read_json_form

READERS = {".json": read_json_form}


def read_form_file(path: str | Path) -> Form:
    """Read a form from any supported file; FormFileError says why not in one line."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = "、".join(sorted(READERS))
        raise FormFileError(f"{path}：不支持的文件类型（支持 {supported}）")
    return reader(path)


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders replaced by the supported files inside them, sorted."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in READERS)
        else:
            yield path
