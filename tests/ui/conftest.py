"""The window on a fresh store holding the five published samples."""

from __future__ import annotations

import pytest

from conftest import SAMPLE_FILES, load_sample


@pytest.fixture
def window(qtbot, store_url):
    from desktop.ui.app import build_window
    win = build_window(store_url)
    qtbot.addWidget(win)
    for path in SAMPLE_FILES:
        win.workspace.service.create_form(load_sample(path.stem))
    win.browser.refresh()
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.workspace.service.store.close()
