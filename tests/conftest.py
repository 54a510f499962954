"""Shared fixtures: real shipped samples, fresh stores, and one extractor per test session."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcfwatch.data import SEED, sample_path
from mcfwatch.extract import Extractor
from mcfwatch.model import Document, Extraction

# The screening cache of this test session (commands run by tests inherit it): never the user's own cache.
SESSION_CACHE = tempfile.mkdtemp(prefix="mcfwatch-test-cache-")
os.environ["MCFWATCH_CACHE_DIR"] = SESSION_CACHE


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(SESSION_CACHE, ignore_errors=True)


class NullExtractor:
    """Extracts nothing: lets ingestion and storage tests run without loading NLP models."""

    def extract_many(self, docs: list[Document]) -> Iterator[Extraction]:
        for doc in docs:
            yield Extraction(document=doc)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return sample_path(SEED)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return sample_path("corpus")


@pytest.fixture(scope="session")
def corpus_records(corpus_dir: Path) -> list[dict]:
    records = []
    for f in sorted(corpus_dir.glob("*.jsonl")):
        records += [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture()
def null_extractor() -> NullExtractor:
    return NullExtractor()
