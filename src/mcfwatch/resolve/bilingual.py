"""A Chinese name set against an English one, part by part: which Chinese parts say which English words.

Evidence for a part, strongest first:
- dictionary: the part is a word or name whose English the tables give (bilingual_words.tsv, written by
  us; cedict_names.tsv, derived from CC-CEDICT) and that English is in the other name (伦敦 = London);
- Latin: Latin letters inside the Chinese name are the English name's words (MQP公司 = UK MQP Limited);
- sound: the part's pinyin sounds like an English word (布鲁内尔 bu lu nei er ~ Brunel; phonetic.py).
Parts are chosen longest first, never overlapping on either side. What is left unmatched weighs against
the pair: a distinctive word on either side, above all a kind of body (University vs College) that the
other lacks. Country prefixes (英国), city/county words and legal forms are soft: they may go missing.

An alignment is "foreign" when at least one part is a foreign name from the dictionary, a sound match or
Latin letters: only then do the bilingual features speak, so Chinese names of Chinese bodies keep being
read by the glossary and pinyin as before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Indel

from mcfwatch.lists.countries import country_code
from mcfwatch.lists.persons import is_person_name
from mcfwatch.resolve import lexicon, phonetic
from mcfwatch.resolve.cedict import rows as cedict_rows
from mcfwatch.resolve.names import Name, latin_words
from mcfwatch.resolve.normalize import compact, fold, pinyin, strip_accents, strip_numbers, to_simplified

PHONETIC_MIN = 0.84
COMMON_WORD_WEIGHT = 3.0  # rarity weight under which an English word is a common word, not a name
MAX_SPAN = 12
SOFT_WEIGHT = 0.15        # an unmatched soft word (country prefix, "city", "London" after a university)
KIND_CAP = 0.6
LATIN_ONLY_WEIGHT = 0.2   # an English descriptive word missing from a Latin-lettered Chinese name
# words that make another institution of the same kind: one side only saying them caps the pair
QUALIFIERS = frozenset(
    "technology technical polytechnic state national medical science engineering applied open free catholic advanced "
    "metropolitan royal imperial federal normal agricultural business economics autonomous central "
    "north south east west northern southern eastern western".split()
)
# English words a Chinese rendering often leaves out: places and seats of government, trade descriptors
SOFT_EN = frozenset(
    "city county state municipal municipality council government shire metropolitan motor bank banking "
    "manufacturing corporation trading works airline airway".split()
)            # a kind of body on one side only: a different body or a unit of it
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9&.'\-]*(?:\s+[A-Za-z0-9&.'\-]+)*")
_HAN = re.compile(r"[\u3400-\u9fff]")


# the glossary's dropped words less the place words (省, 市), which translate (Province, City)
_LEGAL_FORMS_ZH = tuple(
    k for k, v in sorted(lexicon.glossary().items(), key=lambda kv: -len(kv[0])) if not v and len(k) > 1
)


@dataclass(frozen=True, slots=True)
class Reading:
    words: tuple[str, ...]   # English content words
    soft: bool               # may be missing on the other side
    source: str              # words | cedict-name | cedict-word
    person: bool = False     # CC-CEDICT glosses it as a personal name ('@' in cedict_names.tsv): one part of a name


def _content(text: str) -> tuple[str, ...]:
    return tuple(w for w in latin_words(text) if w not in lexicon.STOPWORDS and w not in lexicon.LEGAL_FORMS)


_CONNECTORS = frozenset("与和及之的")  # 标准与技术: and, of
# generic organisation words a sound must never be matched to
_ORG_WORDS = frozenset("group holding corporation company society association foundation center centre".split())

# legal forms the lists rarely carry (S.p.A., N.V., SE, A/S, Oyj) and the letters of dotted abbreviations
_MORE_FORMS = frozenset("se spa nv oyj abp asa sas kgaa aps ehf".split())


def english_words(text: str) -> tuple[str, ...]:
    """The English name's content words, dotted legal forms (S.p.A., N.V.) and single letters set aside."""
    return tuple(stem for stem, _ in _english(text))


