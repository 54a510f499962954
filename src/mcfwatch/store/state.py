"""Resolution state and health: one resolver (and, on SQLite, one ingest) at a time, which documents
resolution has seen, and what `mcfwatch check` reports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, func, insert, select

from mcfwatch.store import locks
from mcfwatch.store import tables as t
from mcfwatch.store.decisions import DecisionWrites
from mcfwatch.store.fold import Decisions, compute_fold


class ResolutionState(DecisionWrites):
    """Writer locks, the resolved-documents mark and the store's health."""

    @contextmanager
    def writer_lock(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Held by resolution: a second resolver on the same store waits for the first to finish (then finds
        its merges recorded). SQLite: a lock file beside the store; PostgreSQL: a session advisory lock.
        Re-entrant within one Store. on_wait gets a one-line message when another process holds it."""
        if self.read_only or self._lock_depth:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        with locks.writer(self.target, self.engine, on_wait):
            self._lock_depth = 1
            try:
                yield
            finally:
                self._lock_depth = 0

    @contextmanager
    def ingest_lock(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Held by a whole ingest run. SQLite takes one writer at a time: a second ingest waits, told why.
        PostgreSQL takes concurrent ingests (each document is one transaction under advisory locks)."""
        if self.read_only:  # nothing will be written (a write fails with a one-line StoreError)
            yield
            return
        with locks.ingesting(self.target, on_wait):
            yield

    def mark_resolved(self, documents: int) -> None:
        """Record that resolution has seen the first `documents` documents (documents are never deleted)."""
        with self.write_engine.begin() as conn:
            conn.execute(delete(t.meta).where(t.meta.c.key == "resolved_documents"))
            conn.execute(insert(t.meta).values(key="resolved_documents", value=str(documents)))

    def unresolved_documents(self) -> int:
        """Documents stored since the last completed resolution (a killed resolution leaves them counted)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "resolved_documents")).first()
            total = int(conn.execute(select(func.count()).select_from(t.documents)).scalar_one())
        return max(0, total - (int(row[0]) if row else 0))

    def health(self) -> dict[str, Any]:
        """What `mcfwatch check` reports: schema state, counts, unresolved documents, dangling rows, and
        whether the stored fold equals the fold recomputed from merges and decisions."""
        def orphans(table: Any, column: Any, parent: Any) -> int:
            q = select(func.count()).select_from(table.outerjoin(parent, column == parent.c.id)).where(parent.c.id.is_(None))
            return int(conn.execute(q).scalar_one())

        with self.engine.connect() as conn:
            version = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).scalar_one()
            dangling = {
                "mentions without entity": orphans(t.mentions, t.mentions.c.entity_id, t.entities),
                "mentions without document": orphans(t.mentions, t.mentions.c.document_id, t.documents),
                "names without entity": orphans(t.names, t.names.c.entity_id, t.entities),
                "relations without source": orphans(t.relations, t.relations.c.source_id, t.entities),
                "relations without target": orphans(t.relations, t.relations.c.target_id, t.entities),
                "relations without document": orphans(t.relations, t.relations.c.document_id, t.documents),
                "merges naming a missing entity": orphans(t.merges, t.merges.c.loser_id, t.entities)
                + orphans(t.merges, t.merges.c.winner_id, t.entities),
            }
            merges = [(r[0], r[1]) for r in conn.execute(
                select(t.merges.c.winner_id, t.merges.c.loser_id).where(t.merges.c.undone_at.is_(None))
                .order_by(t.merges.c.id))]
            decisions = Decisions.from_rows(dict(r._mapping) for r in conn.execute(select(t.overlays)))
        return {
            "store": self.url, "schema_version": int(version), "expected_schema_version": t.SCHEMA_VERSION,
            "read_only": self.read_only, "counts": self.counts(), "unresolved_documents": self.unresolved_documents(),
            "dangling": dangling, "fold_current": compute_fold(merges, decisions) == self.fold().root,
        }
