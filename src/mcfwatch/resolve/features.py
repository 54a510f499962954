"""Matching features: each a small pure function of two parsed names and the context.

A feature returns (score in [0, 1], detail). Its one-line docstring is the explanation a user sees
when the feature fires. Algorithms (algorithm.py) say how features combine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Indel

from mcfwatch.resolve import bilingual, lexicon
from mcfwatch.resolve.bilingual import Alignment
from mcfwatch.resolve.names import Name, _stem, latin_words
from mcfwatch.resolve.names import _zh_lexicon as names_lexicon
from mcfwatch.resolve.normalize import pinyin, to_simplified

Result = tuple[float, str]
NONE: Result = (0.0, "")
COMMON_WORDS_CAP = 0.75  # screening (0.70) shows it; linking (0.85) and merging (0.80) do not


@dataclass(frozen=True, slots=True)
class Context:
    """What the features may consult besides the two names: word weights and known names."""

    weight: Callable[[str], float]
    clusters: Callable[[Name], frozenset[str]]
    label: Callable[[str], str]
    memo: dict[tuple[tuple[str, ...], tuple[str, ...]], float] = field(default_factory=dict)
    aligned: dict[tuple[str, str], Alignment] = field(default_factory=dict)


def _word_sim(x: str, y: str) -> float:
    """Similarity of two words: 1 if equal; a fuzzy ratio >= 0.8 for long words sharing a first letter."""
    if x == y:
        return 1.0
    lx, ly = len(x), len(y)
    if lx < 5 or ly < 5 or x[0] != y[0] or lx * 100 < ly * 72 or ly * 100 < lx * 72:
        return 0.0
    s = Indel.normalized_similarity(x, y)
    return s if s >= 0.8 else 0.0


@lru_cache(maxsize=300_000)
def align(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Greedy word alignment: per word of a and of b, the similarity of its partner (0 if none).

    Exact words pair first, then fuzzy ones; also joins two adjacent words ("jiao tong" = "jiaotong").
    """
    sa, sb = [0.0] * len(a), [0.0] * len(b)
    free: dict[str, list[int]] = {}
    for j, y in enumerate(b):
        free.setdefault(y, []).append(j)
    for i, x in enumerate(a):
        slots = free.get(x)
        if slots:
            j = slots.pop(0)
            sa[i] = sb[j] = 1.0
    for i, x in enumerate(a):
        if sa[i] or len(x) < 5:
            continue
        best, bj = 0.0, -1
        for j, y in enumerate(b):
            if not sb[j]:
                s = _word_sim(x, y)
                if s > best:
                    best, bj = s, j
        if bj >= 0:
            sa[i] = sb[bj] = best
    for u, v, su, sv in ((a, b, sa, sb), (b, a, sb, sa)):
        for j in range(len(v) - 1):
            if sv[j] == 0 and sv[j + 1] == 0 and min(len(v[j]), len(v[j + 1])) >= 2 and len(v[j] + v[j + 1]) >= 5:
                joined = v[j] + v[j + 1]
                for i, x in enumerate(u):
                    if su[i] == 0 and x == joined:
                        su[i], sv[j], sv[j + 1] = 1.0, 1.0, 1.0
                        break
    return tuple(sa), tuple(sb)


def _weighted(a: tuple[str, ...], b: tuple[str, ...], ctx: Context) -> float:
    key = (a, b)
    found = ctx.memo.get(key)
    if found is None:
        if len(ctx.memo) > 500_000:
            ctx.memo.clear()
        found = ctx.memo[key] = _weighted_uncached(a, b, ctx)
    return found


def _weighted_uncached(a: tuple[str, ...], b: tuple[str, ...], ctx: Context) -> float:
    if not a or not b:
        return 0.0
    sa, sb = align(a, b)
    wa = [ctx.weight(x) for x in a]
    wb = [ctx.weight(y) for y in b]
    num = sum(w * s for w, s in zip(wa, sa, strict=True)) + sum(w * s for w, s in zip(wb, sb, strict=True))
    return num / (sum(wa) + sum(wb))


def _pairs(a: Name, b: Name) -> Iterable[tuple[tuple[str, ...], tuple[str, ...]]]:
    for ra in a.readings:
        for rb in b.readings:
            yield ra, rb


