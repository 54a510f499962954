"""POST /match/{dataset} in yente's shapes, checked with yente's own response models."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from yente.data.common import EntityMatchResponse

CETC = "China Electronics Technology Group Corporation"


def _query(name: str, schema: str = "Company", **props: Any) -> dict[str, Any]:
    return {"schema": schema, "properties": {"name": [name], **props}}


def _match(client: TestClient, queries: dict[str, Any], path: str = "/match/default", **params: Any) -> dict[str, Any]:
    res = client.post(path, json={"queries": queries}, params=params)
    assert res.status_code == 200, res.text
    EntityMatchResponse.model_validate(res.json())  # what a yente client parses
    return res.json()["responses"]


def test_match_by_example_returns_yente_shapes(lists_client: TestClient) -> None:
    out = _match(lists_client, {"q1": _query("西北工业大学", country=["cn"]), "q2": _query("Lizhong Group")})
    top = out["q1"]["results"][0]
    assert top["match"] is True and "Polytechnical" in top["caption"]
    assert top["mcfwatch"]["list_version"] and top["mcfwatch"]["legal_basis"]
    assert all("explanation" in e and "candidate" in e for e in top["explanations"].values())
    assert not any(r["match"] for r in out["q2"]["results"])


def test_one_result_per_organisation_with_referents(lists_client: TestClient) -> None:
    results = _match(lists_client, {"q": _query(CETC)})["q"]["results"]
    cetc = [r for r in results if r["caption"] == CETC or CETC in r["properties"]["name"]]
    assert len(cetc) == 1, [r["id"] for r in results]  # not one slot per list entry
    assert len(cetc[0]["referents"]) >= 3 and len(cetc[0]["datasets"]) >= 3
    ids = [i for r in results for i in [r["id"], *r["referents"]]]
    assert len(ids) == len(set(ids))  # no entry answers twice


def test_schema_filters_results(lists_client: TestClient) -> None:
    out = _match(lists_client, {"p": _query("Northwestern Polytechnical University", schema="Person"),
                                "o": _query("Northwestern Polytechnical University", schema="Organization")})
    assert not any(r["match"] for r in out["p"]["results"])
    assert all(r["schema"] == "Person" for r in out["p"]["results"])
    assert out["o"]["results"][0]["match"] is True


def test_unknown_schema_is_a_400_in_yente_shape(lists_client: TestClient) -> None:
    res = lists_client.post("/match/default", json={"queries": {"q": _query("x", schema="Spaceship")}})
    assert res.status_code == 400 and "Spaceship" in res.json()["detail"]


def test_exclude_schema_topics_and_changed_since(lists_client: TestClient) -> None:
    q = {"q": _query("Northwestern Polytechnical University", schema="LegalEntity")}
    assert _match(lists_client, q)["q"]["results"]
    assert not _match(lists_client, q, exclude_schema=["Organization"])["q"]["results"]
    controlled = _match(lists_client, q, topics=["export.control", "crime"])["q"]["results"]
    assert controlled and all("export.control" in r["properties"]["topics"] for r in controlled)
    assert not _match(lists_client, q, topics=["mil"])["q"]["results"]
    assert not _match(lists_client, q, changed_since="2999-01-01")["q"]["results"]
    assert _match(lists_client, q, changed_since="2000-01-01T00:00:00")["q"]["results"]
    bad = lists_client.post("/match/default", json={"queries": q}, params={"changed_since": "2019-02-30"})
    assert bad.status_code == 400 and "changed_since" in bad.json()["detail"]


def test_weights_change_scores(lists_client: TestClient) -> None:
    q = {"q": _query("Harbin Institute of Technology")}
    plain = _match(lists_client, q)["q"]["results"][0]
    assert plain["match"] and plain["score"] == 1.0
    zeroed = {k: 0.0 for k in plain["features"] if plain["explanations"][k]["role"] == "match"}
    res = lists_client.post("/match/default", json={"queries": q, "weights": zeroed})
    assert res.status_code == 200
    assert not any(r["match"] for r in res.json()["responses"]["q"]["results"])
    bad = lists_client.post("/match/default", json={"queries": q, "weights": {"magic": 1.0}})
    assert bad.status_code == 400 and "magic" in bad.json()["detail"]


def test_numeric_property_values_do_not_fail_the_batch(lists_client: TestClient) -> None:
    out = _match(lists_client, {"a": _query("Harbin Institute of Technology", idNumber=[123], country="cn"),
                                "b": {"schema": "Company", "properties": {"name": 42}},
                                "c": {"schema": "Company", "properties": {"idNumber": 7}}})
    assert out["a"]["results"][0]["match"] is True
    assert out["b"]["status"] == 200 and out["c"]["status"] == 400


def test_reference_lists_are_not_oligarchs(lists_client: TestClient) -> None:
    for name in ("Harbin Institute of Technology", "Beihang University", CETC):
        for r in _match(lists_client, {"q": _query(name)})["q"]["results"]:
            assert "role.oligarch" not in r["properties"].get("topics", []), r["id"]
            sanctions = lists_client.get(f"/entities/{r['id']}").json()["properties"]["sanctions"]
            programs = {s["datasets"][0] for s in sanctions}
            if programs & {"aspi_unitracker", "cn_seven_sons"}:
                assert "export.risk" in r["properties"]["topics"]


def test_match_on_one_dataset(lists_client: TestClient) -> None:
    out = _match(lists_client, {"q": _query("Northwestern Polytechnical University")}, path="/match/us-dod-1286")
    assert out["q"]["results"]
    assert {d for r in out["q"]["results"] for d in r["datasets"]} == {"us_dod_1286"}


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/match/nope", {"queries": {}}, 404),
        ("/match/default", {"queries": {}, "config": {"nm_number_mismatch": 0.4}}, 400),
        ("/match/default?algorithm=magic", {"queries": {}}, 400),
        ("/match/default?limit=0", {"queries": {}}, 400),
        ("/match/default?as_of=2019-02-30", {"queries": {}}, 400),
        ("/match/default", {"not_queries": {}}, 400),
    ],
)
def test_errors_are_yente_shaped(lists_client: TestClient, path: str, body: dict[str, Any], status: int) -> None:
    res = lists_client.post(path, json=body)
    assert res.status_code == status
    assert set(res.json()) == {"detail"} and res.json()["detail"]
