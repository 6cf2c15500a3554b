"""Findings: what the budget system would refuse or a reviewer would question.

Each message is one Chinese sentence that names the row and the form's own column
names (实际完成值, 分值, 得分, 偏差原因分析及改进措施), so a clerk can act on it
without knowing the rule behind it (DOMAIN §2 "Findings the app must raise").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter

from desktop.forms import FUNDS_COLUMNS, Funds, Indicator
from desktop.money import HUNDRED, ZERO, AmountError, format2, format_plain, parse_decimal, round2
from desktop.rules.funds import funds_total
from desktop.rules.profile import RuleProfile, Taxonomy
from desktop.rules.rows import SCORING_FIELDS, LevelResult, RowResult, from_snapshot, row_result
from desktop.rules.scoring import (
    MET,
    actual_reading,
    in_band,
    operands,
    over_completion_percent,
    target_reading,
)
from desktop.rules.targets import NOT_APPLICABLE_WORDS, NUMERIC_KINDS, TargetKind, normalise

FULL_MARKS = Decimal(100)
PUBLISHED_FIGURES = {"weights_total": "分值合计", "total": "总分"}
"""`meta.published` keys of the totals a file printed, and what the form calls them."""
COLUMN_NAMES = {"initial": "年初预算数", "annual": "全年预算数", "executed": "全年执行数"}
_NOT_SCORED = (TargetKind.EMPTY, TargetKind.NOT_APPLICABLE)
FINDING_FIELDS = (*SCORING_FIELDS, "name", "deviation")
_finding_snapshot = attrgetter(*FINDING_FIELDS)


@dataclass(frozen=True)
class Finding:
    """`row` is the 1-based indicator row (None for the form); `field` the Indicator
    attribute ("score", "actual", …) or a path such as "funds.total.annual"."""

    row: int | None
    field: str
    message: str


RowCheck = Callable[[int, Indicator, RowResult, RuleProfile], "Finding | None"]


def _quoted(text: str) -> str:
    return f"“{text.strip()}”"


def _is_pending(indicator: Indicator, result: RowResult) -> bool:
    return indicator.score is None and result.suggested is None


# ---------------------------------------------------------------- one row


def _says_not_applicable(text: str) -> bool:
    return normalise(text) in NOT_APPLICABLE_WORDS


def _kept_as_not_applicable(ind: Indicator) -> bool:
    """A 二级 the form keeps although it does not apply: 不适用/无 in one of its cells and
    no points on it (DOMAIN §2: "with 三级 不适用 or 无 and weight 0")."""
    if (ind.weight or ZERO) != ZERO:
        return False
    return any(_says_not_applicable(text) for text in (ind.name, ind.target, ind.actual))


def empty_frame(row: int, ind: Indicator, scored: bool = True) -> Finding | None:
    """A 二级 with no 三级 under it: the frame a new form starts from, never filled in.

    Only the 二级 is required of the row, since a blank 一级 continues the row above.
    `scored`: the form has 分值 (a self-evaluation), so "not applicable" also means 0."""
    level2 = "".join(ind.level2.split())
    if not level2 or ind.name.strip() or ind.target.strip() or _kept_as_not_applicable(ind):
        return None
    how = "不适用的填“无”并将分值设为 0" if scored else "不适用的填“无”"
    return Finding(row, "name", f"第{row}行 二级指标 “{level2}” 下没有三级指标：请填写三级指标，{how}")


def frame_unfilled(row: int, ind: Indicator, result: RowResult,
                   profile: RuleProfile) -> Finding | None:
    return empty_frame(row, ind)


def weight_missing(row: int, ind: Indicator, result: RowResult,
                   profile: RuleProfile) -> Finding | None:
    if ind.weight is not None or result.reading_kind in _NOT_SCORED:
        return None
    return Finding(row, "weight", f"第{row}行 分值 为空：请填写该指标的分值")


def target_missing(row: int, ind: Indicator, result: RowResult,
                   profile: RuleProfile) -> Finding | None:
    if result.reading_kind is not TargetKind.EMPTY or not (ind.weight or ZERO) > ZERO:
        return None
    return Finding(row, "target",
                   f"第{row}行 年度指标值 为空，但分值为 {format_plain(ind.weight)}")


def actual_missing(row: int, ind: Indicator, result: RowResult,
                   profile: RuleProfile) -> Finding | None:
    """A named, weighted indicator with nothing in 实际完成值: the system refuses it, on
    qualitative rows too (their grade says how well, not what was done)."""
    if not ind.name.strip() or _says_not_applicable(ind.name) or ind.actual.strip():
        return None
    if not (ind.weight or ZERO) > ZERO or result.reading_kind is TargetKind.NOT_APPLICABLE:
        return None
    return Finding(row, "actual", f"第{row}行 实际完成值 为空：请填写 {_quoted(ind.name)} 的实际完成情况")


def _unreadable_deadline(row: int, ind: Indicator) -> Finding | None:
    target = target_reading(ind)
    if target.kind is not TargetKind.DEADLINE or target.deadline is not None:
        return None
    return Finding(row, "target",
                   f"第{row}行 年度指标值 {_quoted(ind.target)} 读不出完整的日期（年、月、日）")


def deadline_unreadable(row: int, ind: Indicator, result: RowResult,
                        profile: RuleProfile) -> Finding | None:
    return _unreadable_deadline(row, ind)


def score_out_of_range(row: int, ind: Indicator, result: RowResult,
                       profile: RuleProfile) -> Finding | None:
    score, weight = ind.score, ind.weight
    if score is not None and score < ZERO:
        return Finding(row, "score", f"第{row}行 得分 {format_plain(score)} 不能为负数")
    if score is None or weight is None or score <= weight:
        return None
    return Finding(row, "score", f"第{row}行 得分 {format_plain(score)} 高于分值 "
                                 f"{format_plain(weight)}：得分不能大于分值")


def _band_text(grade: str, band: tuple[Decimal, Decimal]) -> str:
    low, high = (format_plain(value) for value in band)
    return f"{low} 至 {high}" if grade == MET else f"{low} 至 {high}（不含 {high}）"


def score_outside_band(row: int, ind: Indicator, result: RowResult,
                       profile: RuleProfile) -> Finding | None:
    grade, band, score, weight = result.grade, result.band, ind.score, ind.weight
    if not (grade and band and score is not None and weight is not None):
        return None
    if in_band(grade, weight, score) or score > weight:
        return None  # above the weight is reported once, by score_out_of_range
    return Finding(row, "score", f"第{row}行 得分 {format_plain(score)} 不在“{grade}”的分数段 "
                                 f"{_band_text(grade, band)} 内")


def _over_completion_text(ind: Indicator, profile: RuleProfile) -> str:
    margin = format_plain(profile.over_completion_margin * HUNDRED)
    percent = over_completion_percent(ind, profile)
    done = f"完成 {format_plain(percent)}%，" if percent is not None else ""
    return (f"实际完成值 {_quoted(ind.actual)} 超额完成年度指标值 {_quoted(ind.target)}"
            f"（{done}超过 {margin}%），请说明原因")


def reason_missing(row: int, ind: Indicator, result: RowResult,
                   profile: RuleProfile) -> Finding | None:
    weight = ind.weight
    if ind.deviation.strip() or weight is None or weight <= ZERO or _is_pending(ind, result):
        return None
    if result.over_completed:
        why = _over_completion_text(ind, profile)
    elif result.score < weight:
        why = f"得分 {format_plain(result.score)} 低于分值 {format_plain(weight)}"
    else:
        return None
    return Finding(row, "deviation", f"第{row}行 偏差原因分析及改进措施 为空：{why}")


def date_serial(row: int, ind: Indicator, result: RowResult,
                profile: RuleProfile) -> Finding | None:
    if result.date_offer is None:
        return None
    return Finding(row, "actual", f"第{row}行 实际完成值 {ind.actual.strip()} 像是 Excel "
                                  f"日期序号，应为 {result.date_offer.isoformat()}")


def actual_not_number(row: int, ind: Indicator, result: RowResult,
                      profile: RuleProfile) -> Finding | None:
    if result.reading_kind not in (*NUMERIC_KINDS, TargetKind.COMPOUND):
        return None
    actual = actual_reading(ind, profile)
    if actual.kind in (*NUMERIC_KINDS, TargetKind.COMPOUND, TargetKind.EMPTY):
        return None
    if result.reading_kind is TargetKind.EQUAL_ZERO and normalise(ind.actual) == "无":
        return None
    return Finding(row, "actual", f"第{row}行 实际完成值 {_quoted(ind.actual)} 不是数字："
                                  f"年度指标值 {_quoted(ind.target)} 要求填写数值")


def unit_mismatch(row: int, ind: Indicator, result: RowResult,
                  profile: RuleProfile) -> Finding | None:
    target, actual = target_reading(ind), actual_reading(ind, profile)
    if target.kind not in NUMERIC_KINDS or actual.kind not in NUMERIC_KINDS:
        return None
    if operands(target, actual) is not None:
        return None
    return Finding(row, "unit", f"第{row}行 实际完成值 的单位“{actual.unit}”与年度指标值 "
                                f"的单位“{target.unit}”不一致，无法比较")


def _pending_reason(ind: Indicator, result: RowResult, profile: RuleProfile) -> str:
    if result.reading_kind is TargetKind.QUALITATIVE:
        return "请选择 达成、部分达成 或 未达成，并在相应分数段内打分"
    if not ind.actual.strip():
        return "实际完成值 为空"
    target, actual = target_reading(ind), actual_reading(ind, profile)
    day = actual.date or actual.deadline
    if result.reading_kind is TargetKind.DEADLINE and day and target.deadline:
        return (f"实际完成时间 {day.isoformat()} 晚于期限 {target.deadline.isoformat()}，"
                "请按实际情况打分")
    return "无法按规则算出建议得分，请填写得分"


def score_pending(row: int, ind: Indicator, result: RowResult,
                  profile: RuleProfile) -> Finding | None:
    weight = ind.weight
    if weight is None or weight <= ZERO or result.reading_kind in _NOT_SCORED:
        return None
    if not _is_pending(ind, result):
        return None
    field = "grade" if result.reading_kind is TargetKind.QUALITATIVE else "score"
    return Finding(row, field, f"第{row}行 得分 待定：{_pending_reason(ind, result, profile)}")


ROW_CHECKS: tuple[RowCheck, ...] = (
    frame_unfilled, weight_missing, target_missing, actual_missing, deadline_unreadable,
    date_serial, actual_not_number, unit_mismatch, score_out_of_range, score_outside_band,
    score_pending, reason_missing)


def row_findings(row: int, indicator: Indicator, profile: RuleProfile) -> tuple[Finding, ...]:
    """Every finding for one indicator row, in the order a clerk would fix them.

    Memoised on the row's number and inputs, like `row_result`.
    """
    return _row_findings(row, _finding_snapshot(indicator), profile)


@lru_cache(maxsize=8192)
def _row_findings(row: int, values: tuple, profile: RuleProfile) -> tuple[Finding, ...]:
    indicator = from_snapshot(values, FINDING_FIELDS)
    result = row_result(indicator, profile)
    found = (check(row, indicator, result, profile) for check in ROW_CHECKS)
    return tuple(finding for finding in found if finding is not None)


def _name_missing(row: int, indicator: Indicator) -> Finding | None:
    if indicator.name.strip() or target_reading(indicator).kind in _NOT_SCORED:
        return None
    return Finding(row, "name", f"第{row}行 三级指标 为空，但年度指标值为 "
                                f"{_quoted(indicator.target)}")


def target_row_findings(row: int, indicator: Indicator) -> list[Finding]:
    """A target form's row: a 二级 with no 三级, a target with no 三级指标 naming it, a
    date that is not one."""
    found = (empty_frame(row, indicator, scored=False), _name_missing(row, indicator),
             _unreadable_deadline(row, indicator))
    return [finding for finding in found if finding is not None]


# ---------------------------------------------------------------- the form


def _stated_total_findings(funds: Funds) -> Iterable[Finding]:
    stated, summed = funds.stated_total, funds_total(funds)
    for column in FUNDS_COLUMNS if stated else ():
        given, parts = getattr(stated, column), getattr(summed, column)
        if given is None or parts is None or round2(given) == round2(parts):
            continue
        yield Finding(None, f"funds.total.{column}",
                      f"年度资金总额 的 {COLUMN_NAMES[column]} 为 {format2(given)}，但 当年财政拨款、"
                      f"上年结转资金、其他资金 之和为 {format2(parts)}")


def funds_findings(funds: Funds) -> list[Finding]:
    """The funds block: a stated total that disagrees, overspending, A = 0."""
    found = list(_stated_total_findings(funds))
    total = funds_total(funds)
    annual, executed = total.annual or ZERO, total.executed or ZERO
    if annual == ZERO:
        stated = "为空" if total.annual is None else "为 0"
        found.append(Finding(None, "funds.total.annual", f"年度资金总额 的 全年预算数 {stated}："
                                                         "执行率按 0 计，预算执行率得分为 0"))
    elif executed > annual:
        found.append(Finding(None, "funds.total.executed",
                             f"年度资金总额 的 全年执行数 {format2(executed)} 大于 全年预算数 "
                             f"{format2(annual)}"))
    return found


def level_findings(levels: Iterable[LevelResult]) -> list[Finding]:
    """A 一级 whose rows' 分值 do not add up to the points declared for it."""
    return [Finding(None, f"level1_weights.{level.name}",
                    f"{level.name} 各行分值合计 {format_plain(level.weight)}，应为 "
                    f"{format_plain(level.declared_weight)}")
            for level in levels
            if level.declared_weight is not None and level.weight != level.declared_weight]


