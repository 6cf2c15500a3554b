"""Counting what xlrd would build for an .xls, by walking its records before xlrd reads it.

xlrd keeps every sheet as a full rectangle of cells up to the last cell or merged range:
one blank cell at row 65,536 and column 256 of an otherwise empty sheet is 16.7 million
cells (200 MB and a minute and a half for a 6 KB file), a merged range can stretch the
rectangle to 65,536 columns, and a hyperlink over a range is stored once per cell. Its
shared part (cell formats, fonts, names, the table of texts) is built whole when the
file is opened.

This walk reads the records xlrd will read, in the same way: the workbook's shared part
from the start of the stream, then each worksheet from the offset its BOUNDSHEET record
gives (so a sheet listed twice is counted twice), skipping an embedded chart as xlrd
does. It keeps nothing but counts, and refuses a file past one of the limits of
desktop.template.limits in one line. Only Excel 5.0 to 2003 workbooks (BIFF5 and BIFF8)
are read: older ones are not real forms' files any more and follow other rules.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from xlrd import XLRDError, compdoc

from desktop.interchange.errors import FormFileError
from desktop.template.limits import LIMITS, XLS_MAX_COLUMN, XLS_MAX_ROW, WorkbookLimits, over_limit

BOF_CODES = {0x0809, 0x0409, 0x0209, 0x0009}
EOF = 0x000A
BOUNDSHEET = 0x0085
SST = 0x00FC
WORKSHEET = 0
CELLS = {0x0006, 0x0206, 0x0406,   # FORMULA (three generations of the record)
         0x0201, 0x0203, 0x0204,   # BLANK, NUMBER, LABEL
         0x0205, 0x027E, 0x00D6,   # BOOLERR, RK, RSTRING
         0x00FD}                   # LABELSST
"""Records of one cell, its row and column first."""
CELL_RUNS = {0x00BD, 0x00BE}       # MULRK, MULBLANK: a run of cells in one row
MERGEDCELLS = 0x00E5
HLINK = 0x01B8
VERSIONS = {0x0600: "BIFF8", 0x0500: "BIFF5"}
HEADER = struct.Struct("<HH")


class _Discard:
    """Where xlrd's diagnostics go: it prints them to stdout by default, which would add
    lines to the one-line answer, and keeping them would cost memory on a damaged file."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


DISCARD = _Discard()


@dataclass
class _Sheet:
    """The rectangle one worksheet will fill: its last row and column, 0-based (-1: none)."""

    last_row: int = -1
    last_column: int = -1

    def reach(self, row: int, column: int) -> None:
        self.last_row = max(self.last_row, row)
        self.last_column = max(self.last_column, column)

    @property
    def area(self) -> int:
        return (self.last_row + 1) * (self.last_column + 1)


def workbook_stream(content: bytes) -> tuple[bytes, int]:
    """The workbook's record stream inside the compound file, and where it starts, found
    as xlrd finds it (the stream named Workbook, or Book for Excel 5.0/95). xlrd's own
    error when there is none (a password-protected .xlsx is such a compound file): the
    reader reports it as a damaged or protected workbook."""
    document = compdoc.CompDoc(content, logfile=DISCARD)
    for name in ("Workbook", "Book"):
        stream, start, _ = document.locate_named_stream(name)
        if stream:
            return stream, start
    raise XLRDError("Can't find workbook in OLE2 compound document")


def check_xls(content: bytes, where: str, limits: WorkbookLimits = LIMITS) -> None:
    """Refuse an .xls that would make xlrd build more than a workbook of forms needs."""
    stream, start = workbook_stream(content)
    _Walk(stream, where, limits).workbook(start)


