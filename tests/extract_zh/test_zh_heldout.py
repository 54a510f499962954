"""``mcfwatch eval --zh-folds``: a Chinese NER fold model is used only for the fold it was trained without."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from mcfwatch.errors import InputError
from mcfwatch.extract.evalsuite import corpus_gold, fold_parts, text_group
from mcfwatch.extract.zh import ChineseExtractor, crf_ner
from mcfwatch.extract.zh.heldout import load_fold, write_record

REPO = Path(__file__).resolve().parents[2]
SENTENCE = "保定市经贸代表团访问英国，立中集团与英国MQP公司签署了合作协议。"


@pytest.fixture(scope="module")
def folds() -> list[set[str]]:
    gold = corpus_gold([REPO / "corpus" / "train" / "zh.jsonl"])
    return [{text_group(gold[i].document.text) for i in part} for part in fold_parts(gold, 5)]


@pytest.fixture()
def model(tmp_path: Path) -> Path:
    """The shipped CRF, unpacked, standing in for a fold's model (a real model file; training one takes minutes)."""
    path = tmp_path / "fold0-test.crfsuite"
    path.write_bytes(gzip.decompress((crf_ner.model_dir() / crf_ner.MODEL_FILE).read_bytes()))
    return path


def test_a_recorded_fold_model_tags_as_the_model_it_records(tmp_path: Path, model: Path, folds: list[set[str]],
                                                          zh_extractor: ChineseExtractor) -> None:
    write_record(tmp_path, 0, folds[0], model, {"config": "test"})
    tagger = load_fold(tmp_path, 0, folds[0])
    assert crf_ner.tag_entities(SENTENCE, tagger) == crf_ner.tag_entities(SENTENCE)
    held = ChineseExtractor(relations="rules", tagger=zh_extractor.tagger)
    held.crf_tagger = tagger
    names = {m.surface for m in held.mentions([SENTENCE])[0]}
    assert {m.surface for m in zh_extractor.mentions([SENTENCE])[0]} == names
    assert "保定市" in "".join(names)


def test_a_model_trained_for_another_fold_is_refused(tmp_path: Path, model: Path, folds: list[set[str]]) -> None:
    write_record(tmp_path, 0, folds[0], model, {"config": "test"})
    with pytest.raises(InputError, match="fold1.json|other documents"):
        load_fold(tmp_path, 1, folds[1])          # no record for fold 1
    write_record(tmp_path, 1, folds[0], model, {"config": "test"})  # fold 1's record names fold 0's documents
    with pytest.raises(InputError, match="other documents than fold 2"):
        load_fold(tmp_path, 1, folds[1])


def test_a_changed_model_file_is_refused(tmp_path: Path, model: Path, folds: list[set[str]]) -> None:
    write_record(tmp_path, 0, folds[0], model, {"config": "test"})
    model.write_bytes(model.read_bytes()[:-10])
    with pytest.raises(InputError, match="not the model its fold record names"):
        load_fold(tmp_path, 0, folds[0])
