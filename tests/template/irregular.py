"""Workbooks as clerks and other systems produce them, written cell by cell here.

Independent of the app's writer on purpose: each knob reproduces one irregularity the
importer must read (DOMAIN §3, issue 4 "Import"), starting from a sample's JSON text.
A sheet is first described as a model (cells and merges), then written with openpyxl
as .xlsx or with xlwt as a real Excel 97–2003 .xls.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby
from pathlib import Path

from conftest import sample_path

NOTE = ("作为导入模板，置灰信息无需录入且不可修改。置灰部分如强制修改导入系统，数据有出入请自行负责；"
        "作为导出模板，置灰信息系统自动带出。")
AMOUNT_ROWS = (("年度资金总额", "total"), ("其中：当年财政拨款", "fiscal"),
               ("上年结转资金", "carryover"), ("其他资金", "other"))


@dataclass(frozen=True)
class Knobs:
    top: int = 1                  # the row the title is on
    blank_rows: bool = False      # a blank row after each block and inside the indicators
    spaced: bool = False          # labels spaced out for alignment: "年 度 绩 效 指 标"
    levels: str = "merged"        # 一级/二级: merged | repeated | blank (continuation rows)
    weight_label: str = "分值"    # or 权重
    unit_column: bool = False     # an extra 度量单位 column after 年度指标值
    fullwidth: bool = False       # full-width digits and signs in numbers and texts
    amounts_as_text: bool = False  # "1,663,900.00"
    numbers_as_text: bool = False  # weights and scores stored as text
    text_as_numbers: bool = False  # "27", "95%" stored as numbers (95% as 0.95 in a % cell)
    sheet_name: str = "Sheet1"
    cover_sheet: bool = False     # another sheet in front of the form


@dataclass
class SheetModel:
    name: str
    cells: dict[tuple[int, int], tuple[object, str | None]] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


def sample_dict(stem: str) -> dict:
    return json.loads(sample_path(stem).read_text(encoding="utf-8"))


def fullwidth(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if 0x21 <= ord(ch) <= 0x7E else ch for ch in text)


class _Writer:
    def __init__(self, model: SheetModel, knobs: Knobs) -> None:
        self.model, self.knobs, self.row = model, knobs, knobs.top

    def label(self, text: str) -> str:
        return " ".join(text) if self.knobs.spaced else text

    def put(self, column: int, value: object, fmt: str | None = None, across: int = 1,
            down: int = 1) -> None:
        if value is None or value == "":
            return
        self.model.cells[(self.row, column)] = (value, fmt)
        if across > 1 or down > 1:
            self.model.merges.append((self.row, column, self.row + down - 1,
                                      column + across - 1))

    def next(self, blank: bool = False) -> None:
        self.row += 2 if blank and self.knobs.blank_rows else 1

    def number(self, text: str, amount: bool = False) -> object:
        """A number as this file stores it: a number, or text of some spelling."""
        if text == "":
            return None
        k = self.knobs
        if amount and k.amounts_as_text:
            return f"{Decimal(text):,.2f}"
        if k.fullwidth:
            return fullwidth(text)
        if k.numbers_as_text:
            return text
        value = Decimal(text)
        return int(value) if value == value.to_integral() else float(value)

    def text(self, text: str) -> tuple[object, str | None]:
        """A text cell; with text_as_numbers a numeric text becomes what Excel makes of it."""
        k = self.knobs
        if k.fullwidth:
            return fullwidth(text), None
        if k.text_as_numbers:
            try:
                if text.endswith("%"):
                    digits = text[:-1].split(".")[1] if "." in text else ""
                    fmt = "0." + "0" * len(digits) + "%" if digits else "0%"
                    return float(Decimal(text[:-1]) / 100), fmt
                value = Decimal(text)
                return (int(value) if value == value.to_integral() else float(value)), None
            except ArithmeticError:
                pass
        return text, None


def _header(w: _Writer, data: dict) -> None:
    w.put(1, "项目支出绩效自评表", across=9)
    w.next(blank=True)
    year = data["year"] if w.knobs.text_as_numbers else str(data["year"])
    w.put(1, w.label("项目编号") + "：")
    w.put(2, data["project_code"], across=2)
    w.put(4, w.label("项目名称") + "：")
    w.put(5, data["project_name"], across=2)
    w.put(7, w.label("绩效自评年度") + "：")
    w.put(8, year, across=2)
    w.next()
    w.put(1, w.label("实施单位") + "：")
    w.put(2, data["implementing_unit"], across=2)
    w.put(4, w.label("一级预算单位") + "：")
    w.put(5, data["budget_unit"], across=2)
    if data.get("unit_code"):
        w.put(7, w.label("单位编码") + "：")
        w.put(8, w.text(data["unit_code"])[0], across=2)
    w.next(blank=True)


def _funds(w: _Writer, data: dict) -> None:
    w.put(1, w.label("资金使用情况"), across=9)
    w.next()
    for column, text in enumerate(("年初预算数", "全年预算数", "全年执行数", "分值",
                                   "执行率（%）", "得分"), start=3):
        w.put(column, w.label(text))
    w.next()
    published = data["published"]
    for index, (label, key) in enumerate(AMOUNT_ROWS):
        if index == 0:
            w.put(1, w.label("项目资金（元）"), down=4)
        w.put(2, w.label(label))
        amounts = data["funds"][key]
        for column, name in enumerate(("initial", "annual", "executed"), start=3):
            w.put(column, w.number(amounts[name], amount=True))
        tail = ((data["funds_weight"], published["rate"], published["funds_score"])
                if key == "total" else ("—", "—", "—"))
        for column, text in enumerate(tail, start=6):
            w.put(column, text if text == "—" else w.number(text))
        w.next()
    w.next(blank=True)


def _goal(w: _Writer, data: dict) -> None:
    w.put(1, w.label("项目目标完成情况"), across=9)
    w.next()
    w.put(1, w.label("年度总体目标"), down=2)
    w.put(2, w.label("预期目标"), across=4)
    w.put(6, "* " + w.label("实际完成情况"), across=4)
    w.next()
    w.put(2, data["goal"]["expected"], across=4)
    w.put(6, data["goal"]["actual"], across=4)
    w.next(blank=True)


def _columns(knobs: Knobs) -> list[tuple[str, str]]:
    columns = [("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"),
               ("target", "年度指标值")]
    if knobs.unit_column:
        columns.append(("unit", "度量单位"))
    return [*columns, ("actual", "* 实际完成值"), ("weight", f"* {knobs.weight_label}"),
            ("score", "* 得分"), ("deviation", "偏差原因分析及改进措施")]


def _level_cells(w: _Writer, rows: list[dict], column: int, key, label, top: int,
                 gap: int) -> None:
    """一级 or 二级 over its runs of rows, the way the knob says."""
    index = 0
    for _value, run in groupby(rows, key=key):
        length = len(list(run))
        for offset in range(length):
            w.row = top + (index + offset) * gap
            first = offset == 0
            if w.knobs.levels == "merged" and first:
                w.put(column, label(rows[index]), down=(length - 1) * gap + 1)
            elif w.knobs.levels == "repeated" or (w.knobs.levels == "blank" and first):
                w.put(column, label(rows[index]))
        index += length


def _indicators(w: _Writer, data: dict) -> None:
    columns = _columns(w.knobs)
    w.put(1, w.label("年度绩效指标"))
    for column, (_name, label) in enumerate(columns, start=2):
        w.put(column, w.label(label))
    w.next()
    rows, top, gap = data["indicators"], w.row, 2 if w.knobs.blank_rows else 1
    weights = data["level1_weights"]
    _level_cells(w, rows, 2, lambda r: r["level1"],
                 lambda r: f"{r['level1']} ({weights[r['level1']]}分)", top, gap)
    _level_cells(w, rows, 3, lambda r: (r["level1"], r["level2"]), lambda r: r["level2"],
                 top, gap)
    for index, indicator in enumerate(rows):
        w.row = top + index * gap
        for column, (name, _label) in enumerate(columns, start=2):
            if name in ("weight", "score"):
                w.put(column, w.number(indicator[name]))
            elif name not in ("level1", "level2"):
                w.put(column, *w.text(indicator.get(name, "")))
    w.row = top + (len(rows) - 1) * gap + 1
    w.next(blank=True)


def _total(w: _Writer, data: dict) -> None:
    last = 1 + len(_columns(w.knobs))
    w.put(1, w.label("总分"), across=last - 4)
    w.put(last - 3, w.number("100"))
    w.put(last - 2, w.number(data["published"]["total"]))
    w.put(last - 1, "—")
    w.next()
    w.put(1, w.label("备注") + "：")
    w.put(2, NOTE, across=last - 1)


def self_evaluation_model(data: dict, knobs: Knobs) -> list[SheetModel]:
    """The sheets of a self-evaluation workbook with the given irregularities."""
    model = SheetModel(knobs.sheet_name)
    writer = _Writer(model, knobs)
    for part in (_header, _funds, _goal, _indicators, _total):
        part(writer, data)
    sheets = [model]
    if knobs.cover_sheet:
        cover = SheetModel("封面")
        cover.cells[(1, 1)] = ("填报说明：请勿修改表格结构。", None)
        sheets.insert(0, cover)
    return sheets


def write_xlsx(models: list[SheetModel], path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for model in models:
        sheet = book.create_sheet(model.name)
        for (row, column), (value, fmt) in model.cells.items():
            cell = sheet.cell(row=row, column=column, value=value)
            if fmt:
                cell.number_format = fmt
        for first_row, first_column, last_row, last_column in model.merges:
            sheet.merge_cells(start_row=first_row, start_column=first_column,
                              end_row=last_row, end_column=last_column)
    book.save(path)
    return path


def write_xls(models: list[SheetModel], path: Path) -> Path:
    """A real Excel 97–2003 file through xlwt (0-based rows and columns)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for model in models:
        sheet = book.add_sheet(model.name)
        covered = {(r, c) for r1, c1, r2, c2 in model.merges
                   for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        merged = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in model.merges}
        for (row, column), (value, fmt) in model.cells.items():
            style = xlwt.easyxf(num_format_str=fmt) if fmt else xlwt.Style.default_style
            if (row, column) in merged:
                end_row, end_column = merged[(row, column)]
                sheet.write_merge(row - 1, end_row - 1, column - 1, end_column - 1, value, style)
            elif (row, column) not in covered:
                sheet.write(row - 1, column - 1, value, style)
        for (row, column), (end_row, end_column) in merged.items():
            if (row, column) not in model.cells:
                sheet.merge(row - 1, end_row - 1, column - 1, end_column - 1)
    book.save(str(path))
    return path
