"""Teaching the app a layout: propose a mapping of an unknown sheet, then make it a layout.

The proposal reads what the known layouts (and the shared synonyms merged into their
aliases) call each indicator column and header field, and where no layout prints a
label (指标层级一, 考核内容, 项目代码：) the patterns of
resources/recognition/learn_hints.json guess at it. The indicator header is the row
whose cells name the most indicator fields; each of its columns is mapped to the field
its label names (or kept under its own label), and the labels above it that end in a
colon or name a header field become header fields. The clerk corrects the proposal in
the window; `layout_data` turns it into a layout file, so the reader treats the new
layout like a shipped one: `problems()` refuses a mapping the reader would read
otherwise than the clerk sees it, and the file's signature holds every label of the
sheet, so the taught layout, not a shipped look-alike, reads the sheets of its shape.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from desktop.forms import FormKind
from desktop.layouts import STANDARD_LAYOUTS, Layout, layout_names, load_layout, with_synonyms
from desktop.resources import resource_path
from desktop.template.cellvalues import label_key
from desktop.template.find import value_right_of
from desktop.template.grid import Grid, Position
from desktop.template.kinds import sheet_title
from desktop.template.read_indicators import FIELDS as READ_ORDER

INDICATOR_FIELDS = ("level1", "level2", "name", "target", "unit", "actual", "weight",
                    "score", "deviation", "explanation")
EXTRA = "extra"      # keep the column under its own label
IGNORE = ""          # leave the column out
HEADER_FIELDS = {
    FormKind.SELF_EVALUATION: ("project_code", "project_name", "implementing_unit",
                               "budget_unit", "year"),
    FormKind.PROJECT_TARGET: ("project_code", "project_name", "applicant_unit", "year"),
    FormKind.UNIT_TARGET: ("unit_name", "unit_code", "competent_department", "year"),
}
DETAIL = "details"   # a header field kept in the form's details under its label
BESIDE_NAME = "level1"
"""The reader finds the indicator header where 三级指标 stands beside 一级指标 (or, with
no 一级 column, beside another column the layout maps)."""
FIELD_NAMES = {
    "level1": "一级指标", "level2": "二级指标", "name": "三级指标（指标名称）",
    "target": "指标值", "unit": "度量单位", "actual": "实际完成值", "weight": "分值/权重",
    "score": "得分", "deviation": "偏差原因", "explanation": "指标解释",
    "project_code": "项目编码", "project_name": "项目名称", "implementing_unit": "实施单位",
    "budget_unit": "主管部门", "applicant_unit": "申报单位", "unit_name": "单位名称",
    "unit_code": "单位编码", "competent_department": "主管部门", "year": "年度",
}
"""The fields as `problems()` names them (the window names them through its catalogue)."""
STOPS = {"blocks.total": ["总分", "合计", "总计"], "blocks.remark": ["备注", "说明"]}
"""Rows that end the indicators: a footnote or a total is no indicator."""
BORROWED = ("funds.", "funds_rows.", "goal.")
"""A self-evaluation's funds and goal blocks are read by the labels of its kind's
standard layout: the clerk maps the indicators, not every block."""
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class ColumnChoice:
    column: int
    label: str        # as the sheet prints it
    field: str        # an indicator field, EXTRA or IGNORE
    sample: str = ""  # the first indicator row's value, to tell the columns apart


@dataclass(frozen=True)
class HeaderChoice:
    row: int
    column: int
    label: str        # as the sheet prints it ("单位：", also when "单位：某局" is one cell)
    field: str        # a header field of the kind, DETAIL or IGNORE
    sample: str = ""  # the value beside the label


@dataclass(frozen=True)
class Proposal:
    sheet: str
    kind: FormKind
    title: str        # the sheet's title; "" when it prints none
    header_row: int
    columns: tuple[ColumnChoice, ...]
    headers: tuple[HeaderChoice, ...] = field(default=())
    known_labels: tuple[str, ...] = ()
    """Every label of the sheet that some layout prints (项目资金, 年初预算数, …): the
    taught layout's signature holds them all, so it outscores any layout on this
    sheet's shape (see `desktop.template.reader.choose_layout`)."""

    def with_column(self, column: int, chosen: str) -> Proposal:
        if chosen not in (*INDICATOR_FIELDS, EXTRA, IGNORE):
            raise ValueError(f"not an indicator column field: {chosen!r}")
        return replace(self, columns=tuple(
            replace(c, field=chosen) if c.column == column else c for c in self.columns))

    def with_header(self, row: int, column: int, chosen: str) -> Proposal:
        if chosen not in (*HEADER_FIELDS[self.kind], DETAIL, IGNORE):
            raise ValueError(f"not a header field of {self.kind.value}: {chosen!r}")
        return replace(self, headers=tuple(
            replace(h, field=chosen) if (h.row, h.column) == (row, column) else h
            for h in self.headers))

    def problems(self) -> list[str]:
        """Why the mapping cannot be saved yet, one line each."""
        found = _column_problems(self) + _header_problems(self)
        return found or _reading_problems(self)


