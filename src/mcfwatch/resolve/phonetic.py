"""Phonetic keys: does a Chinese transliteration (伊利诺伊 yi li nuo yi) sound like an English word (Illinois)?

Rule-based and syllable-level. Both sides are written in one small alphabet of sound classes — B (b p),
D (d t), G (g k c q), F (f v ph), W (w), H (h), L (l r), M, N (n, and the -n/-ng of a syllable), S (s z x
j ch sh zh c), and "a" for any run of vowels — because Chinese renders a foreign consonant by the nearest
initial of a syllable and adds a vowel after it. English spellings that Chinese ears do not hear give
alternative keys (a silent French ending, a final consonant, a non-rhotic r, an h); pinyin initials that
render two English sounds (ji = ki or gi, hu = w) give alternatives too. The similarity of two keys is the
share of the English key found in order in the pinyin key (Chinese adds vowels freely), bounded by the
similarity of their consonant skeletons, less the cost of the alternatives assumed.

Pure functions, cached: a name is compared with at most a few dozen words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import product

from rapidfuzz.distance import LCSseq

MAX_KEYS = 8

_EN_REWRITES: tuple[tuple[str, str], ...] = (
    (r"ault$", "o"), (r"eaux?$", "o"), (r"aux$", "o"), (r"ois$", "wa"), (r"oix$", "wa"), (r"ier$", "ie"),
    (r"ille$", "il"), (r"ham$", "han"), (r"que$", "k"), (r"gue$", "g"), (r"tch", "ch"), (r"sch", "sh"), (r"ph", "f"),
    (r"th", "t"), (r"(?<!n)gh", ""), (r"kh", "h"), (r"ck", "k"), (r"qu", "kw"), (r"x", "ks"), (r"wh", "w"), (r"^kn", "n"),
    (r"mb$", "m"), (r"^ps", "s"), (r"c(?=[eiy])", "s"), (r"ch", "S"), (r"sh", "S"), (r"^y(?=[aeiou])", ""),
    (r"ee|oo|ou|ea|ai|ei|au|oa|ie|ue|eu", "a"), (r"([bcdfgklmnprstvz])\1", r"\1"),
)
_OPTIONAL = frozenset({r"ault$", r"eaux?$", r"aux$", r"ois$", r"oix$", r"ier$", r"ille$", r"ham$"})  # French or not
_EN_CLASS = str.maketrans({
    "b": "B", "p": "B", "d": "D", "t": "D", "k": "G", "g": "G", "c": "G", "q": "G", "f": "F", "v": "F",
    "w": "W", "h": "H", "l": "L", "r": "L", "m": "M", "n": "N", "s": "S", "z": "S", "j": "S",
    "a": "a", "e": "a", "i": "a", "o": "a", "u": "a", "y": "a",
})
_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z",
             "c", "s", "y", "w")
_PY_CLASS = {"b": "B", "p": "B", "m": "M", "f": "F", "d": "D", "t": "D", "n": "N", "l": "L", "g": "G", "k": "G",
             "h": "H", "j": "S", "q": "S", "x": "S", "r": "L", "z": "S", "c": "S", "s": "S", "zh": "S", "ch": "S",
             "sh": "S", "y": "", "w": "W"}


def _collapse(key: str) -> str:
    return re.sub(r"a+", "a", re.sub(r"([A-Z])\1+", r"\1", key))


def _add(keys: dict[str, float], key: str, cost: float) -> None:
    key = _collapse(key)
    if key and cost < keys.get(key, 9.0):
        keys[key] = cost


@lru_cache(maxsize=100_000)
def english_keys(word: str) -> dict[str, float]:
    """Sound-class keys of an English (or other Latin-script) word -> the cost of the silent letters assumed."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return {}
    forms = {w}
    for pattern, repl in _EN_REWRITES:
        rewritten = {re.sub(pattern, repl, f) for f in forms}
        forms = forms | rewritten if pattern in _OPTIONAL else rewritten
    keys: dict[str, float] = {}
    for f in forms:
        velar = re.search(r"[kgcq]", f)
        soft_g = velar is not None and velar.group() == "g"
        _add(keys, f.translate(_EN_CLASS), 0.0)
        for key, cost in list(keys.items()):
            _add(keys, re.sub(r"L(?=[^a]|$)", "", key), cost + 0.02)   # non-rhotic r, dark l
            _add(keys, key.replace("H", ""), cost + 0.04)                # silent or unrendered h
        for key, cost in list(keys.items()):
            if len(key) > 3 and key[-1] in "SDG":
                _add(keys, key[:-1], cost + 0.04)                        # final consonant not rendered
            if len(key) > 3 and key[-1] == "a" and f.endswith("e"):
                _add(keys, key[:-1], cost)                               # silent e
            if "G" in key and soft_g:
                _add(keys, key.replace("G", "S", 1), cost + 0.06)        # soft g (George 乔治), never a k (Kazan)
    return dict(sorted(keys.items(), key=lambda kv: kv[1])[:MAX_KEYS])


