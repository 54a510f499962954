"""Analyst decisions (the store's ``overlays`` table) applied on every graph query.

Overlays name their targets by ids that re-ingest reproduces (relation ids hash the document, the relation
key and the span; entity ids hash the type and name key), so a decision survives re-ingesting the same text.
Kinds and decisions:
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


@dataclass(slots=True)
class Overlays:
    rejected_edges: set[str] = field(default_factory=set)
    confirmed_merges: set[str] = field(default_factory=set)
    split_merges: set[str] = field(default_factory=set)
    rejected_listings: set[str] = field(default_factory=set)

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> Overlays:
        latest: dict[tuple[str, str], str] = {}
        for row in sorted(rows, key=lambda r: r["id"]):
            target = pair_key(*row["target"].split("|", 1)) if row["kind"] == "merge" else row["target"]
            latest[(row["kind"], target)] = row["decision"]
        ov = cls()
        for (kind, target), decision in latest.items():
            if kind == "edge" and decision == "reject":
                ov.rejected_edges.add(target)
            elif kind == "merge":
                a, _, b = target.partition("|")
                (ov.confirmed_merges if decision == "confirm" else ov.split_merges).add(pair_key(a, b))
            elif kind == "listing" and decision == "reject":
                ov.rejected_listings.add(target)
        return ov


def check_decision(kind: str, decision: str) -> None:
    """Raise ValueError naming the allowed values when kind or decision is unknown."""
    if kind not in KINDS:
        raise ValueError(f"unknown overlay kind {kind!r}; use one of {', '.join(KINDS)}")
    if decision not in KINDS[kind]:
        raise ValueError(f"a {kind} decision is one of {', '.join(KINDS[kind])}, not {decision!r}")
