"""Failures that only content from outside can provoke in code that is otherwise sound,
each told as one Chinese line instead of as a defect of the program.

A file from another office may nest a value ten thousand levels deep, carry a number
with an exponent of a billion, or a text with a lone UTF-16 surrogate (which no UTF-8
file or database can hold). The readers and checks refuse what they know of with the
field's name; these are what is left when a value slips past them. The command line
and the import catch them around one file or one command, so one hostile file costs
its own line, never the others'.
"""

from __future__ import annotations

from decimal import DecimalException

CONTENT_ERRORS: tuple[type[BaseException], ...] = (
    RecursionError, DecimalException, UnicodeError, MemoryError)


def content_problem(error: BaseException) -> str:
    """The line for one of CONTENT_ERRORS."""
    if isinstance(error, RecursionError):
        return "内容嵌套过深，无法处理"
    if isinstance(error, DecimalException):
        return "数值超出可计算的范围"
    if isinstance(error, UnicodeEncodeError | UnicodeDecodeError | UnicodeTranslateError):
        bad = error.object[error.start:error.end]
        return f"含有无法处理的字符（{bad!a}）"
    if isinstance(error, UnicodeError):
        return "含有无法处理的字符"
    return "内容过大，内存不足，无法处理"
