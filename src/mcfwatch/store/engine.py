"""Which database a ``--db`` names, and the one engine the Store opens on it.

A plain path is a SQLite file; ``postgresql://user@host/db`` (or ``postgres://``) is PostgreSQL through
psycopg 3. What is shown to people (messages, ``mcfwatch check``, reports) is ``display_url``: a password in
the URL is never printed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from mcfwatch.errors import StoreError

SQLITE_BUSY_SECONDS = 30  # how long a SQLite writer waits for another's transaction before giving up
_PG_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def to_url(db: str | Path) -> str:
    """The SQLAlchemy URL of a --db value (a file path is SQLite; postgresql:// uses psycopg 3)."""
    text = str(db)
    for scheme in _PG_SCHEMES:
        if text.startswith(scheme):
            return "postgresql+psycopg://" + text.removeprefix(scheme)
    return text if "://" in text else f"sqlite:///{text}"


def display_url(url: str) -> str:
    """The URL as it may be printed: any password replaced by ***."""
    if url.startswith("sqlite"):
        return url
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@", 1)[-1] if "@" in url else url
    return shown.replace("postgresql+psycopg://", "postgresql://", 1)


def shown_db(db: str | Path) -> str:
    """A --db value as it may be printed: a path as typed, a URL without its password."""
    text = str(db)
    return display_url(to_url(text)) if "://" in text else text


@dataclass(frozen=True, slots=True)
class Target:
    """A store's database: its URL, and for SQLite its file."""

    url: str

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def is_postgres(self) -> bool:
        return self.url.startswith("postgresql")

    @property
    def path(self) -> Path | None:
        return Path(self.url.removeprefix("sqlite:///")) if self.url.startswith("sqlite:///") else None

    @property
    def shown(self) -> str:
        return display_url(self.url)


def open_engine(target: Target, create: bool) -> tuple[Engine, bool]:
    """The engine for target, and whether it is read-only (a SQLite file this process cannot write).

    A missing SQLite file is an error unless create; a missing driver says what to install."""
    engine_url = target.url
    read_only = False
    path = target.path
    if path is not None:
        if path.parent and not path.parent.exists():
            raise StoreError(f"{path}: the folder {path.parent} does not exist")
        if path.is_dir():  # SQLite's answer was "unable to open database file"
            raise StoreError(f"{path}: is a folder, not a store; name a file (e.g. {path / 'mcfwatch.db'})")
        if not path.exists() and not create:
            raise StoreError(f"{path}: no such store; ingest documents into it first")
        if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent or Path("."), os.W_OK)):
            # SQLite's WAL needs side files next to the store: read an unwritable store as immutable
            read_only = True
            engine_url = f"sqlite:///file:{path.resolve()}?mode=ro&immutable=1&uri=true"
    try:
        options: dict[str, Any] = ({"pool_pre_ping": True} if target.is_postgres
                                   else {"connect_args": {"timeout": SQLITE_BUSY_SECONDS}})
        engine = create_engine(engine_url, **options)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        hint = " (install PostgreSQL support: pip install 'mcfwatch[postgres]')" if target.is_postgres else ""
        raise StoreError(f"{target.shown}: no database driver for this URL ({exc}){hint}") from None
    except Exception as exc:  # a malformed URL
        raise StoreError(f"{target.shown}: cannot open store ({_redacted(exc, target)})") from None
    if target.is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas_ro if read_only else _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine, read_only


def for_writing(engine: Engine) -> Engine:
    """The same engine (and pool), its transactions marked as writes: on SQLite they begin IMMEDIATE.

    A deferred SQLite transaction that reads and then writes fails at once with "database is locked" when
    another writer committed in between (its snapshot is stale; waiting cannot help). BEGIN IMMEDIATE takes
    the write lock first, so concurrent writers wait their turn (up to SQLITE_BUSY_SECONDS) instead."""
    return engine.execution_options(mcfwatch_write=True)


def _redacted(exc: BaseException, target: Target) -> str:
    """An error's text without the URL's password (drivers sometimes quote the connection string)."""
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    try:
        password = make_url(target.url).password
    except ArgumentError:
        password = None
    return text.replace(str(password), "***") if password else text


def db_error(exc: BaseException, target: Target) -> str:
    """The one line of a database error worth showing (the driver's message, first line, no password)."""
    orig: Any = getattr(exc, "orig", None) or exc
    text = _redacted(orig, target)
    if target.is_sqlite and "database is locked" in text:
        text += (f": another process kept this SQLite store busy for over {SQLITE_BUSY_SECONDS} s (a SQLite store "
                 "takes one writer at a time; PostgreSQL takes many)")
    return text


def _sqlite_begin(conn: Any) -> None:
    """SQLAlchemy's recipe: the driver's own transaction handling is off, and each transaction begins here."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("mcfwatch_write") else "BEGIN")


def _sqlite_pragmas_ro(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # transactions begin in _sqlite_begin
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
