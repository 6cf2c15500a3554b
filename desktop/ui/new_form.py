"""The dialog for a new blank form: which layout, which year, which project."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QSpinBox, QWidget

from desktop.blank import blank_form
from desktop.forms import Form
from desktop.layouts import layout_names, load_layout
from desktop.ui.form_parts import ok_cancel


class NewFormDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New form"))
        self.layout_box = QComboBox()
        for name in layout_names():
            layout = load_layout(name)
            self.layout_box.addItem(f"{layout.title} — {layout.description}", name)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.code = QLineEdit()
        self.name = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Layout"), self.layout_box)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(ok_cancel(self))

    def form(self) -> Form:
        return blank_form(self.layout_box.currentData(), self.year.value(),
                          self.code.text().strip(), self.name.text().strip())
