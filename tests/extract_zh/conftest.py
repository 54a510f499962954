"""One ChineseExtractor per test session (LAC loads in about 1.5 s); the annotated Chinese training corpus, read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.extract.relmodel import data
from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.extract.zh import ChineseExtractor

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def zh_extractor() -> ChineseExtractor:
    return ChineseExtractor()


@pytest.fixture(scope="session")
def corpus() -> list[TrainDoc]:
    """corpus/train/zh.jsonl with its annotations."""
    return data.from_corpus(REPO / "corpus" / "train" / "zh.jsonl")
