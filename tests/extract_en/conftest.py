"""Shared fixtures: the English extractor is built once per test session (the spaCy model loads once); the English
pipeline and the annotated English training corpus by document id."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from mcfwatch.extract.en import EnglishExtractor
from mcfwatch.extract.relmodel import data
from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.model import Document, Extraction

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def english() -> EnglishExtractor:
    return EnglishExtractor()


@pytest.fixture(scope="session")
def extract_text(english: EnglishExtractor):
    def run(text: str, published: str | None = None) -> Extraction:
        ex = next(english.extract_many([Document(text=text, language="en", published=published)]))
        ex.check()
        return ex

    return run


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The English pipeline (``load_nlp`` builds it once per process)."""
    from mcfwatch.extract.en.model import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def corpus() -> dict[str, TrainDoc]:
    """corpus/train/en.jsonl with its annotations, by document id."""
    return {d.id: d for d in data.from_corpus(REPO / "corpus" / "train" / "en.jsonl")}
