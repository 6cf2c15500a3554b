"""A form as printable HTML in the official layout, for Qt's print support.

The form is first a `Printout`: its title and its blocks, each table kept as rows so
that the printing side can choose where a page ends. Qt's rich-text engine splits a tall
row across a page break by itself, which a signed paper form must never show; the
printing side lays the markup out, finds the rows that would straddle a page and asks
for the markup again with the table cut before them (`render(printout, breaks)`), the
cut-off rows going on in a new table, on a new page, under the table's header again.
Qt-free: the markup is a pure function of the form, its evaluation and the cuts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from desktop.forms import (
    FUNDS_COLUMNS,
    FUNDS_SOURCES,
    Form,
    ProjectTarget,
    SelfEvaluation,
    Task,
    UnitTarget,
)
from desktop.layouts import Layout
from desktop.money import format2, format_grouped, format_plain, round2
from desktop.presenters.grid import group_indices
from desktop.presenters.session import layout_of
from desktop.presenters.targets import AMOUNTS, budget_fields, detail_fields, task_columns
from desktop.rules.evaluate import Evaluation, evaluate
from desktop.rules.profile import load_profile

TABLE = '<table width="100%" cellspacing="0" cellpadding="3"'
"""Opening of a bordered table, left open for a style: Qt's rich text takes a table's
width and spacing as attributes, not from CSS."""

SIGNATURE_TABLE = '<table class="sign" width="100%" cellspacing="0" cellpadding="6"'

NEW_PAGE = ' style="page-break-before: always"'
"""Qt honours this on paragraphs and tables: what carries it starts a new page."""

WIDTHS = {"level1": 9, "level2": 9, "name": 18, "target": 10, "unit": 6, "actual": 10,
          "weight": 6, "score": 6, "deviation": 20}
"""Relative width of each indicator column (10 for a column a layout adds); scaled to
add up to the page width, as Qt leaves blank whatever percentages do not claim."""

SIGNATURES = ("填报人", "审核人", "单位负责人", "填报日期")
"""The labelled blanks at the foot of the official forms, filled in by hand."""

BLANK = "&nbsp;" * 18

STYLE = """
body { font-size: 9pt; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 6px 0; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6px; }
th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }
th, td.grey { background-color: #e8e8e8; }
td.num { text-align: right; }
td.mid { text-align: center; }
table.sign { margin-top: 14px; }
td.sign { border-style: none; font-size: 10pt; }
p.note { font-size: 8pt; }
"""


@dataclass(frozen=True)
class Row:
    """One table row's markup; `opening` is the row as printed first on a page (the
    一级 / 二级 labels of its run shown again), when that differs."""

    html: str
    opening: str = ""

    def at(self, page_top: bool) -> str:
        return (self.opening or self.html) if page_top else self.html


@dataclass(frozen=True)
class Table:
    """A table of the printout. `head` rows are printed again atop every page the table
    runs onto; `caption` (the block's title) stays on the page of the first row; a
    `whole` table is never cut (its merged cells would not survive it)."""

    rows: tuple[Row, ...]
    head: tuple[str, ...] = ()
    caption: str = ""
    whole: bool = False
    opening: str = TABLE


@dataclass(frozen=True)
class Printout:
    """A form as printed: its title, then blocks of markup and tables, in order."""

    title: str
    blocks: tuple[str | Table, ...]

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


Cut = tuple[int, int]
"""(table, row): the table's `row` (counted in `Table.rows`) starts a new page."""


@dataclass(frozen=True)
class Piece:
    """One <table> of the markup: rows `first` to `first + count - 1` of table `table`
    of the printout, under `head` header rows."""

    table: int
    first: int
    count: int
    head: int


@dataclass
class Rendered:
    html: str
    pieces: list[Piece] = field(default_factory=list)
    """The <table> elements in the order the markup holds them."""


def _cell(text: object, cls: str = "", span: str = "") -> str:
    """A cell of text; the clerk's line breaks (偏差原因 as 1、… 2、…) stay line breaks."""
    klass = f' class="{cls}"' if cls else ""
    return f"<td{klass}{span}>{escape(str(text)).replace(chr(10), '<br/>')}</td>"


def _row(cells: Iterable[str]) -> str:
    return "<tr>" + "".join(cells) + "</tr>"


def _rows(html_rows: Iterable[str]) -> tuple[Row, ...]:
    return tuple(Row(html) for html in html_rows)


def _caption(title: str) -> str:
    return f"<p><b>{escape(title)}</b></p>" if title else ""


def _budget_amount(value: Decimal | None) -> str:
    """A target form's amount with thousands separators and two decimals; one kept to
    more decimals (万元 to the yuan) shows them all rather than print a rounded figure
    that is not what the clerk entered."""
    if value is not None and round2(value) != value:
        return format_plain(value, grouped=True)
    return format_grouped(value)


def _header(form: Form, layout: Layout, per_line: int = 3) -> Table:
    pairs = []
    for item in layout.header:
        value = getattr(form, item.field, "")
        pairs.append(f"<th>{escape(item.label)}</th>" + _cell("" if value is None else value))
    lines = [pairs[i:i + per_line] for i in range(0, len(pairs), per_line)]
    return Table(_rows(_row(line) for line in lines))


def _funds(form: SelfEvaluation, layout: Layout, result: Evaluation) -> Table:
    """资金使用情况: each row under its label (年度资金总额, 其中：当年财政拨款, …) and, when
    the layout names it, the merged 项目资金（元） cell on their left."""
    labels = [layout.label(f"funds.{key}") for key in (*FUNDS_COLUMNS, "weight", "rate", "score")]
    money = layout.blocks.get("funds_money", "")
    corner = "<th></th><th></th>" if money else "<th></th>"
    head = _row([corner] + [f"<th>{escape(label)}</th>" for label in labels])
    keys = ("total", *FUNDS_SOURCES)
    rows = []
    for key in keys:
        amounts = result.funds_total if key == "total" else form.funds.source(key)
        cells = [_cell(format_grouped(getattr(amounts, column)), "num") for column in FUNDS_COLUMNS]
        if key == "total":
            cells += [_cell(format2(form.funds.weight), "num"), _cell(format2(result.rate), "num grey"),
                      _cell(format2(result.funds_score), "num grey")]
        else:
            cells += [_cell("—", "mid")] * 3
        merged = (f'<th rowspan="{len(keys)}">{escape(money)}</th>'
                  if money and key == "total" else "")
        rows.append(_row([merged, f"<th>{escape(layout.label(f'funds_rows.{key}'))}</th>", *cells]))
    return Table(_rows(rows), head=(head,), caption=_caption(layout.blocks.get("funds", "")),
                 whole=True)


def _goal(form: SelfEvaluation, layout: Layout) -> Table:
    head = _row([f"<th>{escape(layout.label('goal.expected'))}</th>",
                 f"<th>{escape(layout.label('goal.actual'))}</th>"])
    return Table((Row(_row([_cell(form.goal_expected), _cell(form.goal_actual)])),),
                 head=(head,), caption=_caption(layout.blocks.get("goal", "")))


def _runs(values: list[str]) -> list[int]:
    """Rowspans for a column printed merged: the length of each run of equal values at
    its first row, 0 on the rows the run covers."""
    spans = [0] * len(values)
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            spans[start] = i - start
            start = i
    return spans


def _indicator_cell(form: Form, result: Evaluation | None, index: int, name: str) -> str:
    indicator = form.indicators[index]
    if name == "weight":
        return _cell(format2(indicator.weight), "num")
    if name == "score":
        score = result.rows[index].score if result is not None else indicator.score
        return _cell(format2(score), "num")
    return _cell(getattr(indicator, name))


def _indicator_line(form: Form, result: Evaluation | None, index: int, fields: list[str],
                    labels: dict[str, str]) -> str:
    return _row(_cell(labels[f], "mid") if f in labels
                else _indicator_cell(form, result, index, f) for f in fields)


def _indicator_rows(form: Form, fields: list[str], result: Evaluation | None) -> list[Row]:
    """One row per indicator, grouped by 一级. The 一级 and 二级 labels stand on the first
    row of their run and the rows they cover stay blank (Qt's pagination mangles cells
    that span rows across a page break); a row that opens a page shows them again."""
    profile = load_profile(form.profile) if form.profile else load_profile()
    # The points the rules gave each 一级 (the form's own, else the profile's).
    declared = {level.name: level.declared_weight for level in result.levels} if result else {}
    rows: list[Row] = []
    for level1, indices in group_indices(form.indicators, profile).items():
        level2s = [form.indicators[i].level2 for i in indices]
        starts = _runs(level2s)
        points = declared.get(level1)
        label = f"{level1}（{format_plain(points)}分）" if points is not None else level1
        for position, index in enumerate(indices):
            under = {"level1": label if position == 0 else "",
                     "level2": level2s[position] if starts[position] else ""}
            html = _indicator_line(form, result, index, fields, under)
            opening = _indicator_line(form, result, index, fields,
                                      {"level1": label, "level2": level2s[position]})
            rows.append(Row(html, "" if opening == html else opening))
    return rows


def _total_row(form: SelfEvaluation, fields: list[str], result: Evaluation, layout: Layout) -> Row:
    before = fields.index("weight")
    cells = [_cell(layout.blocks.get("total", "总分"), "mid grey", f' colspan="{before}"'),
             _cell(format2(result.weights_total), "num grey"), _cell(format2(result.total), "num grey")]
    cells += [_cell(f"等级：{result.grade}", "mid grey")] * (len(fields) - before - 2)
    return Row(_row(cells))


def _percents(weights: list[int]) -> list[int]:
    """Whole percentages in proportion to `weights` that add up to 100."""
    total = sum(weights)
    shares = [weight * 100 // total for weight in weights]
    shares[-1] += 100 - sum(shares)
    return shares


def _indicators(form: Form, layout: Layout, result: Evaluation | None) -> Table:
    fields = [column.field for column in layout.indicator_columns]
    widths = _percents([WIDTHS.get(c.field, 10) for c in layout.indicator_columns])
    head = _row(f'<th width="{width}%">{"* " if c.starred else ""}{escape(c.label)}</th>'
                for c, width in zip(layout.indicator_columns, widths))
    body = _indicator_rows(form, fields, result)
    if isinstance(form, SelfEvaluation) and result is not None:
        body.append(_total_row(form, fields, result, layout))
    return Table(tuple(body), head=(head,),
                 caption=_caption(layout.blocks.get("indicators", "年度绩效指标")))


def _project_details(form: ProjectTarget | UnitTarget, layout: Layout) -> Table:
    rows = [_row([f'<th width="18%">{escape(label)}</th>', _cell(form.details.get(key, ""))])
            for key, label, _short in detail_fields(form, layout)]
    budget = [_row([f"<th>{escape(label)}</th>", _cell(_budget_amount(form.budget.get(key)), "num")])
              for key, label in budget_fields(form, layout)]
    return Table(_rows(rows + budget))


TEXT_WIDTH, AMOUNT_WIDTH = 30, 13


def _task_cell(task: Task, name: str) -> str:
    if name in AMOUNTS:
        return _cell(_budget_amount(getattr(task, name)), "num")
    return _cell(str(getattr(task, name, "")))


def _tasks(form: UnitTarget, layout: Layout) -> Table:
    columns = task_columns(layout)
    head = _row(f'<th width="{AMOUNT_WIDTH if name in AMOUNTS else TEXT_WIDTH}%">'
                f"{escape(label)}</th>" for name, label in columns)
    rows = [_row([_task_cell(task, name) for name, _label in columns]) for task in form.tasks]
    goal = _row([f"<th>{escape(layout.blocks.get('goal', '年度总体目标'))}</th>",
                 _cell(form.goal, "", f' colspan="{len(columns) - 1}"')])
    return Table(_rows([*rows, goal]), head=(head,))


def _signatures() -> Table:
    """填报人：____ 审核人：____ 单位负责人：____ 填报日期：____, one row, never cut."""
    cells = "".join(f'<td class="sign">{label}：<u>{BLANK}</u></td>' for label in SIGNATURES)
    return Table((Row(f"<tr>{cells}</tr>"),), opening=SIGNATURE_TABLE, whole=True)


def printout(form: Form) -> Printout:
    """The whole form, title to signatures, as blocks to print."""
    layout = layout_of(form)
    result = evaluate(form) if isinstance(form, SelfEvaluation) else None
    blocks: list[str | Table] = [_header(form, layout)]
    if isinstance(form, SelfEvaluation) and result is not None:
        blocks += [_funds(form, layout, result), _goal(form, layout)]
    elif isinstance(form, ProjectTarget):
        blocks.append(_project_details(form, layout))
    elif isinstance(form, UnitTarget):
        if form.details or form.budget:
            blocks.append(_project_details(form, layout))
        blocks.append(_tasks(form, layout))
    blocks.append(_indicators(form, layout, result))
    note = layout.label("note")
    if note:
        blocks.append(f'<p class="note">{escape(layout.blocks.get("remark", "备注"))}：'
                      f"{escape(note)}</p>")
    blocks.append(_signatures())
    return Printout(layout.title, tuple(blocks))


def _table_html(table: Table, index: int, cuts: Collection[Cut], rendered: Rendered) -> str:
    """The table as one <table> per run of rows between cuts, each after the first on a
    new page under the header rows again; a cut before the first row moves the caption
    to the new page with it."""
    starts = sorted({0, *(row for t, row in cuts if t == index and 0 < row < len(table.rows))})
    parts = []
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else len(table.rows)
        cut = n > 0 or (index, 0) in cuts
        caption = table.caption if n == 0 else ""
        if caption and cut:
            caption = caption.replace("<p>", f"<p{NEW_PAGE}>", 1)
        style = NEW_PAGE if cut and not caption else ""
        head = f"<thead>{''.join(table.head)}</thead>" if table.head else ""
        rows = "".join(row.at(i == first and cut) for i, row in
                       enumerate(table.rows[first:last], start=first))
        parts.append(f"{caption}{table.opening}{style}>{head}<tbody>{rows}</tbody></table>")
        rendered.pieces.append(Piece(index, first, last - first, len(table.head)))
    return "".join(parts)


def render_body(sheet: Printout, cuts: Collection[Cut] = (), new_page: bool = False) -> Rendered:
    """The printout's markup (no <html> around it), its tables cut at `cuts`."""
    rendered = Rendered("")
    parts = [f"<h1{NEW_PAGE if new_page else ''}>{escape(sheet.title)}</h1>"]
    tables = 0
    for block in sheet.blocks:
        if isinstance(block, Table):
            parts.append(_table_html(block, tables, cuts, rendered))
            tables += 1
        else:
            parts.append(block)
    rendered.html = "".join(parts)
    return rendered


def document_html(bodies: Sequence[str]) -> str:
    """Bodies made by `render_body` as one HTML document."""
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(bodies)}</body></html>"


def render(sheet: Printout, cuts: Collection[Cut] = ()) -> Rendered:
    """One printout as a whole HTML document, its tables cut at `cuts`."""
    rendered = render_body(sheet, cuts)
    rendered.html = document_html([rendered.html])
    return rendered


def form_html(form: Form) -> str:
    """The whole form, title to signatures, as one HTML document (uncut)."""
    return render(printout(form)).html


def forms_html(forms: Iterable[Form]) -> str:
    """Several forms in one document, each from a new page (a unit's year for the file)."""
    return document_html([render_body(printout(form), new_page=n > 0).html
                          for n, form in enumerate(forms)])
