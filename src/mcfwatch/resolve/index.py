"""Candidate retrieval: an inverted index from blocking keys to list names (never all pairs).

Keys of a name: its words in English word space (every reading, acronym expansions included), the
pinyin of each pair of adjacent Chinese characters (so "Xibei Gongye Daxue" finds 西北工业大学),
its Chinese character pairs, and its romanised form for short names and acronyms.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from mcfwatch.resolve import lexicon
from mcfwatch.resolve.bilingual import english_keys
from mcfwatch.resolve.features import common_words, without_form_pinyin
from mcfwatch.resolve.knowledge import Vocabulary
from mcfwatch.resolve.names import Name, _stem, glossary_segments, parse, segments, variants_of
from mcfwatch.resolve.names import _zh_lexicon as names_lexicon
from mcfwatch.resolve.normalize import pinyin
from mcfwatch.resolve.place_readings import spellings as place_spellings
from mcfwatch.resolve.trade_words import is_trade, trade_keys

COMMON_POSTINGS = 400    # keys with more names than this are used only when nothing rarer is shared
SAME_NAME_ROOM = 4       # candidate_names looks this many times `limit` deep for copies of one name
BRAND_ROOM = 4           # names always among the candidates: the best of those sharing the rarest distinctive key


def blocking_keys(name: Name) -> set[str]:
    keys: set[str] = set()
    for reading in name.readings:
        keys.update(reading)
        keys.update(a + b for a, b in zip(reading, reading[1:], strict=False))
    han = name.han
    for i in range(len(han) - 1):
        keys.add(han[i : i + 2])
    for word in _words(han):  # the pinyin of a pair inside one word only: 为技 (华为|技术) is no "weiji"
        keys.update(pinyin(word[i : i + 2], spaced=False) for i in range(len(word) - 1))
    if len(han) == 1:
        keys.add(han)
    if name.acronym or len(name.romanised) <= 8:
        keys.add(name.romanised)
    if name.han and name.script == "han":
        keys.add(name.romanised)
    elif name.script == "latin" and name.readings and len(name.readings[0]) > 1:
        # a romanised name that keeps a place's English name: Harbin Gongye Daxue finds 哈尔滨工业大学 by its pinyin
        # (the key of a whole Chinese name's pinyin: only that name has it; a spelling with an English word of a
        # kind or a trade, "haerbin institute technology", is none)
        bare = without_form_pinyin(name.readings[0])  # Jituan Youxian Gongsi set aside, as 集团有限公司 is
        if bare != "".join(name.readings[0]):
            keys.add(bare)
        common = common_words()
        keys.update("".join(words) for words, _ in place_spellings(name.readings[0])
                    if not any(w in common for w in words))
    keys.update(f"#{n}" for n in name.numbers)  # a numbered institute's number says which (CETC's 38th)
    keys.update(name.initials if name.acronym else ())
    keys.update(english_keys(name))  # 伊利诺伊大学 finds University of Illinois
    keys.discard("")
    return keys


@lru_cache(maxsize=20_000)
def _words(han: str) -> tuple[str, ...]:
    """The words of a Chinese name for its pinyin pairs: `segments`, with a piece the known-names table holds whole
    (华为技术有限公司, 中国电子科技集团公司) split again by the glossary alone, so that 为技 gives no "weiji" and 子科 no
    pair of another body's name (中国电子科技集团公司 has no "guodian", the key of China Guodian)."""
    glossary = lexicon.glossary()
    out: list[str] = []
    for word, known in segments(han):
        if known and word not in glossary:
            out.extend(piece for piece, _ in glossary_segments(word))
        else:
            out.append(word)
    return tuple(out)


@lru_cache(maxsize=20_000)
def _straddling(han: str) -> frozenset[str]:
    """The pairs of characters that span two words of the segmented name (为技 in 华为|技术, 技研 in 科技|研究所)."""
    out: set[str] = set()
    at = 0
    for word in _words(han):
        if at:
            out.add(han[at - 1 : at + 1])
        at += len(word)
    return frozenset(out)


@lru_cache(maxsize=20_000)
def _named_words(han: str) -> frozenset[str]:
    """The English keys of a word of the Chinese name that names one body (中芯国际 read "semiconductor manufacturing
    international", 华为 "huawei technology"): they say which body, though each word alone is a trade's."""
    named: set[str] = set()
    glossary = lexicon.glossary()
    for word, known in segments(han):
        if known and word not in glossary:
            for reading in names_lexicon()[word]:
                said = [_stem(w) for w in reading.split() if w not in lexicon.STOPWORDS]
                named.update(said)
                named.update(a + b for a, b in zip(said, said[1:], strict=False))
    return frozenset(named)


def prepare(names: Iterable[str]) -> list[tuple[Name, list[str]]]:
    """One record's names to index: each distinct name variant parsed, with its blocking keys (pure; the
    screening cache stores this per list entry so a process need not parse the lists again)."""
    seen: set[str] = set()
    out: list[tuple[Name, list[str]]] = []
    for raw in names:
        for variant in variants_of(raw):
            parsed = parse(variant)
            if not parsed.key or parsed.key in seen:
                continue
            seen.add(parsed.key)
            out.append((parsed, sorted(blocking_keys(parsed))))
    return out


