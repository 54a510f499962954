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

from mcfwatch.resolve.algorithm import ALGORITHM, THRESHOLDS, Comparison
from mcfwatch.resolve.caption import caption_index
from mcfwatch.resolve.cluster import Link, complete_linkage
from mcfwatch.resolve.constraints import cannot_link
from mcfwatch.resolve.index import NameIndex
from mcfwatch.resolve.matcher import Matcher, default_matcher
from mcfwatch.resolve.names import parse
from mcfwatch.store import NewMerge, Store
from mcfwatch.store.fold import Decisions

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
    seeds: Iterable[tuple[str, str]] = (),
    folded: dict[str, str] | None = None,
) -> list[Merge]:
    """Pure: which entities to fold into which. `seeds`: more candidate pairs (entity ids) besides blocking's
    (`mcfwatch load --resolved` passes the pairs Spark found). `folded`: entity id -> canonical id of the merges
    already made; those groups stay whole, a new member joins one only when it matches every member, and it
    merges into the group's canonical entity.

    Candidate pairs come from the name index (blocking); a pair matches when it scores at least
    `threshold` as "same" and no cannot-link rule forbids it (constraints.py). Groups form by complete
    linkage (cluster.py): a member joins only when it matches EVERY other member, so a short or generic
    name cannot chain unrelated bodies. Each group's winner is the member whose name is the caption
    (caption.py: the fullest formal Latin-script name, then the most mentioned); every other member merges
    into it with the score and features of its own pair with the winner.
    """
    skip = skip or set()
    index = NameIndex()
    for pos, ent in enumerate(entities):
        index.add(pos, [ent.name, *ent.names])
    index.freeze()

    def check(i: int, j: int) -> Link | None:
        a, b = entities[i], entities[j]
        if not compatible(a.type, b.type) or frozenset((a.id, b.id)) in skip:
            return None
        c = _compare(matcher, a, b)
        if c.score < threshold or c.relation != "same":
            return None
        own = matcher.compare(a.name, b.name)
        if cannot_link(a.name, a.type, b.name, b.type, c, own, matcher.vocabulary.weight, threshold):
            return None
        return Link(i, j, c.score, c.features_dict())

    links: list[Link] = []
    for pos, ent in enumerate(entities):
        for other in index.candidates(parse(ent.name), limit=20):
            if other > pos and (link := check(pos, other)) is not None:
                links.append(link)
    at = {ent.id: pos for pos, ent in enumerate(entities)}
    for a, b in seeds:
        if a in at and b in at and a != b and (link := check(min(at[a], at[b]), max(at[a], at[b]))) is not None:
            links.append(link)
    folded = folded or {}
    root_of = {pos: at.get(folded.get(ent.id, ent.id), pos) for pos, ent in enumerate(entities)}
    initial: dict[int, list[int]] = {}
    for pos, root in root_of.items():
        initial.setdefault(root, []).append(pos)
    groups, scored = complete_linkage(len(entities), links, check, initial.values())
    merges: list[Merge] = []
    for members in groups:
        roots = sorted({root_of[p] for p in members})  # the first by id wins a tie
        winner = roots[caption_index([(entities[p].name, entities[p].mentions) for p in roots])]
        names = sorted({n for p in members for n in [entities[p].name, *entities[p].names]})
        for p in roots:  # each root brings its whole earlier group; its members follow it
            if p == winner:
                continue
            link = scored[(min(p, winner), max(p, winner))]
            assert link is not None  # complete linkage: every member matches the winner itself
            merges.append(Merge(entities[winner].id, entities[p].id, link.score, link.features,
                                entities[winner].name, entities[p].name, names=names))
    return merges


def _compare(matcher: Matcher, a: Candidate, b: Candidate) -> Comparison:
    """The better of: a's own name against every name of b, and every name of a against b's own name.

    A pair never matches through two borrowed names only (two entities that both carry the alias
    "China" or "Wang Yi" are not therefore one body)."""
    left = matcher.compare([a.name], [b.name, *b.names])
    right = matcher.compare([a.name, *a.names], [b.name])
    return right if right.score > left.score else left


