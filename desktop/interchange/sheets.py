"""What reading one sheet of a workbook came to, and what the clerk may supply for it.

Kept outside `desktop.template` so that the window and the importer can name these
without loading openpyxl.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.forms import Form


@dataclass(frozen=True)
class ReadOptions:
    """What a file may lack and the clerk knows: the budget year (Shenzhen's target
    declarations carry none), and per sheet a project code that Excel stored as a
    number and cut to 15 digits."""

    year: int | None = None
    codes: Mapping[str, str] = field(default_factory=dict)   # sheet name → code


class SheetStatus(StrEnum):
    FORM = "form"                # read whole into a form
    SKIPPED = "skipped"          # no form on it (a cover, 立项依据, 支出明细 …)
    REFUSED = "refused"          # a form that cannot be read as it is: `message` says why
    UNSUPPORTED = "unsupported"  # a form of a kind the store does not hold yet


@dataclass(frozen=True)
class SheetReading:
    """One sheet's outcome. `title` is the kind it holds as the clerk knows it, or what a
    skipped sheet seemed to be; `needs` is "year" or "code" when the clerk can supply
    what is missing (ReadOptions) and read it again."""

    sheet: str
    status: SheetStatus
    form: Form | None = None
    title: str = ""
    layout: str = ""
    message: str = ""
    needs: str = ""

    @property
    def ok(self) -> bool:
        return self.form is not None
