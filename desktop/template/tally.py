"""Counting, in one streaming pass over an .xlsx's XML, what openpyxl would build for it.

openpyxl builds a Python object for every cell a worksheet writes, for every cell a
merged range covers, for every cell of a hyperlink's or a comment's range, and for every
range an area list (`sqref`, a print area) names. A file of a few KB can ask for
billions. This pass feeds every part to expat in pieces and keeps no element: it counts
those things the way openpyxl will find them, by element and attribute name whatever
the namespace prefix, the attribute order or the quoting, and places a cell written
without its `r` attribute after the one before it, as openpyxl does. Every total is
checked as it grows, so a file past a limit is refused after reading no further than
the limit, and a position past Excel's last row or column is refused where it appears.

A part expat cannot read (an image, damaged XML) is counted up to the fault and no
further: openpyxl parses with expat too, and stops at the same byte. A document type
declaration is refused outright: Excel never writes one, entity bombs and external
entities need one.

Two totals of elements are kept: all of them (the work of reading), and those outside
the rows of cells, for most of which openpyxl builds an object of its own (a cell
format, a rule, a chart's data point); inside a row it builds the cells, counted as such.

The pass also notes whether a formula was saved without its result (`<f>…</f><v/>`), as
programs other than Excel save them; the reader then shows the formula instead.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping
from xml.parsers import expat

from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

from desktop.interchange.errors import FormFileError
from desktop.template.limits import LIMITS, MAX_COLUMN, MAX_ROW, WorkbookLimits, over_limit

SEPARATOR = "}"
"""Between an element's namespace and its local name, as expat reports it ("uri}row")."""
LONGEST_REFERENCE = 40
"""Characters of a cell or range reference worth converting ("$XFD$1048576:…" is 25)."""
COUNTED_NAMES = (*(start + name for name in (b"row", b"mergeCell", b"hyperlink", b"comment",
                                              b"sheet", b"definedName")
                   for start in (b"<", b":")), b"sqref")
"""How the names counted one by one appear in UTF-8: an element's name follows "<" or its
prefix's ":" (every part names the spreadsheetml namespace, so a bare "sheet" would be
found everywhere); "sqref" is an attribute. "<sheet" also begins "<sheetData", so every
worksheet with rows is looked at element by element."""
SCAN_OVERLAP = 16
"""Bytes kept from the end of a piece, so a name cut in two by the piecing is found."""
PLAIN_ENCODINGS = {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "latin-1",
                   "latin1"}
"""Encodings that write every ASCII character (so every name and "<") as its own byte."""
DECLARED_ENCODING = re.compile(rb"\sencoding\s*=\s*[\"']([^\"']*)[\"']")


class WorkbookTally:
    """The running totals over every part of one workbook."""

    def __init__(self, where: str, limits: WorkbookLimits = LIMITS) -> None:
        self.where = where
        self.limits = limits
        self.counts: dict[str, int] = {}
        self.elements = 0          # counted apart from `counts`: they grow with every
        self.object_elements = 0   # element, and are kept cheap
        self.uncalculated_formulas = False

    def add(self, name: str, amount: int, detail: str = "") -> None:
        """Count `amount` more of `name` (a WorkbookLimits field); refused past its limit."""
        total = self.counts.get(name, 0) + amount
        self.counts[name] = total
        if total > getattr(self.limits, name):
            raise over_limit(self.where, name, self.limits, detail)

    def add_elements(self, amount: int, part: str) -> None:
        """Elements counted from a part's bytes: none of them is inside a row."""
        self.elements += amount
        self.object_elements += amount
        if self.elements > self.limits.elements:
            raise over_limit(self.where, "elements", self.limits, f"（部件 {part}）")
        if self.object_elements > self.limits.object_elements:
            raise over_limit(self.where, "object_elements", self.limits, f"（部件 {part}）")

    def room(self, name: str) -> int:
        """How many more of `name` the workbook may hold (at least 0)."""
        return max(0, getattr(self.limits, name) - self.counts.get(name, 0))

    def part(self, name: str) -> PartTally:
        return PartTally(self, name)

    def damaged(self, why: str) -> FormFileError:
        return FormFileError(f"{self.where}：{why}，文件已损坏")


