"""A corpus of malformed form files, written at test time into a folder (no binary junk
in git): `write_corpus(folder)` returns the paths.

Most xlsx files start from a real export of a sample form and break one thing, so each
one tests the failure it is named after rather than failing early for another reason:
not a zip, truncated or corrupted zips, missing or invalid parts, XML entity bombs and
external entities, a zip bomb, huge sheet dimensions and merges, empty workbooks, the
wrong template, formulas and error values, values of the wrong kind, 10,000-character
cells; .xls files that are not; JSON of the wrong shape and types.
"""

from __future__ import annotations

import io
import itertools
import json
import random
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from openpyxl import Workbook, load_workbook

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "longhua-2022-digital-city.json"
SHEET = "xl/worksheets/sheet1.xml"
LONG = "长" * 10_000

Entry = tuple[str, bytes]


# ---------------------------------------------------------------- building blocks


def template_bytes() -> bytes:
    """A valid import template: the sample exported by the app itself."""
    from desktop.interchange.json_form import read_form
    from desktop.template import build_workbook
    buffer = io.BytesIO()
    build_workbook(read_form(SAMPLE)).save(buffer)
    return buffer.getvalue()


def rezip(base: bytes, replace: dict[str, bytes | None] | None = None,
          add: dict[str, bytes] | None = None) -> bytes:
    """The zip with parts replaced (None removes one) and parts added."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename in replace:
                if replace[item.filename] is not None:
                    target.writestr(item.filename, replace[item.filename])
            else:
                target.writestr(item, source.read(item.filename))
        for name, content in add.items():
            target.writestr(name, content)
    return out.getvalue()


def part(base: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        return source.read(name)


def streamed(base: bytes, name: str, pieces: Iterator[bytes]) -> bytes:
    """The workbook with part `name` written from `pieces` (large parts stay small zipped)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
        with target.open(name, "w", force_zip64=True) as member:
            for piece in pieces:
                member.write(piece)
    return out.getvalue()


def edited(base: bytes, change: Callable) -> bytes:
    """The workbook after `change(sheet)`, saved by openpyxl."""
    book = load_workbook(io.BytesIO(base))
    change(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def setting(**cells: object) -> Callable:
    def change(sheet) -> None:
        for coordinate, value in cells.items():
            sheet[coordinate] = value
    return change


def with_shared_strings(base: bytes, strings_xml: bytes) -> bytes:
    """Add xl/sharedStrings.xml (declared in the content types) and point A1 at it."""
    types = part(base, "[Content_Types].xml").replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    return rezip(base, {"[Content_Types].xml": types}, {"xl/sharedStrings.xml": strings_xml})


def raw_sheet(base: bytes, sheet_data: bytes, extra: bytes = b"") -> bytes:
    """Replace the first worksheet by one with the given <sheetData> content."""
    xml = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
           b'openxmlformats.org/spreadsheetml/2006/main">' + extra
           + b"<sheetData>" + sheet_data + b"</sheetData></worksheet>")
    return rezip(base, {SHEET: xml})


def with_merge(base: bytes, ref: bytes) -> bytes:
    """A merged range written into the XML (openpyxl would build a cell object for every
    cell it covers, billions for a whole sheet, just to write it)."""
    xml = part(base, SHEET)
    merge = b'<mergeCell ref="%s"/>' % ref
    if b"<mergeCells" in xml:
        xml = re.sub(rb'<mergeCells count="(\d+)">', lambda m: b'<mergeCells count="%d">%s' % (
            int(m[1]) + 1, merge), xml, count=1)
    else:
        xml = xml.replace(b"</sheetData>", b'</sheetData><mergeCells count="1">' + merge
                          + b"</mergeCells>", 1)
    return rezip(base, {SHEET: xml})


def with_doctype(xml: bytes, doctype: bytes) -> bytes:
    """The DOCTYPE after the XML declaration, or first when there is none."""
    if xml.startswith(b"<?xml"):
        end = xml.index(b"?>") + 2
        return xml[:end] + doctype + xml[end:]
    return doctype + xml


def laughs(levels: int = 9) -> bytes:
    """The billion laughs: ten entities each expanding ten of the previous."""
    lines = [b'<!ENTITY lol0 "lol">']
    for level in range(1, levels + 1):
        refs = b"".join(b"&lol%d;" % (level - 1) for _ in range(10))
        lines.append(b'<!ENTITY lol%d "%s">' % (level, refs))
    return b'<!DOCTYPE bomb [' + b"".join(lines) + b']>'


# ---------------------------------------------------------------- the corpus


