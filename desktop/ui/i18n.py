"""The window speaks Chinese, and so do Qt's own dialogs.

Source strings are English (`self.tr("Undo")`); `resources/i18n/jixiao_zh_CN.qm` turns
them into what a clerk expects (撤销). Everything below the window (findings, charts,
column headers, editors) is Chinese already, so the window has no other language.

Qt draws some texts itself: 确定 / 取消, the line edit's context menu, and the whole
file and print dialogs (on Linux, and wherever the native dialog is not used). Its
`qtbase_zh_CN.qm` translates them, but that catalogue lags behind Qt: labels Qt has
since given a mnemonic ("&Look in:" for "Look in:") miss their translation and would
show in English. `QtGaps` answers for those, consulted only after every catalogue.

Installing translators makes Qt send every widget a LanguageChange event; widgets
built before (none in the app, which installs first) re-say their texts through
`Retranslates`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction

from desktop.resources import resource_path

CHINESE = "zh_CN"
CATALOGUE = "jixiao"
QT_CATALOGUE = "qtbase"
LOCALE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)

QT_GAPS: dict[tuple[str, str], str] = {
    # (Qt's context, Qt's source string): the translation qtbase_zh_CN.qm holds only
    # for the string without its mnemonic.
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QPrintSettingsOutput", "Page &Set:"): "页面组(&S)：",
    ("QPageSetupWidget", "Page &order:"): "页面顺序(&O)：",
    ("QPageSetupWidget", "Pages &per sheet:"): "每张页数(&P)：",
}

_installed: list[QTranslator] = []
"""The translators in use, kept referenced: Qt does not own them, and a translator
collected by Python would silently drop out of the application."""


def settings() -> QSettings:
    return QSettings("jixiao", "jixiao")


def translations_dir() -> Path:
    return resource_path("i18n")


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class QtGaps(QTranslator):
    """The Chinese of Qt's own strings that qtbase_zh_CN.qm misses (`QT_GAPS`)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None, not "": Qt stops at the first translator whose answer is not a null
        # string, and an empty one would blank every string no catalogue translates.
        return QT_GAPS.get((context, source))

    def isEmpty(self) -> bool:
        return False


def install_translations(app: QCoreApplication) -> bool:
    """At start-up, before the first window: our catalogue, Qt's own and the gaps, and
    Chinese as the default locale (dates and sizes in the file dialog, day names).
    Calling it again replaces rather than stacks them. Returns False when a catalogue
    could not be loaded (the window then shows the English source strings rather than
    nothing)."""
    remove_translations(app)
    QLocale.setDefault(LOCALE)
    # Qt asks the translator installed last first: the gaps go in first, so they are
    # consulted only for what no catalogue translates.
    gaps = QtGaps(app)
    app.installTranslator(gaps)
    _installed.append(gaps)
    ours = str(translations_dir())
    qtbase = f"{QT_CATALOGUE}_{CHINESE}"  # a packaged build may carry it among ours
    complete = _install(app, qtbase, qt_translations_dir()) or _install(app, qtbase, ours)
    return _install(app, f"{CATALOGUE}_{CHINESE}", ours) and complete


def remove_translations(app: QCoreApplication) -> None:
    """Back to the source strings (tests of the retranslation hooks use it)."""
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()


def _install(app: QCoreApplication, name: str, directory: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, directory):
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


class Retranslates:
    """Mix into a widget with a `retranslate()`: Qt sends every widget LanguageChange
    when the translators change, and the widget re-says its texts then."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]


class ActionText(QObject):
    """Keeps the text of an action added to the window from outside it (File ▸ Restore
    backup…, File ▸ Taught layouts…) translated: the window's own retranslate() does not
    know about such actions. `text` calls QCoreApplication.translate at its call site,
    where the translation tools find it."""

    def __init__(self, window: QObject, action: QAction, text: Callable[[], str]) -> None:
        super().__init__(window)
        self.action, self.text = action, text
        self.retranslate()
        window.installEventFilter(self)

    def retranslate(self) -> None:
        self.action.setText(self.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