@lru_cache(maxsize=50_000)
def _english(text: str) -> tuple[tuple[str, str], ...]:
    """(word as compared, word as spelled) for each content word: sounds are compared on the spelling
    (Thales, not the singular 'thale' the word comparison uses)."""
    text = re.sub(r"\b(?:[A-Za-z]\.){2,}[A-Za-z]?\.?", lambda m: m.group(0).replace(".", ""), text)
    text = re.sub(r"(?<=\w)&(?=\w)", "", text)  # HT&L is one word, HTL
    out: list[tuple[str, str]] = []
    for surface in fold(strip_accents(strip_numbers(text))).split():
        for stem in latin_words(surface):
            if stem in lexicon.STOPWORDS or stem in lexicon.LEGAL_FORMS or stem in _MORE_FORMS:
                continue
            if len(stem) > 1 or stem.isdigit():
                out.append((stem, surface))
    return tuple(out)


def _read(name: str) -> list[str]:
    text = resources.files("mcfwatch.resolve").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """Our word table and the CC-CEDICT table, raw: Chinese -> "kind<TAB>readings" (parsed on first use)."""
    ours = {}
    for line in _read("bilingual_words.tsv"):
        zh, _, en = line.partition("\t")
        ours[zh.strip()] = "words\t" + en
    cedict: dict[str, str] = {}
    for zh, _, kind, en in cedict_rows():
        cedict[zh] = f"{cedict[zh]}|{en}" if zh in cedict else f"{kind}\t{en}"  # the name row comes first
    return ours, cedict


@lru_cache(maxsize=50_000)
def readings(zh: str) -> tuple[Reading, ...]:
    """English readings of a Chinese word or name: our table's if it has the word, else CC-CEDICT's."""
    ours, cedict = _tables()
    raw = ours.get(zh) or cedict.get(zh)
    if raw is None:
        return ()
    kind, _, en = raw.partition("\t")
    source = "words" if kind == "words" else f"cedict-{kind}"
    out: list[Reading] = []
    for r in en.split("|"):
        words = _content(r.lstrip("~@"))
        if words:
            out.append(Reading(words, r.startswith("~"), source, r.startswith("@")))
    return tuple(out)


@lru_cache(maxsize=1)
def dictionary() -> dict[str, str]:
    """Every Chinese word or name the tables know (loaded once)."""
    ours, cedict = _tables()
    return {**cedict, **ours}


@lru_cache(maxsize=1)
def _foreign_places() -> frozenset[str]:
    """Countries and foreign places read as soft when unmatched (the Chinese adds 英国, the English adds London)."""
    ours, _ = _tables()
    words = {w for zh in ours for r in readings(zh) if r.soft for w in r.words}
    return frozenset(words | lexicon.PLACES)


def _initial(word: str) -> str:
    """A name's first sound as its spellings share it: c and k (Cologne / Köln, Copenhagen / København) and f
    and ph (Philips / Filips) are one letter here."""
    w = strip_accents(word).lower()
    if w.startswith("ph"):
        return "f"
    return "k" if w[:1] == "c" else w[:1]


@lru_cache(maxsize=1)
def _cedict_names() -> frozenset[str]:
    _, cedict = _tables()
    return frozenset(w.lower() for raw in cedict.values() if raw.startswith("name\t")
                     for w in raw.partition("\t")[2].split("|") if not w.startswith("@"))


def cedict_place_name(text: str) -> bool:
    """The text is an English name CC-CEDICT gives a proper name (Yangon 仰光, Deutschland 德意志): a place, a
    body or a thing the dictionary knows by name, never a personal name."""
    return text.lower() in _cedict_names()


@lru_cache(maxsize=10_000)
def is_place_zh(text: str) -> bool:
    """A Chinese name of a country, region or city alone (香港, 泰国, 深圳市): it says where, not who."""
    zh = to_simplified(unicodedata.normalize("NFKC", text)).strip()
    if len(zh) > 2 and zh[-1] in "市省":
        zh = zh[:-1]
    places = _foreign_places()
    gloss = lexicon.glossary().get(zh)
    if gloss:
        return all(w in places for r in gloss for w in r.split())
    first = readings(zh)[:1]
    if not first:
        return False
    words = first[0].words
    return all(w in places for w in words) or (len(" ".join(words)) > 2 and country_code(" ".join(words)) is not None)