# ---------------------------------------------------------------- what labels mean


@lru_cache(maxsize=1)
def _hints() -> dict[str, Any]:
    path = resource_path("recognition", "learn_hints.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"max_length": int(data["max_length"]),
            "indicators": [(name, re.compile(pattern)) for name, pattern in data["indicators"]],
            "header": [(name, re.compile(pattern)) for name, pattern in data["header"]],
            "ignore": [re.compile(pattern) for pattern in data["ignore"]]}


def _hinted(key: str, group: str, fields: tuple[str, ...]) -> str | None:
    """The first of `fields` whose pattern the label matches whole; long texts are content."""
    if not key or len(key) > _hints()["max_length"]:
        return None
    return next((name for name, pattern in _hints()[group]
                 if name in fields and pattern.fullmatch(key)), None)


def _known(layouts: list[Layout], keys: dict[str, str]) -> dict[str, str]:
    """label key → field, for `keys` (layout key → field) over every printed label and alias."""
    known: dict[str, str] = {}
    for layout in layouts:
        for key, name in keys.items():
            for label in layout.labels_for(key):
                known.setdefault(label_key(label), name)
    return known


def _known_columns() -> dict[str, str]:
    """label key → indicator field; a block's title (年度绩效指标 merged down beside the
    header) names no column, so it is IGNORE."""
    layouts = [load_layout(name) for name in layout_names()]
    known = _known(layouts, {f"indicators.{name}": name for name in INDICATOR_FIELDS})
    blocks = {key for layout in layouts for key in layout.raw.get("aliases", {})
              if key.startswith("blocks.")} | {f"blocks.{key}" for layout in layouts
                                               for key in layout.blocks}
    return _known(layouts, dict.fromkeys(blocks, IGNORE)) | known


def _every_label() -> set[str]:
    """The label keys any layout prints or accepts, whatever they label."""
    keys: set[str] = set()
    for layout in (load_layout(name) for name in layout_names()):
        keys |= {label_key(f.label) for f in (*layout.header, *layout.indicator_columns)}
        keys |= {label_key(text) for text in layout.blocks.values()}
        keys |= {label_key(str(text)) for text in layout.raw.get("labels", {}).values()}
        keys |= {label_key(str(text)) for texts in layout.raw.get("aliases", {}).values()
                 for text in texts}
    return keys - {""}


def _known_labels(grid: Grid) -> tuple[str, ...]:
    every = _every_label()
    texts = (grid.text(*position) for position in sorted(grid.values)
             if isinstance(grid.values[position], str))
    return tuple(dict.fromkeys(text for text in texts if label_key(text) in every))


def _known_header(kind: FormKind) -> dict[str, str]:
    layouts = [load_layout(name) for name in layout_names(kind)]
    return _known(layouts, {name: name for name in HEADER_FIELDS[kind]})


def _column_guess(label: str, known: dict[str, str]) -> tuple[str, bool]:
    """What a printed column label names (a field, a row number to ignore, or EXTRA),
    and whether a layout prints it so (not only guessed from its words)."""
    key = label_key(label)
    if key in known:
        return known[key], True
    if any(pattern.fullmatch(key) for pattern in _hints()["ignore"]):
        return IGNORE, False
    return _hinted(key, "indicators", INDICATOR_FIELDS) or EXTRA, False


# ---------------------------------------------------------------- the indicator columns


def _header_row(grid: Grid, known: dict[str, str]) -> int | None:
    """The row whose cells name the most indicator fields (at least two)."""
    best, best_count = None, 1
    for row in sorted({row for row, _ in grid.values}):
        named = {_column_guess(text, known)[0] for column in grid.starts(row)
                 if (text := grid.text(row, column))}
        count = len(named - {EXTRA, IGNORE})
        if count > best_count:
            best, best_count = row, count
    return best