def _homophone_risk(a: Name, b: Name) -> bool:
    """Two Chinese names whose unknown parts are different characters (张伟 vs 张薇)."""
    return a.script == "han" and b.script == "han" and a.han_runs != b.han_runs


# -- main features: evidence that the names are the same ------------------------------------------


def same_name(a: Name, b: Name, ctx: Context) -> Result:
    """The names are identical once case, punctuation, width, script (traditional/simplified) and legal forms are set aside."""
    if a.key and a.key == b.key:
        return 1.0, a.key
    return NONE


def known_same(a: Name, b: Name, ctx: Context) -> Result:
    """Both names are published names of the same organisation (a watchlist entry's aliases or mcfwatch's table of acronyms and Chinese names)."""
    common = ctx.clusters(a) & ctx.clusters(b)
    if common:
        return 1.0, ctx.label(sorted(common)[0])
    return NONE


def han_match(a: Name, b: Name, ctx: Context) -> Result:
    """The Chinese characters of the names agree (simplified and traditional folded, legal forms set aside)."""
    if not a.han or not b.han:
        return NONE
    s = Indel.normalized_similarity(a.han, b.han)
    if s < 0.5 or _heads_differ(a.han, b.han) or _countries_differ(a.han, b.han):
        return NONE
    return s, f"{a.han} ~ {b.han}"


def _countries_differ(x: str, y: str) -> bool:
    """The names begin with two countries (韩国航空航天工业 vs 中国航空工业)."""
    cx, cy = bilingual.country_zh(x), bilingual.country_zh(y)
    return bool(cx and cy and cx != cy)


def _heads_differ(x: str, y: str) -> bool:
    """Two Chinese names that share a kind of body (理工大学, 研究院, 石油公司) and differ in what names it: 长沙 vs 长春,
    东京 vs 南京. With their common tail of two characters or more set aside, half or less of the rest agrees."""
    n = 0
    while n < min(len(x), len(y)) and x[-1 - n] == y[-1 - n]:
        n += 1
    hx, hy = x[: len(x) - n], y[: len(y) - n]
    return n >= 2 and bool(hx) and bool(hy) and Indel.normalized_similarity(hx, hy) <= 0.5


def word_match(a: Name, b: Name, ctx: Context) -> Result:
    """The distinctive words of the names agree, weighted by how rare each word is on the lists (Chinese read word by word)."""
    if _homophone_risk(a, b):
        return NONE
    best, detail = 0.0, ""
    if any(r and all(w in lexicon.PLACES for w in r) for r in (a.readings[0], b.readings[0])):
        return NONE  # a bare place name ("Hong Kong") names no organisation
    for ra, rb in _pairs(a, b):
        s = _weighted(ra, rb, ctx)
        if s > best:
            best, detail = s, f"{' '.join(ra)} ~ {' '.join(rb)}"
    return best, detail


def chinese_name_differs(a: Name, b: Name, ctx: Context) -> Result:
    """The query is a Chinese name, the entry publishes Chinese names, and none of them is like it: a match through the English reading alone is capped at 0.6 (长沙理工大学 read "Changsha Institute of Technology" is not NUDT, whose former English name that is)."""
    return NONE  # set by screening (Screener.screen), never by comparing two names


def list_rendering(a: Name, b: Name, ctx: Context) -> Result:
    """The Chinese name read through an English brand a list publishes for its pinyin (one entry named both ways: Shangtang / SenseTime), worth 0.8: a screening lead, never a link."""
    return NONE  # set by screening (Screener._rendered), never by comparing two names


