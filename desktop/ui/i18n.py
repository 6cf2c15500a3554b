"""The window's language: Chinese by default, English on request, remembered.

Source strings are English (`self.tr("Undo")`); `resources/i18n/jixiao_zh_CN.qm` turns
them into what a clerk expects (撤销). Qt's own `qtbase_zh_CN.qm` does the same for the
texts Qt draws itself (确定 / 取消 in dialogs, the line edit's context menu).

Switching removes and installs translators; Qt then sends every widget a
LanguageChange event, and each widget re-says its texts in `changeEvent` →
`retranslate()`. So the switch needs no restart and loses no open editor.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication, QEvent, QLibraryInfo, QObject, QSettings, QTranslator,
)
from PySide6.QtGui import QAction

from desktop.resources import resource_path

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)
DEFAULT_LANGUAGE = CHINESE
SETTINGS_KEY = "ui/language"
CATALOGUE = "jixiao"

_installed: list[QTranslator] = []
"""The translators in use, kept referenced: Qt does not own them, and a translator
collected by Python would silently drop out of the application."""
_current = ENGLISH  # the source strings, before anything is installed


def settings() -> QSettings:
    return QSettings("jixiao", "jixiao")


def translations_dir() -> Path:
    return resource_path("i18n")


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def saved_language(store: QSettings | None = None) -> str:
    """The language chosen last time, else Chinese (also for an unknown saved value)."""
    value = (store or settings()).value(SETTINGS_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


def install_translations(app: QCoreApplication, store: QSettings | None = None) -> str:
    """At start-up, before the first window: the saved language (Chinese by default)."""
    language = saved_language(store)
    set_language(app, language, persist=False)
    return language


def set_language(app: QCoreApplication, language: str, *, persist: bool = True,
                 store: QSettings | None = None) -> bool:
    """Switch every window to `language` ("zh_CN" or "en") and, with `persist`,
    remember it. Returns False when a Chinese catalogue could not be loaded (the
    window then shows the English source strings rather than nothing)."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    global _current
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    complete = True
    if language == CHINESE:
        ours = str(translations_dir())
        qtbase = f"qtbase_{CHINESE}"  # a packaged build may carry it among ours
        complete = _install(app, qtbase, qt_translations_dir()) or _install(app, qtbase, ours)
        complete = _install(app, f"{CATALOGUE}_{CHINESE}", ours) and complete
    _current = language
    if persist:
        (store or settings()).setValue(SETTINGS_KEY, language)
    return complete


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
    backup…, File ▸ Taught layouts…) in the current language: the window's own
    retranslate() does not know about such actions. `text` calls
    QCoreApplication.translate at its call site, where the translation tools find it."""

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