def _syllable_keys(syllable: str) -> list[tuple[str, float]]:
    initial = next((i for i in _INITIALS if syllable.startswith(i) and len(syllable) > len(i)), "")
    final = syllable[len(initial) :]
    heads = [(_PY_CLASS.get(initial, ""), 0.0)]
    if initial in ("j", "q") and final.startswith("i"):
        heads.append(("G", 0.02))  # 基 ji renders ki / gi (Nokia 诺基亚); 西 xi renders si, hee, never a k
    if initial == "h" and final.startswith("u") and len(final) > 1:
        heads.append(("W", 0.02))  # 华 hua renders wa (Warwick 华威)
    if initial == "w":
        heads.append(("F", 0.03))  # 维 wei renders v (Victoria 维多利亚)
    if initial == "x":
        heads.append(("H", 0.03))  # 希 xi renders hee (Lockheed 洛克希德)
    if initial == "r":
        heads.append(("S", 0.04))  # 日 ri renders a French g or j (Liège 列日)
    if syllable == "er":
        tails = [("aL", 0.0), ("a", 0.03)]
    elif final.endswith("ng"):
        tails = [("aN", 0.0), ("a", 0.05), ("aM", 0.04)]
    elif final.endswith("n"):
        tails = [("aN", 0.0), ("aM", 0.04)]   # 庞巴迪 pang ba di = Bombardier
    else:
        tails = [("a", 0.0)]
    return [(h + t, hc + tc) for h, hc in heads for t, tc in tails]


@lru_cache(maxsize=100_000)
def pinyin_keys(syllables: tuple[str, ...]) -> dict[str, float]:
    """Sound-class keys of a run of pinyin syllables (no tones) -> the cost of the readings assumed."""
    options = [_syllable_keys(s) for s in syllables if s]
    keys: dict[str, float] = {}
    for combo in product(*options):
        _add(keys, "".join(k for k, _ in combo), sum(c for _, c in combo))
        if len(keys) >= MAX_KEYS:
            break
    return keys


def _skeleton(key: str) -> str:
    return key.replace("a", "")


@lru_cache(maxsize=100_000)
def _pinyin_forms(syllables: tuple[str, ...]) -> tuple[tuple[str, str, float], ...]:
    return tuple((k, _skeleton(k), c) for k, c in pinyin_keys(syllables).items() if _skeleton(k))


@lru_cache(maxsize=100_000)
def _english_forms(word: str) -> tuple[tuple[str, str, float], ...]:
    return tuple((k, _skeleton(k), c) for k, c in english_keys(word).items() if _skeleton(k))


@lru_cache(maxsize=100_000)
def first_sounds_of_word(word: str) -> frozenset[str]:
    """The sound classes an English word may start with (to skip hopeless comparisons early)."""
    return frozenset(k[0] for k, _, _ in _english_forms(word))


