"""Search over the store's entity names in any script: English, Chinese (simplified or traditional) and pinyin.

Each stored name is indexed under a few keys: its name key, its simplified form, and for names with Chinese
characters their toneless pinyin with and without spaces ("立中集团" -> "li zhong ji tuan", "lizhongjituan").
A query is folded the same way and matched exactly, then by prefix, then as a substring.
The index is built once per store generation (the store's counts) and reused by every request.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import opencc
from pypinyin import Style, lazy_pinyin

from mcfwatch.model.keys import name_key

_HAN = re.compile(r"[\u3400-\u9fff]")
_lock = threading.Lock()


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

    @classmethod
    def build(cls, names: list[tuple[str, str]]) -> NameIndex:
        entries = [(k, eid, n) for eid, n in names for k in keys_of(n)]
        return cls(sorted(set(entries)))

    def lookup(self, query: str, limit: int = 50, substrings: bool = True) -> list[tuple[str, str, int]]:
        """(entity id, matched name, rank) — rank 0 exact, 1 prefix, 2 substring — best first.

        Exact and prefix hits come from a binary search over the sorted keys; the substring scan (a pass over
        every key) runs only when they find fewer than ``limit`` entities, and never without ``substrings``.
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
