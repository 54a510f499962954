"""Matched pairs from `mcfwatch batch resolve` become merges in a store, as `mcfwatch resolve` records them.

A pair names two name entries by content id; the store may hold both under one entity (a name that is
another's alias), so each end is mapped to the stored entity that carries its name, as Store.add_extraction
chose it. Grouping is plan_merges' single linkage: each group's winner is the member whose name is the
caption (resolve/caption.py; the first by id on a tie), every other member merges into it with the best score
of a pair that names it.
Pairs already recorded (even undone) are skipped, and entities already folded away are left alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mcfwatch.batch import rows
from mcfwatch.batch.extract import read_manifest
from mcfwatch.model import is_acronym, name_key
from mcfwatch.resolve.algorithm import ALGORITHM
from mcfwatch.resolve.caption import caption_index
from mcfwatch.resolve.merge import Merge
from mcfwatch.store import NewMerge, Store
from mcfwatch.store.ids import entity_id_for


def read_pairs(folder: Path) -> list[dict[str, Any]]:
    from mcfwatch.batch.load import iter_rows

    info = read_manifest(folder, "resolve")
    return list(iter_rows(folder / rows.PAIRS, sort=("a_id", "b_id"))) if info.get("pairs") else []


class _StoredIds:
    """Stored entity of a (name, type): its own content id if stored, else the first by id carrying the name."""

    def __init__(self, store: Store) -> None:
        self.rows = {e["id"]: e for e in store.entity_rows()}
        self.by_key: dict[tuple[str, str], str] = {}
        for eid, name in store.names():  # ordered by entity id: the first one wins
            etype = self.rows[eid]["type"] if eid in self.rows else ""
            self.by_key.setdefault((etype, name_key(name)), eid)

    def __call__(self, name: str, etype: str) -> str | None:
        own = entity_id_for(name, etype)
        if own in self.rows:
            return own
        return None if is_acronym(name) else self.by_key.get((etype, name_key(name)))


def plan_from_pairs(store: Store, pairs: list[dict[str, Any]]) -> list[Merge]:
    """Pure over the store's reads: the merges the pairs imply for this store's entities."""
    ids = _StoredIds(store)
    existing = store.merges()
    skip = {frozenset((r["winner_id"], r["loser_id"])) for r in existing}
    folded = {r["loser_id"] for r in existing if r["undone_at"] is None}
    order = {eid: pos for pos, eid in enumerate(sorted(ids.rows))}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[str, tuple[float, dict[str, Any]]] = {}
    for p in pairs:
        a, b = ids(p["a_name"], p["a_type"]), ids(p["b_name"], p["b_type"])
        if a is None or b is None or a == b or a in folded or b in folded or frozenset((a, b)) in skip:
            continue
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=order.__getitem__)] = min(ra, rb, key=order.__getitem__)
        for end in (a, b):
            if end not in best or p["score"] > best[end][0]:
                best[end] = (float(p["score"]), json.loads(p["features"]))
    groups: dict[str, list[str]] = {}
    for eid in sorted(parent, key=order.__getitem__):
        groups.setdefault(find(eid), []).append(eid)
    merges: list[Merge] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        winner = members[caption_index([(ids.rows[e]["name"], ids.rows[e]["mentions"]) for e in members])]
        for eid in members:
            if eid != winner:
                score, feats = best[eid]
                merges.append(Merge(winner, eid, score, feats, ids.rows[winner]["name"], ids.rows[eid]["name"]))
    return merges


def record_merges(store: Store, pairs: list[dict[str, Any]], decided_by: str = ALGORITHM) -> list[Merge]:
    """Record the pairs' merges under the store's writer lock and mark every document resolved."""
    with store.writer_lock():
        documents = store.counts()["documents"]
        merges = plan_from_pairs(store, pairs)
        recorded = store.add_merges(NewMerge(m.winner_id, m.loser_id, m.score, m.features, decided_by)
                                    for m in merges)
        store.mark_resolved(documents)
    for m, mid in zip(merges, recorded, strict=True):
        m.id = mid
    return [m for m in merges if m.id is not None]
