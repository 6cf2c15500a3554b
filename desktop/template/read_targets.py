"""The two target forms from a sheet: 项目支出绩效目标表 and 部门（单位）整体支出绩效目标表.

Both carry the layout's own header fields (`details.*` keys of the layout's labels) and
money block (`budget.*`), found by their labels; amounts are kept exact to a fen of
万元 (six decimals), which is as fine as any budget states them.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

from db.amounts import MOST_PLACES
from desktop.forms import ProjectTarget, Task, UnitTarget
from desktop.template.cellvalues import label_key
from desktop.template.find import value_right_of
from desktop.template.grid import Position
from desktop.template.read_fields import cell_number, field_text, read_field, read_year
from desktop.template.read_indicators import find_header, read_indicators
from desktop.template.source import Source

TASK_AMOUNTS = ("total", "fiscal", "other")
TASK_TEXTS = ("name", "content", "goal")
OTHER_TASKS = "other_tasks"
"""The details key of what a clerk wrote beside 其他需完成的任务（可选填）."""
SIX_PLACES = Decimal(1).scaleb(-MOST_PLACES)
_UNIT_IN_HEADING = re.compile(r"[(（]([^()（）]+)[)）]")
_UNIT_OF_LABEL = re.compile(r"(万元|元)\)?$")


def target_amount(value: Decimal | None) -> Decimal | None:
    """An amount to six decimals at most: a cached formula result (=C5/3) or a float's
    tail finer than a fen of 万元 is rounded half up; the store keeps six places."""
    exponent = value.as_tuple().exponent if value is not None else 0
    if value is None or not isinstance(exponent, int) or exponent >= -MOST_PLACES:
        return value
    digits = max(28, value.adjusted() + 8)     # a large amount still quantizes
    return value.quantize(SIX_PLACES, rounding=ROUND_HALF_UP, context=Context(prec=digits))


def _keys_with(src: Source, prefix: str) -> list[str]:
    names = [*src.layout.raw.get("labels", {}), *src.layout.raw.get("aliases", {})]
    return list(dict.fromkeys(key for key in names if key.startswith(prefix)))


def _extra_details(src: Source, before: int) -> dict[str, str]:
    """"label：value" pairs above the indicators that the layout does not name."""
    extra: dict[str, str] = {}
    for (row, column), value in sorted(src.grid.values.items()):
        text = str(value).strip() if isinstance(value, str) else ""
        if row >= before or not text.endswith((":", "：")):
            continue
        key = label_key(text)
        if key in src.label_keys:
            continue
        found = value_right_of(src.grid, (row, column), src.label_keys)
        extra[key] = src.grid.text(*found) if found else ""
    return extra


def _details(src: Source) -> dict[str, str]:
    """The layout's own text fields the sheet carries, by their `details.*` labels."""
    details = {}
    for key in _keys_with(src, "details."):
        text = field_text(src, key)
        if text is not None:
            details[key.removeprefix("details.")] = text
    return details


def _without_unit(raw: object, label: str) -> object:
    """"42.3744万元" typed beside a label that names 万元 is 42.3744; a text with another
    unit is left whole, so that it fails naming its cell."""
    match = _UNIT_OF_LABEL.search(label_key(label))
    if not isinstance(raw, str) or match is None:
        return raw
    text, unit = raw.strip(), match.group(1)
    if text.endswith(unit) and not (unit == "元" and text.endswith("万元")):
        return text.removesuffix(unit)
    return raw


def _budget_amount(src: Source, key: str) -> Decimal | None:
    found = read_field(src, key)
    if found is None:
        return None
    label = src.layout.label(key)
    return target_amount(cell_number(src.grid, found.position,
                                     _without_unit(found.raw, label), label))


def _budget(src: Source) -> dict[str, Decimal | None]:
    """The layout's money block (`budget.*` labels) as far as the sheet prints it."""
    return {key.removeprefix("budget."): _budget_amount(src, key)
            for key in _keys_with(src, "budget.") if src.find(key) is not None}


