"""项目支出绩效自评表 in the provincial 一体化 layout (Chongqing 2021): split targets,
group rows for the 一级, budget execution scored as an indicator.

The funds block prints only 全年预算数（A） and 全年执行数（B）, the amounts on the row
under their labels, in the layout's `funds_unit`: they become the printed total (the
rules take a total with no source rows as it is) and carry no weight, the profile's
funds weight being 0. There is no 得分 column: the rules score the rows. The layout
names its rule profile (`"profile"`), whose taxonomy names the group rows.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from desktop.forms import FUNDS_COLUMNS, AmountRow, FormMeta, Funds, SelfEvaluation
from desktop.rules.printed import mark_printed
from desktop.rules.profile import load_profile
from desktop.template.cellvalues import label_key
from desktop.template.grid import Position
from desktop.template.read_fields import cell_number, field_text, read_year
from desktop.template.read_self import read_goal, yuan_per_unit
from desktop.template.read_total import printed_totals
from desktop.template.source import Source
from desktop.template.split_rows import find_split_header, read_split_rows, split_columns

HEADER_FIELDS = ("project_code", "project_name", "implementing_unit", "budget_unit")


def find_label_start(src: Source, key: str, before: int) -> Position | None:
    """The first cell above row `before` whose text starts with one of the key's labels:
    "全年预算数（A）（上年结转+年初预算+…）" is found by "全年预算数（A）"."""
    starts = [label_key(label) for label in src.layout.labels_for(key)]
    found = [position for text, positions in src.labels.at.items()
             if any(text.startswith(start) for start in starts)
             for position in positions if position[0] < before]
    return min(found, default=None)


def _amount_below(src: Source, label: Position) -> Decimal | None:
    """The amount on the row under a label, in the label's first column."""
    row, column = src.grid.end(*label)[0] + 1, label[1]
    value = cell_number(src.grid, (row, column), src.grid.value(row, column),
                        src.grid.text(*label))
    return None if value is None else value * yuan_per_unit(src)


def read_total_funds(src: Source, before: int, weight: Decimal) -> Funds:
    """全年预算数（A） and 全年执行数（B） printed alone, as the stated total."""
    amounts = {}
    for name in FUNDS_COLUMNS:
        label = find_label_start(src, f"funds.{name}", before)
        if label is not None:
            amounts[name] = _amount_below(src, label)
    stated = AmountRow(**amounts) if amounts else None
    return Funds(stated_total=stated, weight=weight)


def read_details(src: Source) -> dict[str, str]:
    """The layout's "details.*" fields (项目联系人 …) that the sheet carries."""
    keys = [*src.layout.raw.get("labels", {}), *src.layout.raw.get("aliases", {})]
    details = {}
    for key in dict.fromkeys(key for key in keys if key.startswith("details.")):
        text = field_text(src, key)
        if text is not None:
            details[key.removeprefix("details.")] = text
    return details


def read_structured_self_evaluation(src: Source) -> SelfEvaluation:
    profile = load_profile(str(src.layout.raw.get("profile", "default")))
    header = find_split_header(src)
    columns = split_columns(src, header[0])
    indicators = read_split_rows(src, header, columns, profile.taxonomy)
    expected, actual = read_goal(src, header[0])
    texts: dict[str, Any] = {name: field_text(src, name) or "" for name in HEADER_FIELDS}
    return mark_printed(SelfEvaluation(
        year=read_year(src), layout=src.layout.name, profile=profile.name, **texts,
        funds=read_total_funds(src, header[0], profile.funds_weight),
        goal_expected=expected, goal_actual=actual, indicators=indicators,
        details=read_details(src),
        meta=FormMeta(published=printed_totals(src, columns.fields, header[0]))))
