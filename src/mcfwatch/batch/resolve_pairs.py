"""Matched pairs from `mcfwatch batch resolve` become merges in a store, as `mcfwatch resolve` records them.

A pair names two name entries by content id; the store may hold both under one entity (a name that is
another's alias), so each end is mapped to the stored entity that carries its name, as Store.add_extraction
chose it. The pairs join blocking's candidates and resolve's own plan groups them (plan_merges: cannot-link
rules, complete linkage; each member merges into the member whose name is the caption,
resolve/caption.py, with its own pair's score and features).
Pairs already recorded (even undone) are skipped, and entities already folded away are left alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mcfwatch.batch import rows
from mcfwatch.batch.extract import read_manifest
from mcfwatch.model import is_acronym, name_key
from mcfwatch.resolve.algorithm import ALGORITHM
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
    """The merges for this store's entities: resolve's own plan (plan_merges: the matcher, cannot-link rules,
    complete linkage) over the store's entities, with the pairs Spark found added to blocking's candidates,
    so `load --resolved` records what `mcfwatch resolve` would (single linkage over the pairs chained)."""
    from mcfwatch.resolve.matcher import default_matcher
    from mcfwatch.resolve.merge import load_candidates, plan_merges
    from mcfwatch.store.fold import Decisions

    ids = _StoredIds(store)
    existing = store.merges()
    skip = {frozenset((r["winner_id"], r["loser_id"])) for r in existing}
    skip |= {frozenset(t.split("|")) for t in Decisions.from_rows(store.overlays()).split_merges}
    seeds = []
    for p in pairs:
        a, b = ids(p["a_name"], p["a_type"]), ids(p["b_name"], p["b_type"])
        if a is not None and b is not None:
            seeds.append((a, b))
    return plan_merges(load_candidates(store), default_matcher(), skip=skip, seeds=seeds, folded=store.fold().root)


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
