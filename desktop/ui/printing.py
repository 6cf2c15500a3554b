"""Print and PDF of a form in the official layout, A4 landscape, through Qt's print
support: print preview, a printer, or a PDF file (fonts embedded), with the indicator
table's header repeated on each page and page numbers at the foot."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from desktop.atomic import write_atomically
from desktop.forms import Form
from desktop.printing.form_html import form_html, forms_html

PRINT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun"]
"""Named explicitly: fontconfig would otherwise pick the Japanese variant of Noto CJK."""


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


def print_html(html: str, printer: QPrinter) -> None:
    """Lay the document out on the printer's pages; Qt adds the page numbers."""
    document(html).print_(printer)


def write_pdf(forms: Sequence[Form], target: Path) -> None:
    """One PDF of the forms, each starting on a new page; written whole or not at all."""
    html = form_html(forms[0]) if len(forms) == 1 else forms_html(forms)

    def write(path: Path) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        a4_landscape(printer)
        print_html(html, printer)

    write_atomically(Path(target), write)


class FormPreviewDialog(QPrintPreviewDialog):
    """Qt's print preview over a printer the dialog itself keeps: QPrintPreviewDialog
    does not own the printer it is given, and one held only by the function that made
    the dialog was freed while the dialog painted into it (the program died)."""

    def __init__(self, html: str, parent: QWidget | None = None) -> None:
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        a4_landscape(self.printer)
        super().__init__(self.printer, parent)
        self.html = html
        self.paintRequested.connect(self._paint)
        self.resize(QSizeF(1100, 800).toSize())

    def _paint(self, target: QPrinter) -> None:
        print_html(self.html, target)


def preview(form: Form, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """The print preview, from which the clerk prints or saves; returned unopened."""
    return FormPreviewDialog(form_html(form), parent)
