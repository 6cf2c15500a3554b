"""Two clerks importing the same folder at the same moment store each form once: the
second import of a form is told "已在库中", as it is when the imports run one after the
other, on SQLite and on PostgreSQL.

Each round starts two `jixiao import FOLDER --db URL` processes that load everything
first and then wait for one shared instant, so their writes meet; before the store kept
each form's identity under a unique index, about half such rounds stored duplicates.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from conftest import SAMPLE_FILES
from db.store import Store

ROUNDS = 3
COPIES = 3
"""Each sample with a project code is imported under this many codes, so a round has
enough forms for the two imports to overlap."""

RACER = """
import sys, time
import db.store, desktop.commands.importing, desktop.importing  # loaded before the start
from desktop.cli import main
start = float(sys.argv[1])
time.sleep(max(0.0, start - time.time()))
sys.exit(main(sys.argv[2:]))
"""


def _folder(tmp_path: Path) -> tuple[Path, int]:
    """The samples, those with a code under several codes; and how many forms that is."""
    folder = tmp_path / "forms"
    folder.mkdir()
    count = 0
    for path in SAMPLE_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        codes = [f"{data['project_code']}{n}" for n in range(COPIES)] \
            if data.get("project_code") else [None]
        for n, code in enumerate(codes):
            if code is not None:
                data["project_code"] = code
            (folder / f"{path.stem}-{n}.json").write_text(json.dumps(data, ensure_ascii=False),
                                                          encoding="utf-8")
            count += 1
    return folder, count


def _race(url: str, folder: Path) -> list[subprocess.CompletedProcess[str]]:
    start = time.time() + 4.0   # time enough for both to load SQLAlchemy and the readers
    racers = [subprocess.Popen([sys.executable, "-c", RACER, str(start), "--db", url,
                                "import", str(folder)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(2)]
    done = []
    for racer in racers:
        out, err = racer.communicate(timeout=180)
        done.append(subprocess.CompletedProcess(racer.args, racer.returncode, out, err))
    return done


def _stored(url: str) -> list[tuple[str, str, int]]:
    with Store(url) as store, store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(  # type: ignore[misc]
            text("SELECT kind, code, year FROM form ORDER BY kind, code, year")).all()]


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_imports_of_one_folder_at_once_store_each_form_once(
        any_store_url: str, tmp_path: Path, round_: int) -> None:
    folder, count = _folder(tmp_path)
    Store(any_store_url).close()            # created first: the race is the imports'
    first, second = _race(any_store_url, folder)
    stored = _stored(any_store_url)
    assert len(stored) == count, (first.stdout, second.stdout)
    assert len(set(stored)) == count
    for done in (first, second):
        assert done.returncode in (0, 2), done.stderr
        assert "内部错误" not in done.stderr and "数据库操作失败" not in done.stdout
    lines = [line for done in (first, second) for line in done.stdout.splitlines()
             if line.startswith(str(folder))]
    imported = [line for line in lines if "：已导入" in line]
    refused = [line for line in lines if "已在库中，未导入" in line]
    assert len(imported) == count and len(refused) == count, lines
