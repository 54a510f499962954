"""Cross-document resolution: mentions naming one thing become one entity, every merge is recorded and undoable."""

from __future__ import annotations

import json
from pathlib import Path

from mcfwatch.model import Document, Entity, Extraction, Span
from mcfwatch.resolve.algorithm import ALGORITHM
from mcfwatch.resolve.matcher import default_matcher
from mcfwatch.resolve.merge import Candidate, plan_merges, resolve_store, undo_merge
from mcfwatch.store import Store, entity_id_for

ENTITIES = [
    ("e1", "Lizhong Group", "Company", 3),
    ("e2", "Hebei Lizhong", "Company", 1),
    ("e3", "立中集团", "Company", 1),
    ("e4", "Nanjing University", "University", 2),
    ("e5", "Nanjing University of Aeronautics and Astronautics", "University", 1),
    ("e6", "Brunel University", "University", 1),
    ("e7", "Lizhong", "Place", 1),  # a place sharing the name is never merged into the company
]


ID = {eid: entity_id_for(name, etype) for eid, name, etype, _ in ENTITIES}


def _store(tmp_path: Path) -> Store:
    """One document naming each entity as often as ENTITIES says, stored through the Store."""
    text, ents = "", []
    for eid, name, etype, mentions in ENTITIES:
        spans = []
        for _ in range(mentions):
            spans.append(Span(len(text), len(text) + len(name), name))
            text += name + ". "
        ents.append(Entity(eid, name, etype, mentions=spans))
    store = Store(tmp_path / "r.db")
    store.add_extraction(Extraction(Document(text=text, id="d1", language="en"), entities=ents))
    return store


def test_lizhong_mentions_become_one_entity_with_every_name(tmp_path: Path) -> None:
    store = _store(tmp_path)
    merges = resolve_store(store)
    pairs = {(m.winner_id, m.loser_id) for m in merges}
    assert pairs == {(ID["e1"], ID["e2"]), (ID["e1"], ID["e3"])}
    assert set(store.entity(ID["e1"]).names) == {"Lizhong Group", "Hebei Lizhong", "立中集团"}
    assert store.fold().root == {ID["e2"]: ID["e1"], ID["e3"]: ID["e1"]}
    rows = store.merges()
    assert all(r["score"] >= 0.8 and json.loads(r["features"]) and r["decided_by"] == ALGORITHM for r in rows)


def test_merges_are_undone_and_stay_undone(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = resolve_store(store)
    hebei = next(m for m in first if m.loser_id == ID["e2"])
    assert hebei.id is not None
    undo_merge(store, hebei.id)
    assert store.fold().root == {ID["e3"]: ID["e1"]}
    assert resolve_store(store) == []  # neither redone nor duplicated on a re-run
    assert "Hebei Lizhong" not in store.entity(ID["e1"]).names


def test_traps_are_not_merged() -> None:
    ents = [Candidate(e, n, ty, [n], m) for e, n, ty, m in ENTITIES]
    losers = {m.loser_id for m in plan_merges(ents, default_matcher())}
    assert "e5" not in losers and "e4" not in losers and "e7" not in losers


def test_link_store_finds_listings_by_screening(tmp_path: Path) -> None:
    from mcfwatch.resolve.link import link_store

    store = _store(tmp_path)
    links = link_store(store)
    assert set(links) == {ID["e4"], ID["e5"]}  # both Nanjing universities are on the ASPI tracker, separately
    assert {h.entry_name for h in links[ID["e4"]]} == {"Nanjing University"}
    assert all("Aeronautics" in h.entry_name for h in links[ID["e5"]])


def test_replan_undoes_algorithm_merges_the_plan_does_not_make(tmp_path: Path) -> None:
    from mcfwatch.resolve.merge import replan_store
    from mcfwatch.store import NewMerge

    store = _store(tmp_path)
    # a store resolved by an older plan: Lizhong's merges, plus a chained guess recorded without evidence
    resolve_store(store)
    (bad,) = store.add_merges([NewMerge(ID["e1"], ID["e6"], 0.0, {}, ALGORITHM)])
    (analyst,) = store.add_merges([NewMerge(ID["e4"], ID["e5"], 0.9, {}, "analyst")])
    assert bad is not None and store.fold().root[ID["e6"]] == ID["e1"]
    first = replan_store(store)
    assert first.undone == [bad] and first.added == [] and first.kept == 2
    assert ID["e6"] not in store.fold().root  # Brunel University is itself again
    assert store.fold().root[ID["e5"]] == ID["e4"]  # a merge decided by someone else is never touched
    assert store.fold().root[ID["e2"]] == ID["e1"] and store.fold().root[ID["e3"]] == ID["e1"]
    again = replan_store(store)
    assert again.undone == [] and again.added == [] and again.kept == 2  # idempotent


def test_replan_keeps_an_analysts_undo(tmp_path: Path) -> None:
    from mcfwatch.resolve.merge import replan_store

    store = _store(tmp_path)
    hebei = next(m for m in resolve_store(store) if m.loser_id == ID["e2"])
    assert hebei.id is not None
    undo_merge(store, hebei.id)
    r = replan_store(store)
    assert r.undone == [] and r.added == [] and r.kept == 1
    assert store.fold().root == {ID["e3"]: ID["e1"]}