@lru_cache(maxsize=1)
def _countries_zh() -> tuple[str, ...]:
    """Chinese names of countries (our word table's soft country prefixes: 英国, 德国, 韩国), and 中国; longest
    first."""
    ours, _ = _tables()
    places = _foreign_places() | lexicon.PLACES
    found = {zh for zh, row in ours.items() if len(zh) >= 2 and (rs := row.partition("\t")[2].split("|"))
             and all(r.startswith("~") and r[1:].split() and all(w in places and w not in SOFT_EN and w not in lexicon.UNIT_WORDS for w in r[1:].split())
                     for r in rs)}
    return tuple(sorted(found | {"中国"}, key=lambda z: (-len(z), z)))


@lru_cache(maxsize=50_000)
def country_zh(han: str) -> str:
    """The country a Chinese name begins with (韩国航空航天工业: 韩国), or ""."""
    return next((c for c in _countries_zh() if han.startswith(c)), "")


def is_soft(word: str) -> bool:
    """An English word a Chinese rendering may leave out: a place, a seat of government, a trade descriptor."""
    return word in SOFT_EN or word in _foreign_places()


@dataclass(frozen=True, slots=True)
class Part:
    zh: str                  # the Chinese characters (or Latin letters) of the part
    en: tuple[str, ...]      # the English words it matched
    how: str                 # dictionary | foreign-name | latin | sound
    score: float
    person: bool = False     # a personal name (汉斯 Hans): never a whole multi-word name on its own
    common: bool = False     # a common word (星辰 star, 新 new), not a name

    def describe(self) -> str:
        if self.how == "sound":
            return f"{self.zh} ({pinyin(self.zh)}) ~ {' '.join(self.en)}"
        return f"{self.zh} = {' '.join(self.en)}"


@dataclass(frozen=True, slots=True)
class Alignment:
    score: float
    parts: tuple[Part, ...]
    missing_zh: tuple[str, ...]
    missing_en: tuple[str, ...]
    person: bool = False     # the English name has the shape of a person's name (lists.persons)

    def covers_english(self) -> bool:
        """Every distinctive English word is said by a part: only a soft word (a place, City, Motor) is missing,
        or, for a firm named by its brand, the one descriptive word the score already discounts (Automobili
        Lamborghini). A personal name never stands for a longer one: 汉斯 (Hans) is not Hans De Geetere."""
        if any(p.person for p in self.parts) and self.missing_en:
            return False  # 约翰 (John) is not John Holland Group: a personal name excuses no word, not even a place
        missing = [w for w in self.missing_en if not is_soft(w)]
        brand = not self.person
        return not missing or (brand and len(missing) == 1)

    def acronym_for_more(self, english: str) -> bool:
        """The Chinese name reads only as an acronym the English name prints in capitals, and the English name
        says more than it: 国家留学基金管理委员会 (CSC, the Scholarship Council) says nothing of "Sinotrans & CSC
        Holdings" (a short name such as Roth is no acronym)."""
        words = [w for p in self.parts for w in p.en]
        return bool(words) and all(re.search(rf"\b{re.escape(w.upper())}\b", english) for w in words) and any(
            not is_soft(w) for w in self.missing_en)

    @property
    def foreign(self) -> bool:
        """A part the glossary of Chinese institutional words could not have read (a foreign name, a sound,
        Latin letters, a word such as 帝国 Imperial): Chinese names of Chinese bodies stay with the glossary."""
        glossary = lexicon.glossary()
        return any(p.how in ("foreign-name", "latin", "sound") or p.zh not in glossary for p in self.parts)

    def common_words_only(self) -> bool:
        """The names agree only as the translation of one common word (星辰控股集团 'Star' ~ Joint Stock Company
        STAR): no proper name, sound or letters is shared, and nothing else says which body."""
        return (len(self.parts) == 1 and self.parts[0].common and self.parts[0].how == "dictionary"
                and len(self.parts[0].en) == 1 and not any(w in lexicon.KINDS for w in self.parts[0].en))

    def uses(self, how: str) -> bool:
        return any(p.how == how for p in self.parts)

    def describe(self) -> str:
        text = "; ".join(p.describe() for p in self.parts)
        missing = [*self.missing_zh, *self.missing_en]
        return f"{text} (unmatched: {', '.join(missing)})" if missing else text


