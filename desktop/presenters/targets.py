"""The parts of the two target forms that the self-evaluation does not have: the
project form's descriptive fields and money block, and the unit form's task budget."""

from __future__ import annotations

from decimal import Decimal

from desktop.editing.edits import InsertRows, RemoveRows
from desktop.editing.service import Step
from desktop.forms import ProjectTarget, Task, UnitTarget
from desktop.layouts import Layout
from desktop.money import ZERO, format_plain
from desktop.presenters.grid import Cell
from desktop.presenters.session import FormSession


def _layout_labels(layout: Layout, prefix: str) -> dict[str, str]:
    """The layout's printed labels of one family ("details." or "budget."), in order."""
    labels = layout.raw.get("labels", {})
    return {key.removeprefix(prefix): str(text) for key, text in labels.items()
            if key.startswith(prefix)}


def _paired(layout: Layout) -> set[str]:
    """Fields the layout prints two to a row: short ones (项目类别, 实施期限 …); a field
    alone on its row spans the sheet and holds a long text (项目概况, 政策依据 …)."""
    paired: set[str] = set()
    for block in layout.raw.get("sheet", {}).get("blocks", []):
        for row in block.get("rows", []) if block.get("type") == "fields" else []:
            if len(row) > 1:
                paired |= {str(entry["field"]) for entry in row}
    return paired


def _label(form: ProjectTarget | UnitTarget, key: str, defaults: dict[str, str],
           prefix: str) -> str:
    return form.meta.labels.get(prefix + key) or defaults.get(key, key)


def detail_fields(form: ProjectTarget | UnitTarget,
                  layout: Layout) -> list[tuple[str, str, bool]]:
    """(key, label, short) for each descriptive field, the form's own first, then the
    layout's that the form has not filled yet, in the layout's order."""
    defaults, paired = _layout_labels(layout, "details."), _paired(layout)
    keys = list(form.details) + [k for k in defaults if k not in form.details]
    return [(key, _label(form, key, defaults, ""), f"details.{key}" in paired)
            for key in keys]


def budget_fields(form: ProjectTarget | UnitTarget, layout: Layout) -> list[tuple[str, str]]:
    defaults = _layout_labels(layout, "budget.")
    keys = list(form.budget) + [k for k in defaults if k not in form.budget]
    return [(key, _label(form, key, defaults, "funds.")) for key in keys]


TASK_COLUMNS = ("name", "content", "total", "fiscal", "other")
TASK_LABELS = ("任务名称", "主要内容", "总额", "其中：财政拨款", "其中：其他资金")
AMOUNTS = frozenset({"total", "fiscal", "other"})
TASKS_TOTAL_LOCKED = "金额合计由各项任务的金额相加得出，请修改上面的任务行"


def task_columns(layout: Layout) -> tuple[tuple[str, str], ...]:
    """(field, label) of the task table as the layout prints it (Guangdong's 名称 |
    主要实施内容 | 拟投入的资金 | 期望达到的目标), else the standard five."""
    blocks = layout.raw.get("sheet", {}).get("blocks", [])
    declared = next((list(b["columns"]) for b in blocks if b.get("type") == "tasks"), None)
    defaults = dict(zip(TASK_COLUMNS, TASK_LABELS))
    return tuple((name, layout.label(f"tasks.{name}") or defaults.get(name, name))
                 for name in declared or TASK_COLUMNS)


class TaskTable:
    """The unit form's task budget with a computed 金额合计 row under it."""

    def __init__(self, session: FormSession) -> None:
        self.session = session
        self.columns = task_columns(session.layout)

    @property
    def tasks(self) -> list[Task]:
        form = self.session.form
        assert isinstance(form, UnitTarget)
        return form.tasks

    def row_count(self) -> int:
        return len(self.tasks) + 1

    def column_count(self) -> int:
        return len(self.columns)

    def header(self, column: int) -> str:
        return self.columns[column][1]

    def row_label(self, row: int) -> str:
        return str(row + 1) if row < len(self.tasks) else "合计"

    def _sum(self, column: str) -> Decimal:
        return sum((getattr(task, column) or ZERO for task in self.tasks), ZERO)

    def _problem(self, column: str) -> str:
        return "\n".join(f.message for f in self.session.findings
                         if f.field == f"tasks_total.{column}")

    def cell(self, row: int, column: int) -> Cell:
        field = self.columns[column][0]
        if row == len(self.tasks):
            if field not in AMOUNTS:
                return Cell("金额合计" if field == "name" else "", computed=True,
                            locked=TASKS_TOTAL_LOCKED)
            return Cell(format_plain(self._sum(field), grouped=True), computed=True,
                        numeric=True, problem=self._problem(field), locked=TASKS_TOTAL_LOCKED)
        value = getattr(self.tasks[row], field)
        if field in AMOUNTS:
            return Cell(format_plain(value, grouped=True), editable=True, numeric=True)
        return Cell(value, editable=True)

    def edit_value(self, row: int, column: int) -> str:
        """The plain text an editor starts from: digits without separators."""
        if row == len(self.tasks):
            return ""
        value = getattr(self.tasks[row], self.columns[column][0])
        return format_plain(value) if isinstance(value, Decimal) else str(value or "")

    def commit(self, row: int, column: int, text: str) -> Step | None:
        if row >= len(self.tasks):
            return None
        path = ("tasks", row, self.columns[column][0])
        return self.session.run(lambda opened: self.session.service.set_value(opened, path, text))

    def insert_row(self, row: int) -> Step | None:
        """A blank task line below `row` (at the end from the 金额合计 row)."""
        position = min(row + 1, len(self.tasks))
        return self.session.run(lambda opened: self.session.service.apply(
            opened, [InsertRows("tasks", position, (Task(),))], "插入任务"))

    def remove_row(self, row: int) -> Step | None:
        if not 0 <= row < len(self.tasks):
            return None
        return self.session.run(lambda opened: self.session.service.apply(
            opened, [RemoveRows("tasks", row, 1)], "删除任务"))
