"""Writing merges, analyst decisions and the monitoring baseline: each merge, undo and merge decision rewrites
the fold (the ``folded`` table the views read) in the same transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from mcfwatch.errors import NotFoundError
from mcfwatch.store import locks
from mcfwatch.store import tables as t
from mcfwatch.store.documents import DocumentWrites
from mcfwatch.store.fold import Decisions, compute_fold, decision_target, pair_key
from mcfwatch.store.opening import bump_generation, now


@dataclass(slots=True)
class NewMerge:
    """A merge the resolver decided, as the store records it."""

    winner_id: str
    loser_id: str
    score: float
    features: dict[str, Any]
    decided_by: str


class DecisionWrites(DocumentWrites):
    """The resolver's merges and their undoing, the analysts' decisions, the monitoring baseline."""

    def add_overlay(self, kind: str, target: str, decision: str, note: str | None = None, by: str = "analyst") -> int:
        with self.write_engine.begin() as conn:
            res = conn.execute(
                insert(t.overlays).values(
                    kind=kind, target=decision_target(kind, target), decision=decision, note=note,
                    decided_by=by, created_at=now(),
                )
            )
            if kind == "merge":
                self._refresh_fold(conn)
            bump_generation(conn)
            return int(res.inserted_primary_key[0])  # type: ignore[index]

    def add_merges(self, merges: Iterable[NewMerge]) -> list[int | None]:
        """Record the resolver's merges; a pair already recorded (even undone) is skipped (None)."""
        out: list[int | None] = []
        with self.write_engine.begin() as conn:
            for m in merges:
                pair = pair_key(m.winner_id, m.loser_id)
                if conn.execute(select(t.merges.c.id).where(t.merges.c.pair == pair)).first():
                    out.append(None)
                    continue
                try:
                    with conn.begin_nested():
                        res = conn.execute(
                            insert(t.merges).values(
                                pair=pair, winner_id=m.winner_id, loser_id=m.loser_id, score=m.score,
                                features=json.dumps(m.features, ensure_ascii=False), decided_by=m.decided_by,
                                created_at=now(),
                            )
                        )
                    out.append(int(res.inserted_primary_key[0]))  # type: ignore[index]
                except IntegrityError:  # another writer recorded the pair meanwhile
                    out.append(None)
            self._refresh_fold(conn)
            if any(i is not None for i in out):
                bump_generation(conn)
        return out

    def undo_merge(self, merge_id: int) -> None:
        """Undo one merge (soft: the row stays, with undone_at set); the pair is never merged again."""
        with self.write_engine.begin() as conn:
            res = conn.execute(update(t.merges).where(t.merges.c.id == merge_id).values(undone_at=now()))
            if res.rowcount == 0:
                raise NotFoundError(f"no merge {merge_id} in the store; `mcfwatch show NAME` lists merged ids")
            self._refresh_fold(conn)
            bump_generation(conn)

    def _refresh_fold(self, conn: Connection) -> None:
        locks.lock_in_transaction(conn, [locks.FOLD])  # PostgreSQL: concurrent rewrites would collide
        merges = [
            (r[0], r[1])
            for r in conn.execute(
                select(t.merges.c.winner_id, t.merges.c.loser_id).where(t.merges.c.undone_at.is_(None))
                .order_by(t.merges.c.id)
            )
        ]
        decisions = Decisions.from_rows(dict(r._mapping) for r in conn.execute(select(t.overlays)))
        root = compute_fold(merges, decisions)
        conn.execute(delete(t.folded))
        if root:
            conn.execute(insert(t.folded), [{"entity_id": k, "canonical_id": c} for k, c in sorted(root.items())])

    def replace_baseline(self, snapshots: dict[str, dict[str, Any]]) -> None:
        """The monitoring baseline becomes exactly these partner snapshots."""
        with self.write_engine.begin() as conn:
            conn.execute(delete(t.watch_baseline))
            for partner, snap in snapshots.items():
                conn.execute(insert(t.watch_baseline).values(partner=partner, snapshot=json.dumps(snap), created_at=now()))
            bump_generation(conn)

    def update_baseline(self, snapshots: dict[str, dict[str, Any]]) -> None:
        with self.write_engine.begin() as conn:
            for partner, snap in snapshots.items():
                conn.execute(update(t.watch_baseline).where(t.watch_baseline.c.partner == partner).values(
                    snapshot=json.dumps(snap), created_at=now()))
            bump_generation(conn)
