from __future__ import annotations

from pathlib import Path

import pytest
from analyse.helpers import ingest_seed


@pytest.fixture(scope="session")
def report_db(tmp_path_factory: pytest.TempPathFactory, extractor: object, seed_path: Path) -> Path:
    """The seed ingested by the real pipeline."""
    return ingest_seed(tmp_path_factory.mktemp("report") / "seed.db", extractor, seed_path)
