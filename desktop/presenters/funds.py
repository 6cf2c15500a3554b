"""The funds block as a 4 × 6 table: 年度资金总额 and its three sources by 年初预算数,
全年预算数, 全年执行数, 分值, 执行率 (%), 得分.

Only the sources' amounts and the 分值 are the clerk's; the total row's amounts, the
rate and the score are computed and shown grey. Rows other than the total print "—"
in the last three columns, as the official form does.
"""

from __future__ import annotations

from desktop.editing.service import Step
from desktop.forms import FUNDS_COLUMNS, FUNDS_SOURCES, SelfEvaluation
from desktop.money import format2, format_grouped, format_plain
from desktop.presenters.grid import Cell
from desktop.presenters.session import FormSession

ROW_LABELS = ("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金")
ROW_KEYS = ("total", *FUNDS_SOURCES)
COLUMN_LABELS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分")
WEIGHT, RATE, SCORE = 3, 4, 5
DASH = "—"
TOTAL_LOCKED = "年度资金总额由下面三项来源相加得出，请填写各来源的金额"
DASH_LOCKED = "各来源不单独计算执行率和得分，此格不填"
RATE_LOCKED = "执行率 = 全年执行数 ÷ 全年预算数，自动算出"
SCORE_LOCKED = "资金得分 = 执行率 × 分值，自动算出"


class FundsTable:
    def __init__(self, session: FormSession) -> None:
        assert isinstance(session.form, SelfEvaluation)
        self.session = session

    @property
    def form(self) -> SelfEvaluation:
        form = self.session.form
        assert isinstance(form, SelfEvaluation)
        return form

    def row_count(self) -> int:
        return len(ROW_KEYS)

    def column_count(self) -> int:
        return len(COLUMN_LABELS)

    def _problem(self, row: int, column: int) -> str:
        if column >= len(FUNDS_COLUMNS):
            return ""
        wanted = {f"funds.{ROW_KEYS[row]}.{FUNDS_COLUMNS[column]}"}
        if row == 0:
            wanted.add("funds.total")
        return "\n".join(f.message for f in self.session.findings if f.field in wanted)

    def cell(self, row: int, column: int) -> Cell:
        evaluation = self.session.evaluation
        assert evaluation is not None
        if column < len(FUNDS_COLUMNS):
            source = evaluation.funds_total if row == 0 else self.form.funds.source(ROW_KEYS[row])
            return Cell(format_grouped(getattr(source, FUNDS_COLUMNS[column])), editable=row > 0,
                        computed=row == 0, numeric=True, problem=self._problem(row, column),
                        locked=TOTAL_LOCKED if row == 0 else "")
        if row > 0:
            return Cell(DASH, computed=True, locked=DASH_LOCKED)
        if column == WEIGHT:
            return Cell(format2(self.form.funds.weight), editable=True, numeric=True)
        if column == RATE:
            return Cell(format2(evaluation.rate), computed=True, numeric=True, locked=RATE_LOCKED)
        return Cell(format2(evaluation.funds_score), computed=True, numeric=True,
                    locked=SCORE_LOCKED)

    def edit_value(self, row: int, column: int) -> str:
        if row == 0 and column == WEIGHT:
            return format_plain(self.form.funds.weight)
        if row == 0 or column >= len(FUNDS_COLUMNS):
            return ""
        return format_plain(getattr(self.form.funds.source(ROW_KEYS[row]), FUNDS_COLUMNS[column]))

    def path(self, row: int, column: int) -> tuple[str, ...] | None:
        if row == 0 and column == WEIGHT:
            return ("funds", "weight")
        if row == 0 or column >= len(FUNDS_COLUMNS):
            return None
        return ("funds", ROW_KEYS[row], FUNDS_COLUMNS[column])

    def commit(self, row: int, column: int, text: str) -> Step | None:
        path = self.path(row, column)
        if path is None:
            return None
        return self.session.run(lambda opened: self.session.service.set_value(opened, path, text))
