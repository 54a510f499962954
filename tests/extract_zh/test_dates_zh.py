from __future__ import annotations

import pytest

from mcfwatch.extract.zh.dates import cn_number, find_dates


@pytest.mark.parametrize(
    ("text", "date", "date_end"),
    [
        ("2019年6月9日至16日", "2019-06-09", "2019-06-16"),
        ("2018年11月19日至26日", "2018-11-19", "2018-11-26"),
        ("2018年11月", "2018-11", None),
        ("2016年8月1日", "2016-08-01", None),
        ("去年十月", "2019-10", None),
        ("二〇一八年十一月", "2018-11", None),
        ("2018年11月至2019年1月", "2018-11", "2019-01"),
        ("今年3月", "2020-03", None),
    ],
)
def test_dates(text: str, date: str, date_end: str | None) -> None:
    (d,) = find_dates(text, "2020-12-22")
    assert (d.date, d.date_end) == (date, date_end)
    assert d.start == 0 and d.end == len(text)


def test_relative_date_needs_an_anchor() -> None:
    assert find_dates("去年十月", None) == []


def test_no_date_in_durations() -> None:
    assert find_dates("为期3个月的访问", "2020-01-01") == []


def test_cn_number() -> None:
    assert [cn_number(s) for s in ("二十六", "十一", "十", "2019", "二〇一九")] == [26, 11, 10, 2019, 2019]


def test_dangling_range_marker_is_not_part_of_the_date() -> None:
    (d,) = find_dates("2018年11月至今", "2020-01-01")
    assert (d.date, d.end) == ("2018-11", 8)


def test_ascii_zero_among_chinese_digits() -> None:
    # Real government work reports write 二0一0年 and 二0一一年 (an ASCII zero): this raised KeyError and the
    # whole document failed to ingest (46 of 22,612 Chinese documents in the 100,000-document benchmark).
    text = "实现国内生产总值和城乡居民人均收入比二0一0年翻一番。二0一一年国内生产总值达到四十七点三万亿元。"
    assert [d.date for d in find_dates(text)] == ["2010", "2011"]
    assert [cn_number(s) for s in ("二0一0", "十二0", "二十二十")] == [2010, -1, -1]