def not_workbooks() -> Iterator[Entry]:
    noise = random.Random(6).randbytes
    yield "empty.xlsx", b""
    yield "one-byte.xlsx", b"P"
    yield "text.xlsx", "项目名称,得分\n数字城管,90\n".encode()
    yield "gbk-text.xlsx", "项目名称\t得分\n".encode("gbk")
    yield "html-table.xlsx", b"<html><body><table><tr><td>1</td></tr></table></body></html>"
    yield "pdf.xlsx", b"%PDF-1.7\n" + noise(2000)
    yield "png.xlsx", b"\x89PNG\r\n\x1a\n" + noise(500)
    yield "random.xlsx", noise(4096)
    yield "zeros.xlsx", bytes(4096)
    yield "zip-magic-only.xlsx", b"PK\x03\x04"
    yield "ole-magic-only.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    yield "ole-garbage.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + noise(8192)
    yield "random.xls", noise(4096)
    yield "text.xls", b"this is not an excel file\n" * 20


def damaged_zips(base: bytes) -> Iterator[Entry]:
    for percent in (1, 5, 10, 25, 50, 75, 90, 99):
        yield f"truncated-{percent}.xlsx", base[:len(base) * percent // 100]
    yield "truncated-end-record.xlsx", base[:-22]
    yield "truncated-last-byte.xlsx", base[:-1]
    flips = random.Random(7)
    for number in range(8):
        spoiled = bytearray(base)
        for position in flips.sample(range(30, len(base) - 30), 40):
            spoiled[position] ^= 0xFF
        yield f"corrupted-{number}.xlsx", bytes(spoiled)
    empty = io.BytesIO()
    zipfile.ZipFile(empty, "w").close()
    yield "empty-zip.xlsx", empty.getvalue()
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    yield "zip-of-text.xlsx", other.getvalue()


def broken_parts(base: bytes) -> Iterator[Entry]:
    yield "no-content-types.xlsx", rezip(base, {"[Content_Types].xml": None})
    yield "no-workbook-part.xlsx", rezip(base, {"xl/workbook.xml": None})
    yield "no-sheet-part.xlsx", rezip(base, {SHEET: None})
    yield "no-workbook-rels.xlsx", rezip(base, {"xl/_rels/workbook.xml.rels": None})
    yield "no-styles.xlsx", rezip(base, {"xl/styles.xml": None})
    yield "workbook-not-xml.xlsx", rezip(base, {"xl/workbook.xml": b"not xml at all"})
    yield "sheet-not-xml.xlsx", rezip(base, {SHEET: b"\x00\x01 binary"})
    yield "sheet-cut-off.xlsx", rezip(base, {SHEET: part(base, SHEET)[:5000]})
    yield "styles-not-xml.xlsx", rezip(base, {"xl/styles.xml": b"<styleSheet"})
    yield "content-types-not-xml.xlsx", rezip(base, {"[Content_Types].xml": b"{}"})
    yield "shared-strings-not-xml.xlsx", with_shared_strings(base, b"<sst><si><t>x")
    yield "shared-string-index-out-of-range.xlsx", raw_sheet(
        with_shared_strings(base, b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                                  b'2006/main"><si><t>x</t></si></sst>'),
        b'<row r="1"><c r="A1" t="s"><v>99</v></c></row>')


def xml_attacks(base: bytes) -> Iterator[Entry]:
    bomb = laughs()
    sst = (b'<?xml version="1.0"?>' + bomb + b'<sst xmlns="http://schemas.openxmlformats.org/'
           b'spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>')
    yield "billion-laughs-shared-strings.xlsx", with_shared_strings(base, sst)
    sheet = with_doctype(part(base, SHEET), bomb).replace(
        b"<sheetData>", b'<sheetData><row r="99"><c r="A99" t="inlineStr"><is><t>&lol9;</t>'
                        b'</is></c></row>', 1)
    yield "billion-laughs-sheet.xlsx", rezip(base, {SHEET: sheet})
    workbook = with_doctype(part(base, "xl/workbook.xml"), bomb)
    yield "billion-laughs-workbook.xlsx", rezip(base, {"xl/workbook.xml": workbook})
    types = with_doctype(part(base, "[Content_Types].xml"), laughs(5))
    yield "entity-in-content-types.xlsx", rezip(base, {"[Content_Types].xml": types})
    quadratic = (b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "' + b"x" * 50_000 + b'">]>'
                 b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                 + b"&a;" * 20_000 + b"</t></si></sst>")
    yield "quadratic-blowup.xlsx", with_shared_strings(base, quadratic)
    external = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                b'&secret;</t></si></sst>')
    yield "external-entity.xlsx", with_shared_strings(base, external)
    remote = with_doctype(part(base, SHEET),
                          b'<!DOCTYPE worksheet SYSTEM "http://127.0.0.1:9/evil.dtd">')
    yield "external-dtd.xlsx", rezip(base, {SHEET: remote})


