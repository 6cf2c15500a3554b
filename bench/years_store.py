"""A store of many years of forms for bench_years: 2,000 projects over 10 years.

Made with bulk inserts through the table classes (the rows `db.mapping` produces, so
they are the rows the app itself would store), not 20,000 service calls: that takes
seconds rather than minutes. The text is generated from small vocabularies with a fixed
seed, so every run measures the same store; names and goals are Chinese of realistic
length (an indicator name of 8 to 20 characters, goal texts of about 150).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert

from db import mapping
from db.search_index import index_values
from db.store import Store
from db.tables import FormRow, FormSearchRow, FundsLineRow, IndicatorRow
from desktop.forms import AmountRow, Funds, Indicator, SelfEvaluation
from desktop.identity import identity_of
from desktop.rules.weights import spread_evenly

PROJECTS = 2000
UNITS = 50
FIRST_YEAR, YEARS = 2015, 10
INDICATORS = 30

DISTRICTS = ("龙华区", "光明区", "南山区", "福田区", "罗湖区", "宝安区", "龙岗区", "坪山区")
OFFICES = ("平安建设中心", "市场监督管理局", "城市管理和综合执法局", "卫生健康局", "教育局",
           "民政局", "文化广电旅游体育局", "住房和建设局", "水务局", "交通运输局")
TOPICS = ("网格信息采集", "数字化城管", "消费投诉处理", "食品安全抽检", "特种设备检验", "社区健康服务",
          "校园安全管理", "养老服务补贴", "公共文化服务", "保障性住房管理", "河道水质监测",
          "道路养护", "垃圾分类宣传", "法律顾问服务", "信息系统运维", "应急物资储备",
          "老旧小区改造", "公共体育设施", "残疾人就业帮扶", "知识产权保护")
KINDS = ("工作经费", "运行项目", "专项经费", "购买服务", "综合事务", "能力提升项目")
LEVELS = (("产出指标", (("数量指标", 6), ("质量指标", 6), ("时效指标", 3), ("成本指标", 3))),
          ("效益指标", (("经济效益指标", 2), ("社会效益指标", 3), ("生态效益指标", 1),
                     ("可持续影响指标", 2))),
          ("满意度指标", (("服务对象满意度指标", 3), ("其他满意度指标", 1))))
LEVEL1_POINTS = {"产出指标": Decimal(50), "效益指标": Decimal(30), "满意度指标": Decimal(10)}
MEASURES = {"数量指标": ("完成数量", "覆盖户数", "服务人次", "检查次数", "采集条数"),
            "质量指标": ("准确率", "合格率", "办结率", "达标率", "采集率"),
            "时效指标": ("按时完成率", "完成时间", "响应及时性"),
            "成本指标": ("项目支出", "单位成本", "人均经费"),
            "经济效益指标": ("节约经费", "带动投资"),
            "社会效益指标": ("群众知晓率", "服务覆盖面", "问题解决率"),
            "生态效益指标": ("环境改善程度",),
            "可持续影响指标": ("长效机制建立情况", "制度完善程度"),
            "服务对象满意度指标": ("服务对象满意度", "群众满意度", "企业满意度"),
            "其他满意度指标": ("工作人员满意度",)}
PHRASES = ("进一步提升辖区治理水平", "确保各项工作按时保质完成", "切实保障群众合法权益",
           "推动服务标准化、规范化建设", "提高财政资金使用效益", "加强部门协同与信息共享",
           "全面落实年度考核要求", "持续改善营商环境", "强化风险隐患排查整治")


@dataclass(frozen=True)
class Project:
    """What stays the same across a project's years."""

    code: str
    name: str
    unit: str
    topic: str
    seed: int


def unit_name(number: int) -> str:
    return f"深圳市{DISTRICTS[number % len(DISTRICTS)]}{OFFICES[number % len(OFFICES)]}{number:02d}所"


def projects() -> list[Project]:
    rng = random.Random(20240601)
    made = []
    for number in range(PROJECTS):
        topic = TOPICS[number % len(TOPICS)]
        name = f"{rng.choice(DISTRICTS)}{topic}{rng.choice(KINDS)}（{number:04d}）"
        code = f"4403092109015{number:08d}"
        made.append(Project(code, name, unit_name(number % UNITS), topic, number))
    return made


