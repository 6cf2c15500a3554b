"""项目支出绩效自评表, laid out like the official form: header, funds, goal, indicators."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop.presenters.funds import COLUMN_LABELS, ROW_LABELS, FundsTable
from desktop.presenters.session import FormSession
from desktop.ui.editor_base import FormEditor
from desktop.ui.form_parts import HeaderForm, TextBlock, block_label
from desktop.ui.table_panel import TablePanel


class SelfEvaluationEditor(FormEditor):
    def __init__(self, session: FormSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        blocks = session.layout.blocks
        self.add_part(HeaderForm(session, self.header_fields()))
        self.upper_layout.addWidget(block_label(blocks.get("funds", "资金使用情况")))
        self.funds_table = FundsTable(session)
        self.funds = TablePanel(self.funds_table, self.funds_table.commit,
                                lambda c: COLUMN_LABELS[c], lambda r: ROW_LABELS[r], "funds")
        self.add_part(self.funds)
        self.upper_layout.addWidget(block_label(blocks.get("goal", "项目目标完成情况")))
        goals = QWidget()
        row = QHBoxLayout(goals)
        row.setContentsMargins(0, 0, 0, 0)
        for path, label in ((("goal_expected",), "预期目标"), (("goal_actual",), "* 实际完成情况")):
            block = TextBlock(session, path, label)
            block.edit.setMinimumHeight(60)
            block.edit.setMaximumHeight(90)
            row.addWidget(self._wire(block))
        self.upper_layout.addWidget(goals)
        self.arrange(2, 3)