def _first_data_row(grid: Grid, row: int) -> int | None:
    """The first row under the header (and its merged cells) that writes anything."""
    columns = grid.starts(row)
    last = max((grid.end(*grid.origin(row, column))[0] for column in columns), default=row)
    return next((below for below in range(last + 1, grid.max_row + 1)
                 if any(grid.own(below, column) is not None for column in columns)), None)


def _columns(grid: Grid, row: int, known: dict[str, str]) -> tuple[ColumnChoice, ...]:
    """Each labelled column and its field. A field is read from one column: a label a
    layout prints (指标值) claims it before a guessed one (年度目标), else the first."""
    labelled = [(column, label, *_column_guess(label, known)) for column in grid.starts(row)
                if (label := grid.text(row, column))]
    claimed = [(column, guess) for column, _, guess, printed in labelled if printed] + \
              [(column, guess) for column, _, guess, printed in labelled if not printed]
    fields: dict[int, str] = {}
    for column, guess in claimed:
        taken = guess in fields.values() and guess not in (EXTRA, IGNORE)
        fields[column] = EXTRA if taken else guess
    first = _first_data_row(grid, row)
    return tuple(ColumnChoice(column, label, fields[column],
                              grid.text(first, column) if first is not None else "")
                 for column, label, _, _ in labelled)


# ---------------------------------------------------------------- the header cells


def _label_cell(grid: Grid, position: Position) -> tuple[str, str | None] | None:
    """A text cell read as a label: (label, its value when the cell holds "单位：某局")."""
    value = grid.values[position]
    text = grid.text(*position)
    if not isinstance(value, str) or not text:
        return None
    for colon in ("：", ":"):
        head, found, tail = text.partition(colon)
        if found and tail.strip() and _CJK.search(head) \
                and len(label_key(head)) <= _hints()["max_length"]:
            return head.strip() + colon, tail.strip()
    return text, None


def _header_field(label: str, has_value: bool, known: dict[str, str],
                  kind: FormKind) -> str | None:
    """The field a label above the indicators names; None when it is no label."""
    key = label_key(label)
    if key in known:
        return known[key]
    colon = label.rstrip().endswith((":", "："))
    guess = _hinted(key, "header", HEADER_FIELDS[kind]) if colon or has_value else None
    if guess is not None:
        return guess
    return DETAIL if colon and len(key) <= 30 else None


def _headers(grid: Grid, before: int, kind: FormKind) -> tuple[HeaderChoice, ...]:
    cells = [(position, *parsed) for position in sorted(grid.values)
             if position[0] < before and (parsed := _label_cell(grid, position))]
    stop = {label_key(label) for _, label, _ in cells if label.endswith((":", "："))}
    known, taken = _known_header(kind), set()
    found = []
    for position, label, inline in cells:
        beside = value_right_of(grid, position, stop) if inline is None else None
        sample = inline if inline is not None else (grid.text(*beside) if beside else "")
        guess = _header_field(label, bool(sample), known, kind)
        if guess is None:
            continue
        if guess in taken and guess != DETAIL:
            guess = DETAIL      # one cell per field: the first label names it
        taken.add(guess)
        found.append(HeaderChoice(*position, label, guess, sample))
    return tuple(found)


# ---------------------------------------------------------------- the proposal


def propose(grid: Grid, kind: FormKind | None = None) -> Proposal | None:
    """A mapping for the sheet, or None when no row looks like an indicator header."""
    title = sheet_title(grid)
    if kind is None:
        kinds = {member.value: member for member in FormKind}
        kind = kinds.get(title.kind or "", FormKind.PROJECT_TARGET)
    known = _known_columns()
    row = _header_row(grid, known)
    if row is None:
        return None
    return Proposal(grid.name, kind, title.text, row, _columns(grid, row, known),
                    _headers(grid, row, kind), _known_labels(grid))


def for_kind(proposal: Proposal, grid: Grid, kind: FormKind) -> Proposal:
    """The proposal as another kind: the columns as the clerk set them, the header
    cells guessed again for that kind's fields (a unit has no project code)."""
    return replace(proposal, kind=kind, headers=_headers(grid, proposal.header_row, kind))


# ---------------------------------------------------------------- what cannot be saved


