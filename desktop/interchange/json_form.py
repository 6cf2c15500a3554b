"""JSON interchange in the shape of the sample forms (see tests/data/README.md).

Amounts, weights and scores travel as strings so that no float touches them. Unknown
top-level keys are kept in `meta.extra` and written back, so a file passes through the
app without losing anything.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.atomic import write_text_atomically
from desktop.forms import (
    FUNDS_COLUMNS,
    FUNDS_SOURCES,
    AmountRow,
    Form,
    FormKind,
    FormMeta,
    Funds,
    Indicator,
    ProjectTarget,
    SelfEvaluation,
    Task,
    UnitTarget,
)
from desktop.interchange.errors import FormFileError
from desktop.interchange.json_limits import MAX_INDICATORS, MAX_TASKS, check_rows, load_json
from desktop.interchange.opening import read_form_bytes
from desktop.money import AmountError, format2, format_plain, parse_decimal, shorten
from desktop.rules.funds import funds_total
from desktop.rules.profile import profile_names

_META_KEYS = ("source", "notes", "published", "labels", "form")
_SELF_KEYS = {"kind", "layout", "year", "project_code", "project_name", "implementing_unit",
              "budget_unit", "unit_code", "funds", "funds_weight", "goal", "indicators",
              "level1_weights", "profile", "details", *_META_KEYS}
_PROJECT_KEYS = {"kind", "layout", "year", "project_code", "project_name", "applicant_unit",
                 "funds", "indicators", "profile", *_META_KEYS}
_UNIT_KEYS = {"kind", "layout", "year", "unit_name", "unit_code", "competent_department",
              "amount_unit", "tasks", "tasks_total", "goal", "indicators", "profile",
              "details", "budget", *_META_KEYS}


# ---------------------------------------------------------------- reading


LAYOUT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
"""What a layout's name may be: never a path (no dot, no slash)."""


class _Reader:
    """Reads one dict, naming the field path in every error."""

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def fail(self, field: str, why: str) -> FormFileError:
        return FormFileError(f"{self.where}：字段 {field} {why}")

    def profile(self) -> str:
        """The form's rule profile: one this release has, or the file is refused (a name
        it does not know would break its scoring and its export later, far from here)."""
        name = self.text("profile", "default")
        if name not in profile_names():
            raise self.fail("profile", f"不是已知的评分规则：{shorten(repr(name))}"
                                       f"（可选：{'、'.join(profile_names())}）")
        return name

    def layout(self, default: str) -> str:
        """The form's layout by name. A taught layout of another machine is kept (the form
        is shown and exported in its kind's standard layout here), but only a plain name:
        letters, digits, - and _."""
        name = self.text("layout", default)
        if not LAYOUT_NAME.fullmatch(name):
            raise self.fail("layout", f"不是表样名称：{shorten(repr(name))}")
        return name

    def text(self, key: str, default: str = "") -> str:
        value = self.data.get(key, default)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self.fail(key, f"应为文字，实为 {type(value).__name__}")
        return str(value)

    def number(self, key: str, field: str | None = None) -> Decimal | None:
        value = self.data.get(key)
        if isinstance(value, float):
            raise self.fail(field or key, "应写成字符串（如 \"10.00\"），以免小数失真")
        try:
            return parse_decimal(value, what="")
        except AmountError:
            raise self.fail(field or key, f"不是数字：{shorten(repr(value))}") from None

    def year(self) -> int:
        value = self.data.get("year")
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 < value < 3000:
            raise self.fail("year", f"应为四位年份，实为 {shorten(repr(value))}")
        return value

    def child(self, key: str, kind: type = dict) -> Any:
        value = self.data.get(key, kind())
        if value is None:
            return kind()
        if not isinstance(value, kind):
            expected = "对象" if kind is dict else "列表"
            raise self.fail(key, f"应为{expected}")
        return value

    def sub(self, data: Any, field: str) -> _Reader:
        if not isinstance(data, dict):
            raise self.fail(field, "应为对象")
        return _Reader(data, f"{self.where}：{field}")


def _meta(reader: _Reader, known: set[str]) -> FormMeta:
    published = {k: str(v) for k, v in reader.child("published").items()}
    labels = {k: str(v) for k, v in reader.child("labels").items()}
    extra = {k: v for k, v in reader.data.items() if k not in known}
    return FormMeta(source=reader.text("source"), notes=reader.text("notes"),
                    title=reader.text("form"), published=published, labels=labels,
                    extra=extra)


def _texts(reader: _Reader, key: str) -> dict[str, str]:
    """An object of texts ("details", an indicator's "extra"), each checked as text."""
    values = reader.sub(reader.child(key), key)
    return {name: values.text(name) for name in values.data}


def _amounts_of(reader: _Reader, key: str) -> dict[str, Decimal | None]:
    values = reader.sub(reader.child(key), key)
    return {name: values.number(name, f"{key}.{name}") for name in values.data}


