"""Chinese date expressions: exact, partial and ranges, resolved against the document's date.

``find_dates(text, doc_date)`` returns DateMention(start, end, date, date_end) with ISO values that may be
partial ("2018-11", "2019"). Relative expressions (去年十月, 今年3月, 同年) need an anchor: the document's
date for 去年/今年/前年/明年, the last explicit year in the text for 同年 and for a bare 6月9日.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"[0-9〇零○一二两三四五六七八九十]"
_YEAR = rf"(?:(?P<y>{_NUM}{{4}})年|(?P<rel>去年|今年|前年|明年|同年|当年))"
_MONTH = rf"(?P<m>{_NUM}{{1,3}})月(?:份)?"
_DAY = rf"(?P<d>{_NUM}{{1,3}})[日号]"
# End of a range: 至/到/-/— then [year] [month] day, or a bare day number ("9日至16日", "9-16日").
_END = (rf"(?:\s*(?:至|到|-|—|–|~|～)\s*(?:(?P<y2>{_NUM}{{4}})年)?(?:(?P<m2>{_NUM}{{1,3}})月(?:份)?)?"
        rf"(?:(?P<d2>{_NUM}{{1,3}})[日号]?)?)")
DATE_RE = re.compile(rf"(?:{_YEAR}\s*)?(?:{_MONTH}\s*(?:{_DAY})?)?{_END}?")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    date: str
    date_end: str | None = None


def cn_number(s: str) -> int:
    """'2019' -> 2019, '二〇一九' -> 2019, '二0一0' -> 2010, '十一' -> 11, '二十六' -> 26; -1 when it is no number.

    Government reports write years with an ASCII zero among Chinese digits (二0一0年); a string that mixes
    the two systems in a way no writer does (十二0) is -1, which every caller rejects as out of range.
    """
    if s.isdigit() and s.isascii():
        return int(s)
    digits = {**_CN_DIGITS, **{str(i): i for i in range(10)}}
    if "十" in s:
        head, _, tail = s.partition("十")
        if len(head) > 1 or len(tail) > 1 or any(ch not in digits for ch in head + tail):
            return -1
        tens = digits[head] if head else 1
        return tens * 10 + (digits[tail] if tail else 0)
    if any(ch not in digits for ch in s):
        return -1
    value = 0
    for ch in s:
        value = value * 10 + digits[ch]
    return value


def _iso(y: int | None, m: int | None, d: int | None) -> str | None:
    if y is None or not 1000 <= y <= 2999:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= 31:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _doc_year(doc_date: str | None) -> int | None:
    if doc_date and re.match(r"\d{4}", doc_date):
        return int(doc_date[:4])
    return None


def find_dates(text: str, doc_date: str | None = None) -> list[DateMention]:
    """Every date expression in ``text`` (simplified Chinese) with its ISO value, in text order."""
    out: list[DateMention] = []
    last_year: int | None = None
    doc_year = _doc_year(doc_date)
    for m in DATE_RE.finditer(text):
        g = m.groupdict()
        if not (g["y"] or g["rel"] or g["m"]):
            continue
        year: int | None
        if g["y"]:
            year = cn_number(g["y"])
        elif g["rel"] in ("去年", "今年", "前年", "明年"):
            offset = {"去年": -1, "今年": 0, "前年": -2, "明年": 1}[g["rel"]]
            year = doc_year + offset if doc_year else None
        else:  # 同年, 当年 or no year: the last explicit year, else the document's year
            year = last_year or doc_year
        month = cn_number(g["m"]) if g["m"] else None
        day = cn_number(g["d"]) if g["d"] else None
        if month is None and not (g["y"] or g["rel"]):
            continue
        start_iso = _iso(year, month, day)
        if start_iso is None:
            continue
        if g["y"]:
            last_year = year
        end_iso = None
        end = m.end()
        if g["y2"] or g["m2"] or g["d2"]:
            y2 = cn_number(g["y2"]) if g["y2"] else year
            m2 = cn_number(g["m2"]) if g["m2"] else month
            d2 = cn_number(g["d2"]) if g["d2"] else None
            if d2 is not None and day is None and not g["m2"]:
                d2 = None  # "2018年11月至26" is not a range we understand
            end_iso = _iso(y2, m2, d2)
        if end_iso is None:
            # Drop a dangling range marker ("至") from the span.
            end = m.start() + len(m.group(0).rstrip())
            tail = re.search(r"\s*(?:至|到|-|—|–|~|～)\s*$", text[m.start() : end])
            if tail:
                end = m.start() + tail.start()
        out.append(DateMention(m.start(), end, start_iso, end_iso))
    return out


def date_for(dates: list[DateMention], s: int, e: int, p: int, fallback: DateMention | None) -> DateMention | None:
    """The date of the trigger at ``p`` in the sentence [s, e): the last before it, else the sentence's first,
    else ``fallback`` (a date the discourse hands on)."""
    inside = [d for d in dates if s <= d.start < e]
    before = [d for d in inside if d.start < p]
    if before:
        return before[-1]
    return inside[0] if inside else fallback
