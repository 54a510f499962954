"""One ChineseExtractor per test session (LAC loads in about 1.5 s); the annotated Chinese training corpus, read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.extract.relmodel import data
from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def zh_extractor() -> ChineseExtractor:
    return ChineseExtractor()


@pytest.fixture(scope="session")
def corpus() -> list[TrainDoc]:
    """corpus/train/zh.jsonl with its annotations."""
    return data.from_corpus(REPO / "corpus" / "train" / "zh.jsonl")


@pytest.fixture(scope="session")
def zh_rules(zh_extractor: ChineseExtractor) -> ChineseExtractor:
    """The Chinese extractor with its rules alone, sharing the session's segmenter (rule tests name what a rule finds)."""
    return ChineseExtractor(relations="rules", tagger=zh_extractor.tagger)


def relation_pairs(ext: ChineseExtractor, text: str, rtype: str, published: str = "2023-03-30") -> set[tuple[str, str]]:
    """(source name, target name) of each relation of rtype the extractor finds in text (checked extraction)."""
    ex = next(ext.extract_many([Document(text=text, language="zh", published=published)]))
    ex.check()
    names = {e.id: e.name for e in ex.entities}
    return {(names[r.source], names[r.target]) for r in ex.relations if r.type == rtype}
