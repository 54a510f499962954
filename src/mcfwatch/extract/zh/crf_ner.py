"""The trained Chinese NER model: a character CRF (python-crfsuite) proposing PER/LOC/ORG/TEC/EVT spans.

    from mcfwatch.extract.zh.crf_ner import tag_entities
    tag_entities("河北立中集团与英国MQP公司签署协议")  # [Span(0, 6, 'ORG', '河北立中集团'), ...]

The model ships in ``models/zh_ner.crfsuite.gz`` with ``models/zh_ner.meta.json`` (training data hashes,
scores, licence notes, the command that trained it). It is loaded once per process, on first use.
Retrain with ``make train-zh`` (see ``train.py``).
"""

from __future__ import annotations

import gzip
import json
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from mcfwatch.extract.zh.crf_features import FEATURE_SET, sentence_features, word_positions

MODEL_FILE = "zh_ner.crfsuite.gz"    # gzip of python-crfsuite's model file (a third of its size)
META_FILE = "zh_ner.meta.json"
_MAX_CLAUSE = 200
_BREAK = re.compile(r"[。！？!?；;\n]+")


@dataclass(frozen=True, slots=True)
class Span:
    """An entity proposed by the model: ``text[start:end]`` is a PER, LOC, ORG, TEC (technology) or EVT (event)."""

    start: int
    end: int
    label: str
    text: str


def model_dir() -> Path:
    return Path(str(resources.files("mcfwatch.extract.zh").joinpath("models")))


@lru_cache(maxsize=1)
def meta() -> dict[str, Any]:
    """The shipped model's metadata (training data, scores, licence notes)."""
    data: dict[str, Any] = json.loads((model_dir() / META_FILE).read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _loaded() -> tuple[Any, bytes]:
    """The tagger and the model bytes it reads (crfsuite keeps no copy: they must outlive it)."""
    import pycrfsuite

    path = model_dir() / MODEL_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the Chinese NER model is missing (retrain with `make train-zh`)")
    if meta().get("feature_set") != FEATURE_SET:
        raise RuntimeError(f"{path}: model built for features {meta().get('feature_set')!r}, "
                           f"the code computes {FEATURE_SET!r}; retrain with `make train-zh`")
    data = gzip.decompress(path.read_bytes())
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(data)
    return tagger, data


def _tagger() -> Any:
    return _loaded()[0]


def load() -> tuple[float, float]:
    """Load the model and jieba's dictionary now rather than on first use: (model s, jieba s)."""
    t0 = time.perf_counter()
    _loaded()
    t1 = time.perf_counter()
    word_positions("预热")
    return t1 - t0, time.perf_counter() - t1


def spans_from_tags(text: str, tags: list[str], offset: int = 0) -> list[Span]:
    """Spans of a BIO or BIOES tag sequence (a stray I-/E- starts a new span)."""
    out: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if start >= 0 and (prefix in ("O", "B", "S") or typ != label):
            out.append(Span(offset + start, offset + i, label, text[start:i]))
            start, label = -1, ""
        if prefix in ("B", "S") or (prefix in ("I", "E") and start < 0):
            start, label = i, typ
        if prefix in ("E", "S") and start >= 0:
            out.append(Span(offset + start, offset + i + 1, label, text[start : i + 1]))
            start, label = -1, ""
    return out


def clauses(text: str) -> list[tuple[int, int]]:
    """Sentence pieces the model tags one at a time (long ones cut at commas)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in [*_BREAK.finditer(text), None]:
        end = m.end() if m else len(text)
        s = pos
        while end - s > _MAX_CLAUSE:
            cut = max(text.rfind("，", s, s + _MAX_CLAUSE), text.rfind(",", s, s + _MAX_CLAUSE))
            cut = cut + 1 if cut > s else s + _MAX_CLAUSE
            out.append((s, cut))
            s = cut
        if end > s:
            out.append((s, end))
        pos = end
    return [(s, e) for s, e in out if text[s:e].strip()]


def tag_clause(text: str, tagger: Any = None) -> list[str]:
    """The model's tag per character of one clause (``tagger``: another loaded model, for held-out folds)."""
    tags: list[str] = (tagger or _tagger()).tag(sentence_features(text))
    return tags


def tag_entities(text: str, tagger: Any = None) -> list[Span]:
    """PER/LOC/ORG/TEC/EVT spans of ``text`` (simplified Chinese), offsets into ``text``, in text order."""
    out: list[Span] = []
    for s, e in clauses(text):
        out += spans_from_tags(text[s:e], tag_clause(text[s:e], tagger), s)
    return [Span(sp.start, sp.end, sp.label, text[sp.start : sp.end]) for sp in out]
