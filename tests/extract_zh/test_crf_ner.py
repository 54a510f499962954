"""The shipped Chinese NER model: it loads, tags shipped Chinese text, its metadata holds, and
MCFWATCH_ZH_NER=lac switches the entity step back to LAC's own tags."""

from __future__ import annotations

import hashlib
from importlib import resources

import pytest

from mcfwatch.extract.zh import ChineseExtractor, crf_ner
from mcfwatch.extract.zh.crf_features import FEATURE_SET
from mcfwatch.extract.zh.crf_ner import Span, spans_from_tags, tag_entities
from mcfwatch.extract.zh.train import to_bioes

SEED_ZH = resources.files("mcfwatch.data").joinpath("samples", "zh", "seed_zh.txt").read_text(encoding="utf-8")


def _found(text: str) -> set[tuple[str, str]]:
    return {(sp.text, sp.label) for sp in tag_entities(text)}


def test_model_tags_the_seed_sentences() -> None:
    # Sentences of the shipped Chinese seed: the partners and places the pathway is about.
    found = _found(SEED_ZH)
    assert ("立中集团", "ORG") in found
    assert ("意大利", "LOC") in found
    assert ("英国", "LOC") in found or ("英国布鲁内尔大学", "ORG") in found


def test_spans_point_into_the_text() -> None:
    spans = tag_entities(SEED_ZH)
    assert spans == sorted(spans, key=lambda s: s.start)
    assert all(SEED_ZH[s.start : s.end] == s.text and s.label in {"PER", "LOC", "ORG", "TEC", "EVT"} for s in spans)
    assert tag_entities("") == [] and tag_entities("。\n") == []


def test_a_person_and_a_place_in_news_style_text() -> None:
    # Our own sentence in the style of the MSRA news text (not from any test set).
    found = _found("国务院总理李强在北京会见了来访的芬兰总理。")
    assert ("李强", "PER") in found
    assert ("北京", "LOC") in found


def test_meta_records_what_the_model_was_trained_on() -> None:
    meta = crf_ner.meta()
    path = crf_ner.model_dir() / crf_ner.MODEL_FILE
    assert meta["model_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert meta["model_bytes"] == path.stat().st_size
    assert meta["files"] and all(len(f["sha256"]) == 64 and f["sentences_used"] > 0 for f in meta["files"])
    assert meta["sentences"] == sum(f["sentences_used"] * f.get("repeated", 1) for f in meta["files"])
    corpus = next(f for f in meta["files"] if f["file"] == "corpus/train/zh.jsonl")  # the annotated corpus is in it
    assert corpus["documents"] > 300 and corpus["repeated"] >= 1
    assert meta["labels"] == "BIOES over PER, LOC, ORG, TEC, EVT"
    assert meta["feature_set"] == FEATURE_SET
    assert "licence" in meta and meta["command"].startswith("python -m mcfwatch.extract.zh.train")
    assert {k.split(" (")[0] for k in meta["test_scores"]} == {"MSRA test", "People's Daily test"}


def test_bio_and_bioes_decode_to_the_same_spans() -> None:
    tags = ["B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "B-LOC", "O", "I-LOC"]
    text = "立中集团与张三英国在意"[: len(tags)]
    bio = spans_from_tags(text, tags)
    assert bio == spans_from_tags(text, to_bioes(tags))
    assert [(s.start, s.end, s.label) for s in bio] == [(0, 3, "ORG"), (4, 6, "PER"), (6, 7, "LOC"), (8, 9, "LOC")]
    assert to_bioes(tags)[:3] == ["B-ORG", "I-ORG", "E-ORG"] and to_bioes(tags)[6] == "S-LOC"
    assert spans_from_tags("ab", ["S-PER", "S-PER"]) == [Span(0, 1, "PER", "a"), Span(1, 2, "PER", "b")]


def test_setting_switches_to_the_lac_path(monkeypatch: pytest.MonkeyPatch, zh_extractor: ChineseExtractor) -> None:
    def refuse(text: str) -> list[Span]:
        raise AssertionError("the model was called on the LAC path")

    monkeypatch.setenv("MCFWATCH_ZH_NER", "lac")
    lac_path = ChineseExtractor(tagger=zh_extractor.tagger)
    assert lac_path.ner == "lac" and lac_path.name == zh_extractor.tagger.name
    monkeypatch.setattr(crf_ner, "tag_entities", refuse)
    names = {m.name for m in lac_path.mentions([SEED_ZH])[0]}
    assert {"立中集团", "解放军保定军分区", "布鲁内尔大学"} <= names
    monkeypatch.delenv("MCFWATCH_ZH_NER")
    model_path = ChineseExtractor(tagger=zh_extractor.tagger)
    assert model_path.ner == "crf" and model_path.name == f"crf+{zh_extractor.tagger.name}"
    with pytest.raises(AssertionError, match="model was called"):
        model_path.mentions([SEED_ZH])


def test_unknown_setting_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MCFWATCH_ZH_NER", "bert")
    with pytest.raises(ValueError, match="MCFWATCH_ZH_NER='bert'"):
        ChineseExtractor(backend="jieba")
