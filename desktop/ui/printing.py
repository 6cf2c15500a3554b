"""Print and PDF of a form in the official layout, A4 landscape, through Qt's print
support: print preview, a printer, or a PDF file (fonts embedded).

Qt's rich text splits a table row across a page break wherever the page ends, so the
pages are not left to `QTextDocument.print()`: the document is laid out on the
printer's own pages, every row that would straddle a page is cut off into a new table
that starts the next page under the table's header again (see `form_html`), and the
pages of that layout are painted one by one, with 第 n 页 共 m 页 at the foot.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QTextDocument,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from desktop.atomic import write_atomically
from desktop.forms import Form
from desktop.printing.form_html import (
    Cut,
    Piece,
    Printout,
    Rendered,
    Table,
    document_html,
    printout,
    render,
    render_body,
)

PRINT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun"]
"""Named explicitly: fontconfig would otherwise pick the Japanese variant of Noto CJK."""

FOOTER = 28
"""Room kept at the foot of every page for the page number, in Qt's 96-dpi pixels (the
layout scales margins to the printer)."""

TALL = 0.85
"""A row taller than this share of a page cannot be kept whole on any page: it is left
where it falls rather than leave most of a page blank before it."""


def a4_landscape(printer: QPrinter) -> None:
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Landscape,
                                      QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))


def document(html: str) -> QTextDocument:
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(PRINT_FAMILIES)
    font.setPointSizeF(9)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    return doc


def laid_out(html: str, printer: QPrinter) -> QTextDocument:
    """The document paginated on the printer's pages, measured with the printer's own
    font metrics: what is painted is exactly this layout."""
    doc = document(html)
    doc.documentLayout().setPaintDevice(printer)
    frame = doc.rootFrame().frameFormat()
    frame.setMargin(0)
    frame.setBottomMargin(FOOTER)
    doc.rootFrame().setFrameFormat(frame)
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    doc.setPageSize(QSizeF(page.width(), page.height()))
    return doc


# --- Where rows fall -------------------------------------------------------------


def tables(doc: QTextDocument) -> list[QTextTable]:
    """The document's tables in order (the printout holds no nested tables)."""
    return [frame for frame in doc.rootFrame().childFrames() if isinstance(frame, QTextTable)]