def load_candidates(store: Store) -> list[Candidate]:
    names: dict[str, list[str]] = {}
    for eid, name in store.names():
        names.setdefault(eid, []).append(name)
    return [Candidate(e["id"], e["name"], e["type"], names.get(e["id"], []), e["mentions"]) for e in store.entity_rows()]


def resolve_store(
    store: Store, matcher: Matcher | None = None, threshold: float = MERGE_THRESHOLD, decided_by: str = ALGORITHM
) -> list[Merge]:
    """Merge the store's entities that name the same thing; record each merge; return the new ones.

    Pairs already merged, or merged once and undone, are left alone, and so are pairs an analyst split.
    Idempotent and resumable: one resolver at a time holds the store's writer lock; candidates are read
    in id order, so the result does not depend on the order documents were ingested in; the store then
    records that every document has been resolved (a killed run leaves them unresolved, and the next
    `resolve` or `ingest` redoes the work).
    """
    with store.writer_lock():
        documents = store.counts()["documents"]
        existing = store.merges()
        skip = {frozenset((r["winner_id"], r["loser_id"])) for r in existing} | _split_pairs(store)
        merges = plan_merges(load_candidates(store), matcher or default_matcher(), threshold, skip,
                             folded=store.fold().root)
        ids = store.add_merges(NewMerge(m.winner_id, m.loser_id, m.score, m.features, decided_by) for m in merges)
        store.mark_resolved(documents)
    for m, mid in zip(merges, ids, strict=True):
        m.id = mid
    return [m for m in merges if m.id is not None]


@dataclass(slots=True)
class Replan:
    """What `mcfwatch resolve --replan` changed: merges undone (ids) and merges added."""

    undone: list[int]
    added: list[Merge]
    kept: int


def replan_store(store: Store, matcher: Matcher | None = None, threshold: float = MERGE_THRESHOLD) -> Replan:
    """Plan every entity afresh and bring the store's algorithm merges in line with the plan.

    For stores resolved by an older plan (single linkage chained unrelated bodies into giant clusters):
    an active merge decided by this algorithm that the plan does not make is undone (soft, like an
    analyst's undo: the row stays, with undone_at set); the plan's merges not yet recorded are added.
    Never touched: merges an analyst undid (those pairs stay apart), merges decided by anything other
    than this algorithm, and analysts' merge decisions (overlays). Idempotent: a second run changes nothing.
    """
    with store.writer_lock():
        documents = store.counts()["documents"]
        existing = store.merges()
        undone = {frozenset((r["winner_id"], r["loser_id"])) for r in existing if r["undone_at"] is not None}
        active = [r for r in existing if r["undone_at"] is None]
        others = {r["loser_id"] for r in active if r["decided_by"] != ALGORITHM}
        candidates = [c for c in load_candidates(store) if c.id not in others]
        plan = plan_merges(candidates, matcher or default_matcher(), threshold, undone | _split_pairs(store))
        group = {m.winner_id: m.winner_id for m in plan} | {m.loser_id: m.winner_id for m in plan}
        # a recorded pair is kept when the plan puts both ends in one group (complete linkage: they match
        # each other), even if the plan's winner differs: undoing it would make it a cannot-link next time
        stale = [int(r["id"]) for r in active if r["decided_by"] == ALGORITHM
                 and (r["winner_id"] not in group or group[r["winner_id"]] != group.get(r["loser_id"]))]
        for merge_id in stale:
            store.undo_merge(merge_id)
        ids = store.add_merges(NewMerge(m.winner_id, m.loser_id, m.score, m.features, ALGORITHM) for m in plan)
        store.mark_resolved(documents)
    for m, mid in zip(plan, ids, strict=True):
        m.id = mid
    added = [m for m in plan if m.id is not None]
    return Replan(stale, added, len(plan) - len(added))


def _split_pairs(store: Store) -> set[frozenset[str]]:
    """Pairs an analyst split (a merge decision): never merged by the resolver."""
    return {frozenset(target.split("|")) for target in Decisions.from_rows(store.overlays()).split_merges}


def undo_merge(store: Store, merge_id: int) -> None:
    """Undo one merge (soft: the row stays, with undone_at set)."""
    store.undo_merge(merge_id)


def merged_groups(merges: Iterable[Merge]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for m in merges:
        groups.setdefault(m.winner_id, [m.winner_id]).append(m.loser_id)
    return groups
