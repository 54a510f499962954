"""Normalise Chinese text for analysis without moving any character.

Invariant: ``len(simplify(text)) == len(text)`` and character i of the result stands for character i
of the input, so every offset found in the analysed text is an offset into the original text. OpenCC's
t2s conversion is 1:1 per character for almost all text; where a phrase conversion changes the length,
we fall back to converting character by character and keep any character whose conversion is not a
single character.
"""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _fold_width(ch: str) -> str:
    """Full-width letters, digits and ＆ to half-width. Always one char; Chinese punctuation (，) is kept."""
    code = ord(ch)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A or code == 0xFF06:
        return chr(code - 0xFEE0)
    return ch


def simplify(text: str) -> str:
    """Traditional to simplified Chinese and full-width letters/digits to ASCII, keeping every offset."""
    conv = _t2s()
    out = conv.convert(text)
    if len(out) != len(text):
        chars = []
        for ch in text:
            c = conv.convert(ch)
            chars.append(c if len(c) == 1 else ch)
        out = "".join(chars)
    return "".join(_fold_width(ch) for ch in out)


def has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
