"""The store's schema version: checked cheaply on every opening, built and upgraded through Alembic.

Opening reads one row (``meta.schema_version``) and writes nothing before that check passes. A new store
is built by running every revision in store/migrations/versions/ from an empty database, so the chain
that upgrades old stores is the very code that builds new ones. An older store is upgraded only by an
explicit ``mcfwatch migrate`` (``migrate()`` here); opening refuses it with a message naming that command.
Alembic is imported only to build or migrate, never to open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.exc import DatabaseError

from mcfwatch.errors import StoreError
from mcfwatch.store import tables as t

HEAD = t.SCHEMA_VERSION
BASELINE = 2  # the oldest version an upgrade starts from; earlier stores are re-ingested
MIGRATIONS = Path(__file__).parent / "migrations"


def revision_id(version: int) -> str:
    """The Alembic revision that produces a schema version (0002 for 2)."""
    return f"{version:04d}"


def stored_version(conn: Connection, shown: str) -> int:
    """The schema version written in a store's meta table; a damaged value is one-line StoreError."""
    row = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).first()
    raw = None if row is None else row[0]
    if raw is None or not str(raw).strip().isdigit():
        raise StoreError(f"{shown}: not an mcfwatch store or damaged (schema_version {raw!r})")
    return int(raw)


def check_version(conn: Connection, shown: str, db: str) -> None:
    """Refuse a store this mcfwatch cannot read as it is: older (migrate it), newer, or too old to migrate."""
    version = stored_version(conn, shown)
    if version == HEAD:
        return
    if version > HEAD:
        raise StoreError(f"{shown}: store schema version {version} is newer than this mcfwatch knows ({HEAD}); "
                         "upgrade mcfwatch")
    if version < BASELINE:
        raise StoreError(f"{shown}: store schema version {version}, this mcfwatch needs {HEAD}; "
                         "re-ingest into a new store")
    raise StoreError(f"{shown}: store schema version {version}, this mcfwatch needs {HEAD}; "
                     f"upgrade it with `mcfwatch migrate --db {db}`")


def alembic_config(conn: Connection | None) -> Any:
    """Alembic's configuration for the shipped revisions, run on conn (None: only to read the revisions)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def create(conn: Connection) -> None:
    """Build the schema at head in an empty database, inside the caller's transaction."""
    from alembic import command

    command.upgrade(alembic_config(conn), "head")


def upgrade(conn: Connection, shown: str) -> tuple[int, int]:
    """Upgrade a store to head inside the caller's transaction: (version before, version after).

    A store made before mcfwatch used Alembic has no alembic_version table: it is stamped at its
    meta.schema_version first."""
    from alembic import command

    tables = set(inspect(conn).get_table_names())
    if "meta" not in tables:
        raise StoreError(f"{shown}: not an mcfwatch store (no schema version); nothing to migrate")
    before = stored_version(conn, shown)
    if before > HEAD:
        raise StoreError(f"{shown}: store schema version {before} is newer than this mcfwatch knows ({HEAD}); "
                         "upgrade mcfwatch")
    if before < BASELINE:
        raise StoreError(f"{shown}: store schema version {before} cannot be migrated (the oldest is {BASELINE}); "
                         "re-ingest into a new store")
    cfg = alembic_config(conn)
    if "alembic_version" not in tables:
        command.stamp(cfg, revision_id(before))
    command.upgrade(cfg, "head")
    return before, stored_version(conn, shown)


def alembic_revision(conn: Connection) -> str | None:
    """The revision Alembic recorded (None for a store made before Alembic): shown by `mcfwatch check`."""
    if "alembic_version" not in set(inspect(conn).get_table_names()):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def migrate_store(db: str) -> tuple[str, int, int]:
    """Upgrade the store db names to this mcfwatch's schema, in one transaction: (shown url, before, after)."""
    from mcfwatch.store.engine import Target, db_error, for_writing, open_engine, to_url

    target = Target(to_url(db))
    engine, read_only = open_engine(target, create=False)
    engine = for_writing(engine)
    if read_only:
        raise StoreError(f"{target.shown}: read-only here; migrate it where it can be written")
    try:
        with engine.begin() as conn:
            before, after = upgrade(conn, target.shown)
    except DatabaseError as exc:
        raise StoreError(f"{target.shown}: cannot migrate ({db_error(exc, target)})") from None
    finally:
        engine.dispose()
    return target.shown, before, after
