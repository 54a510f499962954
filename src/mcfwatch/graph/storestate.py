"""What a saved graph index was built from, and what a store gained since: the reads graph/incremental.py needs.

Documents, entities, their names and relations are only ever added, each document in one transaction
(store/documents.py), except when a file is read again by a newer reader (its reading replaced, counted in
meta.readings_replaced, which the digest below includes); merges, undos and analysts' decisions rewrite the fold and overlays. So a store's state
for the graph is, per added-only table, its row count and largest rowid, and a digest of the decision
tables. A later state whose tables each grew by exactly the rows above the old largest rowid, with the same
digest, differs from the old one only by added documents. SQLite only (rowids); elsewhere there is no state
and every build is whole.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text

from mcfwatch.graph.cachedir import key_digest
from mcfwatch.store import Store
from mcfwatch.store import tables as t
from mcfwatch.store.documents import REPLACED_KEY

ADDED_ONLY = ("documents", "entities", "names", "relations")


def store_state(store: Store, counted: bool = True) -> dict[str, Any] | None:
    """Per added-only table [rows, largest rowid], and the digest of merges, fold and decisions; None when the
    store is not SQLite. Not ``counted``: rows None (counting a 1M-row table takes a second; the largest rowid
    and the digest show a write since as well, as no writer deletes rows)."""
    if store.engine.dialect.name != "sqlite":
        return None
    out: dict[str, Any] = {}
    with store.engine.connect() as conn:
        for table in ADDED_ONLY:
            count = "count(*)" if counted else "NULL"
            rows, top = conn.execute(text(f"SELECT {count}, coalesce(max(rowid), 0) FROM {table}")).one()
            out[table] = [None if rows is None else int(rows), int(top)]
        decided = [
            [tuple(r) for r in conn.execute(select(t.folded).order_by(t.folded.c.entity_id))],
            [tuple(r) for r in conn.execute(select(t.merges.c.id, t.merges.c.undone_at).order_by(t.merges.c.id))],
            [tuple(r) for r in conn.execute(select(t.overlays.c.id, t.overlays.c.kind, t.overlays.c.target,
                                                   t.overlays.c.decision).order_by(t.overlays.c.id))],
        ]
        # a document read again (store/documents.replace_reading) deletes and rewrites rows, maybe at their rowids
        replaced = conn.execute(select(t.meta.c.value).where(t.meta.c.key == REPLACED_KEY)).scalar()
        if replaced is not None:
            decided.append([replaced])
    out["decisions"] = key_digest(decided)
    return out


def only_added(old: dict[str, Any] | None, new: dict[str, Any] | None, store: Store) -> str | None:
    """None when new differs from old by added rows only; else why not (a build must then be whole)."""
    if old is None or new is None:
        return "the saved index records no store state (not SQLite, or written to during its build)"
    if old.get("decisions") != new.get("decisions"):
        return "a merge, undo or decision changed, or a document was read again, since the index was built"
    for table in ADDED_ONLY:
        (n0, top0), (n1, top1) = old[table], new[table]
        if n1 < n0 or top1 < top0 or added(store, table, top0, top1) != n1 - n0:
            return f"rows of {table} were deleted or replaced since the index was built"
    return None


def added(store: Store, table: str, after: int, upto: int) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table} WHERE rowid > :a AND rowid <= :b"),
                                {"a": after, "b": upto}).scalar_one())


def added_ids(store: Store, table: str, column: str, after: int, upto: int) -> list[str]:
    """The distinct values of column in the rows added between two states (by rowid), sorted."""
    with store.engine.connect() as conn:
        rows = conn.execute(text(f"SELECT DISTINCT {column} FROM {table} WHERE rowid > :a AND rowid <= :b "
                                 f"ORDER BY {column}"), {"a": after, "b": upto})
        return [str(r[0]) for r in rows]
