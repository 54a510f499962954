"""English dates: exact, partial and ranges, resolved to ISO strings (``2018``, ``2018-11``, ``2018-11-19``).

``find_dates(text, published)`` returns every date expression in a text with its character span and
its ISO start and end. Relative expressions ("last October", "this year") resolve against the
document's publication date; without one they are skipped. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_M = (
    r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_D = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<{n}>(?:19|20)\d\d)"
_TO = r"\s*(?:-|–|—|to|through|until|and)\s*"


def _f(pattern: str, **names: str) -> str:
    return pattern.format(**names)


# Ordered: the first pattern that matches at a position wins; longer forms come first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdmdy", re.compile(
        _f(_M, n="m1") + r"\s+" + _f(_D, n="d1") + _TO + _f(_M, n="m2") + r"\s+" + _f(_D, n="d2")
        + r",?\s+" + _f(_Y, n="y") + r"\b")),
    ("mddy", re.compile(
        _f(_M, n="m1") + r"\s+" + _f(_D, n="d1") + _TO + _f(_D, n="d2") + r",?\s+" + _f(_Y, n="y") + r"\b")),
    ("ddmy", re.compile(
        r"\b" + _f(_D, n="d1") + _TO + _f(_D, n="d2") + r"\s+" + _f(_M, n="m1") + r",?\s+" + _f(_Y, n="y") + r"\b")),
    ("mdy", re.compile(_f(_M, n="m1") + r"\s+" + _f(_D, n="d1") + r",?\s+" + _f(_Y, n="y") + r"\b")),
    ("dmy", re.compile(r"\b" + _f(_D, n="d1") + r"\s+" + _f(_M, n="m1") + r",?\s+" + _f(_Y, n="y") + r"\b")),
    ("mymy", re.compile(
        _f(_M, n="m1") + r"\s+" + _f(_Y, n="y1") + _TO + _f(_M, n="m2") + r"\s+" + _f(_Y, n="y") + r"\b")),
    ("mmy", re.compile(_f(_M, n="m1") + _TO + _f(_M, n="m2") + r",?\s+" + _f(_Y, n="y") + r"\b")),
    ("my", re.compile(_f(_M, n="m1") + r",?\s+(?:of\s+)?" + _f(_Y, n="y") + r"\b")),
    ("yy", re.compile(r"\b(?:from|between)\s+" + _f(_Y, n="y1") + _TO + _f(_Y, n="y") + r"\b")),
    ("rel_month", re.compile(r"\b(?P<rel>last|this|next)\s+" + _f(_M, n="m1") + r"\b", re.I)),
    ("rel_year", re.compile(r"\b(?P<rel>last|this|next)\s+year\b", re.I)),
    ("mdd", re.compile(_f(_M, n="m1") + r"\s+" + _f(_D, n="d1") + r"\s*(?:-|–)\s*" + _f(_D, n="d2")
                       + r"\b(?!,?\s+(?:19|20)\d\d)")),
    ("md", re.compile(_f(_M, n="m1") + r"\s+" + _f(_D, n="d1") + r"\b(?!,?\s+(?:19|20)\d\d)")),
    ("y", re.compile(r"(?<![\w./-])" + _f(_Y, n="y") + r"(?![\w/-]|\.\d)")),
]


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    text: str
    date: str
    date_end: str | None = None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if m is not None and not 1 <= m <= 12:
        return None
    if d is not None and not 1 <= d <= 31:
        return None
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _published(published: str | None) -> tuple[int, int | None] | None:
    if not published:
        return None
    m = re.match(r"((?:19|20)\d\d)(?:-(\d\d))?", published)
    if not m:
        return None
    return int(m.group(1)), (int(m.group(2)) if m.group(2) else None)


def _resolve(kind: str, g: dict[str, str | None], published: str | None) -> tuple[str | None, str | None]:
    if kind == "iso":
        return _iso(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0)), None
    if kind in {"rel_month", "rel_year", "md", "mdd"}:
        pub = _published(published)
        if pub is None:
            return None, None
        py, pm = pub
        rel = (g.get("rel") or "").lower()
        if kind == "rel_year":
            return _iso(py + {"last": -1, "this": 0, "next": 1}[rel]), None
        m = _month(g["m1"] or "")
        if kind == "md":
            return _iso(py, m, int(g["d1"] or 0)), None
        if kind == "mdd":
            return _iso(py, m, int(g["d1"] or 0)), _iso(py, m, int(g["d2"] or 0))
        if rel == "last":  # the most recent such month strictly before the publication month
            year = py if pm is not None and m < pm else py - 1
        elif rel == "next":
            year = py if pm is not None and m > pm else py + 1
        else:
            year = py
        return _iso(year, m), None
    y = int(g["y"] or 0)
    if kind == "y":
        return _iso(y), None
    if kind == "yy":
        return _iso(int(g["y1"] or 0)), _iso(y)
    m1 = _month(g["m1"] or "")
    if kind == "my":
        return _iso(y, m1), None
    if kind == "mmy":
        return _iso(y, m1), _iso(y, _month(g["m2"] or ""))
    if kind == "mymy":
        return _iso(int(g["y1"] or 0), m1), _iso(y, _month(g["m2"] or ""))
    d1 = int(g["d1"] or 0)
    if kind in {"mdy", "dmy"}:
        return _iso(y, m1, d1), None
    d2 = int(g["d2"] or 0)
    if kind in {"mddy", "ddmy"}:
        return _iso(y, m1, d1), _iso(y, m1, d2)
    if kind == "mdmdy":
        return _iso(y, m1, d1), _iso(y, _month(g["m2"] or ""), d2)
    return None, None


def find_dates(text: str, published: str | None = None) -> list[DateMatch]:
    """Every non-overlapping date expression in ``text``, leftmost-longest, in text order."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            date, date_end = _resolve(kind, m.groupdict(), published)
            if date is None:
                continue
            taken.append((s, e))
            found.append(DateMatch(s, e, text[s:e], date, date_end))
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str, published: str | None = None) -> tuple[str, str | None] | None:
    """The first date expression in ``text`` as ``(date, date_end)``, or None."""
    dates = find_dates(text, published)
    if not dates:
        return None
    return dates[0].date, dates[0].date_end
