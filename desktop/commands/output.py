"""What the `jixiao` command prints: every line passes through here on its way out.

Form names, sheet names and file names come from workbooks and folders other people
made. A name holding an escape sequence ("\\x1b[2J" clears the screen), a bell, a
backspace or a carriage return would act on the clerk's terminal instead of being
shown, and could make one line look like another. So every control character is
replaced by a visible stand-in before it is printed: C0 controls by their Unicode
"control picture" (ESC shows as ␛), DEL as ␡, C1 controls and the bidirectional
overrides (which reorder what the terminal shows) as �. Chinese text and full-width
punctuation are printable and pass unchanged.

JSON output stays valid JSON: `json.dumps` already escapes C0 controls, and the
characters it leaves raw (DEL, C1, bidi overrides) are escaped here as \\uXXXX, which
reads back as the same string.
"""

from __future__ import annotations

import json
import re
import sys
from typing import TextIO

REPLACEMENT = "\ufffd"
BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""LRE … RLO and LRI … PDI: they reorder the text a terminal shows after them."""


def _stand_ins(keep_newline: bool) -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # ␀ … ␟
    table[0x7F] = "\u2421"  # ␡
    table.update(dict.fromkeys((*range(0x80, 0xA0), *BIDI_CONTROLS), REPLACEMENT))
    if keep_newline:
        del table[ord("\n")]
    table.pop(ord("\t"))  # a tab moves the cursor forward and nothing more
    return table


LINES = _stand_ins(keep_newline=True)
"""For text the program lays out itself, whose newlines separate its own lines."""
ONE_LINE = _stand_ins(keep_newline=False)
"""For one value (a name) inside a line: its newline would start a line of its own."""
JSON_RAW = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0), *BIDI_CONTROLS)}


def _finder(table: dict[int, str]) -> re.Pattern[str]:
    """A pattern matching any character the table replaces: searching for one runs in C,
    so text without any (nearly all) is not walked character by character in Python."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]")


FOUND = {id(table): _finder(table) for table in (LINES, ONE_LINE, JSON_RAW)}


def _replaced(text: str, table: dict[int, str]) -> str:
    return text.translate(table) if FOUND[id(table)].search(text) else text


def terminal_text(text: str) -> str:
    """`text` with every control character but newline and tab made visible."""
    return _replaced(text, LINES)


def one_line(value: object) -> str:
    """A value shown inside a line: its newlines are made visible too."""
    return _replaced(str(value), ONE_LINE)


def say(text: str = "", stream: TextIO | None = None) -> None:
    """Print human-readable text (stdout unless told), made safe for a terminal."""
    print(terminal_text(text), file=stream or sys.stdout)


def json_text(data: object) -> str:
    """`data` as indented JSON whose every control character is escaped."""
    return _replaced(json.dumps(data, ensure_ascii=False, indent=2), JSON_RAW)
