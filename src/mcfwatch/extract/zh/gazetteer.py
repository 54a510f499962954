"""The Chinese gazetteer: watchlist names and our table of Chinese names with English forms.

Read once per process from package data (``data/*.tsv``, provenance in ``data/PROVENANCE.md``).
Names are stored simplified, so traditional input matches after ``normalise.simplify``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from mcfwatch.extract.zh.normalise import simplify
from mcfwatch.extract.zh.typing_rules import listed_type


@dataclass(slots=True)
class GazetteerEntry:
    name: str                      # simplified Chinese
    type: str                      # mcfwatch entity type
    names_en: list[str] = field(default_factory=list)
    source: str = ""


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, GazetteerEntry]
    first_chars: dict[str, list[int]]   # first character -> name lengths, longest first

    def match_at(self, text: str, i: int) -> GazetteerEntry | None:
        """The longest gazetteer name starting at ``text[i]``, if any."""
        for length in self.first_chars.get(text[i], ()):
            entry = self.entries.get(text[i : i + length])
            if entry is not None:
                return entry
        return None

    def find_all(self, text: str) -> list[tuple[int, int, GazetteerEntry]]:
        """Non-overlapping longest matches, left to right."""
        out = []
        i = 0
        while i < len(text):
            entry = self.match_at(text, i)
            if entry is None:
                i += 1
                continue
            out.append((i, i + len(entry.name), entry))
            i += len(entry.name)
        return out


def _read_tsv(filename: str) -> list[list[str]]:
    text = resources.files("mcfwatch.extract.zh").joinpath("data", filename).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]  # header


def build(entries: list[GazetteerEntry]) -> Gazetteer:
    by_name: dict[str, GazetteerEntry] = {}
    for e in entries:
        if len(e.name) >= 2 and e.name not in by_name:
            by_name[e.name] = e
    first: dict[str, set[int]] = {}
    for name in by_name:
        first.setdefault(name[0], set()).add(len(name))
    return Gazetteer(by_name, {c: sorted(ls, reverse=True) for c, ls in first.items()})


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """Our hand-written table first (it wins on a clash), then the watchlists' Chinese names."""
    entries = [
        GazetteerEntry(simplify(zh), typ, [n for n in en.split("|") if n], "names_en")
        for zh, typ, en in _read_tsv("names_en.tsv")
    ]
    entries += [
        GazetteerEntry(simplify(zh), listed_type(simplify(zh), typ), [en], src)
        for zh, en, typ, src in _read_tsv("watchlist_names.tsv")
    ]
    return build(entries)
