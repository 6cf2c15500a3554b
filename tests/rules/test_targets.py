"""Reading 年度指标值 and 实际完成值 texts as clerks and the sample forms write them."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SAMPLE_FILES
from desktop.rules.targets import Reading, TargetKind, excel_serial_date, parse_reading

P, R, Z = TargetKind.POSITIVE, TargetKind.REVERSE, TargetKind.EQUAL_ZERO
Q, NA, E = TargetKind.QUALITATIVE, TargetKind.NOT_APPLICABLE, TargetKind.EMPTY
D, C = TargetKind.DEADLINE, TargetKind.COMPOUND

# Every distinct target and actual string of the five sample forms:
# text -> (kind, op, value, unit) for numbers, (DEADLINE, deadline, date) for dates,
# (COMPOUND, [(op, value, unit), …]) for several clauses, (kind,) otherwise.
SAMPLE_READINGS: dict[str, tuple] = {
    # guangming-2024-market
    "≥273人": (P, ">=", "273", "人"),
    "321人": (P, None, "321", "人"),
    "100%": (P, None, "100", "%"),
    "5处": (P, None, "5", "处"),
    "125宗": (P, None, "125", "宗"),
    "≥20000件": (P, ">=", "20000", "件"),
    "39288件": (P, None, "39288", "件"),
    "1套": (P, None, "1", "套"),
    "4份": (P, None, "4", "份"),
    "及时": (Q,),
    "2024年11月30日前": (D, dt.date(2024, 11, 30), None),
    "2024年9月29日": (D, dt.date(2024, 9, 29), dt.date(2024, 9, 29)),
    "2024年12月前": (D, dt.date(2024, 12, 31), None),
    "45503": (P, None, "45503", ""),  # a number; read as a date only in a 时效 row
    "2024年12月31日": (D, dt.date(2024, 12, 31), dt.date(2024, 12, 31)),
    "不超标": (Q,),
    "≤1683元": (R, "<=", "1683", "元"),
    "1538.7元": (P, None, "1538.7", "元"),
    "4000元/宗": (P, None, "4000", "元/宗"),
    "": (E,),
    "无": (NA,),
    "有效促进": (Q,),
    "0次": (Z, None, "0", "次"),
    # longhua-2022-digital-city
    "17": (P, None, "17", ""),
    "27": (P, None, "27", ""),
    "至少2次/周": (P, ">=", "2", "次/周"),
    "200000": (P, None, "200000", ""),
    "424876": (P, None, "424876", ""),
    "4": (P, None, "4", ""),
    "≥90%": (P, ">=", "90", "%"),
    "92%": (P, None, "92", "%"),
    "95%": (P, None, "95", "%"),
    "1": (P, None, "1", ""),
    "<1821100元": (R, "<", "1821100", "元"),
    "1808698.26元": (P, None, "1808698.26", "元"),
    "不适用": (NA,),
    "重点解决": (Q,),
    # longhua-2022-grid-info
    "3180": (P, None, "3180", ""),
    "97%以上": (P, ">=", "97", "%"),
    "97.11%": (P, None, "97.11", "%"),
    "99.94%": (P, None, "99.94", "%"),
    "低于3%": (R, "<", "3", "%"),
    "2.95%": (P, None, "2.95", "%"),
    "≤461.74万元": (R, "<=", "4617400", "元"),
    "461.736万元": (P, None, "4617360", "元"),
    "采集率达95%以上，准确率达90%以上，注销率达95%以上；":
        (C, [(">=", "95", "%"), (">=", "90", "%"), (">=", "95", "%")]),
    "采集率96.22%，准确率达99.31%，注销率95.35%":
        (C, [(None, "96.22", "%"), (None, "99.31", "%"), (None, "95.35", "%")]),
    "采集率达95%以上，准确率达98%以上；": (C, [(">=", "95", "%"), (">=", "98", "%")]),
    "采集率99.74%，准确率达99.49%": (C, [(None, "99.74", "%"), (None, "99.49", "%")]),
    "信息通报率达95%以上": (P, ">=", "95", "%"),
    "99.55%": (P, None, "99.55", "%"),
    "95%以上": (P, ">=", "95", "%"),
    # shanghai-2020-target
    "合理": (Q,), "健全": (Q,), "规范": (Q,), "合规": (Q,),
    "=100%": (P, "=", "100", "%"),
    ">=95%": (P, ">=", "95", "%"),
    ">=80%": (P, ">=", "80", "%"),
    ">=85%": (P, ">=", "85", "%"),
    ">=90%": (P, ">=", "90", "%"),
    ">=8个": (P, ">=", "8", "个"),
    # shenzhen-2023-unit-target
    "≥1000家": (P, ">=", "1000", "家"),
    "≥4000家": (P, ">=", "4000", "家"),
    "20场": (P, None, "20", "场"),
    "40场": (P, None, "40", "场"),
    "2个": (P, None, "2", "个"),
    "500次": (P, None, "500", "次"),
    "60次": (P, None, "60", "次"),
    "150次": (P, None, "150", "次"),
    "≥2000件": (P, ">=", "2000", "件"),
    "5次": (P, None, "5", "次"),
    "3000个": (P, None, "3000", "个"),
    "≥19000宗": (P, ">=", "19000", "宗"),
    "≥7000宗": (P, ">=", "7000", "宗"),
    "≥18000 宗": (P, ">=", "18000", "宗"),
    "≥2000 家": (P, ">=", "2000", "家"),
    "≥30 份": (P, ">=", "30", "份"),
    "≥100000 个": (P, ">=", "100000", "个"),
    "≥500 篇次": (P, ">=", "500", "篇次"),
    "≥1 场次": (P, ">=", "1", "场次"),
    "≥5 次": (P, ">=", "5", "次"),
    "4 个": (P, None, "4", "个"),
    "5 个": (P, None, "5", "个"),
    "≥60 份": (P, ">=", "60", "份"),
    "27 人": (P, None, "27", "人"),
    "≥1 场": (P, ">=", "1", "场"),
    "10 次": (P, None, "10", "次"),
    "2 次": (P, None, "2", "次"),
    "15 次": (P, None, "15", "次"),
    "5000 个": (P, None, "5000", "个"),
    "24 次": (P, None, "24", "次"),
    "12 项": (P, None, "12", "项"),
    "1 个": (P, None, "1", "个"),
    "12 台": (P, None, "12", "台"),
    "1 支": (P, None, "1", "支"),
    "≥1 次": (P, ">=", "1", "次"),
    "3 个": (P, None, "3", "个"),
    "5 次": (P, None, "5", "次"),
    "1 条": (P, None, "1", "条"),
    "合格": (Q,),
    "≥60%": (P, ">=", "60", "%"),
    "≥50%": (P, ">=", "50", "%"),
    "2023 年 12 月 31 日前": (D, dt.date(2023, 12, 31), None),
    "≤预算金额": (Q,),  # an operator, but nothing to measure against
    "≥60 篇次": (P, ">=", "60", "篇次"),
    "年处理投诉数量≥5 万宗": (P, ">=", "50000", "宗"),
    "满足": (Q,),
    "≥10 家新闻媒体报道": (P, ">=", "10", "家"),
    "≥深圳市 5 个行政区": (P, ">=", "5", "个"),
    "≥深圳市 8 个行政区": (P, ">=", "8", "个"),
    "≤10 次": (R, "<=", "10", "次"),
    "比较满意": (Q,),
    "≥80%": (P, ">=", "80", "%"),
}


def _assert_reading(reading: Reading, expected: tuple) -> None:
    kind = expected[0]
    assert reading.kind is kind
    if kind is D:
        assert (reading.deadline, reading.date) == expected[1:]
    elif kind is C:
        clauses = [(c.op, c.value, c.unit) for c in reading.clauses]
        assert clauses == [(op, Decimal(value), unit) for op, value, unit in expected[1]]
    elif len(expected) > 1:
        op, value, unit = expected[1:]
        assert (reading.op, reading.value, reading.unit) == (op, Decimal(value), unit)
    else:
        assert reading.value is None


@pytest.mark.parametrize("text", list(SAMPLE_READINGS))
def test_every_sample_text_reads_as_written(text: str) -> None:
    _assert_reading(parse_reading(text), SAMPLE_READINGS[text])


def test_the_table_covers_every_target_and_actual_of_the_samples() -> None:
    texts = {row[key] for path in SAMPLE_FILES
             for row in json.loads(path.read_text(encoding="utf-8"))["indicators"]
             for key in ("target", "actual") if key in row}
    assert texts == set(SAMPLE_READINGS)


@pytest.mark.parametrize("text, expected", [
    ("≥５００", (P, ">=", "500", "")),
    ("９７％以上", (P, ">=", "97", "%")),
    ("＜３％", (R, "<", "3", "%")),
    ("不低于90%", (P, ">=", "90", "%")),
    ("不少于3次", (P, ">=", "3", "次")),
    ("至少5场", (P, ">=", "5", "场")),
    ("不高于100元", (R, "<=", "100", "元")),
    ("不超过10次", (R, "<=", "10", "次")),
    ("5个工作日以内", (R, "<=", "5", "个工作日")),
    ("3%以下", (R, "<=", "3", "%")),
    ("少于2次", (R, "<", "2", "次")),
    ("高于80%", (P, ">", "80", "%")),
    ("超过20000件", (P, ">", "20000", "件")),
    ("多于3家", (P, ">", "3", "家")),
    ("<=100", (R, "<=", "100", "")),
    ("=0", (Z, "=", "0", "")),
    ("≤0起", (Z, "<=", "0", "")),
    ("1,276", (P, None, "1276", "")),
    ("5千元", (P, None, "5000", "元")),
    ("1.2亿元", (P, None, "120000000", "元")),
    ("2万人次", (P, None, "20000", "人次")),
])
def test_synonyms_full_width_and_magnitudes(text: str, expected: tuple) -> None:
    _assert_reading(parse_reading(text), expected)


@pytest.mark.parametrize("text, deadline, day", [
    ("2024年上半年", dt.date(2024, 6, 30), None),
    ("2024年下半年", dt.date(2024, 12, 31), None),
    ("2024年底", dt.date(2024, 12, 31), None),
    ("2024年年底", dt.date(2024, 12, 31), None),
    ("2024年年底前", dt.date(2024, 12, 31), None),
    ("2024年第三季度", dt.date(2024, 9, 30), None),
    ("2024年2月前", dt.date(2024, 2, 29), None),
    ("2024-07-30", dt.date(2024, 7, 30), dt.date(2024, 7, 30)),
    ("2024/7/30", dt.date(2024, 7, 30), dt.date(2024, 7, 30)),
    ("２０２４年７月３０日", dt.date(2024, 7, 30), dt.date(2024, 7, 30)),
    ("于2024年10月15日之前完成", dt.date(2024, 10, 15), None),
    ("2024年2月30日", None, None),   # no such day: the clerk judges it
    ("12月底前", None, None),        # no year
])
def test_deadlines_and_dates(text: str, deadline: dt.date | None, day: dt.date | None) -> None:
    reading = parse_reading(text)
    assert (reading.kind, reading.deadline, reading.date) == (D, deadline, day)


@pytest.mark.parametrize("text, expected", [
    ("45503", dt.date(2024, 7, 30)),
    (" 45503 ", dt.date(2024, 7, 30)),
    ("36500", dt.date(1999, 12, 6)),
    ("36499", None),     # below the range: a count, not a date
    ("55001", None),
    ("4550", None),
    ("45503件", None),
    ("", None),
])
def test_excel_serial_date(text: str, expected: dt.date | None) -> None:
    assert excel_serial_date(text, 36500, 55000) == expected


TOKENS = st.sampled_from([
    "0", "1", "5", "95", "2024", "12", "31", ".", ",", "，", "；", "、", " ", "\u3000", "%", "％",
    "万", "亿", "千", "元", "万元", "次", "人", "次/周", "元/宗", "宗", "个", "≥", "≤", ">", "<",
    "=", ">=", "<=", "＞", "＝", "０", "９", "以上", "以下", "以内", "内", "不低于", "超过", "低于",
    "年", "月", "日", "前", "上半年", "底", "第", "季度", "-", "/", "不适用", "无", "及时", "达",
    "采集率", "(含)", "\n", "−", "٣", "𝟏", "e", "E", "NaN", "Infinity",
])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.lists(TOKENS, max_size=14).map("".join)))
def test_parse_reading_never_raises(text: str) -> None:
    reading = parse_reading(text)
    assert isinstance(reading.kind, TargetKind)
    assert reading.text == text
    for clause in reading.clauses:
        assert clause.kind in (P, R, Z) and clause.value is not None and clause.value >= 0


def test_parsing_is_memoised() -> None:
    assert parse_reading("≥273人") is parse_reading("≥273人")
