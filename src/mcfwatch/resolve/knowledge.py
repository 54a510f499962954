"""What mcfwatch knows about names besides their spelling: which names belong to one organisation.

Sources: the table of acronyms and Chinese names (data/aliases.tsv) and every loaded list entry
(its name, Chinese names and aliases are authoritative: the Entity List gives "Northwestern
Polytechnic University" as an alias of Northwestern Polytechnical University, so they match).

Invariant: entries of different lists are joined into one organisation through a primary name or a
Chinese name they share exactly, or (`alias_joins`) through an alias of one entry that is another entry's
own name, only when that alias is given by no other entry, names at least two words, the two entries agree
on type and country (a second signal, `_same_kind`, stands in for a country either one leaves out), and the entry's own name is a spelling of that alias (Hangzhao / Hangzhou Dianzi
University) or its one word (the Entity List's "DJI" gives "SZ DJI Technology Co., Ltd.", NS-CMIC's name),
not a parent's or a unit's name (affiliates share aliases: a subsidiary gives its group's name as an
alias); an alias never joins two entries of one list (a list that publishes two entries keeps them two).
A primary name of more than MAX_CLUSTERS organisations, or an alias of more than one, is ambiguous and
ignored.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from mcfwatch.lists.model import ListEntry
from mcfwatch.resolve import lexicon
from mcfwatch.resolve.names import Name, latin_words, parse, placed_outer, variants_of

MAX_CLUSTERS = 3
NAMED_PREFIX = "named:"  # units of the bodies a list entry names in its own data (named_units)
SPELLING = 85  # rapidfuzz ratio of an entry's own name to an alias that joins it to another entry
CLOSE_SPELLING = 95  # ... that is itself a second signal when a country is missing (_same_kind)


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


# (unit, label, keys that join units, keys of its primary names, keys of its other names)
KeyedUnit = tuple[str, str, list[str], list[str], list[str]]


def keyed_unit(unit: str, label: str, strong: Iterable[str], names: Iterable[str]) -> KeyedUnit:
    """A unit's names reduced to the keys `Knowledge.build_keyed` needs (pure; cached per list entry)."""
    joining: list[str] = []
    primary: set[str] = set()
    # a bracketed place is part of who the entry is: "Huawei Technologies (UK) Co., Ltd." is not, by its name,
    # the same organisation as "Huawei Technologies Co., Ltd." (the shorter name stays an alias that finds it)
    for n in (v for s in strong for v in variants_of(s) if not v or v != placed_outer(s)):
        parsed = parse(n)
        primary.add(parsed.key)
        if parsed.key and len(parsed.key) >= 3 and not parsed.acronym:
            joining.append(parsed.key)
    primary_keys: list[str] = []
    alias_keys: list[str] = []
    for n in names:
        placed = placed_outer(n)
        for v in variants_of(n):
            if placed and v == placed:
                continue  # nor an alias that joins it to the parent (alias_joins) or designates it as the parent
            key = parse(v).key
            if key:
                (primary_keys if key in primary else alias_keys).append(key)
    return unit, label, joining, primary_keys, alias_keys