def contained_name(a: Name, b: Name, ctx: Context) -> Result:
    """Every word of the shorter name is in the longer one, including a distinctive word that is not a place (Lizhong Group ~ Hebei Lizhong)."""
    if _homophone_risk(a, b):
        return NONE
    for ra, rb in _pairs(a, b):
        short, long_ = (ra, rb) if len(ra) <= len(rb) else (rb, ra)
        if not short or len(short) == len(long_) or a.acronym or b.acronym or len("".join(short)) < 4:
            continue
        ss, sl = align(short, long_)
        if min(ss) < 0.8:
            continue
        distinctive = [w for w in short if w not in lexicon.PLACES and w not in lexicon.KINDS and ctx.weight(w) >= 4.0]
        extra = [w for w, s in zip(long_, sl, strict=True) if s == 0]
        # the shared distinctive words must outweigh the distinctive words only the longer name has
        # (Beihang ~ Beihang Tenfine is another company; Hikvision ~ Hangzhou Hikvision Digital is not)
        extra_weight = sum(ctx.weight(w) for w in extra if w not in lexicon.PLACES and ctx.weight(w) >= 4.0)
        if (
            distinctive
            and sum(ctx.weight(w) for w in distinctive) >= extra_weight
            and not any(w in lexicon.UNIT_WORDS for w in extra)
        ):
            return 0.8, f"'{' '.join(short)}' within '{' '.join(long_)}'"
    return NONE


def romanisation_match(a: Name, b: Name, ctx: Context) -> Result:
    """The romanised name spells the pinyin of the Chinese name (Xibei Gongye Daxue = 西北工业大学)."""
    latin, han = (a, b) if b.script == "han" else (b, a)
    if latin.script != "latin" or han.script != "han" or not latin.romanised or not han.romanised:
        return NONE
    s = Indel.normalized_similarity(latin.romanised, han.romanised)
    if s < 0.9:
        # personal names are often written surname last: Wei Zhang = 张伟
        words = [w for r in latin.readings[:1] for w in r]
        if len(words) in (2, 3) and "".join(reversed(words)) == han.romanised:
            s = 1.0
    if s >= 0.9 and _reads_as_pinyin(latin):
        return 0.95 * s, f"{latin.romanised} = {han.romanised}"
    # the pinyin of a Chinese legal form the Chinese name sets aside (Jituan, Youxian Gongsi): set it aside too
    bare = without_form_pinyin(latin.readings[0] if latin.readings else ())
    if bare and bare != latin.romanised and _reads_as_pinyin(latin):
        s = Indel.normalized_similarity(bare, han.romanised)
        if s >= 0.9:
            return 0.95 * s, f"{bare} = {han.romanised} (legal form set aside)"
    # (an English name that happens to spell syllables, Change or China, is no romanisation); one that keeps a
    # place's English name is read with its pinyin: Harbin Gongye Daxue = 哈尔滨工业大学 (place_readings)
    for read, said in _spellings(latin.readings[0] if latin.readings else ()):
        spelled = "".join(read)
        s = Indel.normalized_similarity(spelled, han.romanised)
        if s >= 0.9 and _may_romanise(read):
            return 0.95 * s, f"{spelled} = {han.romanised} ({said})"
    return NONE


# The pinyin of the Chinese legal forms a Chinese name is read without (names.chinese_forms() of two characters or
# more: 集团 jituan, 有限公司 youxiangongsi ...). Written out so that screening a Latin name never imports pypinyin
# (~0.3 s); tests/resolve/test_place_readings.py checks it is that pinyin.
FORM_PINYIN = frozenset({
    "gongsi", "gufen", "gufenyouxiangongsi", "jituan", "jituangongsi", "jituangufenyouxiangongsi",
    "jituanyouxiangongsi", "konggu", "youxiangongsi", "youxianzerengongsi", "zonggongsi",
})


def without_form_pinyin(words: tuple[str, ...]) -> str:
    """The words run together less the trailing words that spell a Chinese legal form ("zhongguo hangkong gongye
    jituan youxian gongsi" -> "zhongguohangkonggongye")."""
    forms = FORM_PINYIN
    rest = list(words)
    while len(rest) > 1:
        cut = next((k for k in (4, 3, 2, 1) if len(rest) > k and "".join(rest[-k:]) in forms), 0)
        if not cut:
            break
        del rest[-cut:]
    return "".join(rest)


