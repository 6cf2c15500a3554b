"""What every block reader shares: the sheet, its label index and the layout it follows."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from desktop.interchange.sheets import ReadOptions
from desktop.layouts import Layout
from desktop.template.cellvalues import label_key
from desktop.template.find import Labels
from desktop.template.grid import Grid, Position


@dataclass
class Source:
    grid: Grid
    labels: Labels
    layout: Layout
    options: ReadOptions = field(default_factory=ReadOptions)

    @cached_property
    def label_keys(self) -> set[str]:
        """Every label the layout prints or accepts: a cell showing one is no value."""
        layout = self.layout
        keys = {label_key(f.label) for f in (*layout.header, *layout.indicator_columns)}
        keys |= {label_key(text) for text in layout.blocks.values()}
        for key in {*layout.raw.get("labels", {}), *layout.raw.get("aliases", {})}:
            keys |= {label_key(label) for label in layout.labels_for(key)}
        return keys - {""}

    def find(self, key: str, below: int = 0) -> Position | None:
        return self.labels.find(self.layout.labels_for(key), below)
