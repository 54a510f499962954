"""A store of the founding document and its Chinese rendering (resolution merges two pairs across them),
and a client of the app over it answering Host `testserver` (the TestClient's)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mcfwatch.api.app import create_app
from mcfwatch.data import sample_path
from mcfwatch.extract import Extractor
from mcfwatch.store import Store, entity_id_for
from mcfwatch.workspace import Workspace

MERGED_AWAY = "解放军保定军分区"   # merged into "PLA Baoding branch" by resolution


def merged_pair(db: Path) -> tuple[str, str]:
    """(canonical id of PLA Baoding branch, the id of 解放军保定军分区 merged into it)."""
    store = Store(db)
    (pla,) = store.find("PLA Baoding branch")
    store.close()
    merged = entity_id_for(MERGED_AWAY, "MilitaryUnit")
    assert merged in pla.members[1:], pla
    return pla.id, merged


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, extractor: Extractor) -> Path:
    db = tmp_path_factory.mktemp("api") / "api.db"
    ws = Workspace(db, extractor=extractor)
    report = ws.ingest([seed_path, sample_path("zh", "seed_zh.txt")])
    assert report.ok and report.merges >= 1, report
    ws.close()
    return db


@pytest.fixture(scope="session")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(db=demo_db, hosts=["testserver"]))


@pytest.fixture(scope="session")
def lists_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """A client over an empty store: for the routes that read only the watchlists."""
    return TestClient(create_app(db=tmp_path_factory.mktemp("empty") / "empty.db", hosts=["testserver"]))
