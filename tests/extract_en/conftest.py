"""Shared fixtures: the English extractor is built once per test session (the spaCy model loads once)."""

from __future__ import annotations

import pytest

from mcfwatch.extract.en import EnglishExtractor
from mcfwatch.model import Document, Extraction


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