class _Walk:
    def __init__(self, stream: bytes, where: str, limits: WorkbookLimits) -> None:
        self.stream = stream
        self.where = where
        self.limits = limits
        self.counts: dict[str, int] = {}
        self.max_row = XLS_MAX_ROW["BIFF8"]

    def add(self, name: str, amount: int, detail: str = "") -> None:
        total = self.counts.get(name, 0) + amount
        self.counts[name] = total
        if total > getattr(self.limits, name):
            raise over_limit(self.where, name, self.limits, detail)

    def record(self, position: int) -> tuple[int, int, int] | None:
        """(code, where its data starts, its size) of the record at `position`; None past
        the end of the stream (xlrd fails there itself)."""
        if position < 0 or position + HEADER.size > len(self.stream):
            return None
        self.add("records", 1)
        code, size = HEADER.unpack_from(self.stream, position)
        return code, position + HEADER.size, size

    def workbook(self, start: int) -> None:
        first = self.record(start)
        if first is None or first[0] != 0x0809 or first[2] < 4:
            return   # not a workbook xlrd can read: it says so itself
        version = VERSIONS.get(struct.unpack_from("<H", self.stream, first[1])[0])
        if version is None:
            raise FormFileError(f"{self.where}：这是 Excel 5.0 以前的工作簿格式，"
                                "请在 Excel 中另存为 .xlsx 后再导入")
        self.max_row = XLS_MAX_ROW[version]
        for offset in self.shared_part(first[1] + first[2]):
            self.worksheet(start + offset)

    def shared_part(self, position: int) -> list[int]:
        """Walk the workbook's shared part; the offsets of its worksheets."""
        offsets: list[int] = []
        while (found := self.record(position)) is not None:
            code, data, size = found
            self.add("global_records", 1)
            if code == EOF:
                break
            if code == BOUNDSHEET and size >= 6:
                offset, _, kind = struct.unpack_from("<iBB", self.stream, data)
                if kind == WORKSHEET:
                    self.add("sheets", 1)
                    offsets.append(offset)
            elif code == SST and size >= 8:
                self.add("shared_strings", max(0, struct.unpack_from("<i", self.stream, data + 4)[0]))
            position = data + size
        return offsets

    def worksheet(self, position: int) -> None:
        found = self.record(position)
        if found is None or found[0] not in BOF_CODES:
            return   # xlrd refuses the sheet itself
        sheet, position = _Sheet(), found[1] + found[2]
        while (found := self.record(position)) is not None:
            code, data, size = found
            position = data + size
            if code == EOF:
                break
            if code in BOF_CODES:                       # an embedded chart: skipped whole
                position = self.skip_to_end(position)
            elif code in CELLS and size >= 4:
                self.add("cells", 1)
                self.reach(sheet, *HEADER.unpack_from(self.stream, data))
            elif code in CELL_RUNS and size >= 6:
                row, first = HEADER.unpack_from(self.stream, data)
                last = struct.unpack_from("<H", self.stream, data + size - 2)[0]
                self.add("cells", max(0, last - first + 1))
                self.reach(sheet, row, max(first, last))
            elif code == MERGEDCELLS:
                self.merges(sheet, data, size)
            elif code == HLINK and size >= 8:
                first_row, last_row, first_column, last_column = \
                    struct.unpack_from("<HHHH", self.stream, data)
                self.add("linked_cells", max(0, last_row - first_row + 1)
                         * max(0, last_column - first_column + 1))
        if sheet.area > self.limits.sheet_area:
            raise over_limit(self.where, "sheet_area", self.limits,
                             f"（第 {sheet.last_row + 1} 行、第 {sheet.last_column + 1} 列）")
        self.add("total_area", sheet.area)

    def skip_to_end(self, position: int) -> int:
        while (found := self.record(position)) is not None:
            position = found[1] + found[2]
            if found[0] == EOF:
                break
        return position

    def merges(self, sheet: _Sheet, data: int, size: int) -> None:
        """A MERGEDCELLS record: a count, then each range as first and last row, first and
        last column. xlrd stretches the sheet's rectangle to each range's far corner."""
        if size < 2:
            return
        count = struct.unpack_from("<H", self.stream, data)[0]
        for index in range(min(count, (size - 2) // 8)):
            first_row, last_row, first_column, last_column = \
                struct.unpack_from("<HHHH", self.stream, data + 2 + 8 * index)
            self.add("merged_cells", (abs(last_row - first_row) + 1)
                     * (abs(last_column - first_column) + 1))
            self.reach(sheet, max(first_row, last_row), max(first_column, last_column))

    def reach(self, sheet: _Sheet, row: int, column: int) -> None:
        if row >= self.max_row or column >= XLS_MAX_COLUMN:
            raise FormFileError(f"{self.where}：位置（第 {row + 1} 行第 {column + 1} 列）超出 .xls "
                                f"的范围（{self.max_row} 行、{XLS_MAX_COLUMN} 列），文件已损坏")
        sheet.reach(row, column)
