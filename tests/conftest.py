"""Shared fixtures: real shipped samples, fresh stores, and one extractor per test session."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mcfwatch.data import SEED, sample_path
from mcfwatch.extract import Extractor
from mcfwatch.model import Document, Extraction
from tests.pg_cluster import PgServer, find_bin

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


# -- the storage backends: every store test runs on SQLite and on PostgreSQL ----------------------------

@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """MCFWATCH_TEST_PG (a URL of a role that may CREATE DATABASE) when set, else a throwaway local cluster.

    Skipped only outside CI when PostgreSQL or psycopg is not installed; in CI (CI set) that is a failure."""
    missing = []
    if importlib.util.find_spec("psycopg") is None:
        missing.append("psycopg (pip install 'mcfwatch[postgres]')")
    url = os.environ.get("MCFWATCH_TEST_PG")
    if not url and not (find_bin("initdb") and find_bin("pg_ctl")):
        missing.append("PostgreSQL's initdb/pg_ctl (apt-get install postgresql), or set MCFWATCH_TEST_PG")
    if missing:
        message = "PostgreSQL tests need " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = PgServer.from_env(url) if url else PgServer.start()
    yield server
    server.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture()
def new_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[[str], str]:
    """Makes the --db of a new, empty store on this test's backend: a file path, or a postgresql:// URL."""
    def make(name: str = "s") -> str:
        if backend == "sqlite":
            return str(tmp_path / f"{name}.db")
        server: PgServer = request.getfixturevalue("pg_server")
        return server.new_database()
    return make


@pytest.fixture()
def db(new_db: Callable[[str], str]) -> str:
    """The --db of one new, empty store on this test's backend."""
    return new_db("s")