NO_ALIGNMENT = Alignment(0.0, (), (), ())


def _spans(words: tuple[str, ...], target: tuple[str, ...], used: list[bool], fuzzy: bool = True) -> int:
    """Start of the first run of unused English words equal to target (in order or not), or -1. A common
    word may differ in its ending (Systèmes ~ system); a name may not (Nokian is not Nokia)."""
    n = len(target)
    for k in range(len(words) - n + 1):
        window = words[k : k + n]
        if not any(used[k : k + n]) and (
            window == target or sorted(window) == sorted(target)
            or (fuzzy and n == 1 and len(target[0]) >= 5 and window[0][:3] == target[0][:3]
                and Indel.normalized_similarity(window[0], target[0]) >= 0.85)
        ):
            return k
    return -1


def align(zh_name: Name, en_name: Name, weight: Callable[[str], float]) -> Alignment:
    """The best reading of the Chinese (or mixed) name against the English one."""
    if en_name.script != "latin" or zh_name.script not in ("han", "mixed") or zh_name.numbers or en_name.numbers:
        return NO_ALIGNMENT
    if zh_name.script == "han" and not zh_name.han_runs:
        return NO_ALIGNMENT  # the glossary reads every character: a Chinese name of a Chinese body
    return _align(zh_name, en_name, weight)


@lru_cache(maxsize=50_000)
def _chinese_side(original: str) -> tuple[str, tuple[str, ...], tuple[tuple[int, int, tuple[Reading, ...]], ...]]:
    """The Chinese characters (legal forms out), the Latin chunks, and every known word or name inside."""
    text = to_simplified(unicodedata.normalize("NFKC", original))
    latin = tuple(m.group(0) for m in _LATIN_RUN.finditer(text))
    for form in _LEGAL_FORMS_ZH:
        text = text.replace(form, " ")
    han = "".join(_HAN.findall(text))
    table = dictionary()
    spans = tuple(
        (i, size, readings(han[i : i + size]))
        for size in range(min(MAX_SPAN, len(han)), 0, -1)
        for i in range(len(han) - size + 1)
        if han[i : i + size] in table and readings(han[i : i + size])
    )
    return han, latin, spans


