"""Resolution across documents: stored entities that name the same thing are merged.

Invariant: a merge never rewrites mentions, names or relations. It is one row in the store's
`merges` table (winner, loser, score, features, who decided, when), one per pair ever; every reader
folds losers into winners through the store's one fold (store/fold.py). Undoing a merge sets
`undone_at`, and an undone pair is never merged again by the resolver, so an analyst's undo survives re-runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mcfwatch.resolve.algorithm import ALGORITHM, THRESHOLDS
from mcfwatch.resolve.index import NameIndex
from mcfwatch.resolve.matcher import Matcher, default_matcher
from mcfwatch.resolve.names import parse
from mcfwatch.store import NewMerge, Store

ORG_TYPES = frozenset({"Company", "Organization", "University", "PublicBody", "MilitaryUnit"})
MERGE_THRESHOLD = THRESHOLDS["merging"]


@dataclass(slots=True)
class Candidate:
    """A stored entity as resolution sees it."""

    id: str
    name: str
    type: str
    names: list[str]
    mentions: int = 0


@dataclass(slots=True)
class Merge:
    winner_id: str
    loser_id: str
    score: float
    features: dict[str, Any]
    winner_name: str
    loser_name: str
    id: int | None = None
    names: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "winner_id": self.winner_id, "loser_id": self.loser_id, "score": self.score,
                "winner_name": self.winner_name, "loser_name": self.loser_name, "features": self.features}


def compatible(a: str, b: str) -> bool:
    return a == b or (a in ORG_TYPES and b in ORG_TYPES)


def plan_merges(
    entities: Sequence[Candidate],
    matcher: Matcher,
    threshold: float = MERGE_THRESHOLD,
    skip: set[frozenset[str]] | None = None,
) -> list[Merge]:
    """Pure: which entities to fold into which. Groups by single linkage over scored candidate pairs;
    each group's winner is its most mentioned entity; every other member merges into it, with the
    score and features of the pair that brought it into the group."""
    skip = skip or set()
    index = NameIndex()
    for pos, ent in enumerate(entities):
        index.add(pos, [ent.name, *ent.names])
    index.freeze()
    parent = list(range(len(entities)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    evidence: dict[int, tuple[float, dict[str, Any]]] = {}
    for pos, ent in enumerate(entities):
        for other in index.candidates(parse(ent.name), limit=20):
            if other <= pos or not compatible(ent.type, entities[other].type):
                continue
            if frozenset((ent.id, entities[other].id)) in skip:
                continue
            c = matcher.compare([ent.name, *ent.names], [entities[other].name, *entities[other].names])
            if c.score >= threshold and c.relation == "same":
                ra, rb = find(pos), find(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
                    evidence[other if other not in evidence else pos] = (c.score, c.features_dict())
    groups: dict[int, list[int]] = {}
    for pos in range(len(entities)):
        groups.setdefault(find(pos), []).append(pos)
    merges: list[Merge] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        winner = max(members, key=lambda p: (entities[p].mentions, -p))
        names = sorted({n for p in members for n in [entities[p].name, *entities[p].names]})
        for p in members:
            if p == winner:
                continue
            score, feats = evidence.get(p) or _direct(matcher, entities[winner], entities[p])
            merges.append(Merge(entities[winner].id, entities[p].id, score, feats, entities[winner].name,
                                entities[p].name, names=names))
    return merges


def _direct(matcher: Matcher, a: Candidate, b: Candidate) -> tuple[float, dict[str, Any]]:
    c = matcher.compare([a.name, *a.names], [b.name, *b.names])
    return c.score, c.features_dict()


def load_candidates(store: Store) -> list[Candidate]:
    names: dict[str, list[str]] = {}
    for eid, name in store.names():
        names.setdefault(eid, []).append(name)
    return [Candidate(e["id"], e["name"], e["type"], names.get(e["id"], []), e["mentions"]) for e in store.entity_rows()]


def resolve_store(
    store: Store, matcher: Matcher | None = None, threshold: float = MERGE_THRESHOLD, decided_by: str = ALGORITHM
) -> list[Merge]:
    """Merge the store's entities that name the same thing; record each merge; return the new ones.

    Pairs already merged, or merged once and undone, are left alone. Idempotent and resumable: one resolver
    at a time holds the store's writer lock; candidates are read in id order, so the result does not depend
    on the order documents were ingested in; the store then records that every document has been resolved
    (a killed run leaves them unresolved, and the next `resolve` or `ingest` redoes the work).
    """
    with store.writer_lock():
        documents = store.counts()["documents"]
        existing = store.merges()
        skip = {frozenset((r["winner_id"], r["loser_id"])) for r in existing}
        folded = {r["loser_id"] for r in existing if r["undone_at"] is None}
        candidates = [c for c in load_candidates(store) if c.id not in folded]
        merges = plan_merges(candidates, matcher or default_matcher(), threshold, skip)
        ids = store.add_merges(NewMerge(m.winner_id, m.loser_id, m.score, m.features, decided_by) for m in merges)
        store.mark_resolved(documents)
    for m, mid in zip(merges, ids, strict=True):
        m.id = mid
    return [m for m in merges if m.id is not None]


def undo_merge(store: Store, merge_id: int) -> None:
    """Undo one merge (soft: the row stays, with undone_at set)."""
    store.undo_merge(merge_id)


def merged_groups(merges: Iterable[Merge]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for m in merges:
        groups.setdefault(m.winner_id, [m.winner_id]).append(m.loser_id)
    return groups
