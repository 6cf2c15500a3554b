"""Dates and deadlines in target and actual texts.

A deadline is read as the last day that still counts as on time. DOMAIN's Guangming
sample scores an actual of 2024年12月31日 full against "2024年12月前", so a month
"前" means "by the end of that month"; "2024年11月30日前" keeps its day; "上半年" ends
on 06-30; "下半年", "年底", "年内" on 12-31.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

When = tuple[dt.date | None, dt.date | None]
"""(deadline, day): the last on-time day, and the day an actual names (if it names one)."""

_BEFORE = r"(?P<before>之前|以前|前|为止|止)?"
_YEAR = r"(?<![0-9])(?P<y>[0-9]{4})"
_FULL = re.compile(_YEAR + r"(?:年|-|/|\.)(?P<m>[0-9]{1,2})(?:月|-|/|\.)(?P<d>[0-9]{1,2})"
                   r"(?:日|号)?(?![0-9])" + _BEFORE)
_MONTH = re.compile(_YEAR + r"年(?P<m>[0-9]{1,2})月份?(?P<part>上旬|中旬|下旬|底|末)?")
_PERIOD = re.compile(_YEAR + r"年度?(?P<part>上半年|下半年|年中|年底|年末|底|末|内|全年|"
                     r"第?[一二三四1-4]季度)")
_YEAR_ONLY = re.compile(r"(?P<y>[0-9]{4})年度?(?:之前|以前|前)?")
_NO_YEAR = re.compile(r"(?<![0-9年])[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:底|末)?(?:之前|以前|前)")
_QUARTERS = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}
_UNREADABLE: When = (None, None)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _plausible(year: int) -> bool:
    return 1900 <= year <= 2200


def _full(match: re.Match[str]) -> When:
    try:
        day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return _UNREADABLE
    return (day, None) if match["before"] else (day, day)


def _month(match: re.Match[str]) -> When:
    year, month = int(match["y"]), int(match["m"])
    if not 1 <= month <= 12:
        return _UNREADABLE
    part = match["part"] or ""
    if part in ("上旬", "中旬"):
        return dt.date(year, month, 10 if part == "上旬" else 20), None
    return _month_end(year, month), None


def _period(match: re.Match[str]) -> When:
    year, part = int(match["y"]), match["part"]
    if part in ("上半年", "年中"):
        return dt.date(year, 6, 30), None
    if part.endswith("季度"):
        return _month_end(year, _QUARTERS[part[-3]]), None
    return dt.date(year, 12, 31), None


def read_when(flat: str) -> When | None:
    """The deadline or day a normalised text names; None if it names none.

    A text that looks like a date but is not one ("2024年2月30日", "12月底前" without a
    year) gives (None, None): a deadline the clerk has to judge.
    """
    for pattern, reader in ((_FULL, _full), (_MONTH, _month), (_PERIOD, _period)):
        match = pattern.search(flat)
        if match and _plausible(int(match["y"])):
            return reader(match)
    whole = _YEAR_ONLY.fullmatch(flat)
    if whole and _plausible(int(whole["y"])):
        return dt.date(int(whole["y"]), 12, 31), None
    return _UNREADABLE if _NO_YEAR.search(flat) else None