def _column_problems(proposal: Proposal) -> list[str]:
    fields = [c.field for c in proposal.columns if c.field not in (EXTRA, IGNORE)]
    found = [f"“{FIELD_NAMES[f]}”对应了多列" for f in dict.fromkeys(fields)
             if fields.count(f) > 1]
    if "name" not in fields:
        found.append(f"请指定哪一列是{FIELD_NAMES['name']}")
    elif BESIDE_NAME not in fields and len(set(fields)) < 2:
        found.append(f"除{FIELD_NAMES['name']}外，请至少再指定一列（如{FIELD_NAMES[BESIDE_NAME]}），"
                     "以便找到指标表头")
    return found


def _header_problems(proposal: Proposal) -> list[str]:
    fields = [h.field for h in proposal.headers if h.field not in (DETAIL, IGNORE)]
    return [f"“{FIELD_NAMES[f]}”对应了多个单元格" for f in dict.fromkeys(fields)
            if fields.count(f) > 1]


def _read_as(proposal: Proposal) -> dict[int, str]:
    """column → field as the reader will map the header row with the saved layout: its
    labels and the synonyms every layout shares, first field first (as map_columns)."""
    data = with_synonyms(layout_data(proposal))
    printed = {c["field"]: c["label"] for c in data["indicator_columns"]}
    labels = {name: {label_key(label) for label in (printed.get(name, ""),
                                                    *data["aliases"].get(f"indicators.{name}", ()))
                     if label}
              for name in READ_ORDER}
    found: dict[str, int] = {}
    for choice in proposal.columns:
        key = label_key(choice.label)
        name = next((f for f in READ_ORDER if key in labels[f] and f not in found), None)
        if name is not None:
            found[name] = choice.column
    return {column: name for name, column in found.items()}


def _reading_problems(proposal: Proposal) -> list[str]:
    """Columns the reader would take otherwise than mapped: a shared synonym (指标值,
    分值, …) always means its field, whatever the clerk chose for it."""
    read = _read_as(proposal)
    return [f"「{_plain(c.label)}」是“{FIELD_NAMES[name]}”的通用名称，读取时总会当作"
            f"{FIELD_NAMES[name]}：请把它对应为“{FIELD_NAMES[name]}”"
            for c in proposal.columns
            if (name := read.get(c.column)) is not None and name != c.field]


# ---------------------------------------------------------------- the layout file


def _plain(label: str) -> str:
    return " ".join(label.split()).rstrip(":：").strip()


def _borrowed(standard: Layout) -> dict[str, Any]:
    """The standard layout's funds and goal labels, for a self-evaluation's reader."""
    if standard.kind is not FormKind.SELF_EVALUATION:
        return {"labels": {}, "aliases": {}}
    return {part: {key: value for key, value in standard.raw.get(part, {}).items()
                   if key.startswith(BORROWED)}
            for part in ("labels", "aliases")}


def layout_data(proposal: Proposal) -> dict[str, Any]:
    """The layout file for a mapping (without its name and description, which
    `desktop.user_layouts.save_user_layout` gives it). It has no `sheet`: forms read by
    it export in their kind's standard template."""
    standard = load_layout(STANDARD_LAYOUTS[proposal.kind])
    columns = [c for c in proposal.columns if c.field not in (EXTRA, IGNORE)]
    header = [h for h in proposal.headers if h.field not in (DETAIL, IGNORE)]
    details = [h for h in proposal.headers if h.field == DETAIL]
    signature = [_plain(label) for label in (*(c.label for c in proposal.columns),
                                             *(h.label for h in proposal.headers),
                                             *proposal.known_labels)]
    borrowed = _borrowed(standard)
    return {
        "kind": proposal.kind.value,
        "title": standard.title,
        "titles": [proposal.title] if proposal.title else [],
        "header": [{"field": h.field, "label": _plain(h.label)} for h in header],
        "blocks": {"indicators": "年度绩效指标", "total": STOPS["blocks.total"][0],
                   "remark": STOPS["blocks.remark"][0]},
        "indicator_columns": [{"field": c.field, "label": _plain(c.label)} for c in columns],
        "extra_columns": [_plain(c.label) for c in proposal.columns if c.field == EXTRA],
        "labels": {**borrowed["labels"],
                   **{f"details.{label_key(h.label)}": _plain(h.label) for h in details}},
        "aliases": {**borrowed["aliases"], **STOPS},
        "signature": list(dict.fromkeys(label for label in signature if label)),
    }

