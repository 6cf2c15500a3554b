"""`jixiao --self-test`: the real window, offscreen, on a sample form in a throw-away
store: edit a score through the Qt model, check the total moved as the rules say,
undo, check it came back. Prints one line and exits 0, or says what failed.

`--self-test --db URL` runs the same test on that store (to check that the program
works with the store a clerk uses, a server database for instance). The sample goes in
as a scratch form of its own, named so that it duplicates nothing already stored, and
is removed afterwards: the store's own forms are left as they were. The window's
remembered size and last form are put back as they were, so that the clerk's next
start does not open on the test's offscreen window or its scratch form.
"""

from __future__ import annotations

import copy
import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

SAMPLE = "longhua-2022-digital-city.json"
SCRATCH_NAME = "【自检临时表格，可删除】"


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


def _add_scratch_form(window) -> int:
    """The sample as a new form with a code and name of its own; its id."""
    from desktop.demo import demo_files
    from desktop.interchange.json_form import read_form
    sample = next((p for p in demo_files() if p.name == SAMPLE), None)
    _check(sample is not None, f"示例表格 {SAMPLE} 未找到")
    form = read_form(sample)
    form.project_code = f"SELFTEST-{secrets.token_hex(4)}"
    form.project_name = f"{SCRATCH_NAME}{form.project_name}"
    form_id, _step = window.workspace.service.create_form(form)
    return form_id


def _exercise(window, form_id: int) -> str:
    from PySide6.QtCore import Qt

    from desktop.money import format2
    window.browser.refresh()
    editor = window.open_form(form_id)
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


def run_self_test(db: str | None = None) -> int:
    """The test on `db` when given (a scratch form, removed after), else on a
    throw-away store."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    with tempfile.TemporaryDirectory(prefix="jixiao-self-test-") as folder:
        return _run_on(db or str(Path(folder) / "self-test.sqlite3"))


def _run_on(db: str) -> int:
    from desktop.ui.app import build_window
    with _settings_kept():
        window = build_window(db)
        window.show()
        form_id: int | None = None
        try:
            _check_installation()
            form_id = _add_scratch_form(window)
            print(_exercise(window, form_id))
            return 0
        except SelfTestFailure as failure:
            print(f"自检失败：{failure}")
            return 1
        finally:
            window.close()
            if form_id is not None:
                window.workspace.service.store.delete_form(form_id)
            window.workspace.service.store.close()


@contextmanager
def _settings_kept() -> Iterator[None]:
    """Closing the window remembers its geometry and open form: undo that afterwards."""
    from desktop.ui.i18n import settings
    from desktop.ui.main_window import GEOMETRY_KEY, LAST_FORM_KEY, LAST_STORE_KEY, STATE_KEY
    keys = (GEOMETRY_KEY, STATE_KEY, LAST_FORM_KEY, LAST_STORE_KEY)
    saved = settings()
    before = {key: saved.value(key) for key in keys if saved.contains(key)}
    try:
        yield
    finally:
        restored = settings()
        for key in keys:
            if key in before:
                restored.setValue(key, before[key])
            else:
                restored.remove(key)
        restored.sync()
