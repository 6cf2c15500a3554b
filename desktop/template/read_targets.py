"""The two target forms from a sheet: 项目支出绩效目标表 and 部门（单位）整体支出绩效目标表."""

from __future__ import annotations

import re

from desktop.forms import ProjectTarget, Task, UnitTarget
from desktop.template.cellvalues import label_key
from desktop.template.find import value_right_of
from desktop.template.grid import Position
from desktop.template.read_fields import cell_number, field_amount, field_text, read_year
from desktop.template.read_indicators import find_header, read_indicators
from desktop.template.source import Source

TASK_AMOUNTS = ("total", "fiscal", "other")
_UNIT_IN_HEADING = re.compile(r"[(（]([^()（）]+)[)）]")


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


def read_project_target(src: Source) -> ProjectTarget:
    indicators, _points = read_indicators(src, tuple(src.layout.labels_for("blocks.remark")))
    details = {}
    for key in _keys_with(src, "details."):
        text = field_text(src, key)
        if text is not None:
            details[key.removeprefix("details.")] = text
    details.update(_extra_details(src, find_header(src)[0]))
    budget = {key.removeprefix("budget."): field_amount(src, key)
              for key in _keys_with(src, "budget.") if src.find(key) is not None}
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
    for name in ("name", "content", *TASK_AMOUNTS):
        for row in (header[0], header[0] + 1):
            found = src.labels.find_in_row(src.layout.labels_for(f"tasks.{name}"), row)
            if found is not None and name not in columns:
                columns[name] = found[1]
                last = max(last, src.grid.end(*found)[0])
    return columns, last


def _task(src: Source, row: int, columns: dict[str, int]) -> Task:
    amounts = {}
    for name in TASK_AMOUNTS:
        column = columns.get(name)
        amounts[name] = None if column is None else cell_number(
            src.grid, (row, column), src.grid.value(row, column), src.layout.label(f"tasks.{name}"))
    texts = {name: src.grid.text(row, columns[name]) if name in columns else ""
             for name in ("name", "content")}
    return Task(**texts, **amounts)


def _tasks(src: Source, before: int) -> tuple[list[Task], Task | None]:
    header = src.find("tasks.name")
    if header is None or header[0] >= before:
        return [], None
    columns, last = _task_columns(src, header)
    tasks, total_labels = [], src.layout.labels_for("blocks.tasks_total")
    for row in range(last + 1, before):
        if src.labels.row_has(row, total_labels):
            return tasks, _task(src, row, columns)
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
        goal=_goal(src), indicators=indicators)