def weights_total_finding(funds_weight: Decimal, rows_weight: Decimal) -> Finding | None:
    """分值 of the whole form: 预算执行率 plus all indicator rows must be 100."""
    total = funds_weight + rows_weight
    if total == FULL_MARKS:
        return None
    return Finding(None, "weights_total",
                   f"分值合计 {format_plain(total)}（预算执行率 {format_plain(funds_weight)} + 指标 "
                   f"{format_plain(rows_weight)}），应为 100")


def published_findings(published: Mapping[str, str],
                       computed: Mapping[str, Decimal]) -> list[Finding]:
    """A 总分 or 分值合计 the file printed that its rows do not give (REAL-LAYOUTS: "a
    printed 总分 or 合计 may disagree with its rows"): both figures, so the clerk can
    see which one is wrong."""
    found = []
    for key, name in PUBLISHED_FIGURES.items():
        try:
            printed = parse_decimal(published.get(key) or None)
        except AmountError:
            continue    # a figure that is no number was never a total to compare
        value = computed.get(key)
        if printed is None or value is None or round2(printed) == round2(value):
            continue
        found.append(Finding(None, f"published.{key}",
                             f"表中打印的{name}为 {format_plain(printed)}，但按各行计算为 "
                             f"{format_plain(round2(value))}"))
    return found


def misfiled_finding(row: int, indicator: Indicator, taxonomy: Taxonomy) -> Finding | None:
    """A 二级 of the framework written under another of its 一级 (质量指标 under 效益指标,
    as in a Guangdong form): kept as written, pointed out. Rows of another framework
    (投入与管理 / 投入管理) are left alone."""
    level1, level2 = "".join(indicator.level1.split()), "".join(indicator.level2.split())
    belongs = taxonomy.level1_of(level2) if level2 else None
    if belongs is None or belongs == level1 or level1 not in taxonomy.levels:
        return None
    return Finding(row, "level2", f"第{row}行 二级指标 “{level2}” 属于 {belongs}，"
                                  f"却填在 {level1} 之下：请核对一级指标或二级指标")


def misfiled_findings(indicators: Iterable[Indicator], taxonomy: Taxonomy) -> list[Finding]:
    """`misfiled_finding` over a form's rows, numbered from 1."""
    found = (misfiled_finding(number, indicator, taxonomy)
             for number, indicator in enumerate(indicators, start=1))
    return [finding for finding in found if finding is not None]