def _align(zh_name: Name, en_name: Name, weight: Callable[[str], float]) -> Alignment:
    han, latin_chunks, spans = _chinese_side(zh_name.original)
    latin = list(latin_chunks)
    pairs = _english(en_name.original)
    en = tuple(stem for stem, _ in pairs)
    spelled = tuple(surface for _, surface in pairs)
    if not en or not (han or latin) or not _reachable(zh_name.original, han, en, spelled, weight):
        return NO_ALIGNMENT
    soft_spans = [(i, size) for i, size, rs in spans if any(r.soft for r in rs)]
    # the first letters of the English CC-CEDICT gives a proper name (威尔士 Wales: w), by its span of characters
    named: dict[tuple[int, int], str] = {}
    for i, size, rs in spans:
        firsts = "".join(sorted({_initial(w) for r in rs if r.source == "cedict-name" and not r.person for w in r.words}))
        if firsts and all(r.source == "cedict-name" for r in rs):
            named[(i, i + size)] = firsts
    person = is_person_name(en_name.original)
    best = NO_ALIGNMENT
    # two orders of choosing parts: the longest Chinese part first (麻省理工学院 as one name), or the part
    # that says the most English words first (俄亥俄州立大学: 州立大学 State University before 俄亥俄州)
    for order in ("longest", "most-words"):
        used_zh = [False] * len(han)
        used_en = [False] * len(en)
        parts: list[tuple[int, Part]] = []   # (position in the Chinese, part): described in reading order
        _take_latin(latin, en, used_en, parts)
        ranked = sorted(spans, key=lambda sp: (-sp[1], sp[0])) if order == "longest" else sorted(
            spans, key=lambda sp: (-2 * max((len(r.words) for r in sp[2]), default=0) - sp[1], sp[0]))
        for i, size, rs in ranked:
            if any(used_zh[i : i + size]):
                continue
            for reading in rs:
                k = _spans(en, reading.words, used_en, fuzzy=reading.source != "cedict-name")
                if k >= 0:
                    used_zh[i : i + size] = [True] * size
                    used_en[k : k + len(reading.words)] = [True] * len(reading.words)
                    how = "foreign-name" if reading.source == "cedict-name" else "dictionary"
                    parts.append((i, Part(han[i : i + size], reading.words, how, 1.0, reading.person,
                                          reading.source == "cedict-word")))
                    break
        soft_zh = {j for i, size in soft_spans if not any(used_zh[i : i + size]) for j in range(i, i + size)}
        soft_zh.update(i for i, c in enumerate(han) if c in _CONNECTORS and not used_zh[i])
        # sound: the remaining runs of characters against the remaining English words
        for start, run in _free_runs(han, [u or i in soft_zh for i, u in enumerate(used_zh)]):
            for i, j, k, sim in _sound_matches(run, spelled, used_en, weight):
                if any(used_zh[start + i : start + j]) or used_en[k]:
                    continue
                if _initial(spelled[k]) not in named.get((start + i, start + j), _initial(spelled[k])):
                    continue  # CC-CEDICT names just these characters (威尔士 Wales): not another name that sounds alike (Vega)
                if _is_kind(run[i:j]):
                    continue  # a kind of body (国立大学 national university) is said, not transliterated (cloud)
                used_zh[start + i : start + j] = [True] * (j - i)
                used_en[k] = True
                parts.append((start + i, Part(run[i:j], (spelled[k],), "sound", sim)))
        # a Chinese word left over whose English another part already said (思科系统 = Cisco Systems, where
        # CC-CEDICT reads 思科 as Cisco Systems) is not a difference
        said = {w for _, p in parts for w in p.en}
        for i, size, rs in spans:
            if not any(used_zh[i : i + size]) and any(r.words and set(r.words) <= said for r in rs):
                used_zh[i : i + size] = [True] * size
        parts.sort(key=lambda p: p[0])
        # Latin letters of the Chinese name that say no English word are a part of its name left unread (LG新能源)
        loose = tuple(c for c in latin if not any(p.how == "latin" and p.zh == c for _, p in parts))
        found = _score(han, en, used_zh, used_en, soft_zh, [p for _, p in parts], weight, person, loose)
        if found.score > KIND_CAP and _places_differ(spans, used_zh, found.missing_en):
            found = replace(found, score=KIND_CAP)
        if found.score > best.score:
            best = found
        if best.score >= 0.99 or not spans:
            break  # nothing another order could improve
    return best


@lru_cache(maxsize=50_000)
def _chinese_vocabulary(original: str) -> tuple[frozenset[str], frozenset[str]]:
    """Every English word the Chinese name's known parts may say, and the sounds its syllables start with."""
    han, latin, spans = _chinese_side(original)
    words = {w for _, _, rs in spans for r in rs for w in r.words}
    words |= {w for chunk in latin for w in english_words(chunk.replace("&", ""))}
    heads = {h for syllable in pinyin(han).split() for h in phonetic.first_sounds_of_syllable(syllable)}
    return frozenset(words), frozenset(heads)


def _reachable(
    original: str, han: str, en: tuple[str, ...], spelled: tuple[str, ...], weight: Callable[[str], float]
) -> bool:
    """Cheap bound: could half the English name's weight be matched at all? (F1 of the two coverages
    cannot reach 0.7 with an English coverage of 0.5.) Screening asks this of every candidate."""
    words, heads = _chinese_vocabulary(original)
    total = hopeless = 0.0
    for w, surface in zip(en, spelled, strict=True):
        wt = weight(w)
        total += wt
        if w in words or w in SOFT_EN or w in _foreign_places():
            continue
        if len(surface) >= 3 and not phonetic.is_pinyin(surface) and phonetic.first_sounds_of_word(surface) & heads:
            continue
        if any(len(x) >= 5 and x[:3] == w[:3] for x in words):
            continue  # a fuzzy match of a common word (Systèmes ~ system)
        hopeless += wt
    return hopeless <= 0.5 * total


