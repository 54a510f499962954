"""Cross-document resolution: mentions naming one thing become one entity, every merge is recorded and undoable."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import insert

from mcfwatch.resolve.matcher import default_matcher
from mcfwatch.resolve.merge import (
    Candidate,
    canonical,
    merge_rows,
    names_of,
    plan_merges,
    resolve_store,
    undo_merge,
)
from mcfwatch.store import Store
from mcfwatch.store import tables as t
from mcfwatch.store.store import now

ENTITIES = [
    ("e1", "Lizhong Group", "Company", 3),
    ("e2", "Hebei Lizhong", "Company", 1),
    ("e3", "立中集团", "Company", 1),
    ("e4", "Nanjing University", "University", 2),
    ("e5", "Nanjing University of Aeronautics and Astronautics", "University", 1),
    ("e6", "Brunel University", "University", 1),
    ("e7", "Lizhong", "Place", 1),  # a place sharing the name is never merged into the company
]


def _store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "r.db")
    with store.engine.begin() as conn:
        conn.execute(insert(t.documents).values(
            id="d1", sha256="x" * 64, text="x" * 100, ingested_at=now(), language="en"))
        for eid, name, etype, mentions in ENTITIES:
            conn.execute(insert(t.entities).values(id=eid, name=name, type=etype, created_at=now()))
            conn.execute(insert(t.names).values(entity_id=eid, name=name, key=name.lower(), origin="mention"))
            for i in range(mentions):
                conn.execute(insert(t.mentions).values(
                    document_id="d1", entity_id=eid, local_id=eid, start=i, end=i + 1, text="x"))
    return store


def test_lizhong_mentions_become_one_entity_with_every_name(tmp_path: Path) -> None:
    store = _store(tmp_path)
    merges = resolve_store(store)
    pairs = {(m.winner_id, m.loser_id) for m in merges}
    assert pairs == {("e1", "e2"), ("e1", "e3")}
    assert set(names_of(store, "e1")) == {"Lizhong Group", "Hebei Lizhong", "立中集团"}
    assert canonical(store) == {"e2": "e1", "e3": "e1"}
    rows = merge_rows(store)
    assert all(r["score"] >= 0.8 and json.loads(r["features"]) and r["decided_by"] == "mcf-logic-v1" for r in rows)


def test_merges_are_undone_and_stay_undone(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = resolve_store(store)
    hebei = next(m for m in first if m.loser_id == "e2")
    assert hebei.id is not None
    undo_merge(store, hebei.id)
    assert canonical(store) == {"e3": "e1"}
    assert resolve_store(store) == []  # neither redone nor duplicated on a re-run
    assert "Hebei Lizhong" not in names_of(store, "e1")


def test_traps_are_not_merged() -> None:
    ents = [Candidate(e, n, ty, [n], m) for e, n, ty, m in ENTITIES]
    losers = {m.loser_id for m in plan_merges(ents, default_matcher())}
    assert "e5" not in losers and "e4" not in losers and "e7" not in losers


def test_link_store_finds_listings_by_screening(tmp_path: Path) -> None:
    from mcfwatch.resolve.link import link_store

    store = _store(tmp_path)
    links = link_store(store)
    assert set(links) == {"e4", "e5"}  # both Nanjing universities are on the ASPI tracker, separately
    assert {h.entry_name for h in links["e4"]} == {"Nanjing University"}
    assert all("Aeronautics" in h.entry_name for h in links["e5"])
