"""The common steps a clerk takes, as edits with a readable Chinese name.

Pure functions of the form as it is: they build the edits and the label, and the
service applies them. Checks of values happen when the edits apply, so a bad value
anywhere in a paste refuses the whole paste.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop.editing.edits import Edit, InsertRows, MoveRows, RemoveRows, SetValue
from desktop.editing.errors import EditError
from desktop.editing.fields import collection_spec, field_spec
from desktop.editing.paths import Path
from desktop.forms import Form

INDICATOR_COLUMNS = ("level1", "level2", "name", "target", "unit", "actual", "weight",
                     "score", "deviation", "grade")
"""The indicator grid's columns left to right, as a paste walks them by default."""

TASK_COLUMNS = ("name", "content", "total", "fiscal", "other")


@dataclass(frozen=True)
class Plan:
    """Edits to apply together, and the step's name in the undo menu."""

    edits: tuple[Edit, ...]
    label: str


def set_value(form: Form, path: Path, value: object) -> Plan:
    """Any single field: "修改项目名称", "修改当年财政拨款全年预算数", "修改得分"."""
    return Plan((SetValue(path, value),), f"修改{field_spec(form, path).label}")


def set_cell(form: Form, row: int, field: str, value: object,
             collection: str = "indicators") -> Plan:
    return set_value(form, (collection, row, field), value)


def insert_rows(form: Form, collection: str, index: int, rows: Sequence[object]) -> Plan:
    noun = collection_spec(form, collection).noun
    return Plan((InsertRows(collection, index, tuple(rows)),), f"插入{noun}")


def remove_rows(form: Form, collection: str, index: int, count: int) -> Plan:
    noun = collection_spec(form, collection).noun
    return Plan((RemoveRows(collection, index, count),), f"删除{noun}")


def move_rows(form: Form, collection: str, index: int, count: int,
              destination: int) -> Plan:
    noun = collection_spec(form, collection).noun
    return Plan((MoveRows(collection, index, count, destination),), f"移动{noun}")


def set_weights(form: Form, rows: Sequence[int], weights: Sequence[Decimal]) -> Plan:
    """One step giving each listed indicator row its weight (as 均分权重 computed them)."""
    if len(rows) != len(weights):
        raise EditError(f"权重个数（{len(weights)}）与所选指标行数（{len(rows)}）不一致")
    edits = tuple(SetValue(("indicators", row, "weight"), weight)
                  for row, weight in zip(rows, weights, strict=True))
    return Plan(edits, "均分权重")


def paste_block(form: Form, top_row: int, left_field: str,
                rows_of_texts: Sequence[Sequence[str]],
                columns: Sequence[str] = INDICATOR_COLUMNS,
                collection: str = "indicators") -> Plan:
    """Cells copied from a spreadsheet, pasted from (top_row, left_field) rightwards
    through `columns` (the view's column order) and downwards, adding rows at the end
    as needed. A block wider than the columns left is refused rather than cut."""
    spec = collection_spec(form, collection)
    fields = _fields_from(columns, left_field, rows_of_texts)
    count = len(spec.rows(form))
    if not 0 <= top_row <= count:
        raise EditError(f"不能粘贴到第 {top_row + 1} 行（共 {count} 行）")
    edits: list[Edit] = []
    missing = top_row + len(rows_of_texts) - count
    if missing > 0:
        edits.append(InsertRows(collection, count,
                                tuple(spec.row_type() for _ in range(missing))))
    for offset, texts in enumerate(rows_of_texts):
        edits += [SetValue((collection, top_row + offset, field), text)
                  for field, text in zip(fields, texts, strict=False)]
    return Plan(tuple(edits), "粘贴")


def _fields_from(columns: Sequence[str], left_field: str,
                 rows_of_texts: Sequence[Sequence[str]]) -> Sequence[str]:
    if not rows_of_texts or not any(rows_of_texts):
        raise EditError("剪贴板中没有可粘贴的内容")
    if left_field not in columns:
        raise EditError(f"不能从“{left_field}”这一栏开始粘贴")
    fields = columns[columns.index(left_field):]
    widest = max(len(texts) for texts in rows_of_texts)
    if widest > len(fields):
        raise EditError(f"粘贴内容有 {widest} 列，超出表格右侧（只剩 {len(fields)} 列）")
    return fields
