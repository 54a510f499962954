"""What mcfwatch knows about names besides their spelling: which names belong to one organisation.

Sources: the table of acronyms and Chinese names (data/aliases.tsv) and every loaded list entry
(its name, Chinese names and aliases are authoritative: the Entity List gives "Northwestern
Polytechnic University" as an alias of Northwestern Polytechnical University, so they match).

Invariant: entries of different lists are joined into one organisation only through a primary
name or a Chinese name they share exactly, never through an alias (affiliates share aliases).
A primary name of more than MAX_CLUSTERS organisations, or an alias of more than one, is ambiguous
and ignored.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from mcfwatch.lists.model import ListEntry
from mcfwatch.resolve import lexicon
from mcfwatch.resolve.names import Name, parse, variants_of

MAX_CLUSTERS = 3


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class Knowledge:
    """Name key -> the organisations (clusters) that publish that name."""

    def __init__(self) -> None:
        self._units: dict[str, tuple[str, list[str], list[str]]] = {}  # unit -> (label, strong, all names)

    def add_unit(self, unit: str, label: str, strong: Iterable[str], names: Iterable[str]) -> None:
        self._units[unit] = (label, list(strong), list(names))

    def build(self) -> Knowledge:
        uf = _UnionFind()
        strong_owner: dict[str, str] = {}
        for unit, (_, strong, _) in self._units.items():
            uf.find(unit)
            for n in (v for s in strong for v in variants_of(s)):
                parsed = parse(n)
                key = parsed.key
                if key and len(key) >= 3 and not parsed.acronym:
                    if key in strong_owner:
                        uf.union(unit, strong_owner[key])
                    else:
                        strong_owner[key] = unit
        # A name that is the primary name of some organisation designates those only; a name that is
        # only an alias designates every organisation giving it (lists give a group's name as an alias
        # of its members). Table units: every name is primary (the table is curated).
        self._by_key: dict[str, set[str]] = {}
        self._alias_key: dict[str, set[str]] = {}
        self._labels: dict[str, str] = {}
        for unit, (label, strong, names) in self._units.items():
            root = uf.find(unit)
            self._labels.setdefault(root, label)
            primary = {parse(v).key for s in strong for v in variants_of(s)}
            for n in names:
                for v in variants_of(n):
                    key = parse(v).key
                    if key:
                        target = self._by_key if key in primary else self._alias_key
                        target.setdefault(key, set()).add(root)
        self._roots = {unit: uf.find(unit) for unit in self._units}
        return self

    def clusters(self, name: Name) -> frozenset[str]:
        found = self._by_key.get(name.key)
        if found:
            return frozenset(found) if len(found) <= MAX_CLUSTERS else frozenset()
        # an alias given by several organisations (a parent and its unit) tells nothing
        found = self._alias_key.get(name.key)
        return frozenset(found) if found and len(found) == 1 else frozenset()

    def primary_clusters(self, name: Name) -> frozenset[str]:
        """Organisations that publish this name as their own (primary) name."""
        return frozenset(self._by_key.get(name.key, ()))

    def cluster_of(self, unit: str) -> str:
        return self._roots.get(unit, unit)

    def label(self, cluster: str) -> str:
        return self._labels.get(cluster, cluster)

    @classmethod
    def from_sources(cls, entries: Iterable[ListEntry] = (), table: bool = True) -> Knowledge:
        k = cls()
        if table:
            for i, group in enumerate(lexicon.known_names()):
                label = next((n for n in group if not parse(n).acronym), group[0])  # a name, not an acronym
                k.add_unit(f"table:{i}", label, group, group)
        for e in entries:
            # people share names: two listed people are never joined by their name alone
            strong = [] if e.schema == "Person" else [e.name, *e.names_zh]
            k.add_unit(e.id, e.name, strong, e.all_names())
        return k.build()


class Vocabulary:
    """How rare each word is among the names on the lists: rare words weigh more in word_match."""

    def __init__(self, df: Counter[str], n: int) -> None:
        self.df = df
        self.n = max(n, 1000)
        self._cache: dict[str, float] = {}

    def weight(self, word: str) -> float:
        w = self._cache.get(word)
        if w is None:
            w = math.log((self.n + 1) / (self.df.get(word, 0) + 1))
            if word in lexicon.KINDS or word in lexicon.UNIT_WORDS:
                w = min(w, 1.5)
            w = min(8.0, max(0.3, w))
            self._cache[word] = w
        return w

    @classmethod
    def from_names(cls, names: Iterable[Name]) -> Vocabulary:
        df: Counter[str] = Counter()
        n = 0
        for name in names:
            n += 1
            df.update(name.tokens)
        return cls(df, n)
