"""`jixiao --self-test`: the real window, offscreen, on a sample form in a throw-away
store: edit a score through the Qt model, check the total moved as the rules say,
undo, check it came back. Prints one line and exits 0, or says what failed."""

from __future__ import annotations

import copy
import os
import tempfile
from decimal import Decimal
from pathlib import Path

SAMPLE = "longhua-2022-digital-city.json"


class SelfTestFailure(Exception):
    pass


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def _expected_total(form, row: int, score: Decimal) -> Decimal:
    from desktop.rules.evaluate import evaluate
    changed = copy.deepcopy(form)
    changed.indicators[row].score = score
    return evaluate(changed).total


def _check_installation() -> None:
    """What a packaged build can lose: the Chinese catalogues (ours and Qt's own) and
    defusedxml, without which openpyxl would parse hostile workbooks unprotected."""
    from openpyxl.xml import DEFUSEDXML
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desktop.ui import i18n
    _check(i18n.install_translations(QApplication.instance()),
           "中文翻译文件未能载入")
    qt_own = ("QPlatformTheme", "Cancel")   # a string of Qt's own catalogue, not of ours
    _check(QCoreApplication.translate(*qt_own) == "取消", "Qt 自带的中文翻译未能载入")
    _check(DEFUSEDXML, "openpyxl 未使用 defusedxml 解析 XML")


def _exercise(window) -> str:
    from PySide6.QtCore import Qt

    from desktop.demo import demo_files
    from desktop.importing import import_files
    from desktop.money import format2
    results = import_files(window.workspace.service, [p for p in demo_files() if p.name == SAMPLE])
    _check(bool(results) and results[0].ok, f"示例表格 {SAMPLE} 未能载入")
    window.browser.refresh()
    editor = window.open_form(results[0].form_id)
    panel, session = editor.indicators, editor.session
    before = session.evaluation.total
    index = next(i for i, ind in enumerate(session.form.indicators) if (ind.weight or 0) > 1)
    new_score = session.form.indicators[index].weight - Decimal("1")
    expected = _expected_total(session.form, index, new_score)
    cell = panel.model.index(panel.grid.display_row(index), panel.grid.column_of("score"))
    _check(panel.model.setData(cell, format2(new_score), Qt.ItemDataRole.EditRole), "得分未能修改")
    total_row = panel.grid.total_row()
    shown = panel.model.index(total_row, panel.grid.column_of("score")).data()
    _check(session.evaluation.total == expected and shown == format2(expected),
           f"修改得分后总分应为 {format2(expected)}，实为 {shown}")
    window.undo_stack.undo()
    shown = panel.model.index(total_row, panel.grid.column_of("score")).data()
    _check(shown == format2(before), f"撤销后总分应回到 {format2(before)}，实为 {shown}")
    return f"自检通过：总分 {format2(before)} → {format2(expected)} → 撤销后 {format2(before)}"


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    with tempfile.TemporaryDirectory(prefix="jixiao-self-test-") as folder:
        from desktop.ui.app import build_window
        window = build_window(str(Path(folder) / "self-test.sqlite3"))
        window.show()
        try:
            _check_installation()
            print(_exercise(window))
            return 0
        except SelfTestFailure as failure:
            print(f"自检失败：{failure}")
            return 1
        finally:
            window.close()
            window.workspace.service.store.close()