def row_span(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    """Top and bottom of a table row's text in document coordinates. A cell merged down
    from a row above counts for the row it starts on only."""
    layout = doc.documentLayout()
    tops, bottoms = [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row:
            continue
        tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
    return min(tops), max(bottoms)


def page_of(y: float, page_height: float) -> int:
    return math.floor(y / page_height)


def straddles(top: float, bottom: float, page_height: float) -> bool:
    return page_of(top, page_height) != page_of(bottom - 1, page_height)


@dataclass(frozen=True)
class Unit:
    """A stretch of the document to keep on one page: a row, or a table's caption and
    header with its first row, or a whole table."""

    cut: Cut
    top: float
    bottom: float
    previous_bottom: float | None   # where the unit above it in the same table ends


def _caption_top(doc: QTextDocument, table: QTextTable) -> float:
    """Top of the block just above the table: the caption `form_html` prints there."""
    caption = table.firstCursorPosition().block().previous()
    return doc.documentLayout().blockBoundingRect(caption).top()


def _units(doc: QTextDocument, table: QTextTable, piece: Piece, spec: Table) -> Iterator[Unit]:
    spans = [row_span(doc, table, row) for row in range(table.rows())]
    if len(spans) <= piece.head:
        return
    top = spans[0][0]
    if spec.caption and piece.first == 0:
        top = min(top, _caption_top(doc, table))
    if spec.whole:
        yield Unit((piece.table, 0), top, spans[-1][1], None)
        return
    previous = None
    for n, (row_top, bottom) in enumerate(spans[piece.head:]):
        # The caption and the header belong with the first row.
        yield Unit((piece.table, piece.first + n), top if n == 0 else row_top, bottom, previous)
        previous = bottom


def misplaced(doc: QTextDocument, rendered: Rendered, sheet: Printout) -> Iterator[Cut]:
    """The cuts that would keep each row whole and under its header, in document order:
    before every row that straddles a page, and before every row that a page break
    separates from the row above it (so the header is printed as a row on that page)."""
    height = doc.pageSize().height()
    specs = sheet.tables
    for table, piece in zip(tables(doc), rendered.pieces):
        for unit in _units(doc, table, piece, specs[piece.table]):
            if unit.bottom - unit.top > TALL * height:
                continue
            if straddles(unit.top, unit.bottom, height) or (
                    unit.previous_bottom is not None
                    and page_of(unit.top, height) != page_of(unit.previous_bottom - 1, height)):
                yield unit.cut


def cuts_for(sheet: Printout, printer: QPrinter) -> frozenset[Cut]:
    """Where the printout's tables must be cut so that no row is split by a page: lay
    out, cut before the first misplaced row, lay out again, until none is left. Each
    round adds a cut not made before, so the rounds end."""
    cuts: set[Cut] = set()
    while True:
        rendered = render(sheet, cuts)
        doc = laid_out(rendered.html, printer)
        cut = next((c for c in misplaced(doc, rendered, sheet) if c not in cuts), None)
        if cut is None:
            return frozenset(cuts)
        cuts.add(cut)


def paginated(sheets: Sequence[Printout], printer: QPrinter) -> QTextDocument:
    """The printouts laid out on the printer's pages, each starting a new page. Each is
    cut on its own: a form that starts a page is laid out the same wherever it stands."""
    bodies = [render_body(sheet, cuts_for(sheet, printer), new_page=n > 0).html
              for n, sheet in enumerate(sheets)]
    return laid_out(document_html(bodies), printer)


# --- Painting --------------------------------------------------------------------


def paint(doc: QTextDocument, printer: QPrinter) -> None:
    """Paint the laid-out pages onto the printer, 第 n 页 共 m 页 at each foot."""
    size = doc.pageSize()
    count = doc.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for index in range(count):
            if index:
                printer.newPage()
            _paint_page(doc, painter, index, size)
            _paint_number(doc, painter, index, count, size)
    finally:
        painter.end()


def _paint_page(doc: QTextDocument, painter: QPainter, index: int, size: QSizeF) -> None:
    view = QRectF(0, index * size.height(), size.width(), size.height())
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = view
    # Black text whatever the desktop's palette: paper is white.
    context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    painter.save()
    painter.translate(0, -view.top())
    painter.setClipRect(view)
    doc.documentLayout().draw(painter, context)
    painter.restore()


def _paint_number(doc: QTextDocument, painter: QPainter, index: int, count: int,
                  size: QSizeF) -> None:
    painter.save()
    font = QFont(doc.defaultFont())
    font.setPointSizeF(8)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QRectF(0, 0, size.width(), size.height()),
                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                     f"第 {index + 1} 页 共 {count} 页")
    painter.restore()


def print_forms(forms: Sequence[Form], printer: QPrinter) -> None:
    """Lay the forms out on the printer's pages, no row split by a page, and print."""
    paint(paginated([printout(form) for form in forms], printer), printer)


def write_pdf(forms: Sequence[Form], target: Path) -> None:
    """One PDF of the forms, each starting on a new page; written whole or not at all."""
    def write(path: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        a4_landscape(printer)
        print_forms(forms, printer)

    write_atomically(Path(target), write)


class FormPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview over a printer the dialog itself keeps: QPrintPreviewDialog
    does not own the printer it is given, and one held only by the function that made
    the dialog was freed while the dialog painted into it (the program died)."""

    def __init__(self, forms: Sequence[Form], parent: QWidget | None = None) -> None:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        a4_landscape(self.printer)
        super().__init__(self.printer, parent)
        self.forms = list(forms)
        self.paintRequested.connect(self._paint)
        self.resize(QSizeF(1100, 800).toSize())

    def _paint(self, target: QPrinter) -> None:
        # Laid out afresh for each request: the clerk may have changed the paper.
        print_forms(self.forms, target)


def preview(form: Form, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """The print preview, from which the clerk prints or saves; returned unopened."""
    return FormPreviewDialog([form], parent)