def _indicator(reader: _Reader, index: int) -> Indicator:
    row = reader.sub(reader.child("indicators", list)[index], f"indicators[{index}]")
    values = {key: row.text(key) for key in ("level1", "level2", "name", "target", "unit",
                                             "actual", "deviation", "grade", "explanation")}
    return Indicator(**values,
                     weight=row.number("weight", f"indicators[{index}].weight"),
                     score=row.number("score", f"indicators[{index}].score"),
                     extra=_texts(row, "extra"))


def _indicators(reader: _Reader) -> list[Indicator]:
    rows = reader.child("indicators", list)
    check_rows(rows, "indicators", MAX_INDICATORS, reader.where)
    return [_indicator(reader, index) for index in range(len(rows))]


def _amount_row(reader: _Reader, data: Any, field: str) -> AmountRow:
    row = reader.sub(data, field)
    return AmountRow(**{col: row.number(col, f"{field}.{col}") for col in FUNDS_COLUMNS})


def _funds(reader: _Reader) -> Funds:
    data = reader.child("funds")
    sources = {name: _amount_row(reader, data.get(name, {}), f"funds.{name}")
               for name in FUNDS_SOURCES}
    stated = data.get("total")
    weight = reader.number("funds_weight")
    return Funds(**sources,
                 stated_total=_amount_row(reader, stated, "funds.total") if stated else None,
                 weight=Decimal("10") if weight is None else weight)


def _self_evaluation(reader: _Reader) -> SelfEvaluation:
    goal = reader.sub(reader.child("goal"), "goal")
    weights = reader.sub(reader.child("level1_weights"), "level1_weights")
    unit_code = reader.data.get("unit_code")
    return SelfEvaluation(
        year=reader.year(), layout=reader.layout("district-2022"),
        profile=reader.profile(),
        project_code=reader.text("project_code"), project_name=reader.text("project_name"),
        implementing_unit=reader.text("implementing_unit"),
        budget_unit=reader.text("budget_unit"),
        unit_code=None if unit_code is None else reader.text("unit_code"),
        funds=_funds(reader), goal_expected=goal.text("expected"),
        goal_actual=goal.text("actual"), indicators=_indicators(reader),
        level1_weights={key: weights.number(key, f"level1_weights.{key}") or Decimal(0)
                        for key in weights.data},
        details=_texts(reader, "details"), meta=_meta(reader, _SELF_KEYS))


def _project_target(reader: _Reader) -> ProjectTarget:
    details = {key: reader.text(key) for key, value in reader.data.items()
               if key not in _PROJECT_KEYS and isinstance(value, str)}
    budget = reader.sub(reader.child("funds"), "funds")
    known = _PROJECT_KEYS | set(details)
    return ProjectTarget(
        year=reader.year(), layout=reader.layout("project-target"),
        profile=reader.profile(),
        project_code=reader.text("project_code"), project_name=reader.text("project_name"),
        applicant_unit=reader.text("applicant_unit"), details=details,
        budget={key: budget.number(key, f"funds.{key}") for key in budget.data},
        indicators=_indicators(reader), meta=_meta(reader, known))


def _task(reader: _Reader, data: Any, field: str) -> Task:
    row = reader.sub(data, field)
    return Task(name=row.text("name"), content=row.text("content"), goal=row.text("goal"),
                **{col: row.number(col, f"{field}.{col}") for col in ("total", "fiscal", "other")})


def _unit_target(reader: _Reader) -> UnitTarget:
    tasks = reader.child("tasks", list)
    check_rows(tasks, "tasks", MAX_TASKS, reader.where)
    stated = reader.data.get("tasks_total")
    return UnitTarget(
        year=reader.year(), layout=reader.layout("unit-target"),
        profile=reader.profile(),
        unit_name=reader.text("unit_name"), unit_code=reader.text("unit_code"),
        competent_department=reader.text("competent_department"),
        amount_unit=reader.text("amount_unit", "万元"),
        tasks=[_task(reader, task, f"tasks[{i}]") for i, task in enumerate(tasks)],
        stated_tasks_total=_task(reader, stated, "tasks_total") if stated else None,
        goal=reader.text("goal"), indicators=_indicators(reader),
        details=_texts(reader, "details"), budget=_amounts_of(reader, "budget"),
        meta=_meta(reader, _UNIT_KEYS))


_BUILDERS: dict[FormKind, Callable[[_Reader], Form]] = {
             FormKind.SELF_EVALUATION: _self_evaluation,
             FormKind.PROJECT_TARGET: _project_target,
             FormKind.UNIT_TARGET: _unit_target}


def form_from_dict(data: Any, where: str = "表格") -> Form:
    """Build a form from the interchange dict; FormFileError names the bad field."""
    if not isinstance(data, dict):
        raise FormFileError(f"{where}：内容应为一个 JSON 对象")
    reader = _Reader(data, where)
    kind: Any = data.get("kind")  # any JSON value: FormKind() refuses the wrong ones
    try:
        builder = _BUILDERS[FormKind(kind)]
    except (ValueError, KeyError):
        choices = "、".join(kind.value for kind in FormKind)
        raise FormFileError(f"{where}：字段 kind 应为 {choices} 之一，实为 {shorten(repr(kind))}") from None
    return builder(reader)