@lru_cache(maxsize=10_000)
def first_sounds_of_syllable(syllable: str) -> frozenset[str]:
    return frozenset(k[0] for k, _ in _syllable_keys(syllable) if k)


@lru_cache(maxsize=200_000)
def similarity(syllables: tuple[str, ...], word: str) -> float:
    """How alike the pinyin syllables and the English word sound, in [0, 1] (1 = same sound-class key)."""
    py_forms, en_forms = _pinyin_forms(syllables), _english_forms(word)
    if not py_forms or not en_forms:
        return 0.0
    # a transliteration starts with the word's first sound and has about one syllable per consonant
    firsts = {k[0] for k, _, _ in py_forms}
    if not any(k[0] in firsts for k, _, _ in en_forms):
        return 0.0
    if not any(len(b) <= 2 * len(syllables) + 1 and len(syllables) <= 2 * len(b) + 1 for _, b, _ in en_forms):
        return 0.0
    best = 0.0
    for pk, bones_p, pc in py_forms:
        for ek, bones_e, ec in en_forms:
            if pc + ec >= 1.0 - best or pk[0] != ek[0]:
                continue  # cannot beat the best found, or starts with another sound
            # Chinese adds a vowel after every consonant (Brunel = bu lu nei er): extra vowels on the pinyin
            # side cost nothing; every English sound and every consonant on both sides must be matched
            full = LCSseq.similarity(pk, ek) / len(ek)
            bones = 2 * LCSseq.similarity(bones_p, bones_e) / (len(bones_p) + len(bones_e))
            best = max(best, min(full, bones) - pc - ec)
    return max(best, 0.0)


@lru_cache(maxsize=1)
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (from pypinyin's character table; ü written v, and u as names often write
    it: lv and lu, lve and lue)."""
    from pypinyin.constants import PINYIN_DICT

    out: set[str] = set()
    for readings in PINYIN_DICT.values():
        for r in readings.split(","):
            decomposed = unicodedata.normalize("NFKD", r)  # ǚ = u + diaeresis + tone mark
            for form in (decomposed.replace("u\u0308", "v"), decomposed):  # lv (the v convention) and lu, lue
                out.add("".join(c for c in form if not unicodedata.combining(c)))
    return frozenset(x for x in out if any(v in x for v in "aeiouv"))  # not the interjections n, ng, m


@lru_cache(maxsize=20_000)
def syllable_count(word: str) -> int:
    """The fewest toneless pinyin syllables the letters split into, 0 when they do not split (shangtang 2,
    sensetime 4 = sen se ti me, bgi 0)."""
    known = syllables()
    best = [0] * (len(word) + 1)
    for i in range(1, len(word) + 1):
        counts = [best[j] + 1 for j in range(max(0, i - 6), i) if (j == 0 or best[j]) and word[j:i] in known]
        best[i] = min(counts) if counts else 0
    return best[len(word)]


PINYIN_MARKS = re.compile(r"zh|x|q|uo|iu|ui|ian|iao|ong")


@lru_cache(maxsize=100_000)
def is_pinyin(word: str) -> bool:
    """The word is romanised Chinese (zhongxing, daxue), not a foreign name: a run of pinyin syllables with
    a spelling English names rarely have (zh, x, q, uo, ong …). Milan, Tata and Simon are not, nor is an English
    dictionary word that pinyin would split into syllables (guide = gui de, quota: `english.english_likelier`)."""
    from mcfwatch.resolve.english import english_likelier

    if english_likelier(word):
        return False
    known = syllables()
    if word in known:
        return True  # one syllable: jun, shi, yuan
    if not PINYIN_MARKS.search(word):
        return False
    reach = [True] + [False] * len(word)
    for i in range(len(word)):
        if reach[i]:
            for j in range(i + 1, min(len(word), i + 6) + 1):
                if word[i:j] in known:
                    reach[j] = True
    return reach[len(word)]
