"""A plain SQLAlchemy connection to a store URL or path, for tests that read or write the schema directly."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, create_engine

from mcfwatch.store.engine import to_url


@contextmanager
def connected(db: str) -> Iterator[Connection]:
    """One transaction on its own engine, disposed afterwards (no pooled connection outlives the block)."""
    engine = create_engine(to_url(db))
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()
