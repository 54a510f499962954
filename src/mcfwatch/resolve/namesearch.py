"""Search over the store's entity names in any script: English, Chinese (simplified or traditional) and pinyin.

Each stored name is indexed under a few keys: its name key, its simplified form, and for names with Chinese
characters their toneless pinyin with and without spaces ("立中集团" -> "li zhong ji tuan", "lizhongjituan").
A query is folded the same way and matched exactly, then by prefix, then as a substring.
The index is built once per store generation (the store's counts) and reused by every request; the
cross-language part is built outside the module's lock, with the name table loaded once per process.

A query no key finds may name a stored name in the other language: "Central Military Commission" for a store
that holds only 中央军事委员会, "Bombardier" for 庞巴迪公司. `NameIndex.translated` then compares the query with
the stored names of the other script that share a blocking key with it (the screening index's keys: English
words of the Chinese names through the glossary and the dictionaries, pinyin, and here the first sounds of a
transliteration), never with every stored name, and keeps those the matcher calls the same body
(TRANSLATED_MIN). They rank after substrings (rank 3).
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import opencc
from pypinyin import Style, lazy_pinyin

from mcfwatch.model.keys import name_key

if TYPE_CHECKING:
    from mcfwatch.resolve.index import NameIndex as BlockedIndex
    from mcfwatch.resolve.knowledge import Knowledge
    from mcfwatch.resolve.matcher import Matcher
    from mcfwatch.resolve.names import Name

_HAN = re.compile(r"[\u3400-\u9fff]")
_lock = threading.Lock()
TRANSLATED = 3            # the rank of a stored name found in the other language (after exact, prefix, substring)
TRANSLATED_MIN = 0.8      # the matcher's score for it: a merge's, not a screening lead's
TRANSLATED_CANDIDATES = 20  # stored names compared per query
_SOUND_START = 3          # consonant classes a transliteration's sound key holds


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def keys_of(name: str) -> set[str]:
    """The keys a name is found under."""
    simplified = _t2s().convert(name)
    keys = {name_key(name), name_key(simplified)}
    if _HAN.search(simplified):
        syllables = [s for s in lazy_pinyin(simplified, style=Style.NORMAL, errors="ignore") if s.strip()]
        spaced = name_key(" ".join(syllables))
        keys |= {spaced, spaced.replace(" ", "")}
    return {k for k in keys if k}


def query_keys(query: str) -> set[str]:
    """A query's keys: as typed, simplified, and without spaces (so "Li Zhong" meets "lizhong")."""
    keys = keys_of(query)
    return keys | {k.replace(" ", "") for k in keys}


@dataclass(slots=True)
class NameIndex:
    entries: list[tuple[str, str, str]]  # (key, entity id, name)
    names: list[tuple[str, str]] = field(default_factory=list)  # (entity id, name): for `translated`
    _blocked: tuple[BlockedIndex, BlockedIndex, Matcher] | None = None

    @classmethod
    def build(cls, names: list[tuple[str, str]]) -> NameIndex:
        entries = [(k, eid, n) for eid, n in names for k in keys_of(n)]
        return cls(sorted(set(entries)), sorted(set(names)))

    def translated(self, query: str, limit: int = 50) -> list[tuple[str, str, float]]:
        """(entity id, stored name, score) of the stored names in the other script that the matcher calls the
        same body as the query (score >= TRANSLATED_MIN), best first: "Central Military Commission" finds
        中央军事委员会, "Bombardier" 庞巴迪公司, 国务院 "State Council". Only the stored names that share a
        blocking key with the query are compared (at most TRANSLATED_CANDIDATES). The blocked index is built on
        the first such query and kept with this index."""
        from mcfwatch.resolve.names import parse

        q = parse(" ".join(query.split()))
        if not q.key or q.script == "mixed":
            return []
        blocked, sounds, matcher = self._blocking()
        found: dict[str, tuple[float, str]] = {}
        compared: dict[str, float | None] = {}  # stored name -> its score (None: not the same body)
        # the translation's keys first; the first sounds of a transliteration only when they found nothing
        for index, keys in ((blocked, None), (sounds, _sound_keys(q))):
            for _, indexed in index.candidate_pairs(q, limit=TRANSLATED_CANDIDATES, keys=keys):
                stored = indexed.name
                if (stored.script == "han") == (q.script == "han"):
                    continue
                if stored.original not in compared:  # compared once; every entity carrying the name is kept
                    compared[stored.original] = _translated_score(matcher, q, stored)
                score = compared[stored.original]
                if score is None:
                    continue
                eid, name = self.names[indexed.owner]
                if eid not in found or score > found[eid][0]:
                    found[eid] = (score, name)
            if found:
                break
        ranked = sorted(found.items(), key=lambda kv: (-kv[1][0], kv[1][1], kv[0]))
        return [(eid, name, score) for eid, (score, name) in ranked[:limit]]

    def _blocking(self) -> tuple[BlockedIndex, BlockedIndex, Matcher]:
        """Built outside the module's lock (every request's name_index takes it), published once: two requests
        that miss together both build, the first to finish is kept."""
        built = self._blocked
        if built is None:
            fresh = _blocked_index(self.names)
            with _lock:
                if self._blocked is None:
                    self._blocked = fresh
                built = self._blocked
        return built

    def lookup(
        self, query: str, limit: int = 50, substrings: bool = True, translated: bool = True
    ) -> list[tuple[str, str, int]]:
        """(entity id, matched name, rank) — rank 0 exact, 1 prefix, 2 substring, 3 (TRANSLATED) the name in the
        other language — best first.

        Exact and prefix hits come from a binary search over the sorted keys; the substring scan (a pass over
        every key) runs only when they find fewer than ``limit`` entities, and never without ``substrings``;
        `translated` only when nothing else was found, and never without ``translated``.
        """
        qk = sorted({k for k in query_keys(query) if k})
        best: dict[str, tuple[int, str]] = {}

        def take(eid: str, name: str, rank: int) -> None:
            if eid not in best or rank < best[eid][0]:
                best[eid] = (rank, name)

        for q in qk:
            i = bisect.bisect_left(self.entries, (q, "", ""))
            while i < len(self.entries) and self.entries[i][0].startswith(q):
                key, eid, name = self.entries[i]
                take(eid, name, 0 if key == q else 1)
                i += 1
        if substrings and len(best) < limit:
            for key, eid, name in self.entries:
                if any(len(q) >= 2 and q in key for q in qk):
                    take(eid, name, 2)
        if translated and not best:  # no key reaches a stored name: the name in the other language
            for eid, name, _ in self.translated(query, limit):
                take(eid, name, TRANSLATED)
        ranked = sorted(best.items(), key=lambda kv: (kv[1][0], len(kv[1][1]), kv[1][1]))
        return [(eid, name, rank) for eid, (rank, name) in ranked[:limit]]


