"""GET /exposure, /timeline and /patterns return the CLI's JSON; unknown names are a rating, not an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mcfwatch.api.app import create_app


@pytest.fixture()
def client(seed_db: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("MCFWATCH_DB", str(seed_db))
    return TestClient(create_app())


def test_exposure_endpoint(client: TestClient) -> None:
    r = client.get("/exposure", params={"name": "UK MQP Limited"})
    assert r.status_code == 200
    body = r.json()
    assert body["rating"]["level"] == "high", (body["store"], body["rating"])
    assert [h["target"] for h in body["paths"][0]["hops"]] == ["Lizhong Group", "PLA Baoding branch"]
    assert client.get("/exposure", params={"name": "Nobody At All"}).json()["rating"]["level"] == "unknown"
    assert client.get("/exposure").status_code == 422


def test_timeline_and_patterns_endpoints(client: TestClient) -> None:
    events = client.get("/timeline", params={"name": "Lizhong Group"}).json()
    assert any(e["date"] == "2016-08-01" for e in events)
    kinds = {p["kind"] for p in client.get("/patterns").json()}
    assert "gov_facilitation_mcf" in kinds
