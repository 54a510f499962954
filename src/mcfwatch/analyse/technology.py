"""Technology sensitivity: words in evidence sentences mapped to a critical-technology list."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from mcfwatch.analyse.ruleset import TechList
from mcfwatch.graph import Evidence


@dataclass(slots=True, frozen=True)
class TechHit:
    keyword: str
    category: str
    evidence: Evidence
    via: str          # the entity whose record carries the sentence


_CACHE: dict[int, tuple[tuple[re.Pattern[str], str, str], ...]] = {}


def _patterns(tech: TechList) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    if id(tech) in _CACHE:
        return _CACHE[id(tech)]
    out = []
    for cat, words in tech.categories.items():
        for w in words:
            body = re.escape(w)
            pat = rf"(?<![\w-]){body}(?![\w-])" if w.isascii() else body
            out.append((re.compile(pat, re.I), w, cat))
    _CACHE[id(tech)] = tuple(out)
    return _CACHE[id(tech)]


def find_technologies(texts: Iterable[tuple[Evidence, str]], tech: TechList) -> list[TechHit]:
    """The first hit of each category, in the order the texts come (the partner's own first)."""
    hits: dict[str, TechHit] = {}
    pats = _patterns(tech)
    for ev, via in texts:
        for pat, word, cat in pats:
            if cat not in hits and pat.search(ev.text):
                hits[cat] = TechHit(keyword=word, category=cat, evidence=ev, via=via)
    return list(hits.values())
