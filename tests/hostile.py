"""Hostile form files, written at test time into a folder (no binary junk in git):
`write_hostile(folder)` returns the paths, and `write_special(folder)` adds the things
that are no regular file (a named pipe, a socket, links).

Where tests/badfiles.py breaks a real template in the ways damage does, these files are
made to cost: a few KB that ask openpyxl, xlrd or json for gigabytes or hours. Each trick
comes in several spellings (quoting, attribute order, namespace prefix, whole columns,
many small pieces), since a check that matches one spelling lets the next one through:
- .xlsx: merges, hyperlinks and comments over whole sheets; cells without `r`, cells and
  rows past Excel's edge, numbers spelled as openpyxl reads them; zips whose directory
  lies about sizes, other compressions, encryption, entries sharing their data; bloated
  styles, strings, area lists, names, sheets, nesting;
- .xls: stray cells and merges that stretch xlrd's rectangle, hyperlinks over a sheet,
  sheets listed many times, runs of cells, format and string tables;
- .json: millions of rows, deep nesting, numbers of 10,000 digits, lone surrogates.
"""

from __future__ import annotations

import io
import json
import re
import socket
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from badfiles import SAMPLE, SHEET, json_variant, part, rezip, streamed, template_bytes

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
WHOLE = b"A31:XFD1048576"

Entry = tuple[str, bytes]


# ---------------------------------------------------------------- .xlsx building blocks


def sheet_xml(base: bytes) -> bytes:
    return part(base, SHEET)


def with_sheet(base: bytes, xml: bytes) -> bytes:
    return rezip(base, {SHEET: xml})


def replace_merges(base: bytes, block: bytes) -> bytes:
    """The first sheet with its <mergeCells> block replaced by `block`."""
    xml = re.sub(rb"<mergeCells .*?</mergeCells>", lambda _: block, sheet_xml(base), count=1,
                 flags=re.S)
    return with_sheet(base, xml)


def before_end(base: bytes, extra: bytes) -> bytes:
    """`extra` put into the first sheet just before </worksheet>."""
    return with_sheet(base, sheet_xml(base).replace(b"</worksheet>", extra + b"</worksheet>"))


def sheet_data(base: bytes, rows: bytes) -> bytes:
    """The first sheet with `rows` as its whole <sheetData> content (no merges left)."""
    xml = re.sub(rb"<sheetData>.*</sheetData>", lambda _: b"<sheetData>" + rows + b"</sheetData>",
                 sheet_xml(base), count=1, flags=re.S)
    xml = re.sub(rb"<mergeCells .*?</mergeCells>", b"", xml, count=1, flags=re.S)
    return with_sheet(base, xml)


