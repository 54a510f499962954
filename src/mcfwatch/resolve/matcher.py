"""A Matcher compares names with everything mcfwatch knows: word rarity and known names.

Screening, `compare`, the benchmark and cross-document resolution all compare through one Matcher,
so a pair scores the same whichever door it came in by.
"""

from __future__ import annotations

from collections.abc import Iterable

from mcfwatch.lists.model import ListEntry
from mcfwatch.resolve.algorithm import Comparison, compare_names
from mcfwatch.resolve.features import Context
from mcfwatch.resolve.knowledge import Knowledge, Vocabulary
from mcfwatch.resolve.names import Name, parse, placed_outer, variants_of


class Matcher:
    def __init__(self, knowledge: Knowledge, vocabulary: Vocabulary) -> None:
        self.knowledge = knowledge
        self.vocabulary = vocabulary
        self.context = Context(weight=vocabulary.weight, clusters=knowledge.clusters, label=knowledge.label)

    def compare_parsed(self, a: Name, b: Name) -> Comparison:
        return compare_names(a, b, self.context)

    def compare(self, left: str | Iterable[str], right: str | Iterable[str]) -> Comparison:
        """Best comparison over every name (and name variant) on each side."""
        lefts = [left] if isinstance(left, str) else list(left)
        rights = [right] if isinstance(right, str) else list(right)
        best: Comparison | None = None
        all_left, all_right = _variants(lefts, True), _variants(rights, True)
        own_left, own_right = _variants(lefts, False), _variants(rights, False)
        for a in all_left:
            for b in all_right if parse(a).acronym else own_right:
                if a not in own_left and not parse(b).acronym:
                    continue  # an acronym spells the name less its place: AOE = Associated Opto-electronics (Chongqing)
                c = self.compare_parsed(parse(a), parse(b))
                if best is None or c.score > best.score or (c.score == best.score and len(c.features) > len(best.features)):
                    best = c
        if best is None:
            return Comparison(", ".join(lefts), ", ".join(rights), 0.0)
        return best

    @classmethod
    def build(cls, entries: Iterable[ListEntry] = (), table: bool = True) -> Matcher:
        entries = list(entries)
        names = [parse(v) for e in entries for n in e.all_names() for v in variants_of(n)]
        return cls(Knowledge.from_sources(entries, table=table), Vocabulary.from_names(names))


def _variants(names: list[str], placed: bool) -> list[str]:
    """The names and the names inside them; without `placed`, less a name with its bracketed place dropped:
    "Jadeshine Engineering (HK) Co." is not "Jadeshine Engineering Co.", its parent's or a sister's name
    (names.placed_outer). Sorted: the best comparison does not depend on set order."""
    return sorted({v for n in names for v in variants_of(n) if placed or not v or v != placed_outer(n)})


def default_matcher(as_of: str | None = None, exclude_noncommercial: bool = False) -> Matcher:
    """The matcher screening uses: every loaded list (the version valid on as_of) plus the name table."""
    from mcfwatch.resolve.screen import default_screener

    return default_screener(as_of, exclude_noncommercial).matcher
