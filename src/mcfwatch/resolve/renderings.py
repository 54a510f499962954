"""List renderings: the English brand a list publishes for a pinyin word, used to read Chinese names.

Chinese firms carry two Latin names: the pinyin of their Chinese name and an English brand (商汤 Shangtang
is SenseTime, 华大 Huada is BGI). The lists publish both, as two names of one entry that differ in that word
only: the Entity List's Beijing Sensetime Technology Development Co., Ltd. is also "Beijing Shangtang
Technology Development Co., Ltd.", its Forensic Genomics International also "BGI Judicial" and "Huada
Judicial". `learn` reads such pairs from an entry's own names; `variants` rewrites a Chinese query whose
characters read as that pinyin into the brand ("商汤集团" -> "sensetime"), so a Chinese name reaches an entry
(NS-CMIC's SenseTime Group Limited) that publishes only the English brand.

Sound by construction, not by tuning: a rendering is only learned from two names one list gives to one
entry, aligned word by word with at least one word in common and no place on either side; it is only used
on two or more Chinese characters whose pinyin spells the learned word exactly, inside a run the glossary
does not know. A hit through a rendering is capped at RENDERING_CAP (a screening hit, below the 0.85 at
which the graph links a mention to a list) and says which list entry published the two names.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from mcfwatch.lists.model import ListEntry
from mcfwatch.resolve import lexicon
from mcfwatch.resolve.algorithm import LIST_RENDERING
from mcfwatch.resolve.english import english_likelier
from mcfwatch.resolve.names import Name, parse, variants_of
from mcfwatch.resolve.normalize import has_han
from mcfwatch.resolve.phonetic import syllable_count

RENDERING_CAP = LIST_RENDERING.value  # 0.75: a screening lead (0.70), never a merge (0.80) or a graph link (0.85)
MAX_SPAN = 2          # words on either side of an aligned difference
MIN_CHARS = 2         # Chinese characters a rendering must cover
MAX_VARIANTS = 8      # rewritten readings tried per query name
_WORD = re.compile(r"^[a-z]{4,}$")


@dataclass(frozen=True, slots=True)
class Rendering:
    pinyin: str      # the pinyin side, compact ("shangtang")
    brand: str       # the other side's words ("sensetime")
    entry_id: str    # the list entry that publishes both names
    pinyin_name: str  # its name with the pinyin word
    brand_name: str   # its name with the brand
    aliases_only: bool = False  # learned from two aliases (not the entry's name and an alias)

    def evidence(self) -> str:
        return f"{self.entry_id} publishes '{self.pinyin_name}' and '{self.brand_name}'"

    def encode(self) -> list[str]:
        return [self.pinyin, self.brand, self.entry_id, self.pinyin_name, self.brand_name]

    @classmethod
    def decode(cls, v: Sequence[str]) -> Rendering:
        pinyin, brand, entry_id, pinyin_name, brand_name = (str(x) for x in v[:5])
        return cls(pinyin, brand, entry_id, pinyin_name, brand_name)


def table(renderings: Iterable[Rendering]) -> dict[str, list[list[str]]]:
    """pinyin -> the renderings to use for it. One learned from an entry's name and alias is used as is; one
    learned only from two aliases of an entry (often two of its units) needs a second entry that says it."""
    by_pair: dict[tuple[str, str], list[Rendering]] = {}
    for r in renderings:
        by_pair.setdefault((r.pinyin, r.brand), []).append(r)
    out: dict[str, list[list[str]]] = {}
    for (pinyin, _), found in sorted(by_pair.items()):
        named = [r for r in found if not r.aliases_only]
        entries = {r.entry_id for r in found}
        if named or len(entries) >= 2:
            out.setdefault(pinyin, []).extend(r.encode() for r in (named or found)[:2])
    return out


def is_pinyin(word: str) -> bool:
    """The letters split into toneless pinyin syllables and are no English word that pinyin would need two or
    more syllables for (change = chang e, guide, China, SenseTime: `english.english_likelier`). Looser than
    `phonetic.is_pinyin`, which also asks for a spelling English names rarely have (zh, x, q ...)."""
    return syllable_count(word) > 0 and not english_likelier(word)


def reads_as_pinyin(words: Sequence[str]) -> bool:
    """A name (or a span of one) reads as pinyin as a whole: every word splits into syllables on its own (not
    only once its words run together), and English words (Guide, Change) are fewer than the words that are
    pinyin only: "Weisi Like Leimo" is pinyin, "Change", "Guide Dance" or "Sheer Cima" is not."""
    if not words or not all(syllable_count(w) > 0 for w in words):
        return False
    english = sum(1 for w in words if english_likelier(w))
    return english < len(words) - english


def may_romanise(words: Sequence[str]) -> bool:
    """A name may be the romanisation of a Chinese name: every word splits into syllables on its own and the
    English-looking words are no more than the pinyin-only ones. Looser than `reads_as_pinyin` by one tie: a
    surname and a given name that is also an English word (Wang Dean, Zhang Fuming, Li Lining, Sima Qian) is a
    romanised name; one English word alone (Change, China) or two (Guide Dance) is not."""
    if not words or not all(syllable_count(w) > 0 for w in words):
        return False
    english = sum(1 for w in words if english_likelier(w))
    return english <= len(words) - english and english < len(words)


def _two_names(a: str, b: str) -> bool:
    """Both sides are pinyin of as many syllables (Changfeng / Xinfeng, Dongying / Taizhou): two Chinese names, two
    bodies an entry lists together, not a Chinese name and its brand (Shangtang / SenseTime, Huada / BGI)."""
    n = syllable_count(a)
    return n > 0 and n == syllable_count(b)


def _aligned(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The differing middle of two word sequences that share a prefix or a suffix, if short on both sides."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    da, db = a[i : len(a) - j], b[i : len(b) - j]
    if i + j < 1 or not (1 <= len(da) <= MAX_SPAN and 1 <= len(db) <= MAX_SPAN):
        return None
    if any(w in generic_words() for w in (*da, *db)):
        return None
    return da, db


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """Words that name a place, a kind of body or a field (the glossary's English): never a brand."""
    words = {w for readings in lexicon.glossary().values() for r in readings for w in r.split()}
    return frozenset(words | lexicon.PLACES | lexicon.KINDS | lexicon.UNIT_WORDS | lexicon.LEGAL_FORMS)


def learn(entry: ListEntry) -> list[Rendering]:
    """The pinyin words this entry's own Latin names render as another word (both directions, pinyin side only)."""
    if entry.schema == "Person":
        return []
    primary = _latin(variants_of(entry.name))
    others = _latin(v for name in entry.aliases for v in variants_of(name))
    out: set[Rendering] = set()
    pairs = [(x, y, False) for x, y in itertools.product(primary.items(), others.items())]
    pairs += [(x, y, True) for x, y in itertools.combinations(others.items(), 2)]
    for (a, na), (b, nb), aliases_only in pairs:
        spans = _aligned(a, b)
        if spans is None:
            continue
        for (mine, my_name), (other, other_name) in (((spans[0], na), (spans[1], nb)), ((spans[1], nb), (spans[0], na))):
            key = "".join(mine)
            if _WORD.match(key) and reads_as_pinyin(mine) and is_pinyin(key) and key != "".join(other) and not _two_names(key, "".join(other)):
                out.add(Rendering(key, " ".join(other), entry.id, my_name, other_name, aliases_only))
    return sorted(out, key=lambda r: (r.pinyin, r.brand, r.aliases_only, r.pinyin_name, r.brand_name))


def _latin(names: Iterable[str]) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for n in names:
        if has_han(n):
            continue
        p = parse(n)
        if not p.acronym and p.readings and p.readings[0]:
            out.setdefault(p.readings[0], n)
    return out


def _char_pinyin(run: str) -> list[str]:
    from mcfwatch.resolve.normalize import pinyin

    syl = pinyin(run).split()
    return syl if len(syl) == len(run) else []


@dataclass(frozen=True, slots=True)
class Variant:
    text: str                        # the rewritten reading ("bgi genomics")
    chars: str                       # the Chinese characters read as the brand (华大)
    brand: str                       # the brand ("bgi")
    evidence: tuple[Rendering, ...]  # the list entries that publish it

    def detail(self) -> str:
        said = "; ".join(r.evidence() for r in self.evidence)
        return f"{self.chars} ({self.evidence[0].pinyin}) read as '{self.brand}' -> '{self.text}': {said}"


def variants(q: Name, get: Callable[[str], Iterable[Sequence[str]] | None]) -> list[Variant]:
    """Latin readings of a Chinese name with one pinyin run rewritten into a brand the lists publish for it.

    `get(pinyin)` gives the encoded renderings learned for that pinyin (the knowledge's renderings table).
    """
    if q.script != "han" or not q.han_runs:
        return []
    out: dict[str, Variant] = {}
    for run in sorted(q.han_runs):
        syl = _char_pinyin(run)
        if not syl:
            continue
        whole = "".join(syl)
        for lo in range(len(run)):
            for hi in range(lo + MIN_CHARS, len(run) + 1):
                by_brand: dict[str, list[Rendering]] = {}
                for encoded in get("".join(syl[lo:hi])) or ():
                    r = Rendering.decode(list(encoded))
                    by_brand.setdefault(r.brand, []).append(r)
                for brand, evidence in by_brand.items():
                    words = [w for w in ("".join(syl[:lo]), brand, "".join(syl[hi:])) if w]
                    for reading in q.readings:
                        text = " ".join(w for t in reading for w in (words if t == whole else [t]))
                        if text and text not in out:
                            out[text] = Variant(text, run[lo:hi], brand, tuple(evidence))
                        if len(out) >= MAX_VARIANTS:
                            return list(out.values())
    return list(out.values())