def repeated(head: bytes, unit: bytes, times: int, tail: bytes) -> Iterator[bytes]:
    yield head
    block = unit * 10_000
    for _ in range(times // 10_000):
        yield block
    yield unit * (times % 10_000)
    yield tail


def sheet_head(base: bytes) -> bytes:
    return sheet_xml(base).split(b"<sheetData>")[0] + b"<sheetData>"


# ---------------------------------------------------------------- .xlsx: areas


def merges(base: bytes) -> Iterator[Entry]:
    """A merge over the whole sheet, spelled every way an XML parser reads the same."""
    spellings = {
        "merge-single-quotes": b"<mergeCells count='1'><mergeCell ref='A31:XFD1048576'/></mergeCells>",
        "merge-namespace-prefix": b'<x:mergeCells xmlns:x="' + MAIN + b'" count="1">'
                                  b'<x:mergeCell ref="A31:XFD1048576"/></x:mergeCells>',
        "merge-ref-after-other-attribute": b'<mergeCells count="1"><mergeCell xmlns:xr="urn:x" '
                                           b'xr:uid="{00000000-0001}" ref="A31:XFD1048576"/></mergeCells>',
        "merge-spaces-around-equals": b'<mergeCells   count = "1" ><mergeCell\n ref = "A31:XFD1048576"'
                                      b"\t/></mergeCells>",
        "merge-character-reference": b'<mergeCells count="1"><mergeCell ref="A31&#58;XFD1048576"/>'
                                     b"</mergeCells>",
        "merge-absolute-reference": b'<mergeCells count="1"><mergeCell ref="$A$31:$XFD$1048576"/>'
                                    b"</mergeCells>",
        "merge-whole-columns": b'<mergeCells count="1"><mergeCell ref="A:XFD"/></mergeCells>',
        "merge-whole-rows": b'<mergeCells count="1"><mergeCell ref="31:1048576"/></mergeCells>',
        "merge-reversed-corners": b'<mergeCells count="1"><mergeCell ref="XFD1048576:A31"/>'
                                  b"</mergeCells>",
        "merge-sheet-qualified": b'<mergeCells count="1"><mergeCell ref="Sheet1!A31:XFD1048576"/>'
                                 b"</mergeCells>",
        "merge-row-with-leading-zeros": b'<mergeCells count="1"><mergeCell ref="A'
                                        + b"0" * 60 + b'31:XFD1048576"/></mergeCells>',
    }
    for name, block in spellings.items():
        yield f"{name}.xlsx", replace_merges(base, block)
    many = b"".join(b'<mergeCell ref="A%d:J%d"/>' % (40 + 100 * i, 139 + 100 * i) for i in range(500))
    yield "merge-500-small-ranges.xlsx", replace_merges(
        base, b'<mergeCells count="500">' + many + b"</mergeCells>")
    utf16 = sheet_xml(replace_merges(base, b'<mergeCells count="1"><mergeCell ref="A31:XFD1048576"/>'
                                           b"</mergeCells>"))
    yield "merge-in-utf16-xml.xlsx", with_sheet(base, utf16.decode("utf-8").encode("utf-16"))
    latin = b'<?xml version="1.0" encoding="windows-1252"?><worksheet xmlns="' + MAIN + b'">' \
            b'<sheetData/><mergeCells count="1"><mergeCell ref="A31:XFD1048576"/></mergeCells></worksheet>'
    yield "merge-in-windows-1252-xml.xlsx", with_sheet(base, latin)


def hyperlinks(base: bytes) -> Iterator[Entry]:
    """Hyperlinks over whole sheets: openpyxl copies the link into every cell."""
    spellings = {
        "hyperlink-whole-sheet": b'<hyperlinks><hyperlink ref="A1:XFD1048576" location="A1"/></hyperlinks>',
        "hyperlink-single-quotes": b"<hyperlinks><hyperlink location='A1' ref='A1:XFD1048576'/></hyperlinks>",
        "hyperlink-namespace-prefix": b'<s:hyperlinks xmlns:s="' + MAIN + b'"><s:hyperlink '
                                      b's:foo="1" ref="A1:XFD1048576"/></s:hyperlinks>',
        "hyperlink-whole-column": b'<hyperlinks><hyperlink ref="A:A" location="A1"/></hyperlinks>',
        "hyperlink-row-only": b'<hyperlinks><hyperlink ref="7" location="A1"/></hyperlinks>'
                              * 1 + b'<hyperlinks><hyperlink ref="1:100" location="A1"/></hyperlinks>',
    }
    for name, block in spellings.items():
        yield f"{name}.xlsx", before_end(base, block)
    many = b"".join(b'<hyperlink ref="K%d:T%d" location="A1"/>' % (1 + 100 * i, 100 + 100 * i)
                    for i in range(300))
    yield "hyperlink-300-small-ranges.xlsx", before_end(base, b"<hyperlinks>" + many + b"</hyperlinks>")


def comments(base: bytes) -> Iterator[Entry]:
    """A comment given to a whole sheet (openpyxl builds every cell of its range)."""
    xml = (b'<comments xmlns="' + MAIN + b'"><authors><author>a</author></authors><commentList>'
           b'<comment ref="A1:XFD1048576" authorId="0"><text><t>x</t></text></comment>'
           b"</commentList></comments>")
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId9" Target="../comments1.xml" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/comments"/></Relationships>')
    yield "comment-whole-sheet.xlsx", rezip(base, add={"xl/comments1.xml": xml,
                                                        "xl/worksheets/_rels/sheet1.xml.rels": rels})


# ---------------------------------------------------------------- .xlsx: cells and rows


def cells(base: bytes) -> Iterator[Entry]:
    head, tail = sheet_head(base), b"</sheetData></worksheet>"
    yield "ten-million-cells-without-r.xlsx", streamed(
        base, SHEET, repeated(head + b'<row r="1">', b"<c/>", 10_000_000, b"</row>" + tail))
    yield "million-cells-in-rows-without-r.xlsx", streamed(
        base, SHEET, repeated(head, b"<row>" + b"<c/>" * 16 + b"</row>", 70_000, tail))
    yield "cells-past-the-last-column.xlsx", sheet_data(base, b'<row r="1">' + b"<c/>" * 16_385 + b"</row>")
    yield "children-of-a-row-not-named-c.xlsx", streamed(
        base, SHEET, repeated(head + b'<row r="1">', b"<x/>", 1_000_000, b"</row>" + tail))
    yield "row-number-after-another-attribute.xlsx", sheet_data(
        base, b'<row r="1"><c s="0" r="A99999999" t="inlineStr"><is><t>x</t></is></c></row>')
    yield "row-number-in-single-quotes.xlsx", sheet_data(
        base, b"<row r='1'><c r='A99999999'><v>1</v></c></row>")
    yield "row-number-lowercase-column.xlsx", sheet_data(base, b'<row r="1"><c r="a99999999"><v>1</v></c></row>')
    yield "cell-with-namespace-prefix.xlsx", sheet_data(
        base, b'<x:row xmlns:x="' + MAIN + b'" r="1"><x:c r="A99999999"><x:v>1</x:v></x:c></x:row>')
    yield "row-number-as-float.xlsx", sheet_data(base, b'<row r="1e7"><c><v>1</v></c></row>')
    yield "row-number-with-underscores.xlsx", sheet_data(base, b'<row r="1_048_577"><c><v>1</v></c></row>')
    yield "row-number-of-30-digits.xlsx", sheet_data(base, b'<row r="' + b"9" * 30 + b'"><c/></row>')
    yield "row-past-excel-without-cells.xlsx", sheet_data(base, b'<row r="2000000"/>')
    yield "three-hundred-thousand-rows.xlsx", streamed(
        base, SHEET, repeated(head, b'<row ht="20" customHeight="1"/>', 300_000, tail))


# ---------------------------------------------------------------- .xlsx: the zip


def _central_entries(data: bytes) -> Iterator[int]:
    """Offsets of the zip's central directory entries."""
    end = data.rindex(b"PK\x05\x06")
    count, _, start = struct.unpack_from("<HII", data, end + 10)
    position = start
    for _ in range(count):
        yield position
        names, extra, comment = struct.unpack_from("<HHH", data, position + 28)
        position += 46 + names + extra + comment


def _entry_name(data: bytes, central: int) -> str:
    length = struct.unpack_from("<H", data, central + 28)[0]
    return data[central + 46:central + 46 + length].decode()


def patched(data: bytes, name: str, *, size: int | None = None, crc: int | None = None,
            flags: int | None = None, method: int | None = None) -> bytes:
    """The zip with `name`'s stated unpacked size, checksum, flags or method changed, in the
    central directory and the local header alike."""
    out = bytearray(data)
    for central in _central_entries(data):
        if _entry_name(data, central) != name:
            continue
        local = struct.unpack_from("<I", data, central + 42)[0]
        for header, shift in ((central, 2), (local, 0)):
            if flags is not None:
                struct.pack_into("<H", out, header + 6 + shift, flags)
            if method is not None:
                struct.pack_into("<H", out, header + 8 + shift, method)
            if crc is not None:
                struct.pack_into("<I", out, header + 14 + shift, crc)
            if size is not None:
                struct.pack_into("<I", out, header + 22 + shift, size)
    return bytes(out)


def deflate_bomb(prefix: bytes, unit: bytes, times: int) -> bytes:
    """Raw deflate data inflating to `prefix` then `unit` × `times`, made in the time of
    one unit: after a full flush the compressor starts afresh, so every unit compresses
    to the same bytes and they can be repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(unit) + compressor.flush(zlib.Z_FULL_FLUSH)
    return start + block * times + compressor.flush()


def with_raw_member(data: bytes, name: str, raw: bytes, *, crc: int, size: int) -> bytes:
    """The zip with one more deflated entry `name` (a second one, if the name is taken:
    zipfile and openpyxl read the last) whose directory states `size` and `crc`."""
    end = data.rindex(b"PK\x05\x06")
    count, directory_size, start = struct.unpack_from("<HII", data, end + 10)
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(raw), size,
                        len(encoded), 0) + encoded + raw
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(raw),
                          size, len(encoded), 0, 0, 0, 0, 0, start) + encoded
    directory = data[start:start + directory_size] + central
    tail = bytearray(data[end:])
    struct.pack_into("<HHII", tail, 8, count + 1, count + 1, len(directory), start + len(local))
    return data[:start] + local + directory + bytes(tail)


def zips(base: bytes) -> Iterator[Entry]:
    head = sheet_head(base) + b"<!--"
    bomb = deflate_bomb(head, b" " * 1_000_000, 2_048)   # 2 GB inflated from 2 MB
    stated = (head + b" " * 2_000)[:2_000]
    # The sheet states 2,000 bytes and their checksum: zipfile's read() would inflate all
    # 2 GB in one call before cutting them to 2,000 (and the checksum would pass).
    yield "zip-sheet-lies-about-its-size.xlsx", with_raw_member(
        base, SHEET, bomb, crc=zlib.crc32(stated), size=len(stated))
    yield "zip-sheet-understates-by-one-byte.xlsx", patched(
        base, SHEET, size=len(sheet_xml(base)) - 1)
    every = base
    for item in zipfile.ZipFile(io.BytesIO(base)).infolist():
        every = patched(every, item.filename, size=1)
    yield "zip-every-part-claims-one-byte.xlsx", every
    stored = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(stored, "w") as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename), zipfile.ZIP_STORED)
    yield "zip-stored-sheet-lies-about-its-size.xlsx", patched(stored.getvalue(), SHEET, size=100)
    for method, label in ((zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "lzma")):
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w", method) as target:
            for item in source.infolist():
                target.writestr(item.filename, source.read(item.filename))
        yield f"zip-{label}-compressed.xlsx", out.getvalue()
    yield "zip-sheet-marked-encrypted.xlsx", patched(base, SHEET, flags=1)
    yield "zip-unknown-compression-method.xlsx", patched(base, SHEET, method=99)
    yield "zip-entries-share-one-part.xlsx", shared_entries(base)
    yield "zip-of-2500-parts.xlsx", rezip(base, add={f"xl/media/{i}.bin": b"" for i in range(2_500)})
    text = sheet_head(base) + b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
    honest = deflate_bomb(text, b"x" * 1_000_000, 60)   # sizes stated truly
    yield "zip-sixty-megabytes-of-text.xlsx", with_raw_member(
        base, SHEET, honest, crc=zlib.crc32(text + b"x" * 60_000_000), size=len(text) + 60_000_000)


def shared_entries(base: bytes, copies: int = 60) -> bytes:
    """Sixty directory entries for one 2 MB part of zeros (2 KB zipped): every entry is
    honest about its size, together they unpack to 120 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/media/zeros.bin", bytes(2_000_000))
    data = out.getvalue()
    end = data.rindex(b"PK\x05\x06")
    count, size, start = struct.unpack_from("<HII", data, end + 10)
    last = list(_central_entries(data))[-1]
    entry = data[last:start + size]
    directory = data[start:start + size] + entry * (copies - 1)
    tail = bytearray(data[end:])
    struct.pack_into("<HHII", tail, 8, count + copies - 1, count + copies - 1, len(directory), start)
    return data[:start] + directory + bytes(tail)


# ---------------------------------------------------------------- .xlsx: other parts


def bloated_parts(base: bytes) -> Iterator[Entry]:
    styles = part(base, "xl/styles.xml")
    head, _, tail = styles.partition(b"</cellXfs>")
    yield "styles-three-million-formats.xlsx", streamed(
        base, "xl/styles.xml", repeated(head, b'<xf numFmtId="0"/>', 3_000_000, b"</cellXfs>" + tail))
    types = part(base, "[Content_Types].xml").replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    strings = streamed(rezip(base, {"[Content_Types].xml": types}), "xl/sharedStrings.xml",
                       repeated(b'<sst xmlns="' + MAIN + b'">', b"<si><t>x</t></si>", 2_500_000, b"</sst>"))
    yield "shared-strings-two-and-a-half-million.xlsx", strings
    ranges = b" ".join(b"A%d" % row for row in range(1, 300_001))
    yield "conditional-format-over-300000-ranges.xlsx", before_end(
        base, b'<conditionalFormatting sqref="' + ranges + b'"><cfRule type="expression" '
              b'priority="1"><formula>1</formula></cfRule></conditionalFormatting>')
    yield "data-validation-over-300000-ranges.xlsx", before_end(
        base, b'<dataValidations count="1"><dataValidation type="whole" sqref="' + ranges
              + b'"/></dataValidations>')
    workbook = part(base, "xl/workbook.xml")
    area = b",".join(b"$A$%d" % row for row in range(1, 200_001))
    yield "print-area-of-200000-ranges.xlsx", rezip(base, {"xl/workbook.xml": workbook.replace(
        b"$A$1:$I$30</definedName>", area + b"</definedName>")})
    sheets = b"".join(b'<sheet name="S%d" sheetId="%d" r:id="rId1"/>' % (i, i + 2) for i in range(400))
    yield "four-hundred-sheets.xlsx", rezip(base, {"xl/workbook.xml": workbook.replace(
        b"</sheets>", sheets + b"</sheets>")})
    yield "xml-nested-a-million-deep.xlsx", streamed(
        base, SHEET, iter([sheet_head(base), b"<a>" * 1_000_000, b"</a>" * 1_000_000,
                           b"</sheetData></worksheet>"]))
    yield "attribute-of-forty-megabytes.xlsx", streamed(
        base, SHEET, iter([sheet_head(base).replace(b"<sheetData>", b'<sheetData><row r="1">'
                                                    b'<c r="A1" t="inlineStr"><is><t xml:space="x'),
                           b"x" * 40_000_000, b'">x</t></is></c></row></sheetData></worksheet>']))
    late = sheet_xml(base).replace(b"<worksheet", b"<!--" + b" " * 5_000 + b'-->'
                                   b'<!DOCTYPE w [<!ENTITY e "e">]><worksheet', 1)
    yield "doctype-after-a-long-comment.xlsx", with_sheet(base, late)
    yield "doctype-in-an-unlisted-part.xlsx", rezip(base, add={
        "customXml/item1.xml": b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd"><x/>'})


# ---------------------------------------------------------------- .xls


def _records(stream: bytes) -> list[tuple[int, bytes]]:
    records, position = [], 0
    while position + 4 <= len(stream):
        code, size = struct.unpack_from("<HH", stream, position)
        records.append((code, stream[position + 4:position + 4 + size]))
        position += 4 + size
    return records


def _record(code: int, data: bytes) -> bytes:
    return struct.pack("<HH", code, len(data)) + data


def xls_base() -> tuple[list[tuple[int, bytes]], list[tuple[int, bytes]]]:
    """The records of a one-sheet workbook written by xlwt: its shared part, its sheet."""
    import xlrd
    import xlwt
    book = xlwt.Workbook()
    book.add_sheet("表").write(0, 0, "项目支出绩效自评表")
    out = io.BytesIO()
    book.save(out)
    stream, start, size = xlrd.compdoc.CompDoc(out.getvalue(), logfile=io.StringIO()) \
        .locate_named_stream("Workbook")
    records = _records(stream[start:start + size])
    ends = [i + 1 for i, (code, _) in enumerate(records) if code == 0x000A]
    return records[:ends[0]], records[ends[0]:ends[1]]   # what follows is padding


def xls_file(shared_extra: list[bytes] = (), sheet_extra: list[bytes] = (), sheets: int = 1,
             version: int = 0x0600) -> bytes:
    """An .xls of `sheets` copies of the base sheet with `sheet_extra` records before its
    end, `shared_extra` records in the shared part, and the BOUNDSHEET offsets right."""
    import xlwt.CompoundDoc
    shared, sheet = xls_base()
    first = next(i for i, (code, _) in enumerate(shared) if code == 0x0085)
    kept = [r for r in shared if r[0] != 0x0085]
    bof = struct.pack("<HH", version, 5) + shared[0][1][4:]
    body = [_record(0x0809, bof)] + [_record(c, d) for c, d in kept[1:first]]
    rest = [_record(c, d) for c, d in kept[first:]]
    sheet_bytes = (b"".join(_record(c, d) for c, d in sheet[:-1]) + b"".join(sheet_extra)
                   + _record(*sheet[-1]))
    names = [f"S{i}".encode() for i in range(sheets)]
    boundsheets_size = sum(4 + 6 + 2 + len(name) for name in names)
    shared_size = sum(map(len, body)) + boundsheets_size + sum(map(len, rest)) + sum(map(len, shared_extra))
    boundsheets = [_record(0x0085, struct.pack("<iBB", shared_size, 0, 0) + bytes([len(name), 0]) + name)
                   for name in names]
    stream = (b"".join(body) + b"".join(shared_extra) + b"".join(boundsheets) + b"".join(rest)
              + sheet_bytes)
    out = io.BytesIO()
    xlwt.CompoundDoc.XlsDoc().save(out, stream)
    return out.getvalue()


def xls_files() -> Iterator[Entry]:
    def blank(row: int, column: int) -> bytes:
        return _record(0x0201, struct.pack("<HHH", row, column, 15))

    def run(row: int, first: int, last: int) -> bytes:
        return _record(0x00BE, struct.pack("<HH", row, first) + b"\x0f\x00" * (last - first + 1)
                       + struct.pack("<H", last))

    def merged(*ranges: tuple[int, int, int, int]) -> bytes:
        return _record(0x00E5, struct.pack("<H", len(ranges))
                       + b"".join(struct.pack("<HHHH", *r) for r in ranges))

    def link(first_row: int, last_row: int, first_column: int, last_column: int) -> bytes:
        return _record(0x01B8, struct.pack("<HHHH", first_row, last_row, first_column, last_column)
                       + bytes(24))

    yield "xls-stray-cells-in-four-sheets.xls", xls_file(sheet_extra=[blank(65_535, 255)], sheets=4)
    # one such sheet is allowed (a stray formatted cell far down a real sheet): it is read
    # whole, a rectangle of 16.7 million cells, within the limits, and found to hold no form
    yield "xls-stray-cell-in-one-sheet.xls", xls_file(sheet_extra=[blank(65_535, 255)])
    yield "xls-merge-stretches-to-65536-columns.xls", xls_file(sheet_extra=[merged((0, 1, 0, 65_535))])
    yield "xls-merge-far-down.xls", xls_file(sheet_extra=[merged((0, 65_535, 0, 255))])
    yield "xls-hyperlink-over-the-sheet.xls", xls_file(sheet_extra=[link(0, 65_535, 0, 255)])
    yield "xls-cell-past-the-last-column.xls", xls_file(sheet_extra=[blank(70_000 - 65_536, 300)])
    yield "xls-runs-of-600000-cells.xls", xls_file(
        sheet_extra=[run(row, 0, 199) for row in range(3_000)])
    yield "xls-one-sheet-listed-400-times.xls", xls_file(sheets=400)
    yield "xls-one-sheet-listed-200-times-with-cells.xls", xls_file(
        sheet_extra=[run(row, 0, 99) for row in range(30)], sheets=200)
    yield "xls-sixty-thousand-formats.xls", xls_file(
        shared_extra=[_record(0x00E0, bytes(20))] * 60_000)
    yield "xls-string-table-claims-ten-million.xls", xls_file(
        shared_extra=[_record(0x00FC, struct.pack("<ii", 10_000_000, 10_000_000))])
    yield "xls-excel-4-version.xls", xls_file(version=0x0400)
    good = xls_file()
    yield "xls-truncated-half.xls", good[:len(good) // 2]
    yield "xls-stream-of-junk.xls", good[:512] + bytes(range(256)) * 40


# ---------------------------------------------------------------- .json


def json_files() -> Iterator[Entry]:
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))

    def variant(change: Callable[[dict], object]) -> bytes:
        return json_variant(sample, change)

    text = json.dumps(sample, ensure_ascii=False)
    head, _, tail = text.partition('"indicators": [')
    yield "json-three-million-empty-rows.json", (
        head + '"indicators": [' + "{}," * 2_999_999 + "{}" + tail.partition("]")[2]).encode()
    yield "json-million-rows-with-a-name.json", (
        head + '"indicators": [' + '{"name": "x"},' * 999_999 + '{"name": "x"}'
        + tail.partition("]")[2]).encode()
    yield "json-2500-indicator-rows.json", variant(
        lambda d: d.update(indicators=[{"name": f"指标{i}"} for i in range(2_500)]))
    yield "json-nested-200000-deep.json", b'{"a":' * 200_000 + b"1" + b"}" * 200_000
    yield "json-nested-40-deep-in-extra.json", variant(
        lambda d: d.update(extra=json.loads("[" * 40 + "]" * 40)))
    yield "json-year-of-10000-digits.json", text.replace('"year": 2022', '"year": ' + "9" * 10_000).encode()
    yield "json-float-of-10000-digits.json", text.replace('"year": 2022', '"year": 0.' + "1" * 10_000).encode()
    yield "json-exponent-overflow-in-funds.json", variant(
        lambda d: d["funds"]["fiscal"].update(annual="9e999999999"))
    yield "json-exponent-overflow-as-number.json", text.replace('"year": 2022', '"year": 1e999999999').encode()
    yield "json-lone-surrogate-in-name.json", text.replace(
        '"project_name": "', '"project_name": "\\ud800', 1).encode()
    yield "json-lone-surrogate-in-a-key.json", text.replace('"year": 2022', '"\\udfff": 1, "year": 2022').encode()
    yield "json-string-of-a-million-characters.json", variant(lambda d: d.update(extra="长" * 1_000_000))
    yield "json-object-of-300000-keys.json", variant(
        lambda d: d.update(extra={str(i): 0 for i in range(300_000)}))
    yield "json-five-million-numbers.json", ("[" + "0," * 4_999_999 + "0]").encode()
    unit = {"kind": "unit_target", "year": 2024, "unit_name": "单位",
            "tasks": [{"name": f"任务{i}"} for i in range(1_500)]}
    yield "json-1500-tasks.json", json.dumps(unit, ensure_ascii=False).encode()


# ---------------------------------------------------------------- the corpus


def write_hostile(folder: Path) -> list[Path]:
    """Every hostile regular file, written into `folder`; the paths in order."""
    base = template_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    groups = [merges(base), hyperlinks(base), comments(base), cells(base), zips(base),
              bloated_parts(base), xls_files(), json_files()]
    paths = []
    for name, content in (entry for group in groups for entry in group):
        path = folder / name
        assert not path.exists(), f"two hostile files named {name}"
        path.write_bytes(content)
        paths.append(path)
    sparse = folder / "twenty-five-megabytes.xlsx"
    with open(sparse, "wb") as handle:
        handle.truncate(25_000_000)   # a hole: nothing written, 25 MB as the file system tells
    paths.append(sparse)
    return paths


def write_special(folder: Path) -> list[Path]:
    """Things with form files' names that are no regular file: a named pipe (opening it
    waits for a writer), a socket, a device, a link to itself, a link to nowhere.
    Nothing is listed that this system cannot make (no mkfifo on Windows)."""
    import os
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    makers: dict[str, Callable[[Path], object]] = {
        "named-pipe.xlsx": lambda p: os.mkfifo(p),
        "named-pipe.json": lambda p: os.mkfifo(p),
        "socket.xls": _bind_socket,
        "device.xlsx": lambda p: p.symlink_to("/dev/zero"),
        "link-to-itself.xlsx": lambda p: p.symlink_to(p.name),
        "link-to-nowhere.json": lambda p: p.symlink_to("missing.json"),
    }
    for name, make in makers.items():
        path = folder / name
        try:
            make(path)
        except (OSError, AttributeError, NotImplementedError):
            continue
        made.append(path)
    return made


def _bind_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.close()   # the socket file stays


if __name__ == "__main__":   # python tests/hostile.py FOLDER: look at them by hand
    import sys
    print(len(write_hostile(Path(sys.argv[1]))), "files")