class PartTally:
    """One part of the workbook, fed in pieces. Positions follow openpyxl's worksheet
    reader: a row without `r` is the one after the previous row; a cell is any element
    directly inside a row, and without `r` it takes the next column of its row.

    expat (2.5) keeps a tag, comment or processing instruction it has not seen the end of,
    and reads it again from its start with every piece it is fed: openpyxl feeds 16 KB at
    a time, so one tag of 40 MB costs it hours. After each piece, the bytes expat still
    holds (all it has been fed past the start of the unfinished token) are measured.

    A call back into Python for every element costs several times expat's own work, and
    most parts (styles, texts, theme, drawings) hold nothing counted but their elements.
    So a part in UTF-8 (as Excel writes every part) is first only scanned: its elements
    are counted from its bytes (every start tag begins with "<"), until a piece holds
    one of the names counted below; from there on, every element is looked at. A part
    in another encoding is looked at element by element from the start.
    """

    def __init__(self, totals: WorkbookTally, name: str) -> None:
        self.totals = totals
        self.name = name
        self.broken = False
        self.each_element = False
        self.first_piece = True
        self.tail = b""
        self.fed = 0                        # bytes given to expat
        self.depth = 0                      # relative to where each element began to be seen
        self.row_depths: list[int] = []     # depth of each open row element
        self.row_number = 0
        self.column_number = 0
        self.cell_depth: int | None = None  # depth of the open cell
        self.cell_formula = self.cell_value = False
        self.text_depth: int | None = None  # depth of the element whose text is counted
        self.locals: dict[str, str] = {}
        self.in_part = f"（部件 {name}）"
        parser = expat.ParserCreate(namespace_separator=SEPARATOR)
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._doctype
        self.parser = parser

    def feed(self, piece: bytes, final: bool = False) -> None:
        if self.broken:
            return
        if not self.each_element:
            self._scan(piece)
        try:
            self.parser.Parse(piece, final)
        except FormFileError:
            raise
        except (expat.ExpatError, ValueError):   # ValueError: an encoding expat cannot read
            self.broken = True   # openpyxl's expat stops at the same byte
            return
        self.fed += len(piece)
        if self.fed - self.parser.CurrentByteIndex > self.totals.limits.token_bytes:
            raise over_limit(self.totals.where, "token_bytes", self.totals.limits, self.in_part)

    def close(self) -> None:
        self.feed(b"", final=True)

    def _scan(self, piece: bytes) -> None:
        """Count the piece's elements from its bytes, or switch to looking at each one."""
        if self.first_piece:
            self.first_piece = False
            if not _plain_encoding(piece):
                self._look_at_each_element()
                return
        boundary = self.tail + piece[:SCAN_OVERLAP]
        if any(name in piece or name in boundary for name in COUNTED_NAMES):
            self._look_at_each_element()
            return
        self.totals.add_elements(piece.count(b"<") - piece.count(b"</"), self.name)
        self.tail = piece[-SCAN_OVERLAP:]

    def _look_at_each_element(self) -> None:
        self.each_element = True
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end

    # ------------------------------------------------------------ expat's callbacks

    def _doctype(self, *_: object) -> None:
        raise FormFileError(f"{self.totals.where}：文件含有不安全的 XML 内容（文档类型声明），已拒绝读取")

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        depth = self.depth = self.depth + 1
        totals = self.totals
        totals.elements += 1
        if totals.elements > totals.limits.elements:
            raise over_limit(totals.where, "elements", totals.limits, self.in_part)
        if not self.row_depths:   # outside the rows, openpyxl may build an object for it
            totals.object_elements += 1
            if totals.object_elements > totals.limits.object_elements:
                raise over_limit(totals.where, "object_elements", totals.limits, self.in_part)
        if depth > totals.limits.depth:
            raise over_limit(totals.where, "depth", totals.limits, self.in_part)
        local = self.locals.get(name)
        if local is None:
            local = self.locals[name] = name.rpartition(SEPARATOR)[2]
        if self.row_depths and depth == self.row_depths[-1] + 1:
            self._cell(attributes)
        elif depth - 1 == self.cell_depth:
            self._inside_cell(local)
        start = _STARTS.get(local)
        if start is not None:
            start(self, attributes)
        if "sqref" in attributes:
            self._listed(attributes["sqref"])

    def _end(self, name: str) -> None:
        depth = self.depth
        if depth == self.text_depth:
            self.parser.CharacterDataHandler = None
            self.text_depth = None
        if depth == self.cell_depth:
            if self.cell_formula and not self.cell_value:
                self.totals.uncalculated_formulas = True
            self.cell_depth = None
        if self.row_depths and depth == self.row_depths[-1]:
            self.row_depths.pop()
        self.depth = depth - 1

    # ------------------------------------------------------------ what is counted

    def _row(self, attributes: Mapping[str, str]) -> None:
        self.totals.add("rows", 1, self.in_part)
        number = attributes.get("r")
        self.row_number = self.row_number + 1 if number is None else self._row_number(number)
        self.column_number = 0
        if not 1 <= self.row_number <= MAX_ROW:
            raise self.totals.damaged(f"第 {self.row_number} 行超出 Excel 的范围（{MAX_ROW} 行）")
        self.row_depths.append(self.depth)

    def _row_number(self, text: str) -> int:
        """As openpyxl reads a row's `r`: an integer, or a float that is one ("1e5")."""
        if len(text) <= LONGEST_REFERENCE:
            with contextlib.suppress(ValueError):
                return int(text)
            with contextlib.suppress(ValueError):
                number = float(text)
                if number.is_integer():   # not infinity ("1e400") or nan
                    return int(number)
        raise self.totals.damaged(f"行号“{text[:LONGEST_REFERENCE]}”无效")

    def _cell(self, attributes: Mapping[str, str]) -> None:
        self.totals.add("cells", 1, self.in_part)
        reference = attributes.get("r")
        if reference:
            row, column = self._coordinate(reference)
            self.column_number = column
        else:
            self.column_number += 1
            row, column = self.row_number, self.column_number
        if not (1 <= row <= MAX_ROW and 1 <= column <= MAX_COLUMN):
            named = f" {reference} " if reference else f"（第 {row} 行第 {column} 列）"
            raise self.totals.damaged(f"单元格{named}超出 Excel 的范围（{MAX_ROW} 行、{MAX_COLUMN} 列）")
        self.cell_depth = self.depth
        self.cell_formula = self.cell_value = False

    def _coordinate(self, reference: str) -> tuple[int, int]:
        """As openpyxl reads a cell's `r` ("B12" → (12, 2))."""
        try:
            if len(reference) <= LONGEST_REFERENCE:
                row, column = coordinate_to_tuple(reference)
                return int(row), int(column)
        except (ValueError, KeyError, TypeError):
            pass
        raise self.totals.damaged(f"单元格编号“{reference[:LONGEST_REFERENCE]}”无效")

    def _inside_cell(self, local: str) -> None:
        if local == "f":
            self.cell_formula = True
        elif local == "v" and self.text_depth is None:
            self.parser.CharacterDataHandler = self._value_text
            self.text_depth = self.depth

    def _value_text(self, _: str) -> None:
        self.cell_value = True

    def _area(self, name: str, attributes: Mapping[str, str]) -> None:
        reference = attributes.get("ref")
        if reference is not None:
            self.totals.add(name, self._cells_of(reference), f"（{reference[:LONGEST_REFERENCE]}）")

    def _cells_of(self, reference: str) -> int:
        """How many cells openpyxl visits for a range: a whole column ("A:A") or row
        ("3:3") counts to Excel's edge. A reference openpyxl cannot read counts none:
        openpyxl refuses the file there itself. One longer than any real one (zeros in
        front of a row number) is refused here."""
        cells = reference.rpartition("!")[2]   # as openpyxl, which drops a sheet name
        if len(cells) > LONGEST_REFERENCE:
            raise self.totals.damaged(f"范围“{cells[:LONGEST_REFERENCE]}…”无效")
        try:
            first_column, first_row, last_column, last_row = range_boundaries(cells)
        except (ValueError, KeyError, TypeError):
            return 0
        beyond = ([row for row in (first_row, last_row) if row is not None and not 1 <= row <= MAX_ROW]
                  + [col for col in (first_column, last_column) if col is not None and col > MAX_COLUMN])
        if beyond:
            raise self.totals.damaged(f"范围 {cells} 超出 Excel 的范围（{MAX_ROW} 行、{MAX_COLUMN} 列）")
        rows = MAX_ROW if first_row is None or last_row is None else abs(last_row - first_row) + 1
        columns = (MAX_COLUMN if first_column is None or last_column is None
                   else abs(last_column - first_column) + 1)
        return rows * columns

    def _listed(self, ranges: str) -> None:
        """An area list ("A1:B2 D4"): openpyxl builds one object per range in it."""
        room = self.totals.room("listed_ranges")
        self.totals.add("listed_ranges", len(ranges.split(maxsplit=room)), self.in_part)

    def _name(self, _: Mapping[str, str]) -> None:
        if self.text_depth is None:
            self.parser.CharacterDataHandler = self._name_text
            self.text_depth = self.depth

    def _name_text(self, text: str) -> None:
        self.totals.add("name_characters", len(text))


_STARTS: dict[str, Callable[[PartTally, Mapping[str, str]], None]] = {
    "row": PartTally._row,
    "mergeCell": lambda part, attributes: part._area("merged_cells", attributes),
    "hyperlink": lambda part, attributes: part._area("linked_cells", attributes),
    "comment": lambda part, attributes: part._area("commented_cells", attributes),
    "sheet": lambda part, _: part.totals.add("sheets", 1),
    "definedName": PartTally._name,
}
"""What an element of each local name adds (in any namespace: a prefix changes nothing)."""


def _plain_encoding(first_piece: bytes) -> bool:
    """Whether a part is written in UTF-8 or another encoding that keeps ASCII as it is:
    no UTF-16 byte order mark or zero bytes around its first "<", and an XML declaration,
    if any, that ends in the first piece and names no other encoding."""
    if first_piece.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        return False
    text = first_piece.removeprefix(b"\xef\xbb\xbf")
    if not text.startswith(b"<?xml"):
        return True   # without a declaration, expat reads UTF-8
    end = text.find(b"?>")
    if end < 0:
        return False
    declared = DECLARED_ENCODING.search(text[:end])
    return declared is None or declared[1].decode("ascii", "replace").lower() in PLAIN_ENCODINGS
