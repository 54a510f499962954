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


_TOKEN = re.compile(r"[0-9a-z]+(?:-[0-9a-z]+)*")
_CACHE: dict[int, tuple[dict[tuple[str, ...], tuple[str, str]], list[tuple[str, str, str]], int]] = {}


def _index(tech: TechList) -> tuple[dict[tuple[str, ...], tuple[str, str]], list[tuple[str, str, str]], int]:
    """Latin keywords as token tuples (matched on whole words), other scripts as substrings."""
    if id(tech) not in _CACHE:
        phrases: dict[tuple[str, ...], tuple[str, str]] = {}
        substrings: list[tuple[str, str, str]] = []
        for cat, words in tech.categories.items():
            for w in words:
                if w.isascii():
                    phrases.setdefault(tuple(_TOKEN.findall(w.lower())), (w, cat))
                else:
                    substrings.append((w, w, cat))
        _CACHE[id(tech)] = (phrases, substrings, max(len(k) for k in phrases))
    return _CACHE[id(tech)]


def find_technologies(texts: Iterable[tuple[Evidence, str]], tech: TechList) -> list[TechHit]:
    """The first hit of each category, in the order the texts come (the partner's own first)."""
    phrases, substrings, longest = _index(tech)
    hits: dict[str, TechHit] = {}
    seen: set[tuple[str, int, int]] = set()
    for ev, via in texts:
        key = (ev.document, ev.start, ev.end)
        if key in seen:
            continue
        seen.add(key)
        tokens = _TOKEN.findall(ev.text.lower())
        found = [phrases[t] for n in range(1, longest + 1) for i in range(len(tokens) - n + 1)
                 if (t := tuple(tokens[i: i + n])) in phrases]
        found += [(w, cat) for sub, w, cat in substrings if sub in ev.text]
        for word, cat in found:
            if cat not in hits:
                hits[cat] = TechHit(keyword=word, category=cat, evidence=ev, via=via)
    return list(hits.values())