def indicators(project: Project, year: int, rng: random.Random) -> list[Indicator]:
    """30 rows in the classic taxonomy; the names keep from year to year, except that
    in each year one row of the project is renamed slightly, and targets drift."""
    rows: list[Indicator] = []
    stable = random.Random(project.seed)
    renamed = rng.randrange(INDICATORS)
    for level1, blocks in LEVELS:
        members = [(level2, index) for level2, count in blocks for index in range(count)]
        weights = spread_evenly(LEVEL1_POINTS[level1], len(members))
        for (level2, index), weight in zip(members, weights):
            measure = stable.choice(MEASURES[level2])
            name = f"{project.topic}{measure}{index + 1}"
            if len(rows) == renamed:
                name += "（调整）"
            rows.append(_row(level1, level2, name, weight, rng))
    return rows


def _row(level1: str, level2: str, name: str, weight: Decimal,
         rng: random.Random) -> Indicator:
    target_value = rng.randrange(80, 100)
    actual_value = target_value + rng.randrange(-5, 6)
    met = actual_value >= target_value
    score = weight if met else (weight * actual_value / target_value).quantize(Decimal("0.01"))
    reason = "" if met else "受人员调整影响，部分工作未达预期，下一年度将加强统筹调度。"
    return Indicator(level1=level1, level2=level2, name=name, target=f"≥{target_value}%",
                     actual=f"{actual_value}%", weight=weight, score=score, deviation=reason)


def goal_text(project: Project, year: int, rng: random.Random, done: bool) -> str:
    verb = "完成" if done else "计划完成"
    parts = [f"{year}年{verb}{project.topic}工作{rng.randrange(100, 5000)}项"]
    parts += rng.sample(PHRASES, 4)
    parts.append(f"服务对象满意度达{rng.randrange(85, 100)}%以上")
    return "，".join(parts) + "。"


def funds(rng: random.Random) -> Funds:
    annual = Decimal(rng.randrange(100_000_00, 50_000_000_00)) / 100
    executed = (annual * Decimal(rng.randrange(850, 1001)) / 1000).quantize(Decimal("0.01"))
    return Funds(fiscal=AmountRow(annual, annual, executed),
                 carryover=AmountRow(Decimal(0), Decimal(0), Decimal(0)),
                 other=AmountRow(Decimal(0), Decimal(0), Decimal(0)))


def form_of(project: Project, year: int) -> SelfEvaluation:
    rng = random.Random(project.seed * 100 + year)
    return SelfEvaluation(
        year=year, project_code=project.code, project_name=project.name,
        implementing_unit=project.unit, budget_unit=project.unit, funds=funds(rng),
        goal_expected=goal_text(project, year, rng, done=False),
        goal_actual=goal_text(project, year, rng, done=True),
        indicators=indicators(project, year, rng), level1_weights=dict(LEVEL1_POINTS))


def all_forms() -> list[SelfEvaluation]:
    """Every form, project by project: form id n + 1 is the n-th form of this list."""
    return [form_of(project, FIRST_YEAR + offset)
            for project in projects() for offset in range(YEARS)]


def build(path: Path) -> str:
    """Create the store file at `path` and fill it; returns its URL."""
    url = f"sqlite:///{path}"
    Store(url).close()   # created and migrated like any clerk's store
    store = Store(url)
    now = datetime.now(UTC)
    forms, lines, rows, search = [], [], [], []
    for form_id, form in enumerate(all_forms(), start=1):
        forms.append({"id": form_id, **mapping.form_columns(form), "state": "draft",
                      "identity_key": identity_of(form), "created_at": now, "updated_at": now})
        lines += [{"form_id": form_id, **line} for line in mapping.funds_lines(form)]
        rows += [{"form_id": form_id, "position": position,
                  **mapping.indicator_values(indicator)}
                 for position, indicator in enumerate(form.indicators)]
        search.append({"form_id": form_id, **index_values(form)})
    with store.engine.begin() as connection:
        for table, values in ((FormRow, forms), (FundsLineRow, lines),
                              (IndicatorRow, rows), (FormSearchRow, search)):
            connection.execute(insert(table.__table__), values)  # type: ignore[attr-defined]
        connection.exec_driver_sql("ANALYZE")
    store.close()
    return url
