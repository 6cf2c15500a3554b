"""What a form file may hold at most, whatever its format.

The file's size is checked before it is opened (desktop.interchange.opening); what each
format may unpack into is bounded by its own reader (JSON: json_limits, .xlsx:
template.package, .xls: template.xls_census). A form file is a few KB to a few hundred
KB, a clerk's workbook of many forms a few MB: 20 MB leaves ten times that, and every
reader is bounded to answer a file of that size within 1 GB of memory.

The texts are checked once a reader has built the form, so the JSON, .xlsx and .xls
readers share one rule and one message. The longest texts of real forms are goal and
notes texts of a few hundred to a few thousand characters; 5,000 leaves room for those
and refuses pasted documents and damaged cells (10,000 characters of one digit) before
they reach the store, the screen or an export (Excel's own cell limit is 32,767).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from desktop.forms import Form
from desktop.interchange.errors import FormFileError

MAX_FILE_BYTES = 20_000_000
MAX_TEXT = 5_000
FREE_TEXT = {"meta"}
"""Fields not checked: `meta` carries the file's own notes and source through unchanged."""


def check_texts(form: Form, where: str) -> None:
    """Refuse a form with a text longer than MAX_TEXT, naming the field."""
    for field, text in _texts(form, ""):
        if len(text) > MAX_TEXT:
            preview = " ".join(text[:20].split())
            raise FormFileError(f"{where}：{field} 有 {len(text)} 字，超过 {MAX_TEXT} 字的上限"
                                f"（“{preview}…”）")


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Every text in the form with where it sits ("indicators[3].name")."""
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            if field.name not in FREE_TEXT:
                yield from _texts(getattr(value, field.name), _join(path, field.name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(key, path)
            yield from _texts(item, f"{path}.{key}")


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
