"""Language identification by script, then, for Latin script, by function words.

A script count is exact for Chinese and never mistakes a short all-Han string such as 军民融合 for
Japanese, as fastText LID does. Latin-script text is English unless the function words of German, French,
Italian, Spanish, Dutch or Portuguese (spaCy's own stop-word lists, less the words English shares with
them) outnumber English's own at least three times: a German notice ("Die Bundesregierung hat ... untersagt")
is German and extracts nothing rather than being read by the English extractor; an English text that
quotes a foreign name or phrase stays English (no English document of corpus/train, extra or agreement
comes near: the highest foreign share there is 0.41 of the English count, a German or French notice
scores 8 times or more). English's count includes its commonest function words that other languages
share (of, in, a, is, for, on, ...), and the particles inside capitalised names (Universidad de las Fuerzas
Armadas, Pieter van der Berg, Centro de Investigación y de Estudios Avanzados) count for no other language:
an annex listing Spanish, French or Dutch institutions stays English.

`read_as(lang)` makes every detection in its block give `lang` (ingest --lang: the user says which
language the files are in).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+")

EXTRACTED = {"en": "English", "zh": "Chinese"}
OTHER_LATIN = ("de", "fr", "it", "es", "nl", "pt")
MIN_FUNCTION_WORDS = 5  # a title or a caption too short to tell stays English
MARGIN = 3  # another language's function words must outnumber English's this many times
# English function words other languages here also have, which English text uses far more
_SHARED_ENGLISH = frozenset("a an as for had he her in is of on or was we will also over via".split())
# lower-case words that join the capitalised words of a name (Universidad de Chile, van der Berg)
_NAME_PARTICLES = frozenset(
    "de del della delle degli dei di da das do dos du des d la las le les los lo l van von der den ten ter "
    "zu zur y e et i und en für fur".split())
_MAX_PARTICLES = 3
_ITEM_SPLIT = re.compile(r"[\n;]+")
_ITEM_WORDS = 12
_forced: ContextVar[str | None] = ContextVar("mcfwatch_read_as", default=None)


@contextmanager
def read_as(lang: str | None) -> Iterator[None]:
    """Every detect_language in this block gives lang (None: detect as usual)."""
    token = _forced.set(lang)
    try:
        yield
    finally:
        _forced.reset(token)


@cache
def _function_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """English's function words no other language here has, and each other language's that English lacks."""
    import importlib

    english: set[str] = importlib.import_module("spacy.lang.en.stop_words").STOP_WORDS
    other = {lang: frozenset(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
             for lang in OTHER_LATIN}
    return (frozenset(english.difference(*other.values())) | _SHARED_ENGLISH,
            {k: v - english for k, v in other.items()})


def _outside_names(words: list[str]) -> list[str]:
    """The words, lower-cased, less runs of up to three name particles between two capitalised words."""
    keep = [True] * len(words)
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and j - i < _MAX_PARTICLES and words[j] in _NAME_PARTICLES:
            j += 1
        if j > i and i > 0 and j < len(words) and words[i - 1][:1].isupper() and words[j][:1].isupper():
            keep[i:j] = [False] * (j - i)
        i = max(j, i + 1)
    return [w.lower() for w, k in zip(words, keep, strict=True) if k]


def _outside_list_items(sample: str) -> list[str]:
    """The words outside the items of a list: a line (or a ';'-separated part) of at most _ITEM_WORDS words that
    begins, after its number or bullet, with a capital is a name ("2. Office national d'études et de recherches
    aérospatiales (ONERA)"), not prose in the name's language."""
    words: list[str] = []
    for item in _ITEM_SPLIT.split(sample):
        found = _WORD.findall(item)
        if not (found and found[0][:1].isupper() and len(found) <= _ITEM_WORDS):
            words += found
    return words


def latin_language(sample: str) -> str:
    """'en', or the other Latin-script language whose function words outnumber English's MARGIN times."""
    words = _WORD.findall(sample)[:3000]
    english, other = _function_words()
    en = sum(w.lower() in english for w in words)
    foreign = _outside_names(_outside_list_items(sample)[:3000])
    lang, hits = max(((k, sum(w in v for w in foreign)) for k, v in other.items()), key=lambda kv: kv[1])
    return lang if hits >= MIN_FUNCTION_WORDS and hits >= MARGIN * en else "en"


def extracts(lang: str | None) -> bool:
    """Whether mcfwatch extracts documents in this language (no language given reads as English)."""
    return (lang or "en").split("-")[0].lower() in EXTRACTED


def not_extracted_line(name: str, lang: str | None) -> str:
    """The one line ingest prints for a document stored without extraction."""
    names = ", ".join(EXTRACTED.values())
    return (f"{name}: {lang or 'und'}: not an extraction language ({names}); stored without extraction; "
            "ingest it again with --lang en to read it as English (it replaces this reading)")


def detect_language(text: str) -> str:
    """'zh', 'ja', 'ko', 'en', another Latin-script language (de, fr, it, es, nl, pt) or 'und'."""
    forced = _forced.get()
    if forced:
        return forced
    sample = text[:20000]
    han = len(_HAN.findall(sample))
    kana = len(_KANA.findall(sample))
    hangul = len(_HANGUL.findall(sample))
    latin_words = len(re.findall(r"[A-Za-z]{2,}", sample))
    if kana > 20 and kana > han * 0.1:
        return "ja"
    if hangul > 20:
        return "ko"
    # One Han character carries about as much as one English word.
    if han and han >= latin_words:
        return "zh"
    if latin_words:
        return latin_language(sample)
    return "und"


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))