class Knowledge:
    """Name key -> the organisations (clusters) that publish that name."""

    def __init__(self) -> None:
        self._by_key: dict[str, set[str]] = {}
        self._alias_key: dict[str, set[str]] = {}
        self._labels: dict[str, str] = {}
        self._roots: dict[str, str] = {}
        self._renderings: Mapping[str, list[list[str]]] = {}
        self._joined: Mapping[str, str] = {}

    def build_keyed(self, units: Iterable[KeyedUnit], joins: Iterable[tuple[str, str, str]] = ()) -> Knowledge:
        """Join and index units whose names are already reduced to keys (see `keyed_unit`), in order; `joins`
        (unit, unit, why) adds joins found otherwise (`alias_joins`), each kept with its reason."""
        by_unit: dict[str, KeyedUnit] = {}
        for u in units:  # a unit given twice (one entry id) keeps its first place and its last names
            by_unit[u[0]] = u
        units = list(by_unit.values())
        uf = _UnionFind()
        strong_owner: dict[str, str] = {}
        for unit, _, joining, _, _ in units:
            uf.find(unit)
            for key in joining:
                if key in strong_owner:
                    uf.union(unit, strong_owner[key])
                else:
                    strong_owner[key] = unit
        # a join through an alias never puts two entries of one list together: a list that publishes two
        # entries (Hesai Group and Hesai Technology) keeps them two, whatever an alias says
        lists_of: dict[str, set[str]] = {}
        for unit, *_ in units:
            lists_of.setdefault(uf.find(unit), set()).add(unit.partition(":")[0])
        self._joined = {}
        for a, b, why in joins:
            ra, rb = uf.find(a), uf.find(b)
            if ra == rb and a.startswith(NAMED_PREFIX):  # already one body: the Chinese name still came from here
                self._joined.setdefault(b, why)
            if ra == rb or lists_of.get(ra, set()) & lists_of.get(rb, set()):
                continue
            uf.union(a, b)
            lists_of[uf.find(a)] = lists_of.pop(ra, set()) | lists_of.pop(rb, set())
            self._joined.setdefault(a, why)
            self._joined.setdefault(b, why)
        # A name that is the primary name of some organisation designates those only; a name that is
        # only an alias designates every organisation giving it (lists give a group's name as an alias
        # of its members). Table units: every name is primary (the table is curated).
        self._by_key, self._alias_key, self._labels = {}, {}, {}
        for unit, label, _, primary, alias in units:
            root = uf.find(unit)
            self._labels.setdefault(root, label)
            for key in primary:
                self._by_key.setdefault(key, set()).add(root)
            for key in alias:
                self._alias_key.setdefault(key, set()).add(root)
        self._roots = {unit: uf.find(unit) for unit, *_ in units}
        return self

    def tables(self) -> dict[str, Mapping[str, Any]]:
        """The built knowledge as plain tables (what the screening cache stores)."""
        return {"by_key": self._by_key, "alias_key": self._alias_key, "labels": self._labels, "roots": self._roots,
                "renderings": self._renderings, "joined": self._joined}

    @classmethod
    def from_tables(cls, tables: Mapping[str, Mapping[str, Any]]) -> Knowledge:
        """Knowledge over tables given by `tables()` (any mappings: the cache passes lazy ones)."""
        k = cls()
        k._by_key, k._alias_key = tables["by_key"], tables["alias_key"]  # type: ignore[assignment]
        k._labels, k._roots = tables["labels"], tables["roots"]  # type: ignore[assignment]
        k._renderings = tables.get("renderings", {})
        k._joined = tables.get("joined", {})
        return k

    def joined(self, unit: str) -> str:
        """Why this entry was joined to another through an alias (`alias_joins`), if it was."""
        return str(self._joined.get(unit) or "")

    def with_renderings(self, table: Mapping[str, list[list[str]]]) -> Knowledge:
        """Add the pinyin words the lists render as brands (`renderings.table`)."""
        self._renderings = table
        return self

    def renderings(self, pinyin: str) -> list[list[str]]:
        """The encoded renderings learned for a pinyin word (renderings.Rendering.encode), if any."""
        return self._renderings.get(pinyin) or []

    def clusters(self, name: Name) -> frozenset[str]:
        found = self._by_key.get(name.key)
        if found:
            return frozenset(found) if len(found) <= MAX_CLUSTERS else frozenset()
        # an alias given by several organisations (a parent and its unit) tells nothing
        found = self._alias_key.get(name.key)
        return frozenset(found) if found and len(found) == 1 else frozenset()

    def publishes(self, cluster: str, name: Name) -> bool:
        """The organisation publishes this name, as its own or as an alias (not a name less its bracketed place,
        which keyed_unit leaves out: its parent's or a sister's name)."""
        return cluster in self._by_key.get(name.key, ()) or cluster in self._alias_key.get(name.key, ())

    def primary_clusters(self, name: Name) -> frozenset[str]:
        """Organisations that publish this name as their own (primary) name."""
        return frozenset(self._by_key.get(name.key, ()))

    def cluster_of(self, unit: str) -> str:
        return self._roots.get(unit, unit)

    def label(self, cluster: str) -> str:
        return self._labels.get(cluster, cluster)

    @classmethod
    def from_sources(cls, entries: Iterable[ListEntry] = (), table: bool = True) -> Knowledge:
        units = table_units() if table else []
        return cls().build_keyed([*units, *(entry_unit(e) for e in entries)])


def alias_joins(entries: Sequence[ListEntry], units: Sequence[KeyedUnit],
                own_keys: Sequence[Sequence[str]]) -> list[tuple[str, str, str]]:
    """Entries the lists name as one organisation through an alias: entry A gives as an alias the published
    name of entry B (another list's spelling of it). See the module's invariant for when that is sound.
    `units[i]` and `own_keys[i]` (the keys of the entry's own name) belong to `entries[i]`."""
    alias_owners: dict[str, set[int]] = {}
    name_owners: dict[str, set[int]] = {}
    for i, (e, (_, _, joining, _, alias)) in enumerate(zip(entries, units, strict=True)):
        if e.schema == "Person":
            continue
        for key in alias:
            alias_owners.setdefault(key, set()).add(i)
        for key in joining:
            name_owners.setdefault(key, set()).add(i)
    out: list[tuple[str, str, str]] = []
    for key, owners in sorted(alias_owners.items()):
        named = name_owners.get(key, set()) - owners
        if len(owners) != 1 or not named or len(named) > MAX_CLUSTERS or " " not in key:
            continue
        (i,) = owners
        a = entries[i]
        if not any(fuzz.ratio(k, key) >= SPELLING or (" " not in k and k in key.split()) for k in own_keys[i]):
            continue  # the alias is neither a spelling of the entry's own name nor its one word (DJI) spelt out
        close = any(fuzz.ratio(k, key) >= CLOSE_SPELLING for k in own_keys[i])
        for j in sorted(named):
            b = entries[j]
            if not _same_kind(a, b, close or _names_back(b, own_keys[i]) or _shared_identifier(a, b)):
                continue
            given = next((n for n in a.aliases if any(parse(v).key == key for v in variants_of(n))), key)
            out.append((a.id, b.id, f"{a.list_id} gives '{given}' as a name of {a.name}: the name of {b.name} ({b.list_id})"))
    return out


