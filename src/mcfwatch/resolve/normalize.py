"""Text normalisers for names: small pure functions, each doing one thing.

Script handling is explicit: Chinese characters are folded to simplified form and kept as
characters (so 张伟 and 张薇 stay different); pinyin is derived only to compare a Chinese name
with a romanised one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff〇]+")
_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_T2S = opencc.OpenCC("t2s")

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}
_EN_NUMBER = re.compile(r"(?<![a-z])(?:no\.?\s*)?(\d{1,6})(?:st|nd|rd|th)?(?![a-z])", re.IGNORECASE)
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_NUMBER = re.compile(r"第?([零〇一二两三四五六七八九十百\d]+)(?=研究所|研究院|所|院|厂|分院|部|基地|中心|号)")


def has_han(text: str) -> bool:
    """True when the text contains at least one Chinese character."""
    return bool(_HAN.search(text))


def han_ratio(text: str) -> float:
    """Share of letters and characters in the text that are Chinese."""
    letters = [c for c in text if c.isalnum()]
    return sum(1 for c in letters if _HAN.match(c)) / len(letters) if letters else 0.0


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Width, case and punctuation folding: NFKC, casefold, apostrophes dropped, punctuation to spaces.
    Cached: parsing the lists' names folds ~200,000 texts, most of them words seen before."""
    text = unicodedata.normalize("NFKC", text)
    text = _APOSTROPHES.sub("", text.casefold())
    text = text.replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def strip_accents(text: str) -> str:
    """Latin letters without diacritics (pinyin tone marks included: gōngyè -> gongye)."""
    if text.isascii():
        return text  # nothing to decompose: most names, and the per-character pass below is costly
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def to_simplified(text: str) -> str:
    """Traditional Chinese characters folded to simplified (opencc t2s); other text unchanged."""
    return _T2S.convert(text) if has_han(text) else text


def han_only(text: str) -> str:
    """Only the Chinese characters of the text, simplified."""
    return "".join(_HAN_RUN.findall(to_simplified(text)))


@lru_cache(maxsize=100_000)
def pinyin(text: str, tones: bool = False, spaced: bool = True) -> str:
    """Pinyin of the Chinese characters: with or without tone numbers, with or without syllable spaces."""
    # imported here: pypinyin costs ~0.3 s to import, and screening a Latin name never needs it
    from pypinyin import Style, lazy_pinyin

    style = Style.TONE3 if tones else Style.NORMAL
    syllables = [s for s in lazy_pinyin(to_simplified(text), style=style, errors="ignore") if s.strip()]
    return (" " if spaced else "").join(syllables)


def compact(text: str) -> str:
    """Letters and digits only, lower case, no accents: the form to compare romanisations on."""
    return re.sub(r"[^a-z0-9]", "", strip_accents(fold(text)))


def zh_numeral(text: str) -> int | None:
    """Integer value of a Chinese or Arabic numeral (十四 -> 14, 三十八 -> 38, 二〇一 -> 201)."""
    if text.isdigit():
        return int(text)
    if not all(c in _ZH_DIGITS or c in "十百" for c in text):
        return None
    if "十" not in text and "百" not in text:
        return int("".join(str(_ZH_DIGITS[c]) for c in text))
    total, current = 0, 0
    for c in text:
        if c == "百":
            total += (current or 1) * 100
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _ZH_DIGITS[c]
    return total + current


def numbers(text: str) -> frozenset[int]:
    """Numbers that identify a unit: 14th, No. 14, fourteenth, 第十四研究所, 14所, Unit 61398."""
    found: set[int] = set()
    simplified = to_simplified(unicodedata.normalize("NFKC", text))
    for m in _ZH_NUMBER.finditer(simplified):
        value = zh_numeral(m.group(1))
        if value is not None:
            found.add(value)
    latin = _HAN_RUN.sub(" ", simplified)
    found.update(int(m.group(1)) for m in _EN_NUMBER.finditer(latin))
    for word in fold(latin).split():
        if word in _ORDINAL_WORDS:
            found.add(_ORDINAL_WORDS[word])
    return frozenset(found)


def strip_numbers(text: str) -> str:
    """The text without the numbers that numbers() reads (digits, ordinals, Chinese numbered units)."""
    simplified = _ZH_NUMBER.sub("", to_simplified(unicodedata.normalize("NFKC", text)))
    simplified = _EN_NUMBER.sub(" ", simplified)
    return " ".join(w for w in simplified.split() if fold(w) not in _ORDINAL_WORDS)
