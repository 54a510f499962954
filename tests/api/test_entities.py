"""Documents and entities over HTTP return the same dicts as the CLI, and errors share one shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mcfwatch.api.app import create_app
from mcfwatch.workspace import Workspace


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, extractor) -> TestClient:  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("api") / "api.db"
    Workspace(db, extractor=extractor).ingest([seed_path])
    mp = pytest.MonkeyPatch()
    mp.setenv("MCFWATCH_DB", str(db))
    yield TestClient(create_app())
    mp.undo()


def test_entities_and_card(client: TestClient) -> None:
    rows = client.get("/entities", params={"type": "Company"}).json()
    assert "Lizhong Group" in {r["name"] for r in rows}
    card = client.get("/entities/Brunel University").json()
    assert card["type"] == "University"
    (rel,) = [r for r in card["relations"] if r["subtype"] == "joint_lab"]
    doc = client.get(f"/documents/{rel['evidence']['document']}").json()
    assert doc["text"][rel["evidence"]["start"] : rel["evidence"]["end"]] == rel["evidence"]["text"]


def test_extract_endpoint_follows_the_contract(client: TestClient) -> None:
    text = "In October 2018, Baoding City signed a memo of cooperation with Cork County."
    out = client.post("/extract", json={"text": text}).json()
    assert set(out) == {"document", "entities", "relations"}
    assert out["document"]["language"] == "en"
    names = {e["name"] for e in out["entities"]}
    assert "Cork County" in names


def test_errors_have_one_shape(client: TestClient) -> None:
    missing = client.get("/entities/No Such Party Ltd")
    assert missing.status_code == 404
    assert set(missing.json()["error"]) == {"status", "type", "message"}
    bad = client.get("/entities", params={"type": "Spaceship"})
    assert bad.status_code == 400 and "unknown entity type" in bad.json()["error"]["message"]
