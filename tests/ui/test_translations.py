"""The Chinese catalogue covers every string of desktop/ui, and the .qm matches the .ts;
Qt's own Chinese catalogue is found where the app looks, and every gap the app fills in
it is still a gap.

When this fails after adding strings: run `make translations` (tools/update_translations.py),
translate the listed strings in resources/i18n/jixiao_zh_CN.ts, run it again, commit both.
"""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("update_translations",
                                               ROOT / "tools" / "update_translations.py")
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

RETIRED = {"vanished", "obsolete"}


def untranslated(ts_file: Path) -> list[str]:
    """`context: source` of every live message without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in RETIRED:
                continue
            text = (translation.text or "") if translation is not None else ""
            if kind == "unfinished" or not text.strip():
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def test_every_string_in_the_window_has_a_chinese_translation(tmp_path):
    scratch = tmp_path / tool.TS_FILE.name
    shutil.copyfile(tool.TS_FILE, scratch)
    tool.lupdate(scratch)
    missing = untranslated(scratch)
    if missing:
        pytest.fail(f"{len(missing)} strings untranslated in resources/i18n/jixiao_zh_CN.ts "
                    "(run tools/update_translations.py, translate them, run it again):\n  "
                    + "\n  ".join(missing), pytrace=False)


def test_the_compiled_catalogue_is_the_current_ts(tmp_path):
    fresh = tmp_path / tool.QM_FILE.name
    tool.lrelease(tool.TS_FILE, fresh)
    assert fresh.read_bytes() == tool.QM_FILE.read_bytes(), (
        "resources/i18n/jixiao_zh_CN.qm is stale: run tools/update_translations.py")


def qt_catalogue() -> QTranslator:
    translator = QTranslator()
    assert translator.load(f"{i18n.QT_CATALOGUE}_{i18n.CHINESE}", i18n.qt_translations_dir()), (
        f"qtbase_zh_CN.qm is not in Qt's translations folder {i18n.qt_translations_dir()}")
    return translator


def test_qt_own_catalogue_is_where_the_app_looks():
    assert qt_catalogue().translate("QPlatformTheme", "Cancel") == "取消"


@pytest.mark.parametrize("context, source", sorted(i18n.QT_GAPS))
def test_each_filled_gap_is_still_missing_from_qt_catalogue(context, source):
    """When Qt's catalogue gains the string, its entry in QT_GAPS can go; the filled-in
    text keeps Qt's mnemonic and says what Qt says for the plain string."""
    catalogue = qt_catalogue()
    assert not catalogue.translate(context, source), f"Qt now translates {source!r}"
    plain = catalogue.translate(context, source.replace("&", ""))
    filled = i18n.QT_GAPS[(context, source)]
    key = source[source.index("&") + 1].upper()
    assert filled.replace(f"(&{key})", "") == plain, (filled, plain)