@dataclass(slots=True)
class IndexedName:
    owner: int      # position of the owning record (a list entry, a store entity)
    name: Name


class NameIndex:
    """Names of many records, retrievable by shared blocking keys ranked by key rarity."""

    def __init__(self) -> None:
        self.names: list[IndexedName] = []
        self.by_owner: dict[int, list[int]] = defaultdict(list)
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.vocabulary = Vocabulary.from_names([])

    def add(self, owner: int, names: Iterable[str]) -> None:
        self.add_prepared(owner, prepare(names))

    def add_prepared(self, owner: int, prepared: Iterable[tuple[Name, Iterable[str]]]) -> None:
        """Add one record's names as `prepare` gave them (parsed, with their blocking keys)."""
        for parsed, keys in prepared:
            pos = len(self.names)
            self.names.append(IndexedName(owner, parsed))
            self.by_owner[owner].append(pos)
            for key in keys:
                self.postings[key].append(pos)

    def freeze(self) -> NameIndex:
        self.vocabulary = Vocabulary.from_names(n.name for n in self.names)
        return self

    def candidate_names(self, query: Name, limit: int = 40) -> list[int]:
        """Positions of the names that share the rarest keys with the query, best first (`candidate_pairs`)."""
        return [pos for pos, _ in self.candidate_pairs(query, limit)]

    def candidate_pairs(
        self, query: Name, limit: int = 40, keys: Iterable[str] | None = None
    ) -> list[tuple[int, IndexedName]]:
        """(position, indexed name) of the names that share the rarest keys with the query, best first: the `limit` best
        distinct names, each with every position that publishes it. A name printed by several lists (南京理工大学 on
        four) counts once, so one body's copies cannot crowd another body's name out (NUDT's "Changsha Institute
        of Technology" for 长沙理工大学). Ties go by the order postings are read in (keys sorted), never by the
        order keys hash in. `keys` replaces the query's blocking keys (an index built under other keys)."""
        wanted = blocking_keys(query) if keys is None else set(keys)
        votes, brand = self._votes(wanted, _named_words(query.han), _straddling(query.han))
        # the keys are sorted, so equal votes keep one order (the order the postings were read in)
        names = self.names
        out: list[tuple[int, IndexedName]] = []
        seen: set[str] = set()
        for room in (limit + limit // 2, limit * SAME_NAME_ROOM):
            ranked = heapq.nlargest(room, votes, key=votes.__getitem__)
            out, seen = [], set()
            full = False
            for pos in ranked:
                indexed = names[pos]
                if indexed.name.key not in seen:
                    if len(seen) >= limit:
                        full = True
                        break
                    seen.add(indexed.name.key)
                out.append((pos, indexed))
            if full or len(ranked) < room or len(seen) >= limit:
                break  # every voted name was seen, or enough of them
        if brand:  # the best names of the distinctive key are always compared, however many trade keys outvote them
            extra = 0
            for pos in heapq.nlargest(BRAND_ROOM * SAME_NAME_ROOM, brand, key=votes.__getitem__):
                indexed = names[pos]
                if indexed.name.key in seen:
                    continue
                if extra >= BRAND_ROOM:
                    break
                extra += 1
                seen.add(indexed.name.key)
                out.append((pos, indexed))
        return out

    def _votes(
        self, wanted: set[str], named: frozenset[str] = frozenset(), straddling: frozenset[str] = frozenset()
    ) -> tuple[dict[int, float], list[int]]:
        """Each name's vote: the sum over the keys it shares with the query of 1/sqrt(the key's postings); keys of
        more than COMMON_POSTINGS names only when nothing rarer is shared. Also the postings of the rarest
        distinctive key the index knows, or []: `trade_keys` are not, unless a word of the query that names one body
        says them, nor is a pair of characters across two words of the query."""
        postings = self.postings
        trade = trade_keys()
        found = [(k, p) for k in sorted(wanted) if (p := postings.get(k))]  # one lookup a key
        rare = [(k, p) for k, p in found if len(p) <= COMMON_POSTINGS]
        votes: dict[int, float] = defaultdict(float)
        used = rare or found
        for _, posting in used:
            w = 1.0 / len(posting) ** 0.5
            for pos in posting:
                votes[pos] += w
        brand = next((p for k, p in sorted(used, key=lambda kp: len(kp[1]))  # (sorted is stable: keys in order)
                      if k not in straddling and (k in named or not is_trade(k, trade))), [])
        return votes, brand

    def candidates(self, query: Name, limit: int = 30) -> list[int]:
        """Owners whose names share the rarest keys with the query, best first."""
        votes, _ = self._votes(blocking_keys(query), _named_words(query.han), _straddling(query.han))
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        owners: list[int] = []
        for pos, _ in ranked:
            owner = self.names[pos].owner
            if owner not in owners:
                owners.append(owner)
                if len(owners) >= limit:
                    break
        return owners

    def names_of(self, owner: int) -> list[Name]:
        return [self.names[p].name for p in self.by_owner.get(owner, [])]
