"""Where a Chinese technology's name starts: with its model designation or its technical numerals, after a count.

The guide marks a technology "in full, as the text lists it" (docs/annotation.md, Technology), and corpus/train
keeps in the span a model designation (HR-30无人机, VT4主战坦克, 035G型潜艇, S26T型潜艇) and a numeral that is part of
what the item is (五轴数控机床, 第三代半导体器件), but not a count of items (一艘S26T型潜艇 -> S26T型潜艇, 6台起重机).
Craft named with a series number (嫦娥四号, 神舟十号, 北斗三号) are technologies too (``series``): corpus/train marks
each of its four.
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import typing_rules as tr

_CN_NUM = "一二三四五六七八九十两百千万"
_COUNT_WORDS = "艘架台套批辆枚颗件个种项条列组座门部型"
# A count of items at a name's start: 一艘, 12架, 两套, 首批, 一批次.
COUNT = re.compile(rf"(?:[{_CN_NUM}\d]+|首|每|多|数)[{_COUNT_WORDS}](?:次)?")
# Just before a name: a designation (HR-30, VT4, 035G型) or a technical numeral (五轴, 第三代).
_DESIGNATION = r"(?<![A-Za-z0-9\-])[A-Za-z0-9][A-Za-z0-9\-]{0,9}[A-Za-z0-9]型?"
_TECH_NUMERAL = rf"[{_CN_NUM}\d]+(?:轴|坐标|通道)|第[{_CN_NUM}\d]+代"
_SERIES = r"(?<!第)[\u4e00-\u9fff]{2}[一二三四五六七八九十]{1,3}号"
BEFORE = re.compile(rf"(?:{_DESIGNATION}|{_TECH_NUMERAL}|{_SERIES})$")  # … and a series name: 北斗三号军用终端
SERIES = re.compile(rf"{_SERIES}(?!文件|令|公告|院|楼|线)")


# A trade verb or the armed service that uses an item is no part of its name (武装部队出口热像仪, 海军舰艇).
_NOT_INSIDE = re.compile(r"(?:出口|进口|交付|提供|采购|研制|销售|供应|出售|购买|引进)(?:了)?|海军|空军|陆军|火箭军|部队")


def span(text: str, start: int, end: int) -> tuple[int, int]:
    """A technology proposed as ``text[start:end]`` with a leading count cut off and a designation or technical
    numeral just before it taken in; it starts after a trade verb or an armed service inside it."""
    inside = [m.end() for m in _NOT_INSIDE.finditer(text, start, end) if end - m.end() >= 2]
    start = max([start, *inside])
    while (lead := next((w for w in tr.TECH_NOT_NAME if text.startswith(w, start)), "")) and end - start - len(lead) >= 3:
        start += len(lead)  # 配套生产机轮刹车系统 -> 机轮刹车系统
    count = COUNT.match(text, start, end)
    if count and end - count.end() >= 2:
        return count.end(), end
    before = BEFORE.search(text, max(0, start - 12), start)
    if before and not re.fullmatch(r"\d+", before.group()):  # 2019年 / 12 alone is no designation
        return before.start(), end
    return start, end


def series(text: str) -> list[tuple[int, int]]:
    """(start, end) of the craft named with a series number: two characters, a Chinese numeral and 号 (嫦娥四号)."""
    return [(m.start(), m.end()) for m in SERIES.finditer(text)]
