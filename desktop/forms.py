"""The three forms a clerk fills in, as plain data.

These classes hold only what the clerk (or the file they imported) typed. Everything
the rules derive from it (the funds total row, 执行率, suggested scores, subtotals,
totals, grades, findings) lives in `desktop.rules` and is recomputed, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import ClassVar


class FormKind(StrEnum):
    SELF_EVALUATION = "self_evaluation"   # 项目支出绩效自评表
    PROJECT_TARGET = "project_target"     # 项目支出绩效目标表
    UNIT_TARGET = "unit_target"           # 部门（单位）整体支出绩效目标表


KIND_TITLES: dict[FormKind, str] = {
    FormKind.SELF_EVALUATION: "项目支出绩效自评表",
    FormKind.PROJECT_TARGET: "项目支出绩效目标表",
    FormKind.UNIT_TARGET: "部门（单位）整体支出绩效目标表",
}

FUNDS_SOURCES = ("fiscal", "carryover", "other")
"""其中：当年财政拨款, 上年结转资金, 其他资金: the rows that add up to 年度资金总额."""

FUNDS_COLUMNS = ("initial", "annual", "executed")
"""年初预算数, 全年预算数 (A), 全年执行数 (B)."""

INDICATOR_TEXT_FIELDS = ("level1", "level2", "name", "target", "unit", "actual",
                         "deviation", "grade", "explanation")
INDICATOR_NUMBER_FIELDS = ("weight", "score")


@dataclass
class AmountRow:
    """One row of the funds block: 年初预算数, 全年预算数 (A), 全年执行数 (B) in yuan."""

    initial: Decimal | None = None
    annual: Decimal | None = None
    executed: Decimal | None = None


@dataclass
class Funds:
    """资金使用情况 / 预算执行情况.

    Only the three source rows are facts; 年度资金总额 is their sum. `stated_total` keeps
    the total row a file printed, so that a disagreement can be pointed out.
    """

    fiscal: AmountRow = field(default_factory=AmountRow)
    carryover: AmountRow = field(default_factory=AmountRow)
    other: AmountRow = field(default_factory=AmountRow)
    stated_total: AmountRow | None = None
    weight: Decimal = Decimal("10")

    def source(self, name: str) -> AmountRow:
        if name not in FUNDS_SOURCES:
            raise KeyError(name)
        return getattr(self, name)


@dataclass
class Indicator:
    """One row of 年度绩效指标.

    `score` is what the clerk typed (or the file carried); None means "take the rule's
    suggestion". `grade` is an explicit 达成 / 部分达成 / 未达成 for qualitative rows;
    blank means "read it from the actual".
    """

    level1: str = ""
    level2: str = ""
    name: str = ""
    target: str = ""
    unit: str = ""
    actual: str = ""
    weight: Decimal | None = None
    score: Decimal | None = None
    deviation: str = ""
    grade: str = ""
    explanation: str = ""           # 指标解释 (target forms), 备注 where a layout prints one
    extra: dict[str, str] = field(default_factory=dict)
    """Columns a layout prints beyond these (评价标准, 指标性质 …), by their printed label:
    kept so that nothing a file carried is lost, shown but never computed on."""


@dataclass
class FormMeta:
    """What a form file says about itself rather than about the project."""

    source: str = ""
    notes: str = ""
    title: str = ""
    published: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)  # unknown keys, kept verbatim


@dataclass
class SelfEvaluation:
    """项目支出绩效自评表."""

    kind: ClassVar[FormKind] = FormKind.SELF_EVALUATION
    year: int
    project_code: str = ""
    project_name: str = ""
    implementing_unit: str = ""     # 实施单位
    budget_unit: str = ""           # 一级预算单位
    unit_code: str | None = None    # 单位编码, city layouts only
    layout: str = "district-2022"
    profile: str = "default"
    funds: Funds = field(default_factory=Funds)
    goal_expected: str = ""         # 预期目标
    goal_actual: str = ""           # 实际完成情况
    indicators: list[Indicator] = field(default_factory=list)
    level1_weights: dict[str, Decimal] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)   # the layout's own header fields
    meta: FormMeta = field(default_factory=FormMeta)

    @property
    def code(self) -> str:
        return self.project_code

    @property
    def name(self) -> str:
        return self.project_name

    @property
    def unit(self) -> str:
        return self.implementing_unit or self.budget_unit


@dataclass
class ProjectTarget:
    """项目支出绩效目标表: header texts, a few budget amounts and indicator targets.

    `details` holds the layout's free-text header fields in their printed order
    (项目类别, 计划开始日期, 项目概况, 立项依据, …) keyed by the interchange names;
    `budget` the money block (项目总预算, 项目当年预算, …) in the unit its label names
    (元, or 万元 to six decimals, kept exact).
    """

    kind: ClassVar[FormKind] = FormKind.PROJECT_TARGET
    year: int
    project_code: str = ""
    project_name: str = ""
    applicant_unit: str = ""        # 申报单位
    layout: str = "project-target"
    profile: str = "default"
    details: dict[str, str] = field(default_factory=dict)
    budget: dict[str, Decimal | None] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    meta: FormMeta = field(default_factory=FormMeta)

    @property
    def code(self) -> str:
        return self.project_code

    @property
    def name(self) -> str:
        return self.project_name

    @property
    def unit(self) -> str:
        return self.applicant_unit


@dataclass
class Task:
    """A line of the unit-wide form's task budget: 任务名称, 主要内容, 总额, 财政拨款, 其他资金."""

    name: str = ""
    content: str = ""
    total: Decimal | None = None
    fiscal: Decimal | None = None
    other: Decimal | None = None
    goal: str = ""                  # 期望达到的目标, where the layout asks for it


@dataclass
class UnitTarget:
    """部门（单位）整体支出绩效目标表. Amounts are in `amount_unit` (usually 万元).

    `details` holds the layout's own header fields (财政供养人员数, 下属二级单位数 …),
    `budget` its money block (基本支出, 项目支出, 财政拨款 …), both keyed as in the layout.
    """

    kind: ClassVar[FormKind] = FormKind.UNIT_TARGET
    year: int
    unit_name: str = ""
    unit_code: str = ""
    competent_department: str = ""  # 主管部门
    amount_unit: str = "万元"
    layout: str = "unit-target"
    profile: str = "default"
    tasks: list[Task] = field(default_factory=list)
    stated_tasks_total: Task | None = None   # 金额合计 as printed
    goal: str = ""                  # 年度总体目标
    indicators: list[Indicator] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)
    budget: dict[str, Decimal | None] = field(default_factory=dict)
    meta: FormMeta = field(default_factory=FormMeta)

    @property
    def code(self) -> str:
        return self.unit_code

    @property
    def name(self) -> str:
        return self.unit_name

    @property
    def unit(self) -> str:
        return self.unit_name


Form = SelfEvaluation | ProjectTarget | UnitTarget