def oversized(base: bytes) -> Iterator[Entry]:
    head = part(base, SHEET).split(b"<sheetData>")[0] + b"<sheetData>"
    whitespace = (b" " * 1_000_000 for _ in range(120))   # 120 MB, a few hundred KB zipped
    yield "zip-bomb.xlsx", streamed(base, SHEET, itertools.chain(
        [head], whitespace, [b"</sheetData></worksheet>"]))
    many = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(many, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        for number in range(20_000):
            target.writestr(f"junk/{number}.bin", b"")
    yield "twenty-thousand-parts.xlsx", many.getvalue()


def huge_dimensions(base: bytes) -> Iterator[Entry]:
    corner = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    yield "only-the-last-cell.xlsx", raw_sheet(base, corner)
    yield "first-and-last-cell.xlsx", raw_sheet(
        base, '<row r="1"><c r="A1" t="inlineStr"><is><t>项目支出绩效自评表</t></is></c></row>'
        .encode() + corner)
    yield "whole-sheet-merge.xlsx", with_merge(base, b"A30:XFD1048576")
    yield "merge-from-a-label.xlsx", with_merge(base, b"A13:XFD1048576")
    yield "million-cell-merge.xlsx", with_merge(base, b"A40:J200040")
    yield "dimension-claims-everything.xlsx", raw_sheet(
        base, b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>',
        b'<dimension ref="A1:XFD1048576"/>')
    styled = b"".join(b'<row r="%d"><c r="A%d" s="0"/></row>' % (r, r)
                      for r in (1, 500_000, 1_048_576))
    yield "styled-empty-rows-far-down.xlsx", raw_sheet(base, styled)
    yield "row-beyond-excel.xlsx", raw_sheet(
        base, b'<row r="99999999"><c r="A99999999" t="inlineStr"><is><t>x</t></is></c></row>')
    yield "column-beyond-excel.xlsx", raw_sheet(
        base, b'<row r="1"><c r="ZZZZ1" t="inlineStr"><is><t>x</t></is></c></row>')
    yield "bad-cell-reference.xlsx", raw_sheet(base, b'<row r="1"><c r="1A"><v>1</v></c></row>')


def empty_or_foreign(base: bytes) -> Iterator[Entry]:
    def save(book: Workbook) -> bytes:
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    yield "empty-workbook.xlsx", save(Workbook())
    three = Workbook()
    three.create_sheet("Sheet2")
    three.create_sheet("Sheet3")
    yield "three-empty-sheets.xlsx", save(three)
    blank = Workbook()
    for row in range(1, 20):
        blank.active.cell(row, 1, "   ")
    yield "only-blanks.xlsx", save(blank)
    roster = Workbook()
    for row in (["姓名", "部门", "工号"], ["张三", "财务科", 1001], ["李四", "办公室", 1002]):
        roster.active.append(row)
    yield "staff-roster.xlsx", save(roster)
    budget = Workbook()
    for row in (["2024年部门预算表"], ["科目编码", "科目名称", "金额"], ["2010301", "行政运行", 1000]):
        budget.active.append(row)
    yield "budget-table.xlsx", save(budget)
    title = Workbook()
    title.active["A1"] = "项目支出绩效自评表"
    yield "title-only.xlsx", save(title)
    layouts = Workbook()
    layouts.active.append(["一级指标", "二级指标", "三级指标", "指标值"])
    yield "four-labels-no-form.xlsx", save(layouts)


def bad_values(base: bytes) -> Iterator[Entry]:
    cases = {
        "error-div0-score": {"H14": "#DIV/0!"},
        "error-na-weight": {"G15": "#N/A"},
        "error-value-budget": {"D6": "#VALUE!"},
        "error-ref-year": {"I2": "#REF!"},
        "formula-text-in-score": {"H16": "=1/0"},
        "weight-is-words": {"G14": "六分"},
        "score-is-words": {"H14": "满分"},
        "amount-is-words": {"C6": "一百万"},
        "amount-overflows": {"D6": "1e309"},
        "amount-not-a-number": {"E6": "NaN"},
        "amount-infinite": {"E6": "Infinity"},
        "year-is-words": {"I2": "二〇二二"},
        "year-out-of-range": {"I2": 99999},
        "long-project-name": {"E2": LONG},
        "long-indicator-name": {"D14": LONG},
        "long-target": {"E15": LONG},
        "long-actual": {"F15": LONG},
        "long-goal": {"B12": LONG},
        "long-score-text": {"H14": "9" * 10_000},
        "long-unit": {"B3": LONG},
    }
    for name, cells in cases.items():
        yield f"{name}.xlsx", edited(base, setting(**cells))
    excel_saved = re.sub(rb'<c r="H14"[^>]*>.*?</c>',
                         b'<c r="H14" t="e"><f>G14/0</f><v>#DIV/0!</v></c>', part(base, SHEET))
    yield "formula-with-cached-error.xlsx", rezip(base, {SHEET: excel_saved})


def formulas(base: bytes) -> Iterator[Entry]:
    """Formulas as Excel never saved them: no cached value for the reader to take."""
    cases = {
        "formula-score": {"H14": "=G14*0.5"},
        "formula-weight": {"G14": "=2+4"},
        "formula-budget": {"D6": "=C6*1.1"},
        "formula-error-score": {"H15": "=1/0"},
        "formula-year": {"I2": "=2020+2"},
    }
    for name, cells in cases.items():
        yield f"{name}.xlsx", edited(base, setting(**cells))


def json_variant(base: dict, change: Callable[[dict], object]) -> bytes:
    """A copy of the JSON form `base` with `change` applied, as file bytes."""
    data = json.loads(json.dumps(base))
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def json_files() -> Iterator[Entry]:
    good = json.loads(SAMPLE.read_text(encoding="utf-8"))

    def variant(change: Callable[[dict], object]) -> bytes:
        return json_variant(good, change)

    yield "empty.json", b""
    yield "bom-only.json", b"\xef\xbb\xbf"
    yield "not-json.json", b"{ this is not json"
    yield "gbk.json", json.dumps({"project_name": "项目"}, ensure_ascii=False).encode("gbk")
    yield "binary.json", random.Random(8).randbytes(1000)
    yield "top-level-list.json", b"[1, 2, 3]"
    yield "top-level-null.json", b"null"
    yield "top-level-number.json", b"42"
    yield "top-level-string.json", b'"form"'
    yield "deeply-nested.json", b"[" * 100_000 + b"]" * 100_000
    yield "huge-number.json", b'{"year": 1e999999}'
    cases: dict[str, Callable[[dict], object]] = {
        "no-kind": lambda d: d.pop("kind"),
        "unknown-kind": lambda d: d.update(kind="budget_table"),
        "kind-is-number": lambda d: d.update(kind=3),
        "year-is-text": lambda d: d.update(year="abc"),
        "year-is-float": lambda d: d.update(year=2022.5),
        "year-is-list": lambda d: d.update(year=[2022]),
        "year-is-bool": lambda d: d.update(year=True),
        "year-is-null": lambda d: d.update(year=None),
        "indicators-is-text": lambda d: d.update(indicators="none"),
        "indicators-is-object": lambda d: d.update(indicators={"a": 1}),
        "indicator-is-number": lambda d: d["indicators"].__setitem__(0, 5),
        "indicator-is-list": lambda d: d["indicators"].__setitem__(0, ["a", "b"]),
        "weight-is-float": lambda d: d["indicators"][0].update(weight=6.5),
        "weight-is-list": lambda d: d["indicators"][0].update(weight=[6]),
        "weight-is-object": lambda d: d["indicators"][0].update(weight={"v": 6}),
        "weight-is-words": lambda d: d["indicators"][0].update(weight="six"),
        "score-is-bool": lambda d: d["indicators"][0].update(score=True),
        "name-is-list": lambda d: d["indicators"][0].update(name=["a"]),
        "name-is-object": lambda d: d.update(project_name={"zh": "项目"}),
        "funds-is-list": lambda d: d.update(funds=[1, 2]),
        "funds-is-text": lambda d: d.update(funds="1000"),
        "funds-amount-is-float": lambda d: d["funds"]["fiscal"].update(annual=1821100.5),
        "funds-amount-is-words": lambda d: d["funds"]["fiscal"].update(annual="一百万"),
        "funds-row-is-list": lambda d: d["funds"].update(fiscal=[1, 2, 3]),
        "level1-weights-is-list": lambda d: d.update(level1_weights=[50, 30]),
        "goal-is-number": lambda d: d.update(goal=7),
        "long-project-name": lambda d: d.update(project_name=LONG),
        "long-indicator-target": lambda d: d["indicators"][0].update(target=LONG),
        "long-number-text": lambda d: d["indicators"][0].update(weight="9" * 10_000),
    }
    for name, change in cases.items():
        yield f"{name}.json", variant(change)


def write_corpus(folder: Path) -> list[Path]:
    """Every malformed file, written into `folder`; the paths in order."""
    base = template_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    groups = [not_workbooks(), damaged_zips(base), broken_parts(base), xml_attacks(base),
              oversized(base), huge_dimensions(base), empty_or_foreign(base), bad_values(base),
              formulas(base), json_files()]
    paths = []
    for name, content in (entry for group in groups for entry in group):
        path = folder / name
        assert not path.exists(), f"two corpus files named {name}"
        path.write_bytes(content)
        paths.append(path)
    return paths


if __name__ == "__main__":   # python tests/badfiles.py FOLDER: look at them by hand
    import sys
    print(len(write_corpus(Path(sys.argv[1]))), "files")
