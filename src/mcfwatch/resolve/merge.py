"""Resolution across documents: stored entities that name the same thing are merged.

Invariant: a merge never rewrites mentions, names or relations. It is one row in the store's
`merges` table (winner, loser, score, features, who decided, when); readers fold losers into winners
(graph/build.py does). Undoing a merge sets `undone_at`, and an undone pair is never merged again
by the resolver, so an analyst's undo survives re-runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select

from mcfwatch.errors import NotFoundError
from mcfwatch.resolve.algorithm import ALGORITHM, THRESHOLDS
from mcfwatch.resolve.index import NameIndex
from mcfwatch.resolve.matcher import Matcher, default_matcher
from mcfwatch.resolve.names import parse
from mcfwatch.store import tables as t
from mcfwatch.store.store import Store, now

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
    with store.engine.connect() as conn:
        for eid, name in conn.execute(select(t.names.c.entity_id, t.names.c.name)):
            names.setdefault(eid, []).append(name)
    return [Candidate(e["id"], e["name"], e["type"], names.get(e["id"], []), e["mentions"]) for e in store.entities()]


def merge_rows(store: Store, active_only: bool = False) -> list[dict[str, Any]]:
    q = select(t.merges).order_by(t.merges.c.id)
    if active_only:
        q = q.where(t.merges.c.undone_at.is_(None))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def resolve_store(
    store: Store, matcher: Matcher | None = None, threshold: float = MERGE_THRESHOLD, decided_by: str = ALGORITHM
) -> list[Merge]:
    """Merge the store's entities that name the same thing; record each merge; return the new ones.

    Pairs already merged, or merged once and undone, are left alone.
    """
    existing = merge_rows(store)
    skip = {frozenset((r["winner_id"], r["loser_id"])) for r in existing}
    folded = {r["loser_id"]: r["winner_id"] for r in existing if r["undone_at"] is None}
    candidates = [c for c in load_candidates(store) if c.id not in folded]
    merges = plan_merges(candidates, matcher or default_matcher(), threshold, skip)
    with store.engine.begin() as conn:
        for m in merges:
            res = conn.execute(
                insert(t.merges).values(
                    winner_id=m.winner_id, loser_id=m.loser_id, score=m.score,
                    features=json.dumps(m.features, ensure_ascii=False), decided_by=decided_by, created_at=now(),
                )
            )
            m.id = int(res.inserted_primary_key[0])  # type: ignore[index]
    return merges


def undo_merge(store: Store, merge_id: int) -> None:
    """Undo one merge (soft: the row stays, with undone_at set)."""
    if not any(r["id"] == merge_id for r in merge_rows(store)):
        raise NotFoundError(f"no merge {merge_id} in the store; list them with resolve.merge.merge_rows(store)")
    store.undo_merge(merge_id)


def canonical(store: Store) -> dict[str, str]:
    """Entity id -> the id it is folded into (following chains of active merges)."""
    folded = {r["loser_id"]: r["winner_id"] for r in merge_rows(store, active_only=True)}

    def root(x: str, seen: int = 0) -> str:
        return root(folded[x], seen + 1) if x in folded and seen < 50 else x

    return {x: root(x) for x in folded}


def names_of(store: Store, entity_id: str) -> list[str]:
    """Every name of an entity and of the entities merged into it."""
    mapping = canonical(store)
    root = mapping.get(entity_id, entity_id)
    members = [root, *(k for k, v in mapping.items() if v == root)]
    out: list[str] = []
    for m in members:
        ent = store.entity(m)
        out.extend(n for n in [ent.name, *ent.names] if n not in out)
    return out


def merged_groups(merges: Iterable[Merge]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for m in merges:
        groups.setdefault(m.winner_id, [m.winner_id]).append(m.loser_id)
    return groups
