"""The two target forms, built from the same pieces as the self-evaluation, no scores."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from desktop.forms import ProjectTarget, UnitTarget
from desktop.presenters.session import FormSession
from desktop.presenters.targets import TaskTable, budget_fields, detail_fields
from desktop.ui.editor_base import FormEditor
from desktop.ui.form_parts import HeaderForm, TextBlock, block_label
from desktop.ui.table_panel import TablePanel


class ProjectTargetEditor(FormEditor):
    def __init__(self, session: FormSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        form = session.form
        assert isinstance(form, ProjectTarget)
        self.add_part(HeaderForm(session, self.header_fields(), columns=2))
        details = detail_fields(form, session.layout)
        short = [(("details", key), label) for key, label, is_short in details if is_short]
        self.add_part(HeaderForm(session, short, columns=3))
        texts = QWidget()
        grid = QGridLayout(texts)
        grid.setContentsMargins(0, 0, 0, 0)
        long_fields = [(key, label) for key, label, is_short in details if not is_short]
        for number, (key, label) in enumerate(long_fields):
            block = TextBlock(session, ("details", key), label)
            block.edit.setMinimumHeight(60)
            grid.addWidget(self._wire(block), number // 2, number % 2)
        self.upper_layout.addWidget(texts)
        budget = [(("budget", key), label) for key, label in budget_fields(form, session.layout)]
        if budget:       # a taught layout may print no money block
            self.upper_layout.addWidget(block_label(session.layout.blocks.get("budget", "项目资金")))
            self.add_part(HeaderForm(session, budget, columns=2))
        self.arrange(1, 2)


class UnitTargetEditor(FormEditor):
    def __init__(self, session: FormSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.add_part(HeaderForm(session, self.header_fields(), columns=3))
        form = session.form
        assert isinstance(form, UnitTarget)
        details = [(("details", key), label)
                   for key, label, _short in detail_fields(form, session.layout)]
        if details:      # a layout's own header fields (财政供养人员数, 下属二级单位数 …)
            self.add_part(HeaderForm(session, details, columns=3))
        budget = [(("budget", key), label) for key, label in budget_fields(form, session.layout)]
        if budget:       # a layout's budget block (基本支出, 项目支出, 财政拨款 …)
            self.upper_layout.addWidget(block_label(session.layout.blocks.get("budget", "预算")))
            self.add_part(HeaderForm(session, budget, columns=2))
        self.upper_layout.addWidget(block_label(session.layout.blocks.get("tasks", "任务预算")))
        table = TaskTable(session)
        self.tasks = TablePanel(table, table.commit, table.header, table.row_label, "tasks")
        self.tasks.add_row_actions(table.insert_row, table.remove_row,
                                   self.tr("Insert task below"), self.tr("Delete task"))
        self.add_part(self.tasks)
        self.add_part(TextBlock(session, ("goal",), session.layout.blocks.get("goal", "年度总体目标")))
        self.arrange(1, 2)

    def refresh(self) -> None:
        super().refresh()
        self.tasks.refresh(structure_changed=True)
