"""Analyst decisions stored as overlays: reject an edge, confirm or split a merge, reject a list match."""

from __future__ import annotations

from sqlalchemy import select

from mcfwatch.errors import InputError, NotFoundError
from mcfwatch.graph.overlays import check_decision
from mcfwatch.store import Store
from mcfwatch.store import tables as t


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
        with store.engine.connect() as conn:
            if conn.execute(select(t.relations.c.id).where(t.relations.c.id == target)).first() is None:
                raise NotFoundError(f"no relation {target!r} in the store; `mcfwatch exposure NAME` shows edge ids")
    elif kind in {"merge", "listing"} and "|" not in target:
        raise InputError(target, f"a {kind} target is two ids joined by '|'")
    return store.add_overlay(kind, target, decision, note=note, by=by)
