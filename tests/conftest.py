"""Shared fixtures: the published sample forms, read through the app's own reader."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Settings (the window's language) and the default store must never be the user's own.
_SANDBOX = tempfile.mkdtemp(prefix="jixiao-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["JIXIAO_LOG_DIR"] = os.path.join(_SANDBOX, "logs")
os.environ.pop("JIXIAO_DB", None)

DATA = Path(__file__).parent / "data"
SAMPLE_FILES = sorted(DATA.glob("*.json"))
SELF_EVALUATION_FILES = [p for p in SAMPLE_FILES
                         if json.loads(p.read_text(encoding="utf-8"))["kind"] == "self_evaluation"]


def sample_path(stem: str) -> Path:
    return DATA / f"{stem}.json"


def load_sample(stem: str):
    from desktop.interchange.json_form import read_form
    return read_form(sample_path(stem))


@pytest.fixture
def guangming():
    return load_sample("guangming-2024-market")


@pytest.fixture
def digital_city():
    return load_sample("longhua-2022-digital-city")


@pytest.fixture
def grid_info():
    return load_sample("longhua-2022-grid-info")


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """A fresh SQLite file per test."""
    return f"sqlite:///{tmp_path / 'jixiao.sqlite3'}"


@pytest.fixture
def store(store_url: str):
    from db.store import Store
    with Store(store_url) as opened:
        yield opened


@pytest.fixture
def service(store):
    from desktop.editing.service import FormService
    return FormService(store)


@pytest.fixture
def reopen(store_url: str):
    """Load a form through a second, independent Store on the same file."""
    from db.store import Store

    def load(form_id: int):
        with Store(store_url) as other:
            return other.load_form(form_id)

    return load


@pytest.fixture
def taught_layouts(tmp_path, monkeypatch):
    """Layouts taught in a test go to the test's own data folder, and none is left
    behind for other tests (the layout lists are read afresh before and after)."""
    from desktop.layouts import forget_layouts
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    forget_layouts()
    yield tmp_path / "data"
    monkeypatch.undo()
    forget_layouts()
