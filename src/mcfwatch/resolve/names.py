"""A name parsed once into the forms the matching features compare (pure; cached by text).

Every name is read into English word space: a Latin name through case/form/variant folding, a Chinese
name word by word through the glossary (unknown runs of characters become one pinyin word). Chinese
characters are kept beside it, simplified, so two Chinese names are compared on their characters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from mcfwatch.resolve import lexicon
from mcfwatch.resolve.normalize import (
    compact,
    fold,
    han_only,
    han_ratio,
    has_han,
    numbers,
    pinyin,
    strip_accents,
    strip_numbers,
    to_simplified,
)

MAX_READINGS = 8
_ZH_FORMS = sorted((k for k, v in lexicon.glossary().items() if not v), key=len, reverse=True)
_PARENS = re.compile(r"[(（]([^()（）]{1,80})[)）]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,9}$")


@dataclass(frozen=True, slots=True)
class Name:
    original: str
    script: str                              # latin | han | mixed
    han: str                                 # simplified characters without forms and numbers
    readings: tuple[tuple[str, ...], ...]    # alternative word sequences in English word space
    numbers: frozenset[int]
    romanised: str                           # compact letters: a Latin name's, or the pinyin of a Chinese one
    initials: frozenset[str]
    acronym: bool                            # the name is a single short upper-case word (NWPU)
    key: str                                 # exact key: folded, forms and numbers dropped
    han_runs: frozenset[str] = frozenset()   # Chinese runs read as pinyin (not in the glossary)

    @property
    def tokens(self) -> frozenset[str]:
        return frozenset(t for r in self.readings for t in r)


def _stem(word: str) -> str:
    word = lexicon.VARIANTS.get(word, word)
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        word = lexicon.VARIANTS.get(word[:-1], word[:-1])
    return word


def latin_words(text: str) -> list[str]:
    """Folded Latin words of a name, variants unified, numbers removed (forms and stopwords kept)."""
    return [_stem(w) for w in fold(strip_accents(strip_numbers(text))).split() if not w.isdigit()]


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in lexicon.STOPWORDS and w not in lexicon.LEGAL_FORMS]


@lru_cache(maxsize=1)
def _acronym_expansions() -> dict[str, tuple[str, ...]]:
    """Known acronym (folded) -> content words of the organisation's first multi-word English name."""
    table: dict[str, tuple[str, ...]] = {}
    for group in lexicon.known_names():
        full = next((n for n in group if not has_han(n) and len(n.split()) > 1), None)
        if full is None:
            continue
        for n in group:
            if _ACRONYM.match(n):
                table.setdefault(fold(n), tuple(_content(latin_words(full))))
    return table


@lru_cache(maxsize=1)
def _brand_words() -> frozenset[str]:
    """One-word names the known-names table writes as words, not acronyms (Huawei, iFlytek): "IFLYTEK" in
    capitals, as the Entity List prints it, is that word, not an acronym to be capped."""
    return frozenset(fold(n) for group in lexicon.known_names() for n in group
                     if len(n.split()) == 1 and not has_han(n) and not n.isupper())


@lru_cache(maxsize=1)
def _zh_lexicon() -> dict[str, tuple[str, ...]]:
    """The glossary plus every Chinese name of the known-names table read as its English name."""
    table = dict(lexicon.glossary())
    for group in lexicon.known_names():
        full = next((n for n in group if not has_han(n) and len(n.split()) > 1), None)
        if full is None:
            continue
        for n in group:
            if has_han(n) and len(n) >= 2:
                table.setdefault(to_simplified(n), (" ".join(_content(latin_words(full))),))
    return table


@lru_cache(maxsize=200_000)
def segments(han: str) -> tuple[tuple[str, bool], ...]:
    """Chinese characters split into words: (piece, known), a known piece being a glossary or known-names word and
    an unknown one a run of characters neither knows. Of the splits, the one leaving the fewest characters unknown,
    then the one with the fewest pieces; among those, the longest first word (greedy reading). Greedy reading
    alone would take 南航 (NUAA) out of 江南航空 and leave 江 and 空 unread; this split reads 江南 | 航空."""
    return _split(han, _zh_lexicon(), _longest_word())


@lru_cache(maxsize=50_000)
def glossary_segments(han: str) -> tuple[tuple[str, bool], ...]:
    """`segments` with the glossary alone, no known-names table: a whole name the table holds (华为技术有限公司) is
    split into its words again (华为 | 技术 | 有限公司), so that what straddles two of its words shows."""
    return _split(han, lexicon.glossary(), lexicon.glossary_max_len())


