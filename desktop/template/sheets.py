"""Re-exported from `desktop.interchange.sheets`, which the window imports without
loading this package (and openpyxl with it)."""

from desktop.interchange.sheets import ReadOptions, SheetReading, SheetStatus

__all__ = ["ReadOptions", "SheetReading", "SheetStatus"]
