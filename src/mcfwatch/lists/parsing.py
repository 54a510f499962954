"""Small pure helpers shared by the importers: ids, name lists, dates, citations, entity types."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from mcfwatch.lists.model import ListEntry

_SLUG_RE = re.compile(r"[^\w]+", re.UNICODE)


def slug(text: str) -> str:
    """A stable id fragment: case-folded words joined by '-' (CJK kept), at most 80 characters."""
    return _SLUG_RE.sub("-", text.casefold()).strip("-")[:80] or "unnamed"


def clean(text: object) -> str:
    """Collapse whitespace; None and OFAC's '-0-' become ''."""
    if text is None:
        return ""
    value = " ".join(str(text).split())
    return "" if value == "-0-" else value


def split_names(text: object, seps: str = ";|") -> list[str]:
    """Split a delimited alias cell into clean, distinct names (order kept)."""
    value = clean(text)
    if not value:
        return []
    parts = re.split("[" + re.escape(seps) + "]", value)
    return unique(p.strip(" ,.") for p in parts)


def unique(values: Iterable[str]) -> list[str]:
    """Distinct non-empty values, first occurrence kept, compared case-insensitively."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        value = clean(value)
        key = value.casefold()
        if value and key not in seen:
            seen.add(key)
            out.append(value)
    return out


_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_cjk(text: str) -> bool:
    """True if the text contains a Chinese (Han) character."""
    return bool(_CJK_RE.search(text))


def split_scripts(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split names into (Chinese-script names, other names)."""
    zh: list[str] = []
    other: list[str] = []
    for name in unique(names):
        (zh if has_cjk(name) else other).append(name)
    return zh, other


_DATE_FORMATS = ("%Y-%m-%d", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%d.%m.%Y", "%m/%d/%Y", "%m/%d/%y", "%Y")


def iso_date(text: object) -> str | None:
    """Parse the date formats found in the lists ('03 Jun 2021', 'June 21, 2022', '02.12.2019', '5/21/19')."""
    value = clean(text).rstrip(".")
    if not value:
        return None
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.date().isoformat() if fmt != "%Y" else f"{parsed.year:04d}-01-01"
    return None


_FR_RE = re.compile(r"(\d{2,3})\s*F\.?\s?R\.?\s*(\d[\d,]*)[^|;]*?(\d{1,2})/(\d{1,2})/(\d{2,4})")


def fr_dates(citation: str | None) -> list[str]:
    """ISO dates of every Federal Register citation like '84 FR 22963, 5/21/19' in the text."""
    dates: list[str] = []
    for match in _FR_RE.finditer(citation or ""):
        month, day, year = int(match.group(3)), int(match.group(4)), int(match.group(5))
        if year < 100:
            year += 2000 if year < 70 else 1900
        try:
            dates.append(datetime(year, month, day).date().isoformat())
        except ValueError:
            continue
    return sorted(dates)


_MILITARY = re.compile(
    r"people'?s liberation army|\bPLA\b|\bunit \d{3,}|rocket force|strategic support force|"
    r"military|\bnavy\b|air force|\barmy\b|national university of defen[cs]e technology|"
    r"解放军|部队|军事|国防科技大学",
    re.IGNORECASE,
)
_COMPANY = re.compile(
    r"\b(co|corp|corporation|company|inc|ltd|limited|llc|llp|gmbh|plc|s\.?a|ag|group|holdings?|"
    r"enterprises?|technolog(y|ies)\s+co)\b\.?|公司|集团|厂",
    re.IGNORECASE,
)
_UNIVERSITY = re.compile(
    r"universit|college|academy|academia|institute|school|laborator|research (center|centre)|"
    r"大学|学院|研究所|研究院|实验室|科学院",
    re.IGNORECASE,
)
_PUBLIC = re.compile(
    r"\b(ministry|bureau|department|commission|government|administration|agency|directorate|"
    r"office|police|procuratorate|court)\b|部|局|委员会|政府",
    re.IGNORECASE,
)
_TYPE_HINTS = {
    "person": "Person", "individual": "Person",
    "company": "Company", "legalentity": "Company", "entity": "Organization",
    "organization": "Organization", "organisation": "Organization",
    "publicbody": "PublicBody", "vessel": "Organization", "airplane": "Organization",
}


def schema_for(name: str, hint: str | None = None) -> str:
    """The mcfwatch entity type of a listed name: the list's type for persons, else name heuristics.

    Lists' own organisation types are unreliable (the §1286 copy types universities as Company),
    so only 'Person' is taken from the list as is; for organisations the name decides.
    """
    base = _TYPE_HINTS.get(clean(hint).casefold().replace(" ", ""), "Organization")
    if base == "Person":
        return "Person"
    if _MILITARY.search(name):
        return "MilitaryUnit"
    if _COMPANY.search(name):
        return "Company"
    if _UNIVERSITY.search(name):
        return "University"
    if _PUBLIC.search(name):
        return "PublicBody"
    return base


def assign_ids(entries: list[ListEntry]) -> list[ListEntry]:
    """Give entries with a duplicate id a numeric suffix (-2, -3 ...) so ids are unique in a version."""
    seen: dict[str, int] = {}
    for entry in entries:
        count = seen.get(entry.id, 0) + 1
        seen[entry.id] = count
        if count > 1:
            entry.id = f"{entry.id}-{count}"
    return entries


def entry_id(list_id: str, name: str) -> str:
    """The stable id of an entry: the list id and the slug of its primary name."""
    return f"{list_id}:{slug(name)}"