def _split(han: str, table: Mapping[str, object], longest: int) -> tuple[tuple[str, bool], ...]:
    n = len(han)
    # best[i]: (unknown characters, pieces, cut after this piece, known) of the best split of han[i:] when the
    # piece before i is known; best_after_run[i] the same when it ends a run (an unknown char then joins it)
    inf = (n + 1, n + 1, 0, False)
    after_known: list[tuple[int, int, int, bool]] = [inf] * (n + 1)
    after_run: list[tuple[int, int, int, bool]] = [inf] * (n + 1)
    after_known[n] = after_run[n] = (0, 0, n, False)
    for i in range(n - 1, -1, -1):
        for prev_run in (False, True):
            best = inf
            for size in range(min(longest, n - i), 0, -1):
                if han[i : i + size] in table:
                    rest = after_known[i + size]
                    cand = (rest[0], rest[1] + 1, i + size, True)
                    if cand[:2] < best[:2]:
                        best = cand
            rest = after_run[i + 1]
            cand = (rest[0] + 1, rest[1] + (0 if prev_run else 1), i + 1, False)
            if cand[:2] < best[:2]:
                best = cand
            if prev_run:
                after_run[i] = best
            else:
                after_known[i] = best
    out: list[tuple[str, bool]] = []
    i, prev_run = 0, False
    while i < n:
        _, _, cut, known = (after_run if prev_run else after_known)[i]
        if not known and out and not out[-1][1]:
            out[-1] = (out[-1][0] + han[i:cut], False)
        else:
            out.append((han[i:cut], known))
        i, prev_run = cut, not known
    return tuple(out)


@lru_cache(maxsize=1)
def _longest_word() -> int:
    return max(len(k) for k in _zh_lexicon())


def gloss(han: str) -> tuple[list[tuple[str, ...]], frozenset[str]]:
    """Chinese characters read word by word (`segments`): the alternative English readings of each word, and the
    runs of characters the glossary does not know (read as pinyin, kept to tell homophones apart)."""
    table = _zh_lexicon()
    out: list[tuple[str, ...]] = []
    runs: set[str] = set()
    for piece, known in segments(han):
        if not known:
            out.append((pinyin(piece, spaced=False),))
            runs.add(piece)
        elif table[piece]:
            out.append(table[piece])
    return out, frozenset(runs)


