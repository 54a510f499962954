"""Documents and entities over HTTP return the same dicts as the CLI; cards follow merges; errors share one shape."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from .conftest import MERGED_AWAY, merged_pair


def test_entities_and_card(client: TestClient) -> None:
    rows = client.get("/entities", params={"type": "Company"}).json()
    assert "Lizhong Group" in {r["name"] for r in rows}
    card = client.get("/cards/Brunel University").json()
    assert card["type"] == "University"
    labs = [r for r in card["relations"] if r["subtype"] == "joint_lab"]
    assert labs
    for rel in labs:
        doc = client.get(f"/documents/{rel['evidence']['document']}").json()
        assert doc["text"][rel["evidence"]["start"] : rel["evidence"]["end"]] == rel["evidence"]["text"]


def test_card_by_id_follows_merges(client: TestClient, demo_db: Path) -> None:
    _, merged = merged_pair(demo_db)
    by_id = client.get(f"/cards/{merged}").json()
    by_name = client.get("/cards/PLA Baoding branch").json()
    assert by_id["merged_into"] == by_name["id"] and by_id["requested_id"] == merged
    assert by_id["relations"] == by_name["relations"]
    assert merged in by_id["merged"] and MERGED_AWAY in by_id["aliases"]
    listed = {r["id"]: r for r in client.get("/entities").json()}
    assert merged not in listed and merged in listed[by_id["id"]]["merged"]


def test_extract_endpoint_follows_the_contract(client: TestClient) -> None:
    text = "In October 2018, Baoding City signed a memo of cooperation with Cork County."
    out = client.post("/extract", json={"text": text}).json()
    assert set(out) == {"document", "entities", "relations"}
    assert out["document"]["language"] == "en"
    assert "Cork County" in {e["name"] for e in out["entities"]}


def test_errors_have_one_shape(client: TestClient) -> None:
    missing = client.get("/cards/No Such Party Ltd")
    assert missing.status_code == 404
    assert set(missing.json()["error"]) == {"status", "type", "message"}
    bad = client.get("/entities", params={"type": "Spaceship"})
    assert bad.status_code == 400 and "unknown entity type" in bad.json()["error"]["message"]
