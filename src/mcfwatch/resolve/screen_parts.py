"""What screening needs from each list entry, computed once: its names parsed and reduced to keys.

Building a Screener is almost all name parsing (variants, readings, pinyin, blocking keys, knowledge keys).
An EntryPart holds the result for one entry; a list version's parts are a fragment, which the screening
cache (`screen_cache`) stores per list version. Parts hold only plain values (strings, lists, Names), so
they round-trip through JSON exactly (`encode_part` / `decode_part`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mcfwatch.lists.model import ListEntry, WatchList
from mcfwatch.resolve.index import prepare
from mcfwatch.resolve.knowledge import KeyedUnit, entry_unit
from mcfwatch.resolve.names import Name, parse, placed_outer, variants_of
from mcfwatch.resolve.renderings import Rendering, learn


@dataclass(slots=True)
class EntryPart:
    names: list[tuple[Name, list[str]]]   # indexed name variants with their blocking keys (index.prepare)
    joining: list[str]                     # knowledge: keys that join this entry to another organisation
    primary: list[str]                     # knowledge: keys of its own names
    alias: list[str]                       # knowledge: keys of its aliases
    primary_keys: list[str]                # keys of its published name's variants (screen: alias of another)
    renderings: list[Rendering] = field(default_factory=list)  # pinyin words its names render (renderings)

    def unit(self, entry: ListEntry) -> KeyedUnit:
        return entry.id, entry.name, self.joining, self.primary, self.alias


def entry_part(entry: ListEntry) -> EntryPart:
    _, _, joining, primary, alias = entry_unit(entry)
    placed = placed_outer(entry.name)  # its name less a bracketed place is its parent's name, not its own
    primary_keys = sorted({parse(v).key for v in variants_of(entry.name) if not placed or v != placed})
    return EntryPart(prepare(entry.all_names()), joining, primary, alias, primary_keys, learn(entry))


def fragment(wl: WatchList) -> list[EntryPart]:
    return [entry_part(e) for e in wl.entries]


def encode_name(n: Name) -> list[Any]:
    return [n.original, n.script, n.han, [list(r) for r in n.readings], sorted(n.numbers), n.romanised,
            sorted(n.initials), n.acronym, n.key, sorted(n.han_runs)]


def decode_name(v: list[Any]) -> Name:
    original, script, han, readings, numbers, romanised, initials, acronym, key, runs = v
    return Name(str(original), str(script), str(han), tuple(tuple(r) for r in readings), frozenset(numbers),
                str(romanised), frozenset(initials), bool(acronym), str(key), frozenset(runs))


def encode_part(p: EntryPart) -> list[Any]:
    return [[[*encode_name(n), keys] for n, keys in p.names], p.joining, p.primary, p.alias, p.primary_keys,
            [[*r.encode(), r.aliases_only] for r in p.renderings]]


def decode_part(v: list[Any]) -> EntryPart:
    names, joining, primary, alias, primary_keys, renderings = v
    return EntryPart([(decode_name(n[:10]), list(n[10])) for n in names], list(joining), list(primary),
                     list(alias), list(primary_keys),
                     [_rendering(r) for r in renderings])


def _rendering(v: list[Any]) -> Rendering:
    pinyin, brand, entry_id, pinyin_name, brand_name, aliases_only = v
    return Rendering(str(pinyin), str(brand), str(entry_id), str(pinyin_name), str(brand_name), bool(aliases_only))
