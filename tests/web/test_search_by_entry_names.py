"""Web search by any name of a list entry finds the stored entity linked to it (session 27 user try).

A note names "Northwestern Polytechnical University" in English; the officer searched its Chinese name
西北工业大学 and its pinyin: the page listed the watch-list entry but "No stored entity carries this name",
though the store's entity is linked to that very entry (the graph, `exposure` and the entity page all say so).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mcfwatch.extract import Extractor
from mcfwatch.store import Store
from mcfwatch.store.accounts import Accounts
from mcfwatch.workspace import Workspace
from tests.web.conftest import PASSWORD, login

NOTE = ("Due-diligence note: Queen Mary University of London\n\n"
        "Queen Mary University of London runs a joint engineering school with Northwestern Polytechnical "
        "University in Xi'an, China.\n")
ENTRY = "us-bis-entity-list:northwestern-polytechnical-university"


@pytest.fixture(scope="module")
def note_store(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    folder = tmp_path_factory.mktemp("search-entries")
    (folder / "qmul.txt").write_text(NOTE, encoding="utf-8")
    db = folder / "note.db"
    ws = Workspace(db, extractor=extractor)
    assert len(ws.ingest([folder / "qmul.txt"]).stored) == 1
    ws.close()
    store = Store(db)
    Accounts(store).add_user("ana", "analyst", PASSWORD)
    store.close()
    return db


@pytest.fixture()
def client(note_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    from mcfwatch.web.app import server

    db = tmp_path / "web.db"
    shutil.copy(note_store, db)
    monkeypatch.setenv("MCFWATCH_DB", str(db))
    monkeypatch.setenv("MCFWATCH_ALLOWED_HOSTS", "testserver")
    with TestClient(server()) as c:
        yield login(c, "ana")


def _search(client: TestClient, q: str) -> dict:
    r = client.get("/search", params={"q": q, "format": "json"})
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("query", ["西北工业大学", "西北工業大學", "Xibei Gongye Daxue", "Northwest Polytechnical University"])
def test_another_name_of_the_entry_finds_the_stored_entity(client: TestClient, query: str) -> None:
    data = _search(client, query)
    assert any(h["entry_id"] == ENTRY for h in data["list_entries"]), data["list_entries"]
    found = [e for e in data["entities"] if e["name"] == "Northwestern Polytechnical University"]
    assert found, data["entities"]
    assert found[0]["listed"] and found[0]["via_entry"] in {h["entry_id"] for h in data["list_entries"]}
    page = client.get("/search", params={"q": query}, headers={"accept": "text/html"}).text
    assert re.search(r'href="/entity/[^"]+">Northwestern Polytechnical University</a>', page)


def test_a_name_no_entry_matches_adds_no_entity(client: TestClient) -> None:
    data = _search(client, "Queen Mary University of London")
    assert [e["name"] for e in data["entities"]] == ["Queen Mary University of London"]
    assert not any("via_entry" in e for e in data["entities"])
