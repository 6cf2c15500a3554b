"""The window on a fresh store holding the five published samples."""

from __future__ import annotations

import pytest

from conftest import SAMPLE_FILES, load_sample


@pytest.fixture(autouse=True)
def forgotten_window():
    """Every test's window starts as on a first start: the settings are shared by the
    whole run, and a window closed in one test would otherwise remember its docks, size,
    open form and dialog folders into the next."""
    from desktop.ui import folders, i18n

    def forget() -> None:
        settings = i18n.settings()
        for group in ("window", folders.GROUP):
            settings.remove(group)
        settings.sync()

    forget()
    yield
    forget()


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


@pytest.fixture
def empty_window(qtbot, store_url, monkeypatch):
    """The window on an empty store; the summaries import and export would show are kept
    in `summaries` (headline, lines) instead of a modal box."""
    from desktop.ui import transfer
    from desktop.ui.app import build_window
    summaries: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(transfer, "show_summary",
                        lambda parent, title, headline, lines: summaries.append((headline, lines)))
    win = build_window(store_url)
    win.summaries = summaries
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.workspace.service.store.close()
