"""Which places of a form an edit may change, their Chinese names, and their values.

A path names one place: ("project_name",), ("funds", "fiscal", "annual"),
("indicators", 3, "score"), ("details", "project_overview"). Every value passes
through `FieldSpec.normalise` on its way in: text must be text, numbers become exact
Decimals the store can keep to the cent, and anything else is refused with a one-line
reason naming the field, before anything is applied.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from db.amounts import AmountNotStorable, exact_text, stored_decimal
from desktop.editing.errors import EditError
from desktop.editing.paths import Path, value_at
from desktop.forms import Form, Indicator, ProjectTarget, SelfEvaluation, Task, UnitTarget
from desktop.money import AmountError, parse_decimal


class ValueKind(Enum):
    TEXT = "text"
    OPTIONAL_TEXT = "optional_text"   # None means "this layout has no such field"
    NUMBER = "number"                 # blank allowed (None)
    AMOUNT = "amount"                 # a target form's amount: blank allowed, six places
    REQUIRED_NUMBER = "required_number"
    YEAR = "year"


@dataclass(frozen=True)
class FieldSpec:
    label: str          # the form's own name for the field, used in step names and errors
    kind: ValueKind

    def normalise(self, value: object) -> Any:
        """The value as the form keeps it, or EditError saying why not."""
        if self.kind is ValueKind.TEXT:
            return _text(self.label, value)
        if self.kind is ValueKind.OPTIONAL_TEXT:
            return None if value is None else _text(self.label, value)
        if self.kind is ValueKind.YEAR:
            return _year(self.label, value)
        if self.kind is ValueKind.AMOUNT:
            return _amount(self.label, value)
        number = _number(self.label, value)
        if number is None and self.kind is ValueKind.REQUIRED_NUMBER:
            raise EditError(f"{self.label} 不能为空")
        return number


def _text(label: str, value: object) -> str:
    if not isinstance(value, str):
        raise EditError(f"{label} 应为文字：{value!r}")
    if _LONE_SURROGATE.search(value):
        raise EditError(f"{label} 含有无法保存的字符（不成对的代理码位），请检查文件内容")
    return value


_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
"""Half of a UTF-16 pair: what a file from a broken converter (or a hostile one) may
carry in a JSON "\\udc80". No UTF-8 file or database can hold it, so it is refused
here, with the field's name, rather than by the store's driver."""


def _year(label: str, value: object) -> int:
    text = value.strip() if isinstance(value, str) else value
    if isinstance(text, str) and text.isdecimal():
        text = int(text)
    if isinstance(text, bool) or not isinstance(text, int) or not 1900 < text < 3000:
        raise EditError(f"{label} 应为四位年份：{value}")
    return text


def _number(label: str, value: object) -> Decimal | None:
    """An exact Decimal with at most two places; floats are refused (they lose cents)."""
    if isinstance(value, float) or not isinstance(value, (str, int, Decimal, type(None))):
        raise EditError(f"{label} 不是数字：{value}")
    try:
        return stored_decimal(parse_decimal(value, what=label), label)
    except (AmountError, AmountNotStorable) as error:
        raise EditError(str(error)) from None


def _amount(label: str, value: object) -> Decimal | None:
    """An exact Decimal kept as typed, up to six places (万元 to the fen)."""
    if isinstance(value, float) or not isinstance(value, (str, int, Decimal, type(None))):
        raise EditError(f"{label} 不是数字：{value}")
    try:
        number = parse_decimal(value, what=label)
        exact_text(number, label)
    except (AmountError, AmountNotStorable) as error:
        raise EditError(str(error)) from None
    return number


def _spec(label: str, kind: ValueKind = ValueKind.TEXT) -> FieldSpec:
    return FieldSpec(label, kind)


_COMMON = {"layout": _spec("模板"), "profile": _spec("规则配置"),
           "year": _spec("年度", ValueKind.YEAR)}

HEADER_FIELDS: dict[type, dict[str, FieldSpec]] = {
    SelfEvaluation: {
        "project_code": _spec("项目编码"), "project_name": _spec("项目名称"),
        "implementing_unit": _spec("实施单位"), "budget_unit": _spec("一级预算单位"),
        "unit_code": _spec("单位编码", ValueKind.OPTIONAL_TEXT),
        "goal_expected": _spec("预期目标"), "goal_actual": _spec("实际完成情况"), **_COMMON},
    ProjectTarget: {
        "project_code": _spec("项目编码"), "project_name": _spec("项目名称"),
        "applicant_unit": _spec("申报单位"), **_COMMON},
    UnitTarget: {
        "unit_name": _spec("单位名称"), "unit_code": _spec("单位编码"),
        "competent_department": _spec("主管部门"), "amount_unit": _spec("金额单位"),
        "goal": _spec("年度总体目标"), **_COMMON},
}

INDICATOR_FIELDS: dict[str, FieldSpec] = {
    "level1": _spec("一级指标"), "level2": _spec("二级指标"), "name": _spec("三级指标"),
    "target": _spec("年度指标值"), "unit": _spec("度量单位"), "actual": _spec("实际完成值"),
    "weight": _spec("分值", ValueKind.NUMBER), "score": _spec("得分", ValueKind.NUMBER),
    "deviation": _spec("偏差原因"), "grade": _spec("达成情况"),
    "explanation": _spec("指标解释")}

TASK_FIELDS: dict[str, FieldSpec] = {
    "name": _spec("任务名称"), "content": _spec("主要内容"),
    "total": _spec("总额", ValueKind.AMOUNT), "fiscal": _spec("财政拨款", ValueKind.AMOUNT),
    "other": _spec("其他资金", ValueKind.AMOUNT), "goal": _spec("期望达到的目标")}

FUNDS_SOURCE_NAMES = {"fiscal": "当年财政拨款", "carryover": "上年结转资金", "other": "其他资金"}
FUNDS_COLUMN_NAMES = {"initial": "年初预算数", "annual": "全年预算数", "executed": "全年执行数"}
FUNDS_WEIGHT = _spec("资金分值", ValueKind.REQUIRED_NUMBER)


@dataclass(frozen=True)
class CollectionSpec:
    """A list of rows an edit may insert into, remove from or reorder."""

    name: str
    noun: str                           # 指标 / 任务, for step names and errors
    row_type: type
    fields: dict[str, FieldSpec]

    def rows(self, form: Form) -> list[Any]:
        rows: list[Any] = getattr(form, self.name)
        return rows

    def normalise_row(self, row: object) -> Any:
        """A fresh row with every field checked, so no edit shares a row with a form."""
        if not isinstance(row, self.row_type):
            raise EditError(f"插入的不是{self.noun}行：{row!r}")
        values = {name: spec.normalise(getattr(row, name)) for name, spec in self.fields.items()}
        fresh = self.row_type(**values)
        if hasattr(row, "extra"):   # the layout's own columns travel with the row, unedited
            fresh.extra = {str(key): str(text) for key, text in row.extra.items()}
        return fresh


COLLECTIONS = {"indicators": CollectionSpec("indicators", "指标", Indicator, INDICATOR_FIELDS),
               "tasks": CollectionSpec("tasks", "任务", Task, TASK_FIELDS)}


def collection_spec(form: Form, name: str) -> CollectionSpec:
    spec = COLLECTIONS.get(name)
    if spec is None or not hasattr(form, name):
        raise EditError(f"此表格没有“{name}”这一栏")
    return spec


def field_spec(form: Form, path: Path) -> FieldSpec:
    """The field a path names in this form, or EditError if there is none."""
    head = path[0] if path else None
    if len(path) == 1 and isinstance(head, str) and head in HEADER_FIELDS[type(form)]:
        return HEADER_FIELDS[type(form)][head]
    if head in COLLECTIONS and len(path) == 3:
        return _row_field(form, path)
    finder = _KEYED_FIELDS.get((type(form), head))
    spec = finder(form, path) if finder is not None else None
    if spec is None:
        raise EditError(f"表格中没有这一项：{'/'.join(map(str, path))}")
    return spec


def _row_field(form: Form, path: Path) -> FieldSpec:
    collection = collection_spec(form, str(path[0]))
    index, name = path[1], path[2]
    rows = collection.rows(form)
    if not is_index(index) or not 0 <= int(index) < len(rows):
        raise EditError(f"第 {row_number(index)} 行{collection.noun}不存在")
    if name not in collection.fields:
        raise EditError(f"{collection.noun}没有“{name}”这一栏")
    return collection.fields[str(name)]


def is_index(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def row_number(index: object) -> str:
    """A row as the clerk counts it, from 1."""
    return str(index + 1) if isinstance(index, int) and is_index(index) else repr(index)


def _funds_field(form: Form, path: Path) -> FieldSpec | None:
    if path == ("funds", "weight"):
        return FUNDS_WEIGHT
    if len(path) == 3 and path[1] in FUNDS_SOURCE_NAMES and path[2] in FUNDS_COLUMN_NAMES:
        label = f"{FUNDS_SOURCE_NAMES[str(path[1])]}{FUNDS_COLUMN_NAMES[str(path[2])]}"
        return _spec(label, ValueKind.NUMBER)
    return None


FieldFinder = Callable[[Form, Path], "FieldSpec | None"]


def _keyed(kind: ValueKind, labels_prefix: str | None, suffix: str = "") -> FieldFinder:
    """A field inside a dict (details, budget, level-1 weights), named by its key.

    The printed name comes from the form's `labels` under `labels_prefix + key` where
    the file gave one ("project_overview" → 项目概况), else the key itself.
    """

    def finder(form: Form, path: Path) -> FieldSpec | None:
        if len(path) != 2 or not isinstance(path[1], str) or not path[1].strip():
            return None
        key = path[1]
        label = key if labels_prefix is None else form.meta.labels.get(labels_prefix + key, key)
        return _spec(f"{label}{suffix}", kind)

    return finder


_KEYED_FIELDS: dict[tuple[type, object], FieldFinder] = {
    (SelfEvaluation, "funds"): _funds_field,
    (SelfEvaluation, "level1_weights"): _keyed(ValueKind.REQUIRED_NUMBER, None, "权重"),
    (SelfEvaluation, "details"): _keyed(ValueKind.TEXT, ""),
    (ProjectTarget, "details"): _keyed(ValueKind.TEXT, ""),
    (ProjectTarget, "budget"): _keyed(ValueKind.AMOUNT, "funds."),
    (UnitTarget, "details"): _keyed(ValueKind.TEXT, ""),
    (UnitTarget, "budget"): _keyed(ValueKind.AMOUNT, "budget."),
}


def is_keyed(path: Path) -> bool:
    """Whether the path names an entry of a dict, which an edit may add or remove."""
    return len(path) == 2 and path[0] in ("level1_weights", "details", "budget")


def editable_paths(form: Form) -> list[Path]:
    """Every single-value place of the form outside its row lists."""
    paths: list[Path] = [(name,) for name in HEADER_FIELDS[type(form)]]
    if isinstance(form, SelfEvaluation):
        paths.append(("funds", "weight"))
        paths += [("funds", source, column) for source in FUNDS_SOURCE_NAMES
                  for column in FUNDS_COLUMN_NAMES]
        paths += [("level1_weights", name) for name in form.level1_weights]
    paths += [("details", key) for key in form.details]
    if not isinstance(form, SelfEvaluation):
        paths += [("budget", key) for key in form.budget]
    return paths


def check_form(form: Form) -> None:
    """Refuse a whole form (a new one, an import) holding what no edit could have typed."""
    for path in editable_paths(form):
        field_spec(form, path).normalise(value_at(form, path))
    for name, collection in COLLECTIONS.items():
        if hasattr(form, name):
            for row in collection.rows(form):
                collection.normalise_row(row)
