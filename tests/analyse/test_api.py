"""GET /exposure, /timeline and /patterns return the CLI's JSON; unknown names are a rating, not an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mcfwatch.api.app import create_app


@pytest.fixture()
def client(seed_db: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("MCFWATCH_DB", str(seed_db))  # the store comes from the setting, as under `serve`
    return TestClient(create_app(hosts=["testserver"]))


def test_exposure_endpoint(client: TestClient) -> None:
    r = client.get("/exposure", params={"name": "UK MQP Limited"})
    assert r.status_code == 200
    body = r.json()
    assert body["rating"]["level"] == "high", (body["store"], body["rating"])
    assert [h["target"] for h in body["paths"][0]["hops"]] == ["Lizhong Group", "PLA Baoding branch"]
    assert client.get("/exposure", params={"name": "Nobody At All"}).json()["rating"]["level"] == "unknown"
    missing = client.get("/exposure")
    assert missing.status_code == 400 and "name" in missing.json()["error"]["message"]


@pytest.mark.parametrize("path", ["/exposure?name=Lizhong%20Group&", "/timeline?name=Lizhong%20Group&", "/patterns?"])
@pytest.mark.parametrize("as_of", ["2019-02-30", "foo", "2019-13-01", "20190101"])
def test_bad_dates_are_400s_naming_the_date(client: TestClient, path: str, as_of: str) -> None:
    res = client.get(f"{path}as_of={as_of}")
    assert res.status_code == 400
    assert res.json()["error"]["type"] == "InputError" and as_of in res.json()["error"]["message"]


def test_timeline_and_patterns_endpoints(client: TestClient) -> None:
    events = client.get("/timeline", params={"name": "Lizhong Group"}).json()
    assert any(e["date"] == "2016-08-01" for e in events)
    kinds = {p["kind"] for p in client.get("/patterns").json()}
    assert {"gov_facilitation_mcf", "friendship_city_followups"} <= kinds
