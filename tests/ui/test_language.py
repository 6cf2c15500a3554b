"""Chinese by default, English on request, switched live and remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop.ui import i18n
from desktop.ui.browser import BrowserPanel
from desktop.ui.browser_model import Column
from desktop.ui.findings import FindingsPanel


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "jixiao.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app(qapp, settings):
    """The application, put back in the language it had once the test is done."""
    before = i18n.current_language()
    yield qapp
    i18n.set_language(qapp, before, persist=False)


def headers(panel: BrowserPanel) -> list[str]:
    return [panel.model.headerData(column, Qt.Orientation.Horizontal) for column in Column]


def test_chinese_is_the_default_with_qt_own_buttons(app, settings):
    assert i18n.install_translations(app, settings) == "zh_CN"
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "确定"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_switching_language_retranslates_open_widgets_and_is_remembered(app, settings, store,
                                                                        qtbot):
    i18n.set_language(app, "zh_CN", store=settings)
    browser, findings = BrowserPanel(store), FindingsPanel()
    qtbot.addWidget(browser)
    qtbot.addWidget(findings)
    assert headers(browser)[Column.TOTAL] == "总分"
    i18n.set_language(app, "en", store=settings)
    QApplication.sendPostedEvents()
    assert headers(browser) == ["Name", "Kind", "Code", "Total", "Grade", "State", "Findings"]
    assert findings.placeholder.text() == "No problems found"
    assert i18n.saved_language(settings) == "en"
    i18n.set_language(app, "zh_CN", store=settings)
    QApplication.sendPostedEvents()
    assert headers(browser)[Column.NAME] == "名称"
    assert browser.search.placeholderText() == "搜索编码或名称"
    assert findings.placeholder.text() == "未发现问题"


def test_an_unknown_saved_language_falls_back_to_chinese(settings):
    settings.setValue(i18n.SETTINGS_KEY, "fr")
    assert i18n.saved_language(settings) == "zh_CN"
    with pytest.raises(ValueError):
        i18n.set_language(QCoreApplication.instance(), "fr")
