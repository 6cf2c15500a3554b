"""`jixiao --self-test` on a clerk's own store: a scratch form, gone afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import DATA
from desktop.interchange.json_form import form_to_dict, read_form

ROOT = Path(__file__).resolve().parents[2]


def _stored(db: str) -> dict[int, dict]:
    from db.store import Store
    with Store.open(db) as store:
        return {s.id: form_to_dict(store.load_form(s.id)) for s in store.list_forms()}


def test_self_test_on_a_chosen_store_leaves_only_its_own_forms(tmp_path: Path) -> None:
    from db.store import Store
    db = str(tmp_path / "clerk.sqlite3")
    with Store.open(db) as store:   # the very sample the self-test uses
        store.add_form(read_form(DATA / "longhua-2022-digital-city.json"))
    before = _stored(db)
    config = tmp_path / "config"
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "JIXIAO_LOG_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "desktop", "--self-test", "--db", db],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "自检通过" in done.stdout
    assert _stored(db) == before
    with Store.open(db) as store:   # ids are never handed out twice: one went to the test
        assert store.add_form(read_form(DATA / "longhua-2022-grid-info.json")) == max(before) + 2
    remembered = "".join(p.read_text(encoding="utf-8") for p in config.rglob("*.conf"))
    assert "last-store" not in remembered and "geometry" not in remembered


def test_self_test_on_a_store_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    not_a_store = tmp_path / "notes.sqlite3"
    not_a_store.write_text("这不是数据库", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "desktop", "--self-test", "--db",
                           str(not_a_store)], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, env={**os.environ, "JIXIAO_LOG_DIR": str(tmp_path)})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
