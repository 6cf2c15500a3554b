"""The parts of an .xlsx unpacked in small pieces, by their real sizes, never the declared.

A zip's directory states each part's unpacked size, and a hostile file states false
ones: zipfile trusts the stated size only to cut the data short *after* inflating it,
so openpyxl's `archive.read()` of a 2.9 MB part that claims a few KB inflates 2 GB
before anything is checked. Here each part is inflated in pieces of at most CHUNK bytes
with a running total: a part that holds more than its directory entry states is
refused (the one byte past the stated size proves the lie), and so is a workbook whose
parts together pass the unpacked-size limit, as soon as it does. A part that passes
holds exactly what its entry states, so openpyxl's later reading of it is bounded too.

Only the two methods Excel, WPS, LibreOffice and openpyxl write are read (stored and
deflate); others (bzip2 and lzma can inflate without bound inside one piece) and
encrypted parts are refused.
"""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Iterator

from desktop.interchange.errors import FormFileError
from desktop.template.limits import WorkbookLimits, over_limit

CHUNK = 1 << 20
"""1 MB: small against the memory limit, large enough that expat (which re-scans an
unfinished token from its start with every piece it is fed) stays fast on long texts."""
METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
ENCRYPTED = 0x1


class UnpackBudget:
    """Bytes unpacked so far from one workbook, refused past the limit."""

    def __init__(self, where: str, limits: WorkbookLimits) -> None:
        self.where = where
        self.limits = limits
        self.unpacked = 0

    def spend(self, size: int) -> None:
        self.unpacked += size
        if self.unpacked > self.limits.unpacked_bytes:
            raise over_limit(self.where, "unpacked_bytes", self.limits)


def unpacked_pieces(archive: zipfile.ZipFile, item: zipfile.ZipInfo,
                    budget: UnpackBudget) -> Iterator[bytes]:
    """The part's unpacked bytes in pieces; FormFileError as soon as it holds more than
    stated or the workbook passes its limit. zipfile's own errors (a bad checksum, a
    damaged stream) pass to the caller, which reports the file as damaged."""
    where, name = budget.where, item.filename
    if item.flag_bits & ENCRYPTED:
        raise FormFileError(f"{where}：工作簿部件 {name} 已加密，无法读取")
    if item.compress_type not in METHODS:
        raise FormFileError(f"{where}：工作簿部件 {name} 使用了表格软件不用的压缩方式"
                            f"（编号 {item.compress_type}），已拒绝读取")
    probe = copy.copy(item)
    probe.file_size = item.file_size + 1   # let zipfile go one byte past the stated size
    # openpyxl checks the checksum when it reads the part; here it would hide the lie
    probe.CRC = None  # type: ignore[assignment]
    size = 0
    with archive.open(probe) as member:
        while piece := member.read(CHUNK):
            size += len(piece)
            if size > item.file_size:
                raise FormFileError(f"{where}：工作簿部件 {name} 解压后比 zip 目录中声明的 "
                                    f"{item.file_size} 字节更大，文件已损坏或被篡改")
            budget.spend(len(piece))
            yield piece