def read_project_target(src: Source) -> ProjectTarget:
    indicators, _points = read_indicators(src, tuple(src.layout.labels_for("blocks.remark")))
    details = _details(src)
    details.update(_extra_details(src, find_header(src)[0]))
    budget = _budget(src)
    return ProjectTarget(
        year=read_year(src), layout=src.layout.name,
        project_code=field_text(src, "project_code") or "",
        project_name=field_text(src, "project_name") or "",
        applicant_unit=field_text(src, "applicant_unit") or "",
        details=details, budget=budget, indicators=indicators)


# ---------------------------------------------------------------- unit-wide form


def _task_columns(src: Source, header: Position) -> tuple[dict[str, int], int]:
    """Task columns from the header row and, for the amounts, the row under it; and the
    last row the header takes."""
    columns: dict[str, int] = {}
    last = src.grid.end(*header)[0]
    for name in (*TASK_TEXTS, *TASK_AMOUNTS):
        for row in (header[0], header[0] + 1):
            found = src.labels.find_in_row(src.layout.labels_for(f"tasks.{name}"), row)
            if found is not None and name not in columns:
                columns[name] = found[1]
                last = max(last, src.grid.end(*found)[0])
    return columns, last


def _task(src: Source, row: int, columns: dict[str, int]) -> Task:
    amounts: dict[str, Any] = {}     # Task's amount fields by name, each Decimal | None
    for name in TASK_AMOUNTS:
        column = columns.get(name)
        if column is None:
            amounts[name] = None
            continue
        label = src.layout.label(f"tasks.{name}")
        value = cell_number(src.grid, (row, column), src.grid.value(row, column), label)
        amounts[name] = target_amount(value)
    texts: dict[str, Any] = {name: src.grid.text(row, columns[name]) if name in columns else ""
                             for name in TASK_TEXTS}
    return Task(**texts, **amounts)


def _tasks(src: Source, before: int) -> tuple[list[Task], Task | None]:
    header = src.find("tasks.name")
    if header is None or header[0] >= before:
        return [], None
    columns, last = _task_columns(src, header)
    tasks: list[Task] = []
    total_labels = src.layout.labels_for("blocks.tasks_total")
    for row in range(last + 1, before):
        if src.labels.row_has(row, total_labels):
            return tasks, _task(src, row, columns)
        if src.labels.row_has(row, src.layout.labels_for("blocks.other_tasks")):
            break   # 其他需完成的任务（可选填）ends the list (read by `_other_tasks`)
        if any(src.grid.own(row, column) is not None for column in columns.values()):
            tasks.append(_task(src, row, columns))
    return tasks, None


def _amount_unit(src: Source) -> str:
    text = field_text(src, "amount_unit")
    if text:
        return text
    heading = src.find("tasks.amounts")
    match = _UNIT_IN_HEADING.search(src.grid.text(*heading)) if heading else None
    return match.group(1) if match else "万元"


def _goal(src: Source) -> str:
    return field_text(src, "goal") or ""


def _other_tasks(src: Source) -> str:
    """What is written beside 其他需完成的任务（可选填）, over the rows its label spans;
    "" when the clerk left it empty (the usual case)."""
    label = src.find("blocks.other_tasks")
    if label is None:
        return ""
    last_row, last_column = src.grid.end(*label)
    texts = [src.grid.text(row, column) for row in range(label[0], last_row + 1)
             for column in src.grid.starts(row)
             if column > last_column and src.grid.own(row, column) is not None]
    return "\n".join(text for text in texts if text)


def _unit_details(src: Source) -> dict[str, str]:
    details = _details(src)
    other = _other_tasks(src)
    if other:
        details[OTHER_TASKS] = other
    return details


def read_unit_target(src: Source) -> UnitTarget:
    indicators_at = find_header(src)[0]
    indicators, _points = read_indicators(src, tuple(src.layout.labels_for("blocks.remark")))
    tasks, stated = _tasks(src, indicators_at)
    return UnitTarget(
        year=read_year(src), layout=src.layout.name,
        unit_name=field_text(src, "unit_name") or "",
        unit_code=field_text(src, "unit_code") or "",
        competent_department=field_text(src, "competent_department") or "",
        amount_unit=_amount_unit(src), tasks=tasks, stated_tasks_total=stated,
        goal=_goal(src), indicators=indicators, details=_unit_details(src),
        budget=_budget(src))