def read_form(path: str | Path) -> Form:
    """Read one JSON form file."""
    path = Path(path)
    try:
        text = read_form_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormFileError(f"{path}：不是 UTF-8 编码的 JSON 文本") from None
    return form_from_dict(load_json(text, str(path)), str(path))


# ---------------------------------------------------------------- writing


def _amounts(row: AmountRow) -> dict[str, str]:
    return {col: format2(getattr(row, col)) for col in FUNDS_COLUMNS}


def _indicator_dict(row: Indicator, full: bool) -> dict[str, Any]:
    out = {"level1": row.level1, "level2": row.level2, "name": row.name,
           "target": row.target, "unit": row.unit, "actual": row.actual,
           "weight": format_plain(row.weight), "score": format_plain(row.score),
           "deviation": row.deviation, "grade": row.grade, "explanation": row.explanation}
    keep = {"level1", "level2", "name", "target"}
    if full:
        keep |= {"unit", "actual", "weight", "score", "deviation"}
    kept: dict[str, Any] = {key: value for key, value in out.items() if key in keep or value}
    if row.extra:
        kept["extra"] = dict(row.extra)
    return kept


def _meta_dict(meta: FormMeta) -> dict[str, Any]:
    out: dict[str, Any] = {"source": meta.source} if meta.source else {}
    if meta.title:
        out["form"] = meta.title
    return out


def _meta_tail(meta: FormMeta) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if meta.published:
        out["published"] = dict(meta.published)
    if meta.labels:
        out["labels"] = dict(meta.labels)
    out.update(meta.extra)
    if meta.notes:
        out["notes"] = meta.notes
    return out


def _self_evaluation_dict(form: SelfEvaluation) -> dict[str, Any]:
    funds = {"total": _amounts(funds_total(form.funds))}
    funds.update({name: _amounts(form.funds.source(name)) for name in FUNDS_SOURCES})
    return {
        "kind": form.kind.value, **_meta_dict(form.meta), "layout": form.layout,
        "profile": form.profile, "year": form.year, "project_code": form.project_code,
        "project_name": form.project_name, "implementing_unit": form.implementing_unit,
        "budget_unit": form.budget_unit, "unit_code": form.unit_code, "funds": funds,
        "funds_weight": format_plain(form.funds.weight),
        "goal": {"expected": form.goal_expected, "actual": form.goal_actual},
        "indicators": [_indicator_dict(row, full=True) for row in form.indicators],
        "level1_weights": {k: format_plain(v) for k, v in form.level1_weights.items()},
        **({"details": dict(form.details)} if form.details else {}),
        **_meta_tail(form.meta)}


def _project_target_dict(form: ProjectTarget) -> dict[str, Any]:
    return {
        "kind": form.kind.value, **_meta_dict(form.meta), "layout": form.layout,
        "profile": form.profile, "year": form.year, "project_code": form.project_code,
        "applicant_unit": form.applicant_unit, "project_name": form.project_name,
        **form.details,
        "funds": {key: format_plain(value) for key, value in form.budget.items()},
        "indicators": [_indicator_dict(row, full=False) for row in form.indicators],
        **_meta_tail(form.meta)}


def _task_dict(task: Task) -> dict[str, str]:
    out = {"name": task.name, "content": task.content, "total": format_plain(task.total),
           "fiscal": format_plain(task.fiscal), "other": format_plain(task.other)}
    return {**out, "goal": task.goal} if task.goal else out


def _unit_target_dict(form: UnitTarget) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": form.kind.value, **_meta_dict(form.meta), "layout": form.layout,
        "profile": form.profile, "year": form.year, "amount_unit": form.amount_unit,
        "unit_name": form.unit_name, "unit_code": form.unit_code,
        "competent_department": form.competent_department,
        **({"details": dict(form.details)} if form.details else {}),
        **({"budget": {k: format_plain(v) for k, v in form.budget.items()}}
           if form.budget else {}),
        "tasks": [_task_dict(task) for task in form.tasks]}
    if form.stated_tasks_total is not None:
        total = _task_dict(form.stated_tasks_total)
        out["tasks_total"] = {k: total[k] for k in ("total", "fiscal", "other")}
    out.update({"goal": form.goal,
                "indicators": [_indicator_dict(row, full=False) for row in form.indicators],
                **_meta_tail(form.meta)})
    return out


def form_to_dict(form: Form) -> dict[str, Any]:
    """The interchange dict of a form; the funds total row is the computed sum."""
    if isinstance(form, SelfEvaluation):
        return _self_evaluation_dict(form)
    if isinstance(form, ProjectTarget):
        return _project_target_dict(form)
    return _unit_target_dict(form)


def form_to_json(form: Form) -> str:
    return json.dumps(form_to_dict(form), ensure_ascii=False, indent=2) + "\n"


def write_form(path: str | Path, form: Form) -> None:
    """Write a form as JSON; the file appears whole or not at all."""
    write_text_atomically(Path(path), form_to_json(form))
