"""Place words that name no place a story is about: a law's title, an adjective, a count of countries.

corpus/train never marks the country at the head of a law's title (《中华人民共和国出口管制法》, a title line
"中华人民共和国反外国制裁法"; laws are no entities either, docs/annotation.md Program ✘), the country in an adjective
(中国特色社会主义; "Chinese" is no Place by the guide), a two-country adjective (中美, 中欧, 中外: 0 of their
occurrences are marked) or 多国/中华 (many countries; the nation), 发展中国家 (developing countries), a firm's sales
region (中国区, 亚太区), a continent or world region (欧洲, 中东: ``REGIONS``), nor a building, airport, station or bridge (the
guide: "Not streets, addresses, buildings, rooms": 人民大会堂, 克里姆林宫, 北京首都国际机场, 集装箱码头). Each is dropped
as a Place mention here; the same country named as a place elsewhere in the story stays.
"""

from __future__ import annotations

import re

# Two-character words that look like places to a tagger but name none.
NOT_PLACES = frozenset({"多国", "各国", "中华", "中外", "友城", "中方", "外方"})  # 中方/外方: "the Chinese side" (0 of 13 marked)
# Continents and world regions the corpora mark almost never (corpus/train and corpus/extra/zh.jsonl: 欧洲 1 of 44
# occurrences, 中东 2 of 46, 亚洲 0 of 17; 欧洲市场, 中东企业, 欧洲飞机制造商 are no places of a story); 南美, 中东欧 are
# marked now and then, and stay places.
REGIONS = frozenset({"欧洲", "中东", "亚洲", "非洲", "东南亚", "亚太"})
_BILATERAL = re.compile(r"中[美欧外韩澳日俄法德英非拉亚巴印越泰新意西荷比瑞挪芬丹葡希奥匈波捷乌哈]")
_ADJECTIVAL = ("特色",)
# A firm's sales region (罗罗公司中国区总裁, 亚太区总裁): corpus/train marks none of them.
_FIRM_REGION = re.compile(r"(?:中国|大中华|亚太|亚洲|欧洲|中东|北美|南美|拉美|东南亚|非洲)区")
_BUILDINGS = ("堂", "宫", "宾馆", "饭店", "酒店", "大厦", "机场", "码头", "广场", "大桥", "桥", "庄园", "车站", "站", "大街", "路")
_TITLE_END = re.compile(r"[\u4e00-\u9fff]{0,20}?(?:法|条例)(?:（[^）\n]{0,20}）)?(?=》|\s*$)", re.MULTILINE)


def _law_title(text: str, start: int, end: int) -> bool:
    """Whether the place at [start, end) opens a law's title: right after 《, or at the start of a line that is one."""
    line_start = text.rfind("\n", 0, start) + 1
    opens = text.endswith("《", 0, start) or not text[line_start:start].strip()
    return opens and _TITLE_END.match(text, end) is not None


def names_no_place(text: str, start: int, end: int) -> bool:
    """Whether the Place mention ``text[start:end]`` names no place of the story (see the module's docstring)."""
    word = text[start:end]
    if word in NOT_PLACES or word in REGIONS or _BILATERAL.fullmatch(word) or word.endswith(_BUILDINGS):
        return True
    if text.startswith(_ADJECTIVAL, end) or _FIRM_REGION.fullmatch(word):
        return True
    if word.endswith("国") and text.startswith("家", end):
        return True  # 发展中国家: developing countries, no 中国
    return _law_title(text, start, end)
