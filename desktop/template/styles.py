"""The look of the template: one cell style per role, built from the layout.

A role says what a cell is, not how it looks: "label" and "system" cells are grey and
locked (the budget system fills them and refuses changes), "input" cells are the
clerk's and stay unlocked. Plain cell styles rather than named ones: named styles
would show up in the clerk's style gallery and cost a quarter of an export's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

from desktop.layouts import Layout

TEXT_FORMAT = "@"
"""Excel's Text format: what a clerk types into such a cell stays text (no date serials)."""

ROLES = ("title", "block", "label", "system", "system_long", "system_center",
         "system_number", "input", "input_long", "input_number", "note")
NUMBER_ROLES = {"system_number", "input_number"}
GREY_ROLES = {"block", "label", "system", "system_long", "system_center", "system_number"}
UNLOCKED_ROLES = {"input", "input_long", "input_number"}


@dataclass(frozen=True)
class Look:
    """The layout's `styles` section with defaults."""

    font: str = "宋体"
    font_size: float = 10
    title_size: float = 16
    label_fill: str = "D9D9D9"
    system_fill: str = "EDEDED"
    number_format: str = "0.00"
    label_suffix: str = "："

    @classmethod
    def of(cls, layout: Layout) -> Look:
        data: dict[str, Any] = layout.raw.get("styles", {})
        return cls(**{key: value for key, value in data.items()
                      if key in cls.__dataclass_fields__})

    @property
    def line_height(self) -> float:
        """Points per line of wrapped text, as Excel and LibreOffice lay it out."""
        return round(self.font_size * 1.35, 1)


def _fill(colour: str | None) -> PatternFill:
    return PatternFill("solid", fgColor=colour) if colour else PatternFill()


def apply_role(cell: Cell, look: Look, role: str) -> None:
    """Style a cell for its role: font, fill, border, alignment, lock, number format."""
    thin = Side(style="thin", color="000000")
    boxed = role != "title"
    horizontal = {"title": "center", "label": "center", "system_center": "center",
                  "system_number": "right", "input_number": "right"}.get(role, "left")
    fill = {"label": look.label_fill, "block": look.label_fill}.get(
        role, look.system_fill if role in GREY_ROLES else None)
    cell.font = Font(name=look.font, bold=role in ("title", "block", "label"),
                     size=look.title_size if role == "title" else look.font_size)
    cell.fill = _fill(fill)
    cell.border = Border(left=thin, right=thin, top=thin, bottom=thin) if boxed else Border()
    cell.alignment = Alignment(horizontal=horizontal, wrap_text=True,
                               vertical="top" if role.endswith("_long") else "center")
    cell.protection = Protection(locked=role not in UNLOCKED_ROLES)
    cell.number_format = look.number_format if role in NUMBER_ROLES else TEXT_FORMAT
