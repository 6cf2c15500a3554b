"""The official import template (xlsx, and .xls for reading): export and import.

Layouts are data (`resources/layouts/*.json`, read by `desktop.layouts`); this package
turns a form into a workbook by such a layout and reads a workbook back by its labels,
whatever the layout, shifts or spelling of the file. Qt-free, like everything outside
`desktop.ui`.

Public API (what the window and the command line call):

- `write_workbook(form, target, layout=None)`: export one form, atomically;
- `build_workbook(form, layout=None)`: the same workbook in memory (openpyxl);
- `read_workbook(path)`: import one .xlsx or .xls file (FormFileError on failure);
- `export_forms(forms, folder, layout=None, progress=None, format_="xlsx")`: a batch
  with progress and cancellation, returning an `ExportSummary`;
- `export_file_name(form, suffix)`: the file name a form is exported under.
"""

from desktop.template.batch import (
    ExportOutcome,
    ExportSummary,
    Progress,
    export_file_name,
    export_forms,
    export_one,
)
from desktop.template.reader import read_workbook
from desktop.template.sheet import TemplateExportError
from desktop.template.writer import build_workbook, resolve_layout, write_workbook

__all__ = ["ExportOutcome", "ExportSummary", "Progress", "TemplateExportError",
           "build_workbook", "export_file_name", "export_forms", "export_one",
           "read_workbook", "resolve_layout", "write_workbook"]
