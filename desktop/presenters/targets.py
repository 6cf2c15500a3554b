"""The parts of the two target forms that the self-evaluation does not have: the
project form's descriptive fields and money block, and the unit form's task budget."""

from __future__ import annotations

from decimal import Decimal

from desktop.editing.edits import InsertRows, RemoveRows
from desktop.editing.service import Step
from desktop.forms import ProjectTarget, Task, UnitTarget
from desktop.money import ZERO, format_plain
from desktop.presenters.grid import Cell
from desktop.presenters.session import FormSession

DETAIL_LABELS = {
    "project_category": "项目类别", "planned_start_date": "计划开始日期",
    "planned_end_date": "计划完成日期",
    "includes_government_purchased_services": "是否含有政府购买服务",
    "performance_type": "绩效类型", "project_overview": "项目概况", "basis": "立项依据",
    "necessity": "项目设立的必要性", "safeguards": "保证项目实施的制度、措施",
    "implementation_plan": "项目实施计划", "overall_and_phased_goals": "总目标及阶段性目标",
}
BUDGET_LABELS = {
    "project_total_budget": "项目总预算（元）", "project_current_year_budget": "项目当年预算（元）",
    "same_project_prior_year_budget": "同名项目上年预算额（元）",
    "same_project_prior_year_executed": "同名项目上年预算执行数（元）",
}
SHORT_DETAILS = frozenset({"project_category", "planned_start_date", "planned_end_date",
                           "includes_government_purchased_services", "performance_type"})


def _label(form: ProjectTarget, key: str, defaults: dict[str, str], prefix: str = "") -> str:
    return form.meta.labels.get(prefix + key) or defaults.get(key, key)


def detail_fields(form: ProjectTarget) -> list[tuple[str, str, bool]]:
    """(key, label, short) for each descriptive field, the form's own first, in order."""
    keys = list(form.details) + [k for k in DETAIL_LABELS if k not in form.details]
    return [(key, _label(form, key, DETAIL_LABELS), key in SHORT_DETAILS) for key in keys]


def budget_fields(form: ProjectTarget) -> list[tuple[str, str]]:
    keys = list(form.budget) + [k for k in BUDGET_LABELS if k not in form.budget]
    return [(key, _label(form, key, BUDGET_LABELS, "funds.")) for key in keys]


TASK_COLUMNS = ("name", "content", "total", "fiscal", "other")
TASK_LABELS = ("任务名称", "主要内容", "总额", "其中：财政拨款", "其中：其他资金")
AMOUNTS = frozenset({"total", "fiscal", "other"})


class TaskTable:
    """The unit form's task budget with a computed 金额合计 row under it."""

    def __init__(self, session: FormSession) -> None:
        self.session = session

    @property
    def tasks(self) -> list[Task]:
        form = self.session.form
        assert isinstance(form, UnitTarget)
        return form.tasks

    def row_count(self) -> int:
        return len(self.tasks) + 1

    def column_count(self) -> int:
        return len(TASK_COLUMNS)

    def header(self, column: int) -> str:
        return TASK_LABELS[column]

    def row_label(self, row: int) -> str:
        return str(row + 1) if row < len(self.tasks) else "合计"

    def _sum(self, column: str) -> Decimal:
        return sum((getattr(task, column) or ZERO for task in self.tasks), ZERO)

    def _problem(self, column: str) -> str:
        return "\n".join(f.message for f in self.session.findings
                         if f.field == f"tasks_total.{column}")

    def cell(self, row: int, column: int) -> Cell:
        field = TASK_COLUMNS[column]
        if row == len(self.tasks):
            if field not in AMOUNTS:
                return Cell("金额合计" if field == "name" else "", computed=True)
            return Cell(format_plain(self._sum(field)), computed=True, numeric=True,
                        problem=self._problem(field))
        value = getattr(self.tasks[row], field)
        if field in AMOUNTS:
            return Cell(format_plain(value), editable=True, numeric=True)
        return Cell(value, editable=True)

    def edit_value(self, row: int, column: int) -> str:
        return "" if row == len(self.tasks) else self.cell(row, column).text

    def commit(self, row: int, column: int, text: str) -> Step | None:
        if row >= len(self.tasks):
            return None
        path = ("tasks", row, TASK_COLUMNS[column])
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
