"""The findings panel: the rules' Chinese sentences, and where each one points."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from conftest import load_sample
from desktop.rules.evaluate import check_target_form, evaluate
from desktop.rules.findings import Finding
from desktop.ui.findings import FindingsPanel


@pytest.fixture
def panel(qtbot) -> FindingsPanel:
    widget = FindingsPanel()
    qtbot.addWidget(widget)
    widget.resize(520, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def texts(panel: FindingsPanel) -> list[str]:
    return [panel.model.index(row, 0).data() for row in range(panel.count())]


def test_shows_the_guangming_findings_as_the_rules_word_them(panel, guangming):
    findings = evaluate(guangming).findings
    panel.show_findings(findings)
    assert panel.count() == len(findings) >= 2
    assert "2024-07-30" in texts(panel)[0]
    assert all(f.message in text for f, text in zip(findings, texts(panel)))
    assert panel.view.isVisible() and not panel.placeholder.isVisible()


def test_clicking_a_finding_points_at_its_row_and_field(panel, guangming, qtbot):
    panel.show_findings(evaluate(guangming).findings)
    point = panel.view.visualRect(panel.model.index(0, 0)).center()
    with qtbot.waitSignal(panel.finding_activated) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [19, "actual"]


def test_enter_on_a_form_level_finding_gives_row_minus_one(panel, qtbot):
    findings = check_target_form(load_sample("shenzhen-2023-unit-target"))
    panel.show_findings(findings)
    panel.view.setFocus()
    fiscal = next(i for i, f in enumerate(findings) if f.field == "tasks_total.fiscal")
    panel.view.setCurrentIndex(panel.model.index(fiscal, 0))
    with qtbot.waitSignal(panel.finding_activated) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == [-1, "tasks_total.fiscal"]


def test_no_findings_shows_the_quiet_placeholder(panel, guangming):
    panel.show_findings(evaluate(guangming).findings)
    panel.show_findings([])
    assert panel.count() == 0
    assert panel.placeholder.isVisible() and not panel.view.isVisible()
    assert panel.placeholder.text()


def test_a_new_list_keeps_the_finding_the_clerk_is_on(panel, qtmodeltester):
    found = [Finding(row, "score", f"第{row}行 得分 有误") for row in range(1, 40)]
    panel.show_findings(found)
    panel.view.setCurrentIndex(panel.model.index(30, 0))
    panel.view.scrollTo(panel.model.index(30, 0))
    scroll = panel.view.verticalScrollBar().value()
    panel.show_findings(found[1:])  # the first one fixed
    assert panel.view.currentIndex().data() == found[30].message
    assert panel.view.verticalScrollBar().value() == scroll
    qtmodeltester.check(panel.model)


def _announced(panel: FindingsPanel) -> list[str]:
    events: list[str] = []
    panel.model.dataChanged.connect(lambda *_: events.append("changed"))
    panel.model.rowsInserted.connect(lambda _p, first, last: events.append(f"inserted {first}-{last}"))
    panel.model.rowsRemoved.connect(lambda _p, first, last: events.append(f"removed {first}-{last}"))
    return events


def test_a_finding_added_above_the_others_inserts_one_row_and_leaves_the_rest(panel, guangming):
    """An edit that breaks one row must not rewrite every line below it (each is a
    word-wrapped line the list lays out again): the rows that stay are not touched."""
    findings = evaluate(guangming).findings
    panel.show_findings(findings[1:])
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    events = _announced(panel)
    panel.show_findings(findings)
    assert events == ["inserted 0-0"]
    assert texts(panel) == [finding.message for finding in findings]
    assert panel.view.currentIndex().row() == 2          # still on the same finding
    panel.show_findings(findings[1:])
    assert events == ["inserted 0-0", "removed 0-0"]
    assert texts(panel) == [finding.message for finding in findings[1:]]


def test_the_same_findings_again_touch_no_row(panel, guangming):
    findings = evaluate(guangming).findings
    panel.show_findings(findings)
    events = _announced(panel)
    panel.show_findings(list(findings))
    assert events == []
