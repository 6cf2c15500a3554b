"""The printed form as a clerk checks it: no table row cut in two by a page, the
indicator header atop every page of indicators, the funds block under its row labels
with amounts grouped by thousands, and the signature line at the very end."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from decimal import Decimal

import pytest

from conftest import load_sample

ROWS = 40
HEADER = "三级指标"
SIGNATURES = ("填报人", "审核人", "单位负责人", "填报日期")
FUNDS_ROWS = ("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金")
REASON = "偏差原因：部分服务合同签订晚于计划，付款进度随之推迟。"
MEASURE = "改进措施：提前启动采购程序，按月跟踪合同执行与支付进度。"


def long_self_evaluation(rows: int = ROWS):
    """The Guangming sample grown to `rows` indicators named 第n项指标, every third one
    with a 偏差原因 of several lines, so that rows are of all heights."""
    form = load_sample("guangming-2024-market")
    base = form.indicators
    indicators = []
    for n in range(rows):
        lines = [REASON, MEASURE] * (1 + n % 5) if n % 3 == 1 else []
        indicators.append(replace(base[n % len(base)], name=f"第{n + 1}项指标",
                                  deviation="\n".join(lines)))
    return replace(form, indicators=indicators)


@pytest.fixture
def printer(qapp):
    from PySide6.QtPrintSupport import QPrinter

    from desktop.ui.printing import a4_landscape
    made = QPrinter(QPrinter.PrinterMode.HighResolution)
    made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    a4_landscape(made)
    return made


# --- Reading the layout back -------------------------------------------------------


def cell_text(table, row: int, column: int) -> str:
    cell = table.cellAt(row, column)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), cursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def row_texts(table, row: int) -> list[str]:
    return [cell_text(table, row, c) for c in range(table.columns())
            if table.cellAt(row, c).column() == c and table.cellAt(row, c).row() == row]


def doc_text_of(table) -> str:
    return " ".join(" ".join(row_texts(table, row)) for row in range(table.rows()))


def row_pages(doc, table, row: int) -> tuple[int, int]:
    """The pages the first and the last line of the row's cells are laid out on."""
    layout, height = doc.documentLayout(), doc.pageSize().height()
    cells = [table.cellAt(row, c) for c in range(table.columns())]
    tops = [layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells]
    bottoms = [layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells]
    return math.floor(min(tops) / height), math.floor((max(bottoms) - 1) / height)


def doc_tables(doc):
    from PySide6.QtGui import QTextTable
    return [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]


def indicator_tables(doc):
    return [t for t in doc_tables(doc) if HEADER in " ".join(row_texts(t, 0))]


def split_rows(doc) -> list[str]:
    """The rows (by their first texts) whose cells run from one page onto the next."""
    split = []
    for table in doc_tables(doc):
        for row in range(table.rows()):
            first, last = row_pages(doc, table, row)
            if first != last:
                split.append(" | ".join(row_texts(table, row))[:40])
    return split


# --- The tests ---------------------------------------------------------------------


def test_no_row_is_split_by_a_page_and_every_page_of_indicators_has_the_header(printer):
    from desktop.printing.form_html import form_html, printout
    from desktop.ui.printing import laid_out, paginated
    form = long_self_evaluation()
    # Left to Qt, this form has rows cut in two by a page: the case worth printing.
    assert split_rows(laid_out(form_html(form), printer))

    doc = paginated([printout(form)], printer)
    assert split_rows(doc) == []
    header_pages, row_pages_seen, names = set(), set(), []
    for table in indicator_tables(doc):
        header_pages.add(row_pages(doc, table, 0)[0])
        for row in range(1, table.rows()):
            row_pages_seen.add(row_pages(doc, table, row)[0])
            names += re.findall(r"第\d+项指标", " ".join(row_texts(table, row)))
    assert len(row_pages_seen) >= 3
    assert row_pages_seen <= header_pages
    # Each printed once (grouped by 一级, so not in the order typed).
    assert sorted(names) == sorted(f"第{n + 1}项指标" for n in range(ROWS))


def test_the_funds_block_keeps_its_row_labels_and_groups_amounts(printer):
    from desktop.printing.form_html import printout
    from desktop.ui.printing import paginated
    form = load_sample("guangming-2024-market")
    form.funds.fiscal.annual = Decimal("1234567.89")
    doc = paginated([printout(form)], printer)
    funds = next(t for t in doc_tables(doc) if "年度资金总额" in doc_text_of(t))
    rows = [row_texts(funds, row) for row in range(funds.rows())]
    labels = [text for texts in rows for text in texts if text in FUNDS_ROWS]
    assert labels == list(FUNDS_ROWS)
    fiscal = next(texts for texts in rows if "其中：当年财政拨款" in texts)
    # The label on the left of its amounts, the amount grouped by thousands.
    assert fiscal.index("其中：当年财政拨款") < fiscal.index("1,234,567.89")
    # Every amount (the three columns after each label) grouped by thousands, 2 decimals.
    for texts in rows:
        for label in set(texts) & set(FUNDS_ROWS):
            at = texts.index(label)
            amounts = texts[at + 1:at + 4]
            assert all(re.fullmatch(r"\d{1,3}(,\d{3})*\.\d\d", a) for a in amounts), amounts


def test_the_signature_line_ends_the_form_on_one_page(printer):
    from desktop.printing.form_html import printout
    from desktop.ui.printing import paginated
    form = long_self_evaluation()
    doc = paginated([printout(form)], printer)
    text = doc.toPlainText()
    positions = [text.index(label) for label in SIGNATURES]
    assert positions == sorted(positions)
    assert positions[0] > text.index(f"第{ROWS}项指标") and positions[0] > text.index("总分")
    last = doc_tables(doc)[-1]
    assert [t.split("：")[0] for t in row_texts(last, 0)] == list(SIGNATURES)
    first, end = row_pages(doc, last, 0)
    assert first == end == doc.pageCount() - 1


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_the_pdf_of_a_long_form_has_the_header_on_every_page_and_signs_off_last(qapp, tmp_path):
    from desktop.ui.printing import write_pdf
    target = tmp_path / "long.pdf"
    write_pdf([long_self_evaluation()], target)
    done = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          check=True)
    # The embedded font maps some ideographs to radicals (⼀ for 一, ⻚ for 页).
    text = unicodedata.normalize("NFKC", done.stdout.decode("utf-8")).replace("\u2eda", "页")
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) >= 3
    shown = []
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页共{len(pages)}页" in "".join(page.split())
        names = re.findall(r"第(\d+)项指标", page)
        if names:
            assert HEADER in page, f"page {number} has indicators without the header"
        shown += [int(n) for n in names]
    assert sorted(shown) == list(range(1, ROWS + 1))
    assert all(label in pages[-1] for label in SIGNATURES)
    assert not any("填报人" in page for page in pages[:-1])
