"""Reading a JSON form file within bounds, so that no file costs more than a form can.

Python's json module builds whatever the text describes: 9 MB of `{},` are three
million dicts (and, as indicator rows, 3.7 GB of forms), a number of 10,000 digits
raises a ValueError of its own, `"\\ud800"` becomes a string no database can store. A
real form file is a few hundred indicator rows at most, a few thousand values in all.

So, before json.loads builds anything, the brackets and commas of the raw text are
counted: every value but the first of each list or object follows a comma, every list
or object opens with a bracket, so their sum bounds the number of values (a comma or
bracket inside a text counts too: the bound errs on the safe side, far above a form).
While it parses, every number's text is measured before Python converts it. Once
parsed, one walk checks nesting depth, each text's length and that each text is valid
Unicode. The form's own lists (indicator rows, tasks) are bounded where the form is
built (desktop.interchange.json_form).
"""

from __future__ import annotations

import json
import re
from typing import Any

from desktop.interchange.errors import FormFileError
from desktop.money import LONGEST_NUMBER

MAX_VALUES = 200_000
"""Values, lists and objects in one file: a form has a few thousand."""
MAX_DEPTH = 32
"""Lists and objects inside each other: a form nests five deep (funds → source → column)."""
MAX_STRING = 100_000
"""Characters of one text: a form's texts are checked field by field against 5,000 later
(desktop.interchange.limits), with the field's name; this refuses the absurd first."""
MAX_NUMBER_TEXT = LONGEST_NUMBER
"""Characters of one JSON number, as for amounts written as text (desktop.money)."""
MAX_INDICATORS = 2_000
"""Indicator rows of one form: real forms have a few dozen, the largest a few hundred."""
MAX_TASKS = 1_000
"""Key tasks (年度重点工作任务) of a unit-wide target form: real forms list a handful."""

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class _NumberTooLong(ValueError):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _measured(convert: type) -> Any:
    def parse(text: str) -> Any:
        if len(text) > MAX_NUMBER_TEXT:
            raise _NumberTooLong(text)
        return convert(text)
    return parse


def check_raw_text(text: str, where: str) -> None:
    """Refuse a text that describes more values than a form file holds, before parsing."""
    values = text.count(",") + text.count("[") + text.count("{")
    if values > MAX_VALUES:
        raise FormFileError(f"{where}：JSON 中的值超过 {MAX_VALUES} 个的上限"
                            f"（约 {values} 个），不是一个绩效表格")


def load_json(text: str, where: str) -> Any:
    """The parsed JSON, or one Chinese line naming the bound it passes or the fault."""
    check_raw_text(text, where)
    try:
        data = json.loads(text, parse_int=_measured(int), parse_float=_measured(float))
    except _NumberTooLong as error:
        raise FormFileError(f"{where}：JSON 中的数字 {error.text[:20]}…有 {len(error.text)} 位，"
                            f"超过 {MAX_NUMBER_TEXT} 位的上限") from None
    except json.JSONDecodeError as error:
        raise FormFileError(
            f"{where}：不是有效的 JSON（第 {error.lineno} 行第 {error.colno} 列）") from None
    except RecursionError:
        raise FormFileError(f"{where}：JSON 嵌套过深（超过 {MAX_DEPTH} 层的上限）") from None
    check_values(data, where)
    return data


def check_values(data: Any, where: str) -> None:
    """Depth, text length and valid Unicode, in one walk over the parsed values."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            _check_text(value, where)
        elif isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise FormFileError(f"{where}：JSON 嵌套超过 {MAX_DEPTH} 层的上限")
            if isinstance(value, dict):
                for key in value:
                    _check_text(key, where)
                value = value.values()
            stack.extend((item, depth + 1) for item in value)


def _check_text(text: str, where: str) -> None:
    if _LONE_SURROGATE.search(text):
        raise FormFileError(f"{where}：JSON 中有无效的字符（单独的代理码元，如 \\ud800），"
                            "文件已损坏")
    if len(text) > MAX_STRING:
        preview = " ".join(text[:10].split())
        raise FormFileError(f"{where}：JSON 中有一段文字长达 {len(text)} 字，"
                            f"超过 {MAX_STRING} 字的上限（“{preview}…”）")


def check_rows(rows: list[Any], field: str, limit: int, where: str) -> None:
    """A form's list (indicator rows, tasks) of at most `limit` entries."""
    if len(rows) > limit:
        raise FormFileError(f"{where}：字段 {field} 有 {len(rows)} 行，超过 {limit} 行的上限")