@lru_cache(maxsize=20_000)
def _spellings(words: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    from mcfwatch.resolve.place_readings import spellings

    return spellings(words)


def _may_romanise(words: tuple[str, ...]) -> bool:
    from mcfwatch.resolve.renderings import may_romanise

    return may_romanise(words)


def _reads_as_pinyin(latin: Name) -> bool:
    """The Latin name may be a romanisation as a whole: every word is pinyin, English words no more than the
    pinyin-only ones (renderings.may_romanise: Wang Dean = 王德安 is, Change = 昌鄂 is not)."""
    from mcfwatch.resolve.renderings import may_romanise

    return any(may_romanise(r) for r in latin.readings[:1])


def acronym_match(a: Name, b: Name, ctx: Context) -> Result:
    """One name is the acronym of the other, spelled from its initials (BIT = Beijing Institute of Technology)."""
    for x, y in ((a, b), (b, a)):
        if x.acronym and x.readings and x.readings[0]:
            acronym = x.readings[0][0]
            if acronym in y.initials:
                return 0.75, f"{acronym.upper()} = {y.original}"
    return NONE


# -- the bilingual layer: a Chinese name of a foreign body against its English name (bilingual.py) --------


def _alignment(a: Name, b: Name, ctx: Context) -> Alignment:
    zh, en = (a, b) if b.script == "latin" else (b, a)
    if en.script != "latin" or zh.script == "latin":
        return bilingual.NO_ALIGNMENT
    key = (zh.original, en.original)
    found = ctx.aligned.get(key)
    if found is None:
        if len(ctx.aligned) > 200_000:
            ctx.aligned.clear()
        found = ctx.aligned[key] = bilingual.align(zh, en, ctx.weight)
    return found


def translated_match(a: Name, b: Name, ctx: Context) -> Result:
    """Read part by part through the dictionaries (CC-CEDICT, mcfwatch's organisation words), the Chinese name gives the English one (墨尔本大学 = University of Melbourne)."""
    al = _alignment(a, b, ctx)
    if not al.foreign or al.uses("sound") or al.uses("latin") or al.acronym_for_more(f"{a.original} {b.original}"):
        return NONE
    if al.common_words_only():  # two firms named with one common word are a lead, never a link or a merge
        return min(0.95 * al.score, COMMON_WORDS_CAP), al.describe()
    return 0.95 * al.score, al.describe()


def transliteration_match(a: Name, b: Name, ctx: Context) -> Result:
    """A foreign name written phonetically in Chinese sounds like the English name's word, syllable by syllable (伊利诺伊 yi li nuo yi ~ Illinois)."""
    al = _alignment(a, b, ctx)
    if not al.uses("sound"):
        return NONE
    return 0.9 * al.score, al.describe()


def latin_in_chinese(a: Name, b: Name, ctx: Context) -> Result:
    """The Latin letters inside the Chinese name are the English name's words, legal forms set aside (MQP公司 = UK MQP Limited)."""
    al = _alignment(a, b, ctx)
    if not al.uses("latin"):
        return NONE
    return 0.9 * al.score, al.describe()


def bilingual_label(a: Name, b: Name, ctx: Context) -> Result:
    """A published bilingual label (CC-CEDICT) gives this Chinese name for this whole English name: evidence shown as such, not proof on its own."""
    al = _alignment(a, b, ctx)
    if len(al.parts) == 1 and al.parts[0].how == "foreign-name" and not al.missing_zh and al.score >= 0.8:
        if not al.covers_english() or al.acronym_for_more(f"{a.original} {b.original}"):
            return NONE  # 汉斯 (Hans) is the label of no "Hans Maria De Geetere"; CSC of no "Sinotrans & CSC"
        return 0.9, f"CC-CEDICT: {al.parts[0].describe()}"
    return NONE


# -- qualifiers: evidence that the names are different ----------------------------------------------


def number_mismatch(a: Name, b: Name, ctx: Context) -> Result:
    """The names carry different numbers, which mark different units (the 14th vs the 38th research institute)."""
    # 3rd Academy vs 3rd Academy 35th Institute is a sub-unit (one set within the other), not a clash
    if a.numbers and b.numbers and not (a.numbers <= b.numbers or b.numbers <= a.numbers):
        return 1.0, f"{sorted(a.numbers)} vs {sorted(b.numbers)}"
    # digits glued to a word (Acme1 vs Acme10) are not read as unit numbers, but differ just the same
    da, db = set(_DIGITS.findall(a.original)), set(_DIGITS.findall(b.original))
    if da and db and not (da <= db or db <= da):
        return 1.0, f"{sorted(da)} vs {sorted(db)}"
    return NONE


_DIGITS = re.compile(r"\d+")


def acronym_only(a: Name, b: Name, ctx: Context) -> Result:
    """An acronym alone never proves identity: NPU is Northwestern Polytechnical University and also a school in Fremont."""
    if a.acronym or b.acronym:
        return 1.0, (a if a.acronym else b).original
    return NONE


def known_different(a: Name, b: Name, ctx: Context) -> Result:
    """The names are published names of two different organisations (CASC vs CASIC, Nanjing University vs NUAA)."""
    ca, cb = ctx.clusters(a), ctx.clusters(b)
    if ca and cb and not (ca & cb):
        return 1.0, f"{ctx.label(sorted(ca)[0])} vs {ctx.label(sorted(cb)[0])}"
    return NONE


def kind_mismatch(a: Name, b: Name, ctx: Context) -> Result:
    """The names are of different kinds of body (an institute vs a university; 学院, read college, institute or academy, vs 大学, a university; a university vs an airline: 高丽大学 vs 高丽航空)."""
    if a.acronym or b.acronym or not {a.script, b.script} <= {"latin", "han"}:
        return NONE
    ka, kb = _kinds(a), _kinds(b)
    if ka and kb and not (ka & kb):
        return 1.0, f"{'/'.join(sorted(ka))} vs {'/'.join(sorted(kb))}"
    trades = common_words()
    if bool(ka) != bool(kb) and any(w in trades for r in (b if ka else a).readings for w in r):
        # one name says its kind where the other says a trade: the university and the airline of one place
        _, only_a, only_b = _best_alignment(a, b, ctx)
        kind = [w for w in (only_a if ka else only_b) if w in lexicon.KINDS]
        trade = [w for w in (only_b if ka else only_a) if w in trades and w not in lexicon.KINDS]
        if kind and trade:
            return 1.0, f"{'/'.join(kind)} vs {'/'.join(trade)}"
    return NONE


def one_common_word(a: Name, b: Name, ctx: Context) -> Result:
    """The shorter name says only places and one common word, and the longer one says more (China Communications ~ China Communications Technology Group): such a name is no body's own."""
    if a.acronym or b.acronym or a.han_runs or b.han_runs:
        return NONE  # (a Chinese part read by sound, 巴斯德 Pasteur, is no word the alignment sees)
    if not any(_one_word(r) for n in (a, b) for r in n.readings):
        return NONE  # (no reading says a single word besides places: most pairs end here, unaligned)
    pair = _best_alignment(a, b, ctx)
    (short, long_), only_a, only_b = pair
    if not short or not long_:
        return NONE
    said = {w for w in short if w not in lexicon.PLACES}  # what the shorter name says besides places
    extra = [w for w in (*only_a, *only_b) if w not in lexicon.PLACES]
    if (len(said) == 1 and said <= common_words() and not said & {*only_a, *only_b} and extra
            and not any(w in lexicon.UNIT_WORDS for w in extra)):
        return 1.0, f"only '{next(iter(said))}' in common, besides places ('{'/'.join(extra)}' differ)"
    return NONE


def _one_word(reading: tuple[str, ...]) -> bool:
    said = {w for w in reading if w not in lexicon.PLACES}
    return len(said) == 1 and not said - common_words()


def _best_alignment(a: Name, b: Name, ctx: Context) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], list[str], list[str]]:
    """The readings that agree best ((shorter, longer)), and the words only a's and only b's reading has."""
    best: tuple[float, tuple[str, ...], tuple[str, ...]] | None = None
    for ra, rb in _pairs(a, b):
        if ra and rb:
            s = _weighted(ra, rb, ctx)
            if best is None or s > best[0]:
                best = (s, ra, rb)
    if best is None:
        return ((), ()), [], []
    _, ra, rb = best
    sa, sb = align(ra, rb)
    only_a = [w for w, x in zip(ra, sa, strict=True) if x == 0]
    only_b = [w for w, x in zip(rb, sb, strict=True) if x == 0]
    return ((ra, rb) if len(ra) <= len(rb) else (rb, ra)), only_a, only_b


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words many bodies' names share: the English the glossary gives for Chinese words of kinds, trades and
    fields (communication, aviation, technology, university), less places."""
    words = {_stem(w) for said in lexicon.glossary().values() for r in said for w in r.split()}
    return frozenset(words - lexicon.PLACES - lexicon.STOPWORDS)


def _kinds(n: Name) -> frozenset[str]:
    """The kinds of body a name says: a Latin name's own words, or any reading of a Chinese one's (大学 is a
    university, 工业大学 also an institute of technology); a company's legal form (Co., Ltd.; 公司) makes it a
    company, though matching sets the form itself aside (南洋理工大学 is no "Nanyang Technology Company")."""
    return _kinds_of(n.original, n.script, n.readings)


@lru_cache(maxsize=100_000)
def _kinds_of(original: str, script: str, readings: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    kinds = {w for r in (readings[:1] if script == "latin" else readings) for w in r if w in lexicon.KINDS}
    if script == "latin" and lexicon.COMPANY_FORMS.intersection(latin_words(original)) or "公司" in original:
        kinds.add("company")
    return frozenset(kinds)



def sub_unit(a: Name, b: Name, ctx: Context) -> Result:
    """One name is a unit (lab, school, numbered institute) of the other: related, not the same body."""
    if a.han and b.han and a.script == b.script == "han":
        short_n, long_n = sorted((a, b), key=lambda n: len(n.han))
        rest = long_n.han.replace(short_n.han, "", 1)
        if short_n.han in long_n.han and rest and any(u in rest for u in lexicon.UNIT_WORDS_ZH):
            return 1.0, f"{long_n.original} is part of {short_n.original}"
    for ra, rb in _pairs(a, b):
        (short, sn), (long_, ln) = sorted(((ra, a), (rb, b)), key=lambda p: len(p[0]))
        if not short or len(short) == len(long_):
            continue
        ss, sl = align(short, long_)
        if min(ss) < 0.8:
            continue
        if len(short) < 2 and all(w in lexicon.PLACES for w in short):
            continue
        extra = [w for w, s in zip(long_, sl, strict=True) if s == 0]
        numbered_unit = bool(ln.numbers) and not sn.numbers
        if any(w in lexicon.UNIT_WORDS for w in extra) or numbered_unit:
            return 1.0, f"{ln.original} is part of {sn.original}"
    return NONE


def different_words(a: Name, b: Name, ctx: Context) -> Result:
    """Each name has a word the other lacks (Science and Technology vs Science and Industry; Xi'an Aero-Engine vs 中国航空发动机, China Aero-Engine: a city's firm is not the country's group)."""
    if not {a.script, b.script} <= {"latin", "han"}:
        return NONE
    if a.script != b.script or a.acronym or b.acronym:
        # a Chinese name's glosses vary, an acronym's expansion (AECC: Aero Engine ... of China) is one reading:
        # only their places are compared
        return _places_differ(a, b, ctx)
    if a.script != "latin" or b.script != "latin":
        return NONE
    best, found = -1.0, NONE
    for ra, rb in _pairs(a, b):
        if not ra or not rb:
            continue
        s = _weighted(ra, rb, ctx)
        if s <= best:
            continue
        best = s
        sa, sb = align(ra, rb)
        only_a = [w for w, x in zip(ra, sa, strict=True) if x == 0]
        only_b = [w for w, x in zip(rb, sb, strict=True) if x == 0]
        found = (1.0, f"{'/'.join(only_a)} vs {'/'.join(only_b)}") if only_a and only_b else NONE
    return found


def _places_differ(a: Name, b: Name, ctx: Context) -> Result:
    """A Chinese and an English name whose best readings differ only in places, each saying one the other lacks."""
    (_, _), only_a, only_b = _best_alignment(a, b, ctx)
    proper = lexicon.PLACES - _NOT_PROPER
    if not (only_a and only_b and all(w in proper for w in (*only_a, *only_b))):
        return NONE
    pa, pb = {_COUNTRY.get(w, w) for w in only_a}, {_COUNTRY.get(w, w) for w in only_b}
    if pa - pb and pb - pa:  # (Chinese Academy ~ CAEP's "China Academy": one country said two ways)
        return 1.0, f"{'/'.join(only_a)} vs {'/'.join(only_b)}"
    return NONE


# A country's adjective and other names, read as the country when two names' places are compared.
_COUNTRY = {"chinese": "china", "prc": "china", "british": "uk", "britain": "uk", "england": "uk", "usa": "us",
            "america": "us", "american": "us", "german": "germany", "japanese": "japan", "french": "france",
            "russian": "russia", "korean": "korea", "indian": "india"}


def more_specific_institution(a: Name, b: Name, ctx: Context) -> Result:
    """The longer name adds words that make it a different, more specific institution or firm (Shandong University vs Shandong University of Technology; Xi'an Aero-Engine vs Xian Aero-Engine Controls)."""
    if _unexpanded(a) or _unexpanded(b) or _homophone_risk(a, b):
        return NONE  # (an acronym mcfwatch knows is read as its name: ZJU is Zhejiang University, no ZJUT)
    if a.script != b.script and any(len(ra) == len(rb) and min(min(x) for x in align(ra, rb)) >= 0.8
                                    for ra, rb in _pairs(a, b) if ra and rb):
        return NONE  # one reading of the Chinese name says the other word for word (科技 read "technology")
    for ra, rb in _pairs(a, b):
        short, long_ = (ra, rb) if len(ra) <= len(rb) else (rb, ra)
        descriptive = a.script == b.script == "latin" and _descriptive(short)  # (a Chinese name's glosses vary)
        if not short or len(short) == len(long_) or not (descriptive or any(w in lexicon.KINDS for w in short)):
            continue
        ss, sl = align(short, long_)
        if min(ss) < 0.8:
            continue
        extra = [
            w for w, s in zip(long_, sl, strict=True)
            if s == 0 and w not in lexicon.PLACES and w not in lexicon.UNIT_WORDS and ctx.weight(w) >= 2.0
            and w not in short  # a word said twice (SMIC read "semiconductor manufacturing ...") adds nothing
        ]
        if extra:
            return 1.0, f"'{' '.join(long_)}' adds {'/'.join(extra)}"
        return NONE
    return NONE


def _unexpanded(n: Name) -> bool:
    """An acronym with no known expansion among its readings."""
    return n.acronym and all(len(r) < 2 for r in n.readings)


def _descriptive(words: tuple[str, ...]) -> bool:
    """A name that says only a place and two or more trade words (Xi'an Aero-Engine), no brand: a word more in a
    longer name (Controls) is what tells its firm from the others of that place and trade."""
    said = [w for w in words if w not in lexicon.PLACES]
    return len(said) >= 2 and all(w in common_words() for w in said)


def _run_added(a: Name, b: Name) -> Result:
    """Two Chinese names, one read whole by the glossary and mcfwatch's table of names (航空工业, aviation industry;
    中国科学技术大学, USTC) and the other with a run read by sound that the first lacks (江南航空工业, 国立科技大学):
    that run is what names the second body, and the first does not say it."""
    for x, y in ((a, b), (b, a)):
        if x.han_runs and not y.han_runs and y.han:
            other = _kanji_folded(y.han)
            added = sorted(run for run in x.han_runs if not _abbreviates(_kanji_folded(run), other))
            if added:
                return 1.0, f"{'/'.join(added)} not in {y.han}"
    return NONE


def _abbreviates(run: str, han: str) -> bool:
    """The run's characters appear in the name in order (中航 in 中国航空, 电科 in 电子科技: how Chinese shortens a
    name), or the run is a legal form (集団, a Japanese list's 集团)."""
    if run in _chinese_forms():
        return True
    at = 0
    for ch in run:
        at = han.find(ch, at) + 1
        if not at:
            return False
    return True


@lru_cache(maxsize=1)
def _chinese_forms() -> frozenset[str]:
    from mcfwatch.resolve.names import chinese_forms

    return frozenset(chinese_forms())


@lru_cache(maxsize=20_000)
def _kanji_folded(han: str) -> str:
    """Japanese forms of characters (団, 発) read as simplified Chinese (团, 发), as lists from Japan print them."""
    return to_simplified(_jp2t().convert(han))


@lru_cache(maxsize=1)
def _jp2t() -> Any:
    import opencc

    return opencc.OpenCC("jp2t")


def generic_name(a: Name, b: Name, ctx: Context) -> Result:
    """A name that says only a kind of body and its reach (National University, 国立大学): no one body's name, though a list prints it as an alias; a lead, never a match."""
    for n in (a, b):
        if _generic(n):
            return 1.0, f"'{n.original}' says only a kind of body"
    return NONE


def _generic(n: Name) -> bool:
    if n.acronym or n.han_runs or n.numbers or not n.readings:
        return False
    if n.script == "latin" and not all(  # every word as written ("DES International": des is a name, no stopword)
            w in lexicon.KINDS or w in _REACH or w in ("of", "the") or w in lexicon.LEGAL_FORMS
            for w in latin_words(n.original)):
        return False
    return all(1 <= len(r) <= 2 and all(w in lexicon.KINDS or w in _REACH for w in r) for r in n.readings)


# Words PLACES holds that say a direction or a reach, not a place: they name no body (西北 northwest, 国家 national).
_NOT_PROPER = frozenset(
    """northwestern northeastern southwestern southeastern northwest northeast southwest southeast north south east
    west central northern southern eastern western national international global world asia pacific europe
    european""".split()
)
# Words that say how far a body reaches, not where (a direction does: 东南大学 is Southeast University, one body).
# (人民 "people" does: 人民大学 is Renmin University)
_REACH = frozenset({"national", "international", "global", "world", "central", "state", "public", "general"})


@lru_cache(maxsize=20_000)
def translated_only(han: str) -> str:
    """The Chinese name's reading when every word of it is a translated common word (航天 aerospace, 工业 industry,
    发展 development): no run read by sound, no name from mcfwatch's table of known names, no place; else ""."""
    table, glossary = names_lexicon(), lexicon.glossary()
    longest = max(len(k) for k in table)
    said: list[str] = []
    i = 0
    while i < len(han):
        piece = next((han[i : i + n] for n in range(min(longest, len(han) - i), 0, -1) if han[i : i + n] in table), "")
        if not piece or piece not in glossary or table[piece] != glossary[piece]:
            return ""  # a run read as pinyin (a name), or a known organisation's own name
        words = {_stem(w) for r in glossary[piece] for w in r.split()}
        if words & lexicon.PLACES - _NOT_PROPER:
            return ""  # a place says which body (西安, 中国)
        if glossary[piece]:
            said.append(glossary[piece][0])
        i += len(piece)
    return " ".join(said)


def translated_words_only(a: Name, b: Name, ctx: Context) -> Result:
    """The Chinese name meets the English-only name only through translated common words (航天工业发展 read
    "aerospace industry development" ~ Aerospace Industrial Development Corp., Taiwan's AIDC): no sound, place or
    published alias links them, and many bodies could be named so; capped at 0.6, below screening, until a list
    or mcfwatch's table publishes the two names as one body's (that is known_same, which is never capped)."""
    han, other = (a, b) if a.script == "han" else (b, a)
    if han.script != "han" or other.script != "latin" or other.acronym or not han.han or han.han_runs:
        return NONE
    said = translated_only(han.han)
    if not said or romanisation_match(a, b, ctx)[0] > 0:
        return NONE
    if any(r.source == "cedict-name" for r in bilingual.readings(han.han)):
        return NONE  # CC-CEDICT publishes the whole name as a proper name: 通用电气 General Electric
    return 1.0, f"{han.han} read '{said}' ~ {other.original}: common words only"


def missing_core(a: Name, b: Name, ctx: Context) -> Result:
    """The distinctive part of the Chinese name (the characters no dictionary word covers) has no counterpart in the other name."""
    if a.script == b.script == "han":
        return _run_added(a, b)
    han, other = (a, b) if a.script == "han" else (b, a)
    if han.script != "han" or other.script == "han" or not han.han_runs or not other.romanised:
        return NONE
    cores = [pinyin(run, spaced=False) for run in sorted(han.han_runs)]  # sorted: the explanation is the same in every process
    if any(core in other.romanised for core in cores) or romanisation_match(a, b, ctx)[0] > 0:
        return NONE
    al = _alignment(a, b, ctx)
    if al.foreign and not al.missing_zh:
        return NONE  # the bilingual layer read every part of the Chinese name
    return 1.0, f"{'/'.join(sorted(han.han_runs))} ({'/'.join(cores)}) not in {other.original}"