def _take_latin(latin: list[str], en: tuple[str, ...], used_en: list[bool], parts: list[tuple[int, Part]]) -> None:
    """Latin letters inside the Chinese name against the English words: MQP, HT&L."""
    for chunk in latin:
        key = compact(chunk.replace("&", ""))
        for n in range(len(en), 0, -1):
            hit = next((k for k in range(len(en) - n + 1)
                        if not any(used_en[k : k + n]) and "".join(en[k : k + n]) == key), -1)
            if hit >= 0 and key:
                used_en[hit : hit + n] = [True] * n
                parts.append((-1, Part(chunk, en[hit : hit + n], "latin", 1.0)))
                break


def _free_runs(han: str, used: list[bool]) -> list[tuple[int, str]]:
    runs: list[tuple[int, str]] = []
    start = -1
    for i, u in enumerate([*used, True]):
        if not u and start < 0:
            start = i
        elif u and start >= 0:
            runs.append((start, han[start:i]))
            start = -1
    return runs


def _sound_matches(
    run: str, en: tuple[str, ...], used_en: list[bool], weight: Callable[[str], float]
) -> list[tuple[int, int, int, float]]:
    """(i, j, k, similarity) for sub-runs run[i:j] that sound like English word k, best first. Only names
    are transliterated: an English word common on the lists (Technology, Electronics) is never tried."""
    syllables = pinyin(run).split()
    if len(syllables) != len(run) or len(run) < 2:
        return []
    words = [
        (k, word, phonetic.first_sounds_of_word(word)) for k, word in enumerate(en)
        if not used_en[k] and len(word) >= 3 and word not in lexicon.KINDS and word not in _ORG_WORDS
        and word not in lexicon.PLACES and weight(word) >= COMMON_WORD_WEIGHT
    ]
    found: list[tuple[int, int, int, float]] = []
    for i in range(len(run)):
        heads = phonetic.first_sounds_of_syllable(syllables[i])
        for k, word, firsts in words:
            if phonetic.is_pinyin(word):
                continue  # romanised Chinese (zhongxing, daxue): the romanisation features compare those
            if not heads & firsts:
                continue
            for j in range(i + 2, min(len(run), i + 7) + 1):
                s = phonetic.similarity(tuple(syllables[i:j]), word)
                if s >= PHONETIC_MIN:
                    found.append((i, j, k, s))
    found.sort(key=lambda f: (-(f[1] - f[0]) * f[3], -f[3]))
    return found


