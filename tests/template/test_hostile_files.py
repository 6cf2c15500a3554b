"""Every hostile file (tests/hostile.py) is answered by the real command within 1 GB of
address space and a time limit: exit code 2, one line per file naming it and the limit
or fault, no traceback, nothing stored.

The command runs in subprocesses under RLIMIT_AS, so a reader that builds too much
fails with MemoryError, which the command reports as a reader defect ("无法读取（MemoryError）")
and the test as a failure; a named pipe that were opened would block until the timeout.
The whole corpus goes through one folder import (one line per file is what a batch
import prints), plus a few single-file runs; about half a minute on two cores.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import write_hostile, write_special

from conftest import sample_path
from desktop.cli import main

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS and named pipes are POSIX")]

ROOT = Path(__file__).resolve().parents[2]
MEMORY = 1 << 30
"""The address space each run may use: the bound promised for any input of 20 MB."""
DEFECTS = ("Traceback", "内部错误", "无法读取（", "MemoryError")
"""What a line must not say: a reader's defect is not an answer."""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def jixiao(db: Path, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """The real command, in its own process, under the memory limit."""
    return subprocess.run([sys.executable, "-m", "desktop", "--db", str(db), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout,
                          preexec_fn=_limit_memory, env=dict(os.environ))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("hostile")
    return folder, write_hostile(folder) + write_special(folder)


@pytest.fixture
def store_with_one_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "store.sqlite3"
    assert main(["--db", str(db), "import", str(sample_path("guangming-2024-market"))]) == 0
    capsys.readouterr()
    return db


def stored_forms(db: Path) -> list[str]:
    from db.store import Store
    with Store(f"sqlite:///{db}") as store:
        return [summary.name for summary in store.list_forms()]


def test_the_corpus_is_large_and_varied(corpus: tuple[Path, list[Path]]) -> None:
    _, paths = corpus
    assert len(paths) >= 80
    assert {path.suffix for path in paths} == {".xlsx", ".xls", ".json"}
    assert any(not path.is_file() for path in paths), "a named pipe or link among them"


def test_a_folder_of_hostile_files_gets_one_line_per_file(corpus: tuple[Path, list[Path]],
                                                          store_with_one_form: Path) -> None:
    folder, paths = corpus
    before = stored_forms(store_with_one_form)
    done = jixiao(store_with_one_form, "import", str(folder), timeout=300)
    assert done.returncode == 2, done.stderr[-2000:]
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[-1] == f"共 {len(paths)} 张表：导入 0，跳过 0，未导入 {len(paths)}"
    problems = []
    for path in paths:   # "file：why", or "file［sheet］：why" for a workbook read whole
        mine = [line for line in lines if line.startswith((f"{path}：", f"{path}［"))]
        if len(mine) != 1:
            problems.append(f"{path.name}: {len(mine)} lines")
        elif any(defect in mine[0] for defect in DEFECTS) or len(mine[0]) > len(str(path)) + 170:
            problems.append(f"{path.name}: {mine[0]}")
    assert not problems, "\n".join(problems)
    assert len(lines) == len(paths) + 1
    assert stored_forms(store_with_one_form) == before


SINGLE = {
    "named-pipe.xlsx": "命名管道",
    "link-to-itself.xlsx": "循环链接",
    "merge-namespace-prefix.xlsx": "合并单元格",
    "zip-sheet-lies-about-its-size.xlsx": "比 zip 目录中声明的",
    "json-three-million-empty-rows.json": "JSON 中的值超过",
    "xls-stray-cells-in-four-sheets.xls": "范围合计超过",
}


@pytest.mark.parametrize("name", sorted(SINGLE))
def test_one_hostile_file_is_one_line_and_the_summary(name: str, corpus: tuple[Path, list[Path]],
                                                      store_with_one_form: Path) -> None:
    folder, _ = corpus
    path = folder / name
    if not os.path.lexists(path):
        pytest.skip(f"this system cannot make {name}")
    done = jixiao(store_with_one_form, "import", str(path), timeout=120)
    assert (done.returncode, done.stderr) == (2, "")
    line, summary = done.stdout.splitlines()
    assert line.startswith(f"{path}：") and SINGLE[name] in line
    assert summary == "共 1 张表：导入 0，跳过 0，未导入 1"
    assert len(stored_forms(store_with_one_form)) == 1


def test_a_folder_named_like_a_workbook_is_walked_and_said_to_be_empty(
        tmp_path: Path, store_with_one_form: Path) -> None:
    folder = tmp_path / "目标表.xlsx"
    folder.mkdir()
    done = jixiao(store_with_one_form, "import", str(folder), timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [f"jixiao：{folder}：没有找到可导入的表格文件（.json、.xlsx、.xls）"]


def test_the_good_files_of_a_folder_come_in_beside_the_bad(corpus: tuple[Path, list[Path]],
                                                           tmp_path: Path,
                                                           store_with_one_form: Path) -> None:
    """One line per file; the bad ones (a pipe, a zip bomb, a whole-sheet merge, a JSON of
    millions of rows) are refused, the good ones imported."""
    hostile, _ = corpus
    folder = tmp_path / "batch"
    folder.mkdir()
    good = [sample_path(stem) for stem in ("longhua-2022-digital-city", "shanghai-2020-target")]
    for path in good:
        (folder / path.name).write_bytes(path.read_bytes())
    bad = ["merge-single-quotes.xlsx", "zip-sheet-lies-about-its-size.xlsx",
           "json-three-million-empty-rows.json", "xls-runs-of-600000-cells.xls"]
    for name in bad:
        (folder / name).write_bytes((hostile / name).read_bytes())
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "管道.json")
        bad.append("管道.json")
    (folder / "子文件夹.xlsx").mkdir()   # a folder with a workbook's name: walked, not listed
    done = jixiao(store_with_one_form, "import", str(folder), timeout=300)
    assert (done.returncode, done.stderr) == (2, "")
    lines = done.stdout.splitlines()
    assert len(lines) == len(good) + len(bad) + 1
    assert lines[-1] == f"共 {len(good) + len(bad)} 张表：导入 {len(good)}，跳过 0，未导入 {len(bad)}"
    for name in bad:
        assert sum(line.startswith(f"{folder / name}：") for line in lines) == 1, name
    assert sum("已导入" in line for line in lines) == len(good)
    assert len(stored_forms(store_with_one_form)) == 1 + len(good)
