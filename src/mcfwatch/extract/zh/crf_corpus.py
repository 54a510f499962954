"""Training sentences for the Chinese NER CRF from the annotated corpus (``corpus/train/zh.jsonl``).

Each document's gold entity mentions become character BIO tags over its simplified text (offsets are kept by
``normalise.simplify``), cut into the clauses the model tags at run time (``crf_ner.clauses``). The corpus types
map to the model's labels: people PER, places LOC, every kind of organisation ORG (``typing_rules`` types an ORG
span by its head word), technologies TEC and events EVT; programmes stay O (the rules find them by their
opening words). Where gold mentions overlap, the longer one is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mcfwatch.extract.corpus import load_corpus
from mcfwatch.extract.zh.crf_ner import clauses
from mcfwatch.extract.zh.normalise import simplify
from mcfwatch.extract.zh.tagger import Tagger

LABELS = {"Person": "PER", "Place": "LOC", "Company": "ORG", "Organization": "ORG", "PublicBody": "ORG",
          "University": "ORG", "MilitaryUnit": "ORG", "Technology": "TEC", "Event": "EVT"}

Sentence = tuple[str, list[str]]


@dataclass(slots=True)
class CorpusText:
    """One annotated document as tagged clauses; ``group`` is its fold group (``evalsuite.text_group``)."""

    id: str
    group: str
    sentences: list[Sentence]


def bio_tags(text: str, spans: Iterable[tuple[int, int, str]], fill: Iterable[tuple[int, int, str]] = ()) -> list[str]:
    """BIO tags of ``text`` from (start, end, label) spans; an overlapping shorter span is dropped. ``fill``: spans
    added afterwards where the text is still untagged (the segmenter's people and places, see ``corpus_texts``)."""
    tags = ["O"] * len(text)
    for start, end, label in [*sorted(spans, key=lambda s: (s[0] - s[1], s[0])), *fill]:
        if any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = "B-" + label
        tags[start + 1 : end] = ["I-" + label] * (end - start - 1)
    return tags


def _cut(text: str, tags: list[str]) -> list[Sentence]:
    """The clauses the model tags one at a time; a name never straddles two (the cut moves past it)."""
    out: list[Sentence] = []
    for s, e in clauses(text):
        out.append((text[s:e], list(tags[s:e])))
        if out[-1][1] and out[-1][1][0].startswith("I-"):
            out[-1][1][0] = "B-" + out[-1][1][0][2:]  # a name cut by a long clause's comma cut
    return out


def segmenter_names(texts: list[str], tagger: Tagger) -> list[list[tuple[int, int, str]]]:
    """The segmenter's people and places (PER/LOC tokens of 2+ characters) of each text, as spans."""
    out: list[list[tuple[int, int, str]]] = []
    for text in texts:
        pieces = clauses(text)
        tokens = tagger.tag_many([text[s:e] for s, e in pieces])
        out.append([(s + t.start, s + t.end, t.tag) for (s, _), toks in zip(pieces, tokens, strict=True)
                    for t in toks if t.tag in ("PER", "LOC") and t.end - t.start >= 2])
    return out


def corpus_texts(paths: Iterable[Path], tagger: Tagger | None = None) -> list[CorpusText]:
    """Every Chinese document of the annotated files ``paths`` as tagged clauses (never the blind split).

    ``tagger``: a segmenter whose people and places fill in where the gold marks nothing. The corpus leaves out
    places that are no party (datelines, venues: 新华社北京4月26日电, 在北京会见), so a model trained on its gold
    alone unlearns 北京 as a place; the guide (docs/annotation.md, 3) marks every named place."""
    from mcfwatch.extract.evalsuite import text_group
    from mcfwatch.extract.relmodel.data import refuse_blind

    paths = list(paths)
    for p in paths:
        refuse_blind(p)
    docs = [d for d in load_corpus(paths) if str(d.record.get("lang", "")).split("-")[0] == "zh"]
    texts = [simplify(d.text) for d in docs]
    fills = segmenter_names(texts, tagger) if tagger is not None else [[] for _ in docs]
    out: list[CorpusText] = []
    for doc, text, fill in zip(docs, texts, fills, strict=True):
        spans = [(m["start"], m["end"], LABELS[e["type"]]) for e in doc.record["entities"] if e["type"] in LABELS
                 for m in e["mentions"]]
        out.append(CorpusText(doc.id, text_group(doc.text), _cut(text, bio_tags(text, spans, fill))))
    return out


def subsample(sents: list[Sentence], n: int) -> list[Sentence]:
    """``n`` sentences spread evenly over ``sents`` (deterministic: the same file gives the same sample)."""
    if n <= 0 or n >= len(sents):
        return sents
    return [sents[k * len(sents) // n] for k in range(n)]
