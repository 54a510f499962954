"""Analyst decisions stored as overlays: reject an edge, confirm or split a merge, reject a list match."""

from __future__ import annotations

from mcfwatch.errors import InputError, NotFoundError
from mcfwatch.store import Store, check_decision


def decide(store: Store, kind: str, target: str, decision: str, note: str | None = None, by: str = "analyst") -> int:
    """Record one decision after checking that its target exists; returns the overlay id."""
    try:
        check_decision(kind, decision)
    except ValueError as exc:
        raise InputError(f"{kind} {target}", str(exc)) from None
    if kind == "edge":
        if "+" in target:
            a, b = target.split("+", 1)
            raise InputError(target, f"this edge is composed of two relations; reject one of them: {a} or {b}")
        if not store.has_relation(target):
            raise NotFoundError(f"no relation {target!r} in the store; `mcfwatch exposure NAME` shows edge ids")
    elif kind in {"merge", "listing"} and "|" not in target:
        raise InputError(target, f"a {kind} target is two ids joined by '|'")
    elif kind == "merge":
        for eid in target.split("|", 1):
            if not store.has_entity(eid):
                raise NotFoundError(f"no entity {eid!r} in the store; `mcfwatch entities` lists ids")
    return store.add_overlay(kind, target, decision, note=note, by=by)
