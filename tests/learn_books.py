"""A sheet in a layout no shipped layout knows, as a county's finance bureau prints it.

No label of its indicator header (序号 | 指标层级一 | 指标层级二 | 考核内容 | 年度目标 |
考核方法) nor of its header (项目代码： / 单位： / 项目：) is one a layout prints, so the
reader refuses it until a clerk teaches the app its layout. A filler for
`workbooks.write_book`, so it sits beside exported sheets in one workbook.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.worksheet.worksheet import Worksheet
from workbooks import write_book

HEADER = ("序号", "指标层级一", "指标层级二", "考核内容", "年度目标", "考核方法")
ROWS = (
    (1, "产出指标", "数量指标", "受益学生人数", "≥1200人", "查阅受助学生名册"),
    (2, None, "质量指标", "食品安全事故", "0起", "现场检查"),
    (3, None, "时效指标", "补助资金按月发放", "每月10日前", "查阅拨付凭证"),
    (4, "效益指标", "社会效益指标", "学生营养状况改善", "持续改善", "体检报告"),
    (5, "满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "问卷调查"),
)
CODE = "XM-2024-017"
UNIT = "某某县教育局"
PROJECT = "农村义务教育学生营养改善计划"


def county_target(sheet: Worksheet) -> None:
    sheet["A1"] = "2024年项目绩效目标表"
    sheet.merge_cells("A1:F1")
    sheet["A2"], sheet["B2"], sheet["D2"], sheet["E2"] = "项目代码：", CODE, "单位：", UNIT
    sheet["A3"], sheet["B3"] = "项目：", PROJECT
    sheet.merge_cells("B3:F3")
    for column, label in enumerate(HEADER, 1):
        sheet.cell(5, column, label)
    for row, values in enumerate(ROWS, 6):
        for column, value in enumerate(values, 1):
            if value is not None:
                sheet.cell(row, column, value)
    sheet.merge_cells("B6:B8")     # 产出指标 over its three rows, as printed
    sheet["A12"] = "填表人：王某    联系电话：12345678"
    for letter, width in zip("ABCDEF", (6, 14, 18, 24, 14, 20)):
        sheet.column_dimensions[letter].width = width


def county_workbook(folder: Path, name: str = "县级项目绩效目标.xlsx") -> Path:
    return write_book(Path(folder) / name, [("县级目标", county_target)])
