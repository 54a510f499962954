"""English names of Chinese names read back as the pinyin of their characters, inside a romanised name.

A romanised name often keeps a place's usual English name and spells the rest in pinyin: "Harbin Gongye
Daxue" is 哈尔滨工业大学 (ha er bin gong ye da xue), "Canton Gongye Daxue" 广州工业大学, "Tsinghua Daxue" 清华大学.
"Harbin" is no pinyin, so the name would not read as a romanisation; read through CC-CEDICT, it is the
name of 哈尔滨, whose pinyin is "haerbin", and the whole name then spells the Chinese name's pinyin.

The table is CC-CEDICT's (cedict_names.tsv): every proper name it gives in one word for some characters
(哈尔滨 Harbin, 广州 Canton, 厦门 Amoy), and the first word of a name "X University" (or Institute, College ...)
when the characters end in the Chinese of that kind (清华大学 Tsinghua University: Tsinghua = 清华). Personal
names are left out. A word may read as several names (every one is tried). No hand list.

A name is only read this way when some of its words stay as they are and the whole then reads as pinyin
(`renderings.may_romanise`): "Harbin Institute of Technology" is English and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from itertools import islice, product

from mcfwatch.resolve import lexicon
from mcfwatch.resolve.cedict import rows as cedict_rows
from mcfwatch.resolve.normalize import fold, strip_accents

MAX_READINGS = 8  # alternative spellings tried per name
_MIN_LETTERS = 3
_ROW = re.compile(r"^([^\t\n#][^\t\n]*)\t([^\t\n]+)$", re.MULTILINE)


HEADER = """# English names of Chinese characters and the compact pinyin of those characters (harbin -> haerbin): a romanised
# name that keeps such a name ("Harbin Gongye Daxue") is read with the pinyin (resolve/place_readings.py). Derived
# from cedict_names.tsv by `python -m mcfwatch.resolve.place_readings > src/mcfwatch/resolve/data/name_pinyin.tsv`.
# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as the table it is derived from.
"""


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, ...]]:
    """Folded English word -> the compact pinyin of the characters CC-CEDICT names with it (harbin -> haerbin),
    as data/name_pinyin.tsv ships it (`derive` writes it: a small file read once, no dictionary parsed per process)."""
    text = resources.files("mcfwatch.resolve").joinpath("data", "name_pinyin.tsv").read_text(encoding="utf-8")
    return {word: tuple(said.split("|")) for word, said in _ROW.findall(text)}


def derive() -> dict[str, tuple[str, ...]]:
    """The table from cedict_names.tsv: each one-word proper name, and the first word of "X University" when
    the characters end in that kind, with the pinyin of its characters (personal names left out)."""
    kinds = _kind_suffixes()
    found: dict[str, list[str]] = {}
    for cols in cedict_rows():
        if cols[2] != "name":
            continue
        zh, syllables = cols[0], cols[1].split()
        if len(syllables) != len(zh):
            continue
        for english in cols[3].split("|"):
            if english.startswith(("@", "~")):
                continue
            words = fold(strip_accents(english)).split()
            if not words:
                continue
            chars = len(zh)
            if len(words) > 1:  # Tsinghua University = 清华大学: the characters before the kind's
                rest = tuple(words[1:])
                chars = next((len(zh) - len(k) for k, said in kinds if zh.endswith(k) and rest in said), 0)
            word = words[0]
            if chars < 2 or len(word) < _MIN_LETTERS or not word.isalpha():
                continue
            reading = "".join(syllables[:chars])
            if reading != word and reading not in found.setdefault(word, []):
                found[word].append(reading)
    return {w: tuple(r) for w, r in sorted(found.items())}


def _kind_suffixes() -> list[tuple[str, frozenset[tuple[str, ...]]]]:
    """Chinese kinds of body (大学, 学院 ...) and the English words the glossary gives for them, longest first."""
    out = []
    for zh, said in lexicon.glossary().items():
        words = {tuple(r.split()) for r in said}
        if len(zh) >= 2 and any(set(w) & lexicon.KINDS for w in words):
            out.append((zh, frozenset(words)))
    return sorted(out, key=lambda kv: -len(kv[0]))


def spellings(words: Sequence[str]) -> list[tuple[tuple[str, ...], str]]:
    """The name's words with its English names of Chinese names read as their pinyin ("harbin gongye daxue" ->
    "haerbin gongye daxue"), each with what was read ("harbin = haerbin"), whether or not the result reads as
    pinyin (`readings` asks that; this costs table lookups only). Empty when no word is such a name, or when every
    word is (a name in English alone is read by the dictionary, not as a romanisation)."""
    if len(words) < 2:
        return []
    known = table()
    slots = [known.get(w, ()) for w in words]
    if not any(slots) or all(slots):
        return []
    combos = product(*[(w, *options) for w, options in zip(words, slots, strict=True)])
    return [(read, ", ".join(f"{w} = {r}" for w, r in zip(words, read, strict=True) if w != r))
            for read in islice(combos, 1, MAX_READINGS + 1)]  # the first is the name as written


def readings(words: Sequence[str]) -> list[tuple[tuple[str, ...], str]]:
    """The `spellings` that read as a romanised name as a whole (`renderings.may_romanise`): "haerbin gongye
    daxue" does, "haerbin institute technology" does not."""
    from mcfwatch.resolve.renderings import may_romanise

    return [(read, said) for read, said in spellings(words) if may_romanise(read)]


if __name__ == "__main__":
    print(HEADER + "\n".join(f"{w}\t{'|'.join(r)}" for w, r in derive().items()))
