"""A form as printable HTML in the official layout, for Qt's print support.

Qt's rich-text engine paginates tables, repeats a table's <thead> rows on every page
and embeds the fonts it draws with in a PDF, so the printed form needs nothing but
this markup. Qt-free: the markup is a pure function of the form and its evaluation.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from desktop.forms import (
    FUNDS_COLUMNS, FUNDS_SOURCES, Form, ProjectTarget, SelfEvaluation, Task, UnitTarget,
)
from desktop.layouts import Layout
from desktop.money import format2, format_plain
from desktop.presenters.grid import group_indices
from desktop.presenters.session import layout_of
from desktop.presenters.targets import AMOUNTS, budget_fields, detail_fields, task_columns
from desktop.rules.evaluate import Evaluation, evaluate
from desktop.rules.profile import load_profile

TABLE = '<table width="100%" cellspacing="0" cellpadding="3">'
"""Qt's rich text takes a table's width and spacing as attributes, not from CSS."""

WIDTHS = {"level1": 9, "level2": 9, "name": 18, "target": 10, "unit": 6, "actual": 10,
          "weight": 6, "score": 6, "deviation": 20}
"""Percent of the page width per indicator column; the rest is shared out by Qt."""

STYLE = """
body { font-size: 9pt; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 6px 0; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6px; }
th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }
th, td.grey { background-color: #e8e8e8; }
td.num { text-align: right; }
td.mid { text-align: center; }
p.note { font-size: 8pt; }
"""


def _cell(text: object, cls: str = "", span: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f"<td{klass}{span}>{escape(str(text))}</td>"


def _row(cells: Iterable[str]) -> str:
    return "<tr>" + "".join(cells) + "</tr>"


def _header(form: Form, layout: Layout, per_line: int = 3) -> str:
    pairs = []
    for field in layout.header:
        value = getattr(form, field.field, "")
        pairs.append(f"<th>{escape(field.label)}</th>" + _cell("" if value is None else value))
    lines = [pairs[i:i + per_line] for i in range(0, len(pairs), per_line)]
    return TABLE + "".join(_row(line) for line in lines) + "</table>"


def _funds(form: SelfEvaluation, layout: Layout, result: Evaluation) -> str:
    labels = [layout.label(f"funds.{key}") for key in (*FUNDS_COLUMNS, "weight", "rate", "score")]
    head = _row(["<th></th><th></th>"] + [f"<th>{escape(label)}</th>" for label in labels])
    rows = []
    for key in ("total", *FUNDS_SOURCES):
        amounts = result.funds_total if key == "total" else form.funds.source(key)
        cells = [_cell(format2(getattr(amounts, column)), "num") for column in FUNDS_COLUMNS]
        if key == "total":
            cells += [_cell(format2(form.funds.weight), "num"), _cell(format2(result.rate), "num grey"),
                      _cell(format2(result.funds_score), "num grey")]
        else:
            cells += [_cell("—", "mid")] * 3
        money = f'<th rowspan="4">{escape(layout.label("funds_money"))}</th>' if key == "total" else ""
        rows.append(_row([money, f"<th>{escape(layout.label(f'funds_rows.{key}'))}</th>", *cells]))
    return (f"<p><b>{escape(layout.blocks.get('funds', ''))}</b></p>{TABLE}{head}"
            + "".join(rows) + "</table>")


def _goal(form: SelfEvaluation, layout: Layout) -> str:
    return (f"<p><b>{escape(layout.blocks.get('goal', ''))}</b></p>{TABLE}"
            + _row([f"<th>{escape(layout.label('goal.expected'))}</th>",
                    f"<th>{escape(layout.label('goal.actual'))}</th>"])
            + _row([_cell(form.goal_expected), _cell(form.goal_actual)]) + "</table>")


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


def _indicator_cell(form: Form, result: Evaluation | None, index: int, field: str) -> str:
    indicator = form.indicators[index]
    if field == "weight":
        return _cell(format2(indicator.weight), "num")
    if field == "score":
        score = result.rows[index].score if result is not None else indicator.score
        return _cell(format2(score), "num")
    return _cell(getattr(indicator, field))


def _indicator_rows(form: Form, fields: list[str], result: Evaluation | None) -> list[str]:
    """One row per indicator, grouped by 一级. The 一级 and 二级 labels stand on the first
    row of their run and the rows they cover stay blank: Qt's pagination mangles cells
    that span rows across a page break, and a form of 30 rows always crosses one."""
    profile = load_profile(form.profile) if form.profile else load_profile()
    # The points the rules gave each 一级 (the form's own, else the profile's).
    declared = {level.name: level.declared_weight for level in result.levels} if result else {}
    rows: list[str] = []
    for level1, indices in group_indices(form.indicators, profile).items():
        level2s = [form.indicators[i].level2 for i in indices]
        starts = _runs(level2s)
        points = declared.get(level1)
        label = f"{level1}（{format_plain(points)}分）" if points is not None else level1
        for position, index in enumerate(indices):
            shown = {"level1": label if position == 0 else "",
                     "level2": level2s[position] if starts[position] else ""}
            rows.append(_row(_cell(shown[f], "mid") if f in shown
                             else _indicator_cell(form, result, index, f) for f in fields))
    return rows


def _total_row(form: SelfEvaluation, fields: list[str], result: Evaluation, layout: Layout) -> str:
    before = fields.index("weight")
    cells = [_cell(layout.blocks.get("total", "总分"), "mid grey", f' colspan="{before}"'),
             _cell(format2(result.weights_total), "num grey"), _cell(format2(result.total), "num grey")]
    cells += [_cell(f"等级：{result.grade}", "mid grey")] * (len(fields) - before - 2)
    return _row(cells)


def _indicators(form: Form, layout: Layout, result: Evaluation | None) -> str:
    fields = [column.field for column in layout.indicator_columns]
    head = _row(f'<th width="{WIDTHS.get(c.field, 10)}%">{"* " if c.starred else ""}'
                f"{escape(c.label)}</th>" for c in layout.indicator_columns)
    body = _indicator_rows(form, fields, result)
    if isinstance(form, SelfEvaluation) and result is not None:
        body.append(_total_row(form, fields, result, layout))
    return (f"<p><b>{escape(layout.blocks.get('indicators', '年度绩效指标'))}</b></p>"
            f"{TABLE}<thead>{head}</thead><tbody>{''.join(body)}</tbody></table>")


def _project_details(form: ProjectTarget | UnitTarget, layout: Layout) -> str:
    rows = [_row([f'<th width="18%">{escape(label)}</th>', _cell(form.details.get(key, ""))])
            for key, label, _short in detail_fields(form, layout)]
    budget = [_row([f"<th>{escape(label)}</th>", _cell(format_plain(form.budget.get(key)), "num")])
              for key, label in budget_fields(form, layout)]
    return TABLE + "".join(rows + budget) + "</table>"


TEXT_WIDTH, AMOUNT_WIDTH = 30, 13


def _task_cell(task: Task, field: str) -> str:
    if field in AMOUNTS:
        return _cell(format_plain(getattr(task, field)), "num")
    return _cell(str(getattr(task, field, "")))


def _tasks(form: UnitTarget, layout: Layout) -> str:
    columns = task_columns(layout)
    head = _row(f'<th width="{AMOUNT_WIDTH if name in AMOUNTS else TEXT_WIDTH}%">'
                f"{escape(label)}</th>" for name, label in columns)
    rows = [_row([_task_cell(task, name) for name, _label in columns]) for task in form.tasks]
    goal = _row([f"<th>{escape(layout.blocks.get('goal', '年度总体目标'))}</th>",
                 _cell(form.goal, "", f' colspan="{len(columns) - 1}"')])
    return f"{TABLE}<thead>{head}</thead><tbody>{''.join(rows)}{goal}</tbody></table>"


def form_html(form: Form) -> str:
    """The whole form, title to note, as one HTML document."""
    layout = layout_of(form)
    result = evaluate(form) if isinstance(form, SelfEvaluation) else None
    parts = [f"<h1>{escape(layout.title)}</h1>", _header(form, layout)]
    if isinstance(form, SelfEvaluation) and result is not None:
        parts += [_funds(form, layout, result), _goal(form, layout)]
    elif isinstance(form, ProjectTarget):
        parts.append(_project_details(form, layout))
    elif isinstance(form, UnitTarget):
        if form.details or form.budget:
            parts.append(_project_details(form, layout))
        parts.append(_tasks(form, layout))
    parts.append(_indicators(form, layout, result))
    note = layout.label("note")
    if note:
        parts.append(f'<p class="note">{escape(layout.blocks.get("remark", "备注"))}：{escape(note)}</p>')
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>"


def forms_html(forms: Iterable[Form]) -> str:
    """Several forms in one document, each from a new page (a unit's year for the file)."""
    bodies = [form_html(form).split("<body>", 1)[1].rsplit("</body>", 1)[0] for form in forms]
    joined = '<p style="page-break-before: always"></p>'.join(bodies)
    return f"<html><head><style>{STYLE}</style></head><body>{joined}</body></html>"
