"""POST /match in yente's shapes, and the API's one error shape."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from mcfwatch.api.app import create_app
from mcfwatch.resolve.algorithm import ALGORITHM


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def _query(name: str, **props: list[str]) -> dict:
    return {"schema": "Company", "properties": {"name": [name], **props}}


def test_match_by_example_returns_yente_shapes(client: TestClient) -> None:
    body = {"queries": {"q1": _query("西北工业大学", country=["cn"]), "q2": _query("Lizhong Group")}}
    res = client.post("/match/default", json=body)
    assert res.status_code == 200
    data = res.json()
    q1 = data["responses"]["q1"]
    assert q1["status"] == 200 and q1["total"]["value"] >= 4
    top = q1["results"][0]
    for key in ("id", "caption", "schema", "properties", "datasets", "score", "match", "features", "explanations"):
        assert key in top
    assert top["match"] is True and "Polytechnical" in top["caption"]
    assert top["mcfwatch"]["list_version"] and top["mcfwatch"]["legal_basis"]
    assert all("explanation" in e and "candidate" in e for e in top["explanations"].values())
    assert data["responses"]["q2"]["results"] == [] or not any(r["match"] for r in data["responses"]["q2"]["results"])
    assert data["limit"] == 5


def test_match_on_one_dataset(client: TestClient) -> None:
    res = client.post("/match/us-dod-1286", json={"queries": {"q": _query("NWPU")}})
    assert {d for r in res.json()["responses"]["q"]["results"] for d in r["datasets"]} == {"us-dod-1286"}


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/match/nope", {"queries": {}}, 404),
        ("/match", {"queries": {}, "config": {"nm_number_mismatch": 0.4}}, 400),
        ("/match?algorithm=magic", {"queries": {}}, 400),
        ("/match", {"not_queries": {}}, 422),
    ],
)
def test_errors_share_one_shape(client: TestClient, path: str, body: dict, status: int) -> None:
    res = client.post(path, json=body)
    assert res.status_code == status
    err = res.json()["error"]
    assert set(err) == {"status", "type", "message"} and err["status"] == status and err["message"]


def test_algorithms_lists_features(client: TestClient) -> None:
    data = client.get("/algorithms").json()
    assert data["best"] == ALGORITHM and "number_mismatch" in data["algorithms"][0]["features"]
