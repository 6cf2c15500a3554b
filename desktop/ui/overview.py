"""A first window: every stored form by year, with its total, grade and open findings.

The full editing desk replaces this view; until then it shows that the store, the
rules and the demo data work together.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTreeWidget, QTreeWidgetItem

from desktop.editing.service import FormService
from desktop.forms import KIND_TITLES, SelfEvaluation
from desktop.money import format2
from desktop.rules.evaluate import check_target_form, evaluate

COLUMNS = ("年度 / 项目", "表格", "项目编码", "单位", "总分", "等级", "问题")


def _figures(form) -> tuple[str, str, str]:
    if isinstance(form, SelfEvaluation):
        result = evaluate(form)
        return format2(result.total), result.grade, str(len(result.findings))
    return "—", "—", str(len(check_target_form(form)))


class OverviewWindow(QMainWindow):
    def __init__(self, service: FormService) -> None:
        super().__init__()
        self.service = service
        self.setWindowTitle("绩效填报助手")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(list(COLUMNS))
        self.setCentralWidget(self.tree)
        self.resize(1100, 600)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        years: dict[int, QTreeWidgetItem] = {}
        store = self.service.store
        for summary in store.list_forms():
            parent = years.get(summary.year)
            if parent is None:
                parent = years[summary.year] = QTreeWidgetItem(self.tree, [f"{summary.year} 年"])
            total, grade, problems = _figures(store.load_form(summary.id))
            QTreeWidgetItem(parent, [summary.name, KIND_TITLES[summary.kind], summary.code,
                                     summary.unit, total, grade, problems])
        self.tree.expandAll()
        for column in range(len(COLUMNS)):
            self.tree.resizeColumnToContents(column)