_CACHE: dict[str, tuple[object, NameIndex]] = {}


def name_index(url: str, stamp: object, names: object) -> NameIndex:
    """The index for one store, rebuilt only when its stamp (counts of rows) changed.

    ``names`` is a zero-argument callable returning (entity id, name) pairs; it is called only on a rebuild.
    """
    with _lock:
        hit = _CACHE.get(url)
        if hit is not None and hit[0] == stamp:
            return hit[1]
    index = NameIndex.build(names())  # type: ignore[operator]
    with _lock:
        _CACHE[url] = (stamp, index)
    return index


def _translated_score(matcher: Matcher, query: Name, stored: Name) -> float | None:
    """The matcher's score when it calls the two the same body at TRANSLATED_MIN or more, else None. A
    translation that leaves query words unmatched caps the score at its own ("Boeing Capital Corporation" is
    another firm than 波音公司: the glossary label says Boeing, the word-by-word translation leaves "capital")."""
    c = matcher.compare_parsed(query, stored)
    if c.relation != "same":
        return None
    translated = c.features.get("translated_match")
    score = min(c.score, translated.score) if translated is not None else c.score
    return score if score >= TRANSLATED_MIN else None


def _blocked_index(names: Iterable[tuple[str, str]]) -> tuple[BlockedIndex, BlockedIndex, Matcher]:
    """The stored names under the screening index's blocking keys, and under the sound keys of a
    transliteration, with a matcher over the name table and the stored names' word rarity."""
    from mcfwatch.resolve.index import NameIndex as Blocked
    from mcfwatch.resolve.index import prepare
    from mcfwatch.resolve.matcher import Matcher

    blocked, sounds = Blocked(), Blocked()
    for pos, (_, name) in enumerate(names):
        prepared = prepare([name])
        blocked.add_prepared(pos, prepared)
        sounds.add_prepared(pos, [(parsed, _sound_keys(parsed)) for parsed, _ in prepared])
    blocked.freeze()
    return blocked, sounds, Matcher(_knowledge(), blocked.vocabulary)


@lru_cache(maxsize=1)
def _knowledge() -> Knowledge:
    """The name table and dictionaries, loaded once per process (not once per store generation)."""
    from mcfwatch.resolve.knowledge import Knowledge

    return Knowledge.from_sources([], table=True)


def _sound_keys(name: Name) -> list[str]:
    """The first consonant classes of a transliteration (phonetic.py): a Latin name's words, and every run
    of three characters of a Chinese name (庞巴迪 pang ba di and Bombardier both start B-M-B)."""
    from mcfwatch.resolve import phonetic
    from mcfwatch.resolve.normalize import pinyin

    keys: set[str] = set()
    if name.script == "han":
        syllables = pinyin(name.han).split()
        for i in range(len(syllables)):
            for key in phonetic.pinyin_keys(tuple(syllables[i : i + 3])):
                keys.add(key)
    else:
        for reading in name.readings[:1]:
            for word in reading:
                keys.update(k for k in phonetic.english_keys(word) if len(word) >= 4)
    out = set()
    for key in keys:
        bones = key.replace("a", "")
        if len(bones) >= _SOUND_START:
            out.add("~" + bones[:_SOUND_START])
    return sorted(out)