def _readings(slots: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    combos: list[tuple[str, ...]] = []
    for choice in product(*slots):
        words = [_stem(w) for part in choice for w in part.split()]
        reading = tuple(_content(words))
        if reading not in combos:
            combos.append(reading)
        if len(combos) >= MAX_READINGS:
            break
    return tuple(combos) or ((),)


def _latin_slots(words: list[str]) -> list[tuple[str, ...]]:
    expansions = _acronym_expansions()
    return [(w, " ".join(expansions[w])) if w in expansions else (w,) for w in words]


def _initials(words: list[str]) -> frozenset[str]:
    kept = [w for w in words if w not in lexicon.STOPWORDS]
    content = [w for w in kept if w not in lexicon.LEGAL_FORMS]
    variants = [kept, content]
    if kept and kept[-1] in lexicon.LEGAL_FORMS:
        variants.append([*content, kept[-1]])
    return frozenset("".join(w[0] for w in v) for v in variants if len(v) >= 2)


def chinese_forms() -> tuple[str, ...]:
    """The Chinese legal forms a Chinese name is read without (集团, 有限公司, 股份 ...), longest first."""
    return tuple(_ZH_FORMS)


def strip_zh_forms(han: str) -> str:
    for form in _ZH_FORMS:
        han = han.replace(form, "")
    return han


@lru_cache(maxsize=200_000)
def parse(name: str) -> Name:
    """Parse one name into every form the features compare."""
    text = " ".join(name.split())
    han_full = han_only(text)
    latin_part = re.sub(r"[\u3400-\u9fff\uf900-\ufaff〇]+", " ", to_simplified(text))
    ratio = han_ratio(text)
    script = "han" if ratio > 0.8 else "latin" if not han_full else "mixed"
    han = strip_zh_forms(han_only(strip_numbers(text))) if han_full else ""
    words = latin_words(latin_part) if script != "han" else []
    slots: list[tuple[str, ...]] = _latin_slots(words) if script == "latin" else []
    runs: frozenset[str] = frozenset()
    if script == "han":
        slots, runs = gloss(han)
    elif script == "mixed":
        slots = [*_latin_slots(words)]
    readings = _readings(slots)
    content = _content(words)
    romanised = compact(pinyin(han)) if script == "han" else "".join(content)
    stripped = text.strip()
    acronym = (bool(_ACRONYM.match(stripped)) and fold(stripped) not in _brand_words()) or (
        script == "latin" and fold(stripped) in _acronym_expansions())
    key = " ".join(content) if script == "latin" else han if script == "han" else " ".join(content) + " " + han
    nums = numbers(text)
    if nums:
        key = f"{key} #" + ",".join(str(n) for n in sorted(nums))
    return Name(
        original=name,
        script=script,
        han=han,
        readings=readings,
        numbers=nums,
        romanised=romanised,
        initials=_initials(words) if script != "han" else frozenset(),
        acronym=acronym,
        key=key.strip(),
        han_runs=runs,
    )


def _only_places(text: str) -> bool:
    if has_han(text):
        from mcfwatch.resolve.bilingual import is_place_zh  # bilingual reads names: asked when first needed

        return is_place_zh(text)  # "（香港）", "（泰国）"
    from mcfwatch.lists.countries import (
        country_code,  # the lists' own country names (Thailand, New Zealand, UK)
    )

    inner = text.strip()
    if len(inner) > 2 and country_code(inner) is not None or inner == "UK":
        return True  # Thailand, USA, (UK)
    words = _content(latin_words(text))
    return bool(words) and all(w in lexicon.PLACES for w in words)


def _registered_place(name: str, m: re.Match[str]) -> bool:
    """A bracket where a firm's registered name puts its place: "Cambricon (Kunshan) Information Technology Co.,
    Ltd.", "Huawei Technologies (Yangon) Co., Ltd.", "Kaili Industrial (HK) Limited" (brand, place, business,
    legal form). The name goes on to a legal form after the bracket, and the bracket holds a country's code in
    capitals (HK, H.K., BVI) or one or two capitalised words that read as a place: pinyin (Kunshan, Haining)
    or a place CC-CEDICT names (Yangon 仰光, Deutschland 德意志). Not a brand (Chbay), a kind of body or a
    legal form ("(Group) Co., Ltd.", "(Pty) Ltd.")."""
    if not set(latin_words(name[m.end():])) & lexicon.COMPANY_FORMS:
        return False
    from mcfwatch.lists.countries import is_country_code

    text = m.group(1).strip()
    if is_country_code(text.replace(".", "")):
        return True
    inner = text.split()
    if not 1 <= len(inner) <= 2 or not all(re.fullmatch(r"[A-Z][a-z]+", w) for w in inner):
        return False
    if {w.lower() for w in inner} & (lexicon.COMPANY_FORMS | lexicon.KINDS | lexicon.UNIT_WORDS | _NOT_PLACES):
        return False
    from mcfwatch.resolve.bilingual import cedict_place_name  # bilingual reads names: asked when first needed
    from mcfwatch.resolve.renderings import is_pinyin

    return all(is_pinyin(w.lower()) for w in inner) or cedict_place_name(text)


_NOT_PLACES = frozenset({"group", "general", "private", "public", "holding", "holdings", "international"})


@lru_cache(maxsize=200_000)
def placed_outer(name: str) -> str:
    """The name without its brackets when a bracket only says where ("Huawei Technologies (UK) Co., Ltd."), else "".

    That shorter name is the parent's or a sister's: a subsidiary registered in another country or city is another
    legal person, so the shorter name may find the entry but never makes it the same organisation as the parent.
    """
    if not any(_only_places(m.group(1)) or _registered_place(name, m) for m in _PARENS.finditer(name)):
        return ""
    return " ".join(_PARENS.sub(" ", name).split())


@lru_cache(maxsize=200_000)
def variants_of(name: str) -> tuple[str, ...]:
    """A published name and the names inside it: its Latin and Chinese halves, bracketed acronyms.

    "Northwestern Polytechnical University（NPU） (西北工業大學)" -> the full string, the English
    name, "NPU" and "西北工業大學". Used when indexing list entries, whose names often pack several.
    Cached like parse: building the knowledge, the index and the primary keys asks it of every list
    name three times (a third of the cold screening-cache build).
    """
    out = [name]
    # a bracket is a name of the whole only when nothing Latin follows it: "X (CASC) 9th Academy"
    # names the 9th Academy, and CASC there is its parent, not one of its names
    inner = [
        m.group(1).strip()
        for m in _PARENS.finditer(name)
        if not re.search(r"[A-Za-z]", _PARENS.sub(" ", name[m.end() :]))
    ]
    outer = " ".join(_PARENS.sub(" ", name).split())
    if outer and outer != name:
        out.append(outer)
    # an acronym in brackets names the whole only if it starts like the name does:
    # "... Institute of the Third Academy of CASIC (CASIC)" gives the parent's acronym
    words = _content(latin_words(outer))
    out.extend(
        i for i in inner
        if i.strip()
        and (not _ACRONYM.match(i.split()[0]) or not words or i[0].lower() == words[0][0])
        and not _only_places(i)  # "(Hong Kong)", "(Wuhan)" say where, not who
    )
    if has_han(outer) and han_ratio(outer) < 0.8:
        han = "".join(re.findall(r"[\u3400-\u9fff\uf900-\ufaff〇]+", outer))
        latin = " ".join(re.sub(r"[\u3400-\u9fff\uf900-\ufaff〇]+", " ", outer).split())
        out.extend(p for p in (han, latin) if p)
    seen: set[str] = set()
    unique: list[str] = []
    for n in out:
        if n and compact(n) + han_only(n) and n not in seen:
            seen.add(n)
            unique.append(n)
    return tuple(unique)
