"""The one fold: which stored entities are one, and which analyst decisions hold. Every reader uses it.

Invariant: canonical ids are decided here and nowhere else. The store writes the result to its ``folded``
table in the same transaction as every merge, undo or merge decision, and its SQL views
(``canonical_entities``, ``active_relations``) and every Store reader read that table; so the graph,
``entities``, ``show``, the exports, the API and a plain SQL query see the same entities.

Decisions (the store's ``overlays`` table) name their targets by content ids that re-ingest reproduces
(relation ids hash the document, the relation and the span; entity ids hash the type and name key), so a
decision survives re-ingesting the same text. Kinds and decisions:
- ``edge``    target = relation id;                 decision ``reject`` | ``confirm``
- ``merge``   target = "ENTITY_ID|ENTITY_ID";        decision ``confirm`` (fold together) | ``split`` (keep apart)
- ``listing`` target = "ENTITY_ID|LIST_ENTRY_ID";   decision ``reject`` | ``confirm``
The latest decision on a target wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

KINDS = {"edge": ("reject", "confirm"), "merge": ("confirm", "split"), "listing": ("reject", "confirm")}


def pair_key(a: str, b: str) -> str:
    return "|".join(sorted((a, b)))


def decision_target(kind: str, target: str) -> str:
    """The stored form of a decision's target: a merge names its pair sorted."""
    if kind == "merge" and "|" in target:
        a, _, b = target.partition("|")
        return pair_key(a, b)
    return target


@dataclass(slots=True)
class Decisions:
    """The analysts' decisions in force (the latest on each target)."""

    rejected_edges: set[str] = field(default_factory=set)
    confirmed_merges: set[str] = field(default_factory=set)
    split_merges: set[str] = field(default_factory=set)
    rejected_listings: set[str] = field(default_factory=set)

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> Decisions:
        latest: dict[tuple[str, str], str] = {}
        for row in sorted(rows, key=lambda r: r["id"]):
            latest[(row["kind"], decision_target(row["kind"], row["target"]))] = row["decision"]
        ov = cls()
        for (kind, target), decision in latest.items():
            if kind == "edge" and decision == "reject":
                ov.rejected_edges.add(target)
            elif kind == "merge":
                (ov.confirmed_merges if decision == "confirm" else ov.split_merges).add(target)
            elif kind == "listing" and decision == "reject":
                ov.rejected_listings.add(target)
        return ov


def check_decision(kind: str, decision: str) -> None:
    """Raise ValueError naming the allowed values when kind or decision is unknown."""
    if kind not in KINDS:
        raise ValueError(f"unknown overlay kind {kind!r}; use one of {', '.join(KINDS)}")
    if decision not in KINDS[kind]:
        raise ValueError(f"a {kind} decision is one of {', '.join(KINDS[kind])}, not {decision!r}")


def compute_fold(merges: Iterable[tuple[str, str]], decisions: Decisions) -> dict[str, str]:
    """Pure: entity id -> canonical id, for every entity merged away (others are their own canonical).

    ``merges`` are the resolver's active (not undone) merges as (winner, loser), oldest first; a merge an
    analyst split is left out, a pair an analyst confirmed is added. The winner's group keeps its canonical
    id, so a canonical id changes only when its own entity is merged into another.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = [(w, lo) for w, lo in merges if pair_key(w, lo) not in decisions.split_merges]
    pairs += [(a, b) for a, _, b in (p.partition("|") for p in sorted(decisions.confirmed_merges))]
    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    return {x: r for x in list(parent) if (r := find(x)) != x}


@dataclass(frozen=True, slots=True)
class Fold:
    """Entity id -> canonical id (only for entities merged away), with the members of each canonical entity."""

    root: dict[str, str]
    decisions: Decisions

    def canonical(self, entity_id: str) -> str:
        return self.root.get(entity_id, entity_id)

    def members(self, entity_id: str) -> list[str]:
        """The canonical entity of entity_id first, then every entity folded into it (sorted)."""
        root = self.canonical(entity_id)
        return [root, *sorted(k for k, v in self.root.items() if v == root)]
