from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.data import sample_path
from mcfwatch.store import Store
from mcfwatch.workspace import Workspace

from .helpers import copy_store, fixture_store, ingest_seed


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, extractor: object, seed_path: Path) -> Path:
    """The seed ingested by the real pipeline (extractor, resolver, store), once per session."""
    return ingest_seed(tmp_path_factory.mktemp("seed") / "seed.db", extractor, seed_path)


@pytest.fixture(scope="session")
def bilingual_db(tmp_path_factory: pytest.TempPathFactory, extractor: object, seed_path: Path) -> Path:
    """The seed and its Chinese rendering through the real pipeline (resolution merges across them)."""
    db = tmp_path_factory.mktemp("bilingual") / "b.db"
    ws = Workspace(db, extractor=extractor)  # type: ignore[arg-type]
    report = ws.ingest([seed_path, sample_path("zh", "seed_zh.txt")])
    assert report.ok and report.merges >= 1, report
    ws.close()
    return db


@pytest.fixture()
def seed_store(seed_db: Path, tmp_path: Path) -> Store:
    """A private copy of the real seed store, for tests that record decisions or baselines."""
    return Store(copy_store(seed_db, tmp_path / "seed.db"))


@pytest.fixture()
def hand_store(tmp_path: Path) -> Store:
    """The seed's hand-written extraction (no NLP): fast unit tests of the graph layer."""
    return fixture_store(tmp_path / "hand.db")
