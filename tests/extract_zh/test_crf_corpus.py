"""The annotated Chinese corpus as training sentences for the NER CRF (crf_corpus), and the train command's use of it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mcfwatch.errors import InputError
from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh.crf_corpus import LABELS, CorpusText, bio_tags, corpus_texts, subsample
from mcfwatch.extract.zh.crf_ner import spans_from_tags
from mcfwatch.extract.zh.normalise import simplify
from mcfwatch.extract.zh.train import labels_of

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus" / "train" / "zh.jsonl"


def _records() -> dict[str, dict[str, Any]]:
    recs = (json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())
    return {str(r["id"]): r for r in recs}


@pytest.fixture(scope="module")
def texts() -> dict[str, CorpusText]:
    return {t.id: t for t in corpus_texts([CORPUS])}


def test_every_gold_mention_comes_back_from_the_clause_tags(texts: dict[str, CorpusText]) -> None:
    # zh-w-0071 (新华社, 习近平会见美国国务卿布林肯): people, places and bodies, each mention at its offset.
    rec = _records()["zh-w-0071"]
    doc = texts["zh-w-0071"]
    text = simplify(str(rec["text"]))
    found: set[tuple[str, str]] = set()
    pos = 0
    for clause, tags in doc.sentences:
        start = text.index(clause, pos)
        found |= {(sp.text, sp.label) for sp in spans_from_tags(clause, tags, start)}
        pos = start + len(clause)
    gold = {(m["text"], LABELS[e["type"]]) for e in rec["entities"] for m in e["mentions"]}
    assert found == gold
    assert ("布林肯", "PER") in found and ("美国", "LOC") in found and ("外交部", "ORG") in found


def test_technologies_and_events_get_their_own_labels(texts: dict[str, CorpusText]) -> None:
    sents = [s for t in texts.values() for s in t.sentences]
    labels = labels_of(sents)
    assert labels == ["PER", "LOC", "ORG", "TEC", "EVT"]
    spans = {(sp.text, sp.label) for text, tags in sents for sp in spans_from_tags(text, tags)}
    assert any(label == "TEC" for _, label in spans) and any(label == "EVT" for _, label in spans)
    assert not any(text.endswith("计划") and label != "ORG" for text, label in spans if label in ("TEC", "EVT"))


def test_overlapping_gold_keeps_the_longer_span() -> None:
    tags = bio_tags("河北立中集团签约", [(2, 6, "ORG"), (0, 6, "ORG"), (0, 2, "LOC")])
    assert spans_from_tags("河北立中集团签约", tags)[0].text == "河北立中集团"
    assert tags[6:] == ["O", "O"]


def test_blind_split_is_refused(tmp_path: Path) -> None:
    blind = tmp_path / "blind" / "zh.jsonl"
    blind.parent.mkdir()
    blind.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="blind split"):
        corpus_texts([blind])


def test_subsample_is_spread_and_repeatable() -> None:
    sents = [(str(k), ["O"]) for k in range(10)]
    assert [t for t, _ in subsample(sents, 3)] == ["0", "3", "6"]
    assert subsample(sents, 0) == sents and subsample(sents, 20) == sents


def test_the_segmenter_fills_in_places_the_gold_leaves_out(zh_extractor: ChineseExtractor, tmp_path: Path) -> None:
    # zh-w-0071's dateline (新华社北京4月26日电) and venue (在北京举行会谈) name 北京, which its gold does not mark
    # (no party to a relation); the gold's own spans stay as they are.
    one = tmp_path / "zh.jsonl"
    one.write_text(CORPUS.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    plain = {sp.text for text, tags in corpus_texts([one])[0].sentences for sp in spans_from_tags(text, tags)}
    filled_doc = corpus_texts([one], zh_extractor.tagger)[0]
    assert filled_doc.id == "zh-w-0071"
    filled = {(sp.text, sp.label) for text, tags in filled_doc.sentences for sp in spans_from_tags(text, tags)}
    assert "北京" not in plain and ("北京", "LOC") in filled
    assert {("新华社", "ORG"), ("中共中央政治局", "ORG"), ("布林肯", "PER")} <= filled
