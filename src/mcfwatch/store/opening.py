"""Opening a store: the engines, the schema check before anything is written, and helpers every part shares.

``StoreConnection`` is the first link of the Store's chain (store.py): rows.py, reads.py, documents.py,
decisions.py and state.py each add one group of methods on top of it.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import BigInteger, Connection, Engine, String, bindparam, cast, inspect, select, update
from sqlalchemy.exc import DatabaseError

from mcfwatch.errors import StoreError
from mcfwatch.store import locks, schema
from mcfwatch.store import tables as t
from mcfwatch.store import views as v
from mcfwatch.store.engine import Target, db_error, for_writing, open_engine, shown_db, to_url


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def many(values: Collection[str]) -> Any:
    """An IN list of any length: rendered into the statement, since SQLite caps bound parameters."""
    return bindparam(None, sorted(values), expanding=True, literal_execute=True)


def bump_generation(conn: Connection) -> None:
    """In the writer's transaction: one atomic UPDATE, so concurrent writers on PostgreSQL each add one."""
    conn.execute(update(t.meta).where(t.meta.c.key == "generation")
                 .values(value=cast(cast(t.meta.c.value, BigInteger) + 1, String)))


class StoreConnection:
    """One open store: its engines (reads, and writes that begin IMMEDIATE) and what it is shown as."""

    def __init__(self, db: str | Path, create: bool = True) -> None:
        """Open a store: a SQLite file, or a PostgreSQL URL (``postgresql://user@host/db``). Nothing is written
        before the database is verified as an mcfwatch store of this schema version; an empty database is
        initialised only with create (``ingest`` creates, read commands do not). A SQLite store in a folder or
        file this process cannot write is opened read-only. ``url`` is the store as shown: never a password."""
        self.db = str(db)
        self.target = Target(to_url(db))
        self.url = self.target.shown
        self.engine: Engine
        self.engine, self.read_only = open_engine(self.target, create)
        self.write_engine = for_writing(self.engine)  # every write transaction: store/engine.py says why
        self._lock_depth = 0
        self._init(create and not self.read_only)

    def _init(self, create: bool) -> None:
        """Check the store before changing anything; build the schema only in an empty database."""
        try:
            with self.engine.begin() as conn:
                tables = set(inspect(conn).get_table_names())
                if tables or not create:
                    self._verify(conn, tables)
                    return
            # A new store: two processes creating it at once must not both build it (the second verifies)
            with locks.ingesting(self.target, None), self.write_engine.begin() as conn:
                locks.lock_in_transaction(conn, [locks.CREATE])
                tables = set(inspect(conn).get_table_names())
                if tables:
                    self._verify(conn, tables)
                else:
                    schema.create(conn)
        except DatabaseError as exc:
            raise StoreError(f"{self.url}: cannot open store ({db_error(exc, self.target)})") from None

    def _verify(self, conn: Connection, tables: set[str]) -> None:
        if "meta" in tables:
            schema.check_version(conn, self.url, shown_db(self.db))
            if not self.read_only and not set(v.VIEWS) <= set(inspect(conn).get_view_names()):
                v.create_views(conn)
        elif tables:
            raise StoreError(
                f"{self.url}: not an mcfwatch store (it holds tables {', '.join(sorted(tables)[:4])} "
                "but no schema version); choose another file"
            )
        else:
            raise StoreError(f"{self.url}: empty, not an mcfwatch store; ingest documents into it first")

    def generation(self) -> int:
        """A number that grows with every committed write readers can see (documents, merges, undos,
        decisions, the monitoring baseline): a cache keyed by it is current while it is unchanged. One query.
        A store made again from scratch starts above every generation of the one it replaces."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "generation")).first()
        return int(row[0]) if row else 0

    def close(self) -> None:
        self.engine.dispose()
