"""How several writers share one store.

SQLite takes one writer at a time: a whole ingest holds a lock file beside the store (flock), and a second
ingest waits, told why; resolution holds another (a resolver may run beside an ingest's extraction). PostgreSQL takes concurrent writers. Each document's transaction
first takes transaction-level advisory locks on everything that decides identity (its SHA-256, its record
id, and the key of every name it stores), all at once and in one sorted order, so no two transactions can
deadlock on them; two documents that name the same party are therefore stored one after the other, and
the second finds the entity the first made, exactly as in a sequential ingest. Rewriting the fold and
running resolution take their own advisory locks.
"""

from __future__ import annotations

import fcntl
import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from mcfwatch.store.engine import Target

CREATE = 0x6D6366_0001  # building a new store
WRITER = 0x6D6366_0002  # resolution, one at a time per store
FOLD = 0x6D6366_0003  # the folded table is rewritten by one transaction at a time


def key_of(kind: str, value: str) -> int:
    """A signed 64-bit advisory lock key for one identity-deciding value."""
    return int.from_bytes(hashlib.sha256(f"{kind}|{value}".encode()).digest()[:8], "big", signed=True)


def lock_in_transaction(conn: Connection, keys: Iterable[int]) -> None:
    """PostgreSQL: take transaction-level advisory locks on keys, in ascending order (released at commit)."""
    ordered = sorted(set(keys))
    if ordered and conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT count(pg_advisory_xact_lock(k)) FROM "
                 "(SELECT k FROM unnest(CAST(:keys AS bigint[])) AS u(k) ORDER BY k) AS s"),
            {"keys": ordered},
        )


def waiting_message(target: Target) -> str:
    return (f"{target.shown}: another mcfwatch process is writing to this store; waiting for it to finish "
            "(a SQLite store takes one writer at a time; a PostgreSQL store takes many)")


@contextmanager
def _file_lock(path: Path, on_wait: Callable[[], None] | None) -> Iterator[None]:
    with path.open("a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextmanager
def ingesting(target: Target, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    """SQLite: one ingest (or store creation) at a time, a lock file beside the store (``X.db.ingest.lock``).
    PostgreSQL: nothing, documents lock what they need (lock_in_transaction)."""
    if target.path is None:
        yield
        return
    with _file_lock(Path(f"{target.path}.ingest.lock"), (lambda: on_wait(waiting_message(target))) if on_wait else None):
        yield


@contextmanager
def writer(target: Target, engine: Engine, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    """Resolution, one at a time: a lock file for SQLite (``X.db.lock``), a session advisory lock for PostgreSQL."""
    if target.path is not None:
        message = f"{target.shown}: another mcfwatch process is resolving names in this store; waiting for it to finish"
        with _file_lock(Path(f"{target.path}.lock"), (lambda: on_wait(message)) if on_wait else None):
            yield
    elif target.is_postgres:
        with engine.connect() as conn:
            if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": WRITER}).scalar_one():
                if on_wait:
                    on_wait(f"{target.shown}: another mcfwatch process is resolving names in this store; "
                            "waiting for it to finish")
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": WRITER})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": WRITER})
                conn.commit()
    else:
        yield
