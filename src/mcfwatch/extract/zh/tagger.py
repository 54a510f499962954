"""Segmentation and coarse NER for Chinese: Baidu LAC (through the paddle.fluid shim) or jieba.

Both backends return, per input text, a list of Token(start, end, text, tag) covering the text, with
tags in LAC's tag set: PER, LOC, ORG, TIME for names and times, else a part of speech (n, v, p, w ...).
LAC is the default; jieba (tags nr/ns/nt/t mapped to PER/LOC/ORG/TIME) is the light fallback used
when the ``zh`` extra is not installed. Models load once per Tagger.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from mcfwatch.errors import MissingExtraError

_LAC_TAG = {"Company": "ORG", "Organization": "ORG", "PublicBody": "ORG", "University": "ORG",
            "MilitaryUnit": "ORG", "Person": "PER", "Place": "LOC"}
_JIEBA_TAG = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG", "t": "TIME", "x": "w",
              "eng": "nz", "ul": "u", "uj": "u", "uz": "u", "ug": "u", "uv": "u", "ud": "u"}


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    tag: str


class Tagger(Protocol):
    name: str

    def tag_many(self, texts: list[str]) -> list[list[Token]]: ...


def _with_offsets(text: str, pieces: Iterable[tuple[str, str]]) -> list[Token]:
    out: list[Token] = []
    pos = 0
    for word, tag in pieces:
        start = text.find(word, pos)
        if start < 0:  # should not happen: both backends return the text's own characters
            continue
        out.append(Token(start, start + len(word), word, tag))
        pos = start + len(word)
    return out


class LacTagger:
    """Baidu LAC 2.1.2 in ``lac`` mode, with our gazetteer loaded as its custom dictionary."""

    name = "lac"

    def __init__(self, custom: dict[str, str] | None = None) -> None:
        try:
            from mcfwatch.extract.zh import lac_shim

            lac_shim.install()
            from LAC import LAC
        except ImportError as exc:
            raise MissingExtraError("zh", "LAC and paddlepaddle (scripts/install-zh.sh)") from exc
        self.lac = LAC(mode="lac")
        if custom:
            lines = [f"{name}/{tag}" for name, tag in sorted(custom.items()) if " " not in name]
            fd, path = tempfile.mkstemp(suffix=".txt", prefix="mcfwatch-lac-")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write("\n".join(lines) + "\n")
                self.lac.load_customization(path, sep=None)
            finally:
                os.unlink(path)

    def tag_many(self, texts: list[str]) -> list[list[Token]]:
        todo = [i for i, t in enumerate(texts) if t.strip()]
        result: list[list[Token]] = [[] for _ in texts]
        # Small batches: LAC pads a batch to its longest text, so one huge batch costs gigabytes.
        for b in range(0, len(todo), 32):
            idx = todo[b : b + 32]
            for i, (words, tags) in zip(idx, self.lac.run([texts[i] for i in idx]), strict=True):
                result[i] = _with_offsets(texts[i], zip(words, tags, strict=True))
        return result


class JiebaTagger:
    """jieba's HMM segmenter and POS tags, with the gazetteer added as user words."""

    name = "jieba"

    def __init__(self, custom: dict[str, str] | None = None) -> None:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        self.tok = jieba.posseg.POSTokenizer(jieba.Tokenizer())
        for word, tag in (custom or {}).items():
            self.tok.tokenizer.add_word(word, 2000, {"ORG": "nt", "LOC": "ns", "PER": "nr"}.get(tag, "nz"))

    def tag_many(self, texts: list[str]) -> list[list[Token]]:
        return [
            _with_offsets(t, ((p.word, _JIEBA_TAG.get(p.flag, p.flag)) for p in self.tok.cut(t)))
            for t in texts
        ]


def custom_dictionary(names: dict[str, str]) -> dict[str, str]:
    """Gazetteer names (name -> mcfwatch type) as backend tags (name -> ORG/LOC/PER/nz)."""
    return {name: _LAC_TAG.get(typ, "nz") for name, typ in names.items()}


def make_tagger(backend: str = "auto", custom: dict[str, str] | None = None) -> Tagger:
    """``lac``, ``jieba``, or ``auto`` (LAC when installed, else jieba)."""
    if backend == "jieba":
        return JiebaTagger(custom)
    if backend == "lac":
        return LacTagger(custom)
    try:
        return LacTagger(custom)
    except MissingExtraError:
        return JiebaTagger(custom)