_NAMED = re.compile(r"^(?P<en>[^()（）]*[A-Za-z][^()（）]*?)\s*[(（](?P<zh>[^()（）]*[\u4e00-\u9fff][^()（）]*)[)）]$")


def named_units(
    entries: Sequence[ListEntry], units: Sequence[KeyedUnit]
) -> tuple[list[KeyedUnit], list[tuple[str, str, str]]]:
    """The bodies a list entry names with their Chinese names in its own data (ASPI's subsidiaries and defence
    laboratories: "Beijing Computational Science Research Center (北京计算科学研究中心)"), as units joined to
    the Chinese list entries published under that same English name. Only names of a body, not of a company
    (a legal form would be set aside and "Xi'an Jiaotong University Holding Co., Ltd." read as the university),
    and of two words or more. `units[i]` belongs to `entries[i]`."""
    owners: dict[str, list[int]] = {}
    for i, (e, keyed) in enumerate(zip(entries, units, strict=True)):
        if e.schema != "Person" and (e.country or "cn").lower() in ("cn", "hk", "mo"):
            for key in keyed[2]:
                owners.setdefault(key, []).append(i)
    out: list[KeyedUnit] = []
    joins: list[tuple[str, str, str]] = []
    for e in entries:
        for field in ("subsidiaries", "labs"):
            for text in e.properties.get(field) or ():
                m = _NAMED.match(str(text).strip())
                if not m:
                    continue
                en, zh = m.group("en").strip(), m.group("zh").strip()
                words = latin_words(en)
                key = parse(en).key
                if " " not in key or "#" in key or any(w in lexicon.LEGAL_FORMS for w in words):
                    # a numbered unit's key drops its parent (CETC's and CASIC's 23rd institute read alike)
                    continue
                targets = owners.get(key, [])
                if not targets or len(targets) > 2 * MAX_CLUSTERS:
                    continue
                unit = f"{NAMED_PREFIX}{e.id}:{len(out)}"
                out.append(keyed_unit(unit, en, [zh], [zh]))
                why = f"{e.list_id} ({e.name}, {field}) gives {zh} as the Chinese name of {en}"
                joins.extend((unit, entries[i].id, why) for i in targets)
    return out, joins


def _same_kind(a: ListEntry, b: ListEntry, second_signal: bool) -> bool:
    """The two entries agree on what both publish (country, type; "Organization" is no type), and when a
    country is missing on either side, a second signal says they are one body (`alias_joins`): a name that
    spells the alias almost letter for letter, the other entry giving this one's name back, or an identifier
    both publish. A spelling alone does not join a firm to a namesake whose country is unknown."""
    ca, cb = (a.country or "").lower(), (b.country or "").lower()
    if ca and cb and ca != cb:
        return False
    if not (a.schema == b.schema or "Organization" in (a.schema, b.schema)):
        return False
    return bool(ca and cb) or second_signal


def _names_back(b: ListEntry, own_keys: Sequence[str]) -> bool:
    """Entry b gives one of the other entry's own names among its aliases."""
    return any(parse(v).key in own_keys for n in b.aliases for v in variants_of(n))


def _shared_identifier(a: ListEntry, b: ListEntry) -> bool:
    return any(b.identifiers.get(k) == v for k, v in a.identifiers.items() if v)


def table_units() -> list[KeyedUnit]:
    """The curated table of acronyms and Chinese names, one unit per organisation (every name primary)."""
    units = []
    for i, group in enumerate(lexicon.known_names()):
        label = next((n for n in group if not parse(n).acronym), group[0])  # a name, not an acronym
        units.append(keyed_unit(f"table:{i}", label, group, group))
    return units


def entry_unit(e: ListEntry) -> KeyedUnit:
    """A list entry as a unit: its name and Chinese names are strong, its aliases only designate it."""
    # people share names: two listed people are never joined by their name alone
    strong = [] if e.schema == "Person" else [e.name, *e.names_zh]
    return keyed_unit(e.id, e.name, strong, e.all_names())


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
