"""Opening a form file (desktop.interchange.opening) and listing a folder's files
(desktop.interchange.files.expand_paths): what is no regular file is refused from its
metadata, never opened, so a named pipe cannot block; a folder walk lists it so that
its refusal has a line."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from conftest import sample_path
from desktop.interchange.errors import FormFileError
from desktop.interchange.files import expand_paths, read_file_sheets, read_form_file
from desktop.interchange.opening import read_form_bytes

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def refusal_within(seconds: float, read, path: Path) -> str:
    """The refusal's line, from a thread: a read that blocks fails the test, not the suite."""
    outcome: list[str] = []

    def attempt() -> None:
        try:
            read(path)
            outcome.append("read")
        except FormFileError as error:
            outcome.append(str(error))
    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"reading {path.name} did not return within {seconds} s"
    return outcome[0]


@posix_only
@pytest.mark.parametrize("read", [read_form_bytes, read_form_file, read_file_sheets])
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path, read) -> None:
    for name in ("管道.json", "管道.xlsx"):
        pipe = tmp_path / name
        os.mkfifo(pipe)
        assert refusal_within(10, read, pipe) == f"{pipe}：这是一个命名管道（FIFO），不是表格文件"


@posix_only
def test_devices_folders_and_links_are_refused_by_what_they_are(tmp_path: Path) -> None:
    device = tmp_path / "zero.xlsx"
    device.symlink_to("/dev/zero")
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop.name)
    nowhere = tmp_path / "nowhere.json"
    nowhere.symlink_to("missing.json")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    expected = {device: "这是一个设备文件", loop: "循环链接", nowhere: "符号链接指向的文件不存在",
                folder: "这是一个文件夹", tmp_path / "missing.json": "文件不存在"}
    for path, why in expected.items():
        assert why in refusal_within(10, read_form_file, path), path.name


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(21_000_000)   # a hole: nothing written
    with pytest.raises(FormFileError, match="文件有 21 MB，超过 20 MB 的上限"):
        read_form_file(big)


def test_a_regular_file_reads_whole(tmp_path: Path) -> None:
    sample = sample_path("longhua-2022-digital-city")
    assert read_form_bytes(sample) == sample.read_bytes()


@posix_only
def test_a_folder_walk_lists_what_has_a_form_files_name_but_not_folders(tmp_path: Path) -> None:
    good = tmp_path / "a.json"
    good.write_bytes(sample_path("longhua-2022-digital-city").read_bytes())
    os.mkfifo(tmp_path / "b-pipe.xlsx")
    (tmp_path / "c-loop.xls").symlink_to("c-loop.xls")
    (tmp_path / "d-nowhere.json").symlink_to("gone.json")
    inner = tmp_path / "e-folder.xlsx"
    inner.mkdir()
    (inner / "f.json").write_bytes(good.read_bytes())
    os.mkfifo(tmp_path / "notes.txt")               # not a form file's name: not listed
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")    # Excel's lock file: not listed
    (tmp_path / "loop-dir").symlink_to(tmp_path)    # a link to a folder is not followed
    listed = [path.relative_to(tmp_path).as_posix() for path in expand_paths([tmp_path])]
    assert listed == ["a.json", "b-pipe.xlsx", "c-loop.xls", "d-nowhere.json", "e-folder.xlsx/f.json"]