def _score(
    han: str, en: tuple[str, ...], used_zh: list[bool], used_en: list[bool], soft_zh: set[int],
    parts: list[Part], weight: Callable[[str], float], person: bool = False, loose: tuple[str, ...] = (),
) -> Alignment:
    if not parts:
        return NO_ALIGNMENT
    places = _foreign_places()
    soft_en = SOFT_EN
    # English side: rarity-weighted words; a place or city word missing from the Chinese weighs little
    # a Chinese name that is Latin letters and a legal form (HT&L公司) names the firm by its letters alone:
    # the English name's descriptive words (HT&L Fitting) may be left out
    latin_only = any(p.how == "latin" for p in parts) and all(u or i in soft_zh for i, u in enumerate(used_zh))
    # a personal name (约翰 John) excuses no word of the English: "John Holland Group" is not John
    personal = any(p.person for p in parts)
    w_en = [
        weight(w) * (SOFT_WEIGHT if (w in places or w in soft_en) and not personal else LATIN_ONLY_WEIGHT if latin_only
                     and w not in lexicon.KINDS else 1.0) if not u else weight(w)
        for w, u in zip(en, used_en, strict=True)
    ]
    # a firm's Chinese name that is wholly read often drops one descriptive word of the English (Automobili
    # Lamborghini, Carl Zeiss): it weighs half, for firms only (a university's extra word is another body).
    # The Chinese press names a foreign person by the family name (鲁比奥 Rubio for Marco Rubio), never by a
    # given name alone: a person's missing family name is another person (汉斯 Hans is not Hans De Geetere),
    # whether the English has a person's shape or the Chinese part is a personal name (约翰 John)
    extra = [k for k, u in enumerate(used_en) if not u and w_en[k] == weight(en[k])]
    if (len(extra) == 1 and all(u or i in soft_zh for i, u in enumerate(used_zh)) and not latin_only
            and not ((person or any(p.person for p in parts)) and extra[0] == len(en) - 1)
            and not any(w in lexicon.KINDS or w in QUALIFIERS for w in en)):
        w_en[extra[0]] *= 0.5
    hit_en = sum(w for w, u in zip(w_en, used_en, strict=True) if u)
    sound = {p.zh: p.score for p in parts if p.how == "sound"}
    quality = min(sound.values()) if sound else 1.0
    cov_en = hit_en / sum(w_en) if sum(w_en) else 0.0
    # Chinese side: characters; a soft part (英国, 市) missing from the English weighs little
    w_zh = [SOFT_WEIGHT / 2 if (i in soft_zh and not used_zh[i]) else 1.0 for i in range(len(han))]
    total_zh = sum(w_zh) + sum(1.0 for p in parts if p.how == "latin") + len(loose)
    hit_zh = sum(w for w, u in zip(w_zh, used_zh, strict=True) if u) + sum(1.0 for p in parts if p.how == "latin")
    cov_zh = hit_zh / total_zh if total_zh else 0.0
    score = 2 * cov_en * cov_zh / (cov_en + cov_zh) if cov_en + cov_zh else 0.0
    score *= quality if quality < 1.0 else 1.0
    missing_en = tuple(w for w, u in zip(en, used_en, strict=True) if not u)
    missing_zh = tuple(run for i, run in _free_runs(han, used_zh) if not all(j in soft_zh for j in range(i, i + len(run))))
    missing_zh += loose
    # a kind of body, or a word that makes another institution of the same kind (Technical, State), said
    # by one side only: a different body (University College London vs King's College London)
    institution = any(w in lexicon.KINDS for w in en)
    if (
        any(w in lexicon.KINDS or (institution and w in QUALIFIERS) for w in missing_en)
        or any(_is_kind(z) for z in missing_zh)
        or (institution and any(_says_qualifier(z) for z in missing_zh))
    ):
        score = min(score, KIND_CAP)
    return Alignment(round(score, 4), tuple(parts), missing_zh, missing_en, person)


def _places_differ(
    spans: tuple[tuple[int, int, tuple[Reading, ...]], ...], used_zh: list[bool], missing_en: tuple[str, ...]
) -> bool:
    """The Chinese name's place (德国 Germany, 英国 UK: a soft part left unread) and a place the English name
    names (China) are two places: 德国电信 is not China Telecom, though either side may leave its place out."""
    places = (_foreign_places() | lexicon.PLACES) - SOFT_EN - lexicon.UNIT_WORDS  # a place, not City or Council
    named_en = {w for w in missing_en if w in places}
    if not named_en:
        return False
    for i, size, rs in spans:
        if any(used_zh[i : i + size]) or not rs or not all(r.soft for r in rs):
            continue
        said = {w for r in rs for w in r.words}
        if said and all(w in places for w in said) and not said & named_en:
            return True
    return False


def _says_qualifier(zh: str) -> bool:
    """Unmatched Chinese characters that contain a word meaning a qualifier (科技 Technology, 州立 State)."""
    table = dictionary()
    return any(
        zh[i : i + n] in table and any(w in QUALIFIERS for r in readings(zh[i : i + n]) for w in r.words)
        for n in range(2, min(len(zh), 4) + 1) for i in range(len(zh) - n + 1)
    )


def _is_kind(zh: str) -> bool:
    return any(k in zh for k in ("大学", "学院", "研究所", "研究院", "实验室", "医院"))


def english_keys(name: Name) -> set[str]:
    """Blocking keys of a Chinese name in English word space: the English of each foreign name or word the
    tables know inside it (伊利诺伊大学 -> illinois), and the Latin words inside it (MQP公司 -> mqp)."""
    if name.script not in ("han", "mixed"):
        return set()
    han, latin, _ = _chinese_side(name.original)
    table = dictionary()
    keys: set[str] = {w for chunk in latin for w in english_words(chunk)}
    i = 0
    while i < len(han):
        for size in range(min(MAX_SPAN, len(han) - i), 1, -1):
            piece = han[i : i + size]
            if piece in table:
                keys.update(w for r in readings(piece) if not r.soft for w in r.words)
                i += size
                break
        else:
            i += 1
    return keys
