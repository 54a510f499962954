"""Chinese datelines and bylines: the "新华社北京3月5日电（记者 王磊）" that opens a story is not part of its first sentence.

Shapes handled, at the start of a line in the story's opening (after a headline): a wire or paper dateline
"<agency><place><month>月<day>日电" ("新华社北京4月26日电", "本报长沙10月18日电", "中新社华盛顿5日电"), a house
dateline "本报讯", "本网讯", "本院讯", "本公司讯", each optionally followed by a bracketed byline "（记者 王磊）",
"（通讯员 孟琳）" or a byline sentence "张伟东、特约记者李桐报道：". Anywhere in the text, page furniture
(``furniture``): a line or a bracket made of labelled fields, "（供稿：X 撰稿：Y 审核：Z 摄影：W 编辑：V）", "发布时间：…",
"信息来源：…", "责任编辑：…".

What must stay true: no mention inside a dateline or furniture is a relation party (``apart``, ``inside``; the
extractor leaves them out of the relation candidates; 撰稿 何洋 holds no position at the 供稿 body), so the agency and the reporter are never a party of the story's first sentence
(新华社 did not meet the president; 阿里·汗 did not visit 新华社). The mentions stay entities: the annotated corpus
marks the agency (Organization), the filing place (Place) and the reporter (Person) in datelines. A place named
again in the story is still a party there (习近平 visits 莫斯科 of "新华社莫斯科3月21日电 ... 在莫斯科").
"""

from __future__ import annotations

import re

WITHIN = 300  # characters of the opening searched: a headline and a blank line come first at most

_HAN = "\u4e00-\u9fff"
_DATE = r"(?:\d{1,2}月)?\d{1,2}日"
_BYLINE = r"[（(][^（）()\n]{0,40}?(?:记者|通讯员|报道|摄)[^（）()\n]{0,40}?[）)]"
_REPORTED = rf"[ \u3000]*[{_HAN}、·]{{2,30}}?报道[：:]"
DATELINE = re.compile(
    rf"^[ \t\u3000]*(?:[{_HAN}]{{2,12}}?{_DATE}电|本[{_HAN}]{{1,3}}?讯)"
    rf"(?:[ \u3000]*{_BYLINE}|{_REPORTED})?",
    re.MULTILINE,
)


# Labels of page furniture fields (who wrote, edited, photographed, supplied; where from; when posted).
_LABELS = ("供稿", "撰稿", "审核", "审稿", "审校", "校对", "摄影", "图片", "编辑", "责任编辑", "责编", "来源", "信息来源",
           "稿源", "作者", "文", "图", "通讯员", "发布时间", "发布日期", "发稿时间", "时间", "点击", "浏览次数")
_FIELD = rf"(?:{'|'.join(sorted(_LABELS, key=len, reverse=True))})[ \u3000]*[：:]"
FURNITURE = re.compile(
    rf"[（(][ \u3000]*{_FIELD}[^（）()\n]*[）)]"  # a bracket that opens with a labelled field
    rf"|^[ \t\u3000]*{_FIELD}[^\n]*$",  # a line that opens with one
    re.MULTILINE,
)


def furniture(text: str) -> list[tuple[int, int]]:
    """(start, end) of each furniture line or bracket of ``text``."""
    return [(m.start() + len(m.group()) - len(m.group().lstrip(" \t\u3000")), m.end()) for m in FURNITURE.finditer(text)]


def apart(text: str) -> list[tuple[int, int]]:
    """Datelines and furniture of ``text``: the spans whose mentions are no relation party."""
    return sorted(datelines(text) + furniture(text))


def datelines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline in the opening of ``text``, the byline included."""
    out = []
    for m in DATELINE.finditer(text, 0, min(len(text), WITHIN + 40)):
        if m.start() >= WITHIN:
            break
        start = m.start() + len(m.group()) - len(m.group().lstrip(" \t\u3000"))
        out.append((start, m.end()))
    return out


def inside(start: int, end: int, lines: list[tuple[int, int]]) -> bool:
    """Whether the characters [start, end) overlap one of ``lines``."""
    return any(start < e and end > s for s, e in lines)


# A byline's names: （记者 梁静）, （记者 高原 李娜）, （通讯员 孟琳）; common words as names (高原) are names there.
_BYLINE_NAMES = re.compile(rf"[（(][^（）()\n]{{0,12}}?(?:记者|通讯员)((?:[ \u3000、]*[{_HAN}]{{2,3}})+)[ \u3000]*[）)]")
_NAME = re.compile(rf"[{_HAN}]{{2,3}}")


def bylined(text: str) -> list[tuple[int, int]]:
    """(start, end) of each person named in a bracketed byline of ``text`` (the corpus marks the reporter Person)."""
    return [(m.start(1) + n.start(), m.start(1) + n.end()) for m in _BYLINE_NAMES.finditer(text)
            for n in _NAME.finditer(m.group(1))]
