"""Character features of the trained Chinese NER model (the same code at training and at tagging).

One list of feature strings per character: character n-grams in a ±2 window, character types, the
character's place in its jieba word, and head characters/words of place and organisation names seen
ahead. Feature names are short prefixes so the model file stays small. Changing anything here changes
the model's input: retrain (``make train-zh``) and bump ``FEATURE_SET``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

FEATURE_SET = "zh-crf-v2"

# Full-width ASCII -> half-width, then digits -> 0 (the digit itself says nothing about a name).
_TABLE: dict[int, int | str] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_TABLE[0x3000] = 0x20
_TABLE |= {ord(d): "0" for d in "0123456789０１２３４５６７８９"}
_NORMALISE = str.maketrans(_TABLE)

_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』…—－·,.;:?!\"'()[]<>-/~～ ")
# Head characters/words that end place and organisation names (looked for up to _AHEAD chars ahead).
_ORG_HEADS = ("公司", "集团", "大学", "学院", "研究所", "研究院", "委员会", "政府", "银行", "协会", "学会",
              "中心", "医院", "学校", "部队", "军区", "军分区", "代表团", "联合会", "基金会", "组织", "联盟",
              "党", "部", "局", "厅", "院", "所", "会", "社", "厂", "队", "团", "处", "署", "办", "委", "行",
              "台", "报", "校", "馆", "店", "站")
_LOC_HEADS = ("省", "市", "县", "区", "州", "镇", "乡", "村", "国", "岛", "山", "河", "江", "湖", "海",
              "洋", "洲", "湾", "路", "街", "道", "港", "峡", "盟", "旗", "城")
_AHEAD = 8
_ORG_RX = re.compile("|".join(sorted(_ORG_HEADS, key=len, reverse=True)))
_LOC_RX = re.compile("[" + "".join(_LOC_HEADS) + "]")


def _char_type(c: str) -> str:
    if c == "0":
        return "D"
    if c.isascii() and c.isalpha():
        return "L"
    if c in _PUNCT:
        return "P"
    if "\u4e00" <= c <= "\u9fff":
        return "C"
    return "O"


@lru_cache(maxsize=8192)
def _ctype(c: str) -> str:
    return _char_type(c)


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def word_positions(text: str) -> list[str]:
    """Each character's place in its jieba word: B/M/E, S for a one-character word, plus the word length."""
    out: list[str] = []
    for word in _jieba().cut(text, HMM=True):
        n = len(word)
        if n == 1:
            out.append("S1")
        else:
            ln = str(min(n, 5))
            out += ["B" + ln] + ["M" + ln] * (n - 2) + ["E" + ln]
    return out


def _heads_ahead(text: str) -> tuple[list[str], list[str]]:
    """Per character: the nearest organisation / place head word ending at or after it, within _AHEAD."""
    n = len(text)
    org_end = [""] * n   # head word ending exactly at position i (inclusive)
    loc_end = [""] * n
    for m in _ORG_RX.finditer(text):
        org_end[m.end() - 1] = m.group()
    for m in _LOC_RX.finditer(text):
        loc_end[m.start()] = m.group()
    org_ahead = [""] * n
    loc_ahead = [""] * n
    next_org = next_loc = -1
    for i in range(n - 1, -1, -1):
        if org_end[i]:
            next_org = i
        if loc_end[i]:
            next_loc = i
        if next_org >= 0 and next_org - i < _AHEAD:
            org_ahead[i] = org_end[next_org]
        if next_loc >= 0 and next_loc - i < _AHEAD:
            loc_ahead[i] = loc_end[next_loc]
    return org_ahead, loc_ahead


def sentence_features(text: str) -> list[list[str]]:
    """The feature strings of each character of ``text`` (one sentence or clause)."""
    n = len(text)
    if n == 0:
        return []
    norm = text.translate(_NORMALISE)
    chars = ["^2", "^1", *norm, "$1", "$2"]
    types = ["B", "B", *(_ctype(c) for c in norm), "E", "E"]
    pos = word_positions(text)
    org_ahead, loc_ahead = _heads_ahead(norm)
    out: list[list[str]] = []
    for i in range(n):
        a, b, c, d, e = chars[i : i + 5]
        tb, tc, td = types[i + 1 : i + 4]
        f = [
            "a" + a, "b" + b, "c" + c, "d" + d, "e" + e,
            "f" + a + b, "g" + b + c, "h" + c + d, "i" + d + e, "j" + b + d,
            "k" + b + c + d, "l" + a + b + c, "m" + c + d + e,
            "t" + tb + tc + td, "w" + pos[i], "x" + pos[i] + c,
        ]
        if org_ahead[i]:
            f.append("o" + org_ahead[i])
        if loc_ahead[i]:
            f.append("p" + loc_ahead[i])
        out.append(f)
    return out
