"""A built Screener stored as one SQLite file, read lazily: a fresh process opens it and looks up only the
blocking keys, names, words and entries its queries touch (about a hundred rows for one name), instead
of loading ~18,000 names and ~130,000 postings.

The file holds plain values only (text, integers, JSON arrays): nothing in it is executed or unpickled.
Readers open it read-only; writers build it under a temporary name and rename it into place, so a
reader never sees half a file. A connection is opened per thread of each process (a forked worker opens its own).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

from mcfwatch.errors import McfwatchError
from mcfwatch.lists.model import ListEntry, WatchList
from mcfwatch.resolve.index import IndexedName, NameIndex
from mcfwatch.resolve.knowledge import Knowledge, Vocabulary
from mcfwatch.resolve.screen_parts import decode_name, encode_name

SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE entries(pos INTEGER PRIMARY KEY, list INTEGER NOT NULL, data TEXT NOT NULL, primary_keys TEXT NOT NULL);
CREATE INDEX entries_list ON entries(list, pos);
CREATE TABLE names(pos INTEGER PRIMARY KEY, owner INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX names_owner ON names(owner, pos);
CREATE TABLE postings(key TEXT PRIMARY KEY, pos TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE vocab(word TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE knowledge(tab TEXT, key TEXT, v TEXT NOT NULL, PRIMARY KEY(tab, key)) WITHOUT ROWID;
CREATE TABLE members(cluster TEXT PRIMARY KEY, pos TEXT NOT NULL) WITHOUT ROWID;
"""
ENTRY_FIELDS = list(ListEntry.__dataclass_fields__)
LIST_FIELDS = [f for f in WatchList.__dataclass_fields__ if f != "entries"]
T = TypeVar("T")


class DamagedCacheError(McfwatchError):
    """The screening cache file could not be read midway (changed or damaged on disk). It has been removed:
    run the command again (it rebuilds the file), or set MCFWATCH_CACHE_DIR=off."""


class Db:
    """A read-only view of one index file: a connection per thread (opened on first use, again after a fork).

    No lock: each thread reads through its own connection, so the threads of a server screening at once do
    not queue on one connection (sqlite3 lets other threads run while a query is stepped).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        # the process's first connection, kept open: if the file is later removed (pruned by a run over other
        # lists, replaced by another process), threads that open their connection after that read through it,
        # one at a time, as a Unix reader keeps reading a file that was unlinked under it
        self._pinned: sqlite3.Connection | None = None
        self._pinned_pid = 0
        self._pin_lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)

    def _open(self) -> sqlite3.Connection:
        if self._pinned is None or self._pinned_pid != os.getpid():  # the process's first thread reads through it
            self._pinned, self._pinned_pid = self._connect(), os.getpid()
            return self._pinned
        try:
            return self._connect()
        except sqlite3.OperationalError:
            if self.path.exists():
                raise
            return self._pinned

    def rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        local = self._local
        try:
            conn: sqlite3.Connection | None = getattr(local, "conn", None)
            if conn is None or local.pid != os.getpid():
                conn = local.conn = self._open()
                local.pid = os.getpid()
            if conn is self._pinned:
                with self._pin_lock:
                    return conn.execute(sql, args).fetchall()
            return conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            local.conn = None
            if not _damaged(exc):
                # not the file's fault (removed or replaced by another process, a busy disk, a query error):
                # the file is left alone, since it may be a sound one that another process just put in place
                raise DamagedCacheError(f"{self.path}: screening cache unreadable ({exc}); run again") from None
            self.path.unlink(missing_ok=True)
            raise DamagedCacheError(f"{self.path}: screening cache damaged ({exc}); removed it, run again") from None


def _damaged(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is bad (not a database, malformed), as opposed to an operational
    error (cannot open a file another process removed, locked, I/O) or a programming error."""
    if type(exc) is sqlite3.DatabaseError:  # "file is not a database", "database disk image is malformed"
        return True
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


class LazyMap(Mapping[str, T]):
    """key -> value rows of one query, fetched on first use and kept (a missing key is kept as None).

    Once read whole (`load`), a key it lacks is answered from memory, without a query."""

    def __init__(self, db: Db, one: str, every: str, decode: Callable[[Any], T], prefix: tuple[Any, ...] = ()) -> None:
        self.db, self.one, self.every, self.decode, self.prefix = db, one, every, decode, prefix
        self.memo: dict[str, T | None] = {}
        self.complete = False

    def _find(self, key: str) -> T | None:
        memo = self.memo
        if key in memo:
            return memo[key]
        if self.complete:
            return None
        rows = self.db.rows(self.one, (*self.prefix, key))
        found = memo[key] = self.decode(rows[0][0]) if rows else None
        return found

    def __getitem__(self, key: str) -> T:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str, default: Any = None) -> Any:  # Mapping.get without a KeyError per missing key
        found = self._find(key)
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) is not None

    def load(self) -> None:
        """Read every row now (a server does, once): later lookups never query the file."""
        if not self.complete:
            for key, value in self.db.rows(self.every, self.prefix):
                self.memo[key] = self.decode(value)
            self.complete = True

    def __iter__(self) -> Iterator[str]:
        self.load()
        return iter([k for k, v in self.memo.items() if v is not None])

    def __len__(self) -> int:
        self.load()
        return sum(1 for v in self.memo.values() if v is not None)


def _position(i: int, n: int) -> int:
    """The position 0..n-1 that index i names (negative counts from the end), as a list reads it."""
    pos = i + n if i < 0 else i
    if not 0 <= pos < n:
        raise IndexError(i)
    return pos


class LazyRows(Sequence[T]):
    """Rows 0..n-1 of one query by position, fetched on first use and kept; iterating reads a range at once."""

    def __init__(self, db: Db, one: str, span: str, n: int, decode: Callable[[tuple[Any, ...]], T]) -> None:
        self.db, self.one, self.span, self.n, self.decode = db, one, span, n, decode
        self.memo: dict[int, T] = {}

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[T]: ...
    def __getitem__(self, i: int | slice) -> T | Sequence[T]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        i = _position(i, self.n)
        if i not in self.memo:
            rows = self.db.rows(self.one, (i,))
            if not rows:
                raise DamagedCacheError(f"{self.db.path}: screening cache lacks row {i}; delete the file")
            self.memo[i] = self.decode(rows[0])
        return self.memo[i]

    def fill(self, start: int, stop: int) -> None:
        """Read rows start..stop-1 in one query."""
        if all(i in self.memo for i in range(start, stop)):
            return
        for row in self.db.rows(self.span, (start, stop)):
            self.memo.setdefault(int(row[0]), self.decode(row[1:]))

    def __iter__(self) -> Iterator[T]:
        self.fill(0, self.n)
        return (self[i] for i in range(self.n))

    def __len__(self) -> int:
        return self.n


class Slice(Sequence[T]):
    """Rows base..base+n-1 of a LazyRows (one list's entries)."""

    def __init__(self, rows: LazyRows[T], base: int, n: int) -> None:
        self.rows, self.base, self.n = rows, base, n

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[T]: ...
    def __getitem__(self, i: int | slice) -> T | Sequence[T]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        return self.rows[self.base + _position(i, self.n)]

    def __iter__(self) -> Iterator[T]:
        self.rows.fill(self.base, self.base + self.n)
        return (self.rows[self.base + i] for i in range(self.n))

    def __len__(self) -> int:
        return self.n


def _entry(row: tuple[Any, ...]) -> ListEntry:
    return ListEntry(**dict(zip(ENTRY_FIELDS, json.loads(row[0]), strict=True)))


def write(path: Path, key: str, lists: list[WatchList], entries: Sequence[tuple[WatchList, ListEntry]],
          index: NameIndex, knowledge: Knowledge, primary_keys: Sequence[set[str]],
          members: Mapping[str, list[int]]) -> None:
    """Write a built screener's parts to PATH (a new file; the caller renames it into place)."""
    dumps = json.dumps
    list_pos = {id(wl): i for i, wl in enumerate(lists)}
    conn = sqlite3.connect(path)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        meta = {"key": key, "names": len(index.names), "entries": len(entries), "vocab_n": index.vocabulary.n,
                "lists": dumps([{k: getattr(wl, k) for k in LIST_FIELDS} for wl in lists], ensure_ascii=False)}
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
        conn.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", (
            (pos, list_pos[id(wl)], dumps([getattr(e, f) for f in ENTRY_FIELDS], ensure_ascii=False),
             dumps(sorted(primary_keys[pos]), ensure_ascii=False)) for pos, (wl, e) in enumerate(entries)))
        conn.executemany("INSERT INTO names VALUES (?, ?, ?)", (
            (pos, n.owner, dumps(encode_name(n.name), ensure_ascii=False)) for pos, n in enumerate(index.names)))
        conn.executemany("INSERT INTO postings VALUES (?, ?)", ((k, dumps(v)) for k, v in index.postings.items()))
        conn.executemany("INSERT INTO vocab VALUES (?, ?)", index.vocabulary.df.items())
        for tab, table in knowledge.tables().items():
            conn.executemany("INSERT INTO knowledge VALUES (?, ?, ?)", (
                (tab, k, dumps(sorted(v) if isinstance(v, set) else v, ensure_ascii=False)) for k, v in table.items()))
        conn.executemany("INSERT INTO members VALUES (?, ?)", ((k, dumps(v)) for k, v in members.items()))
        conn.commit()
    finally:
        conn.close()


class Opened:
    """The parts of a Screener read lazily from one file (see Screener.from_index)."""

    def __init__(self, path: Path, key: str) -> None:
        db = self.db = Db(path)
        self.key = key
        meta = dict(db.rows("SELECT k, v FROM meta"))
        if meta.get("key") != key:
            raise ValueError("not the index for these lists and this code")
        n_entries, n_names = int(meta["entries"]), int(meta["names"])
        rows: LazyRows[ListEntry] = LazyRows(
            db, "SELECT data FROM entries WHERE pos = ?",
            "SELECT pos, data FROM entries WHERE pos >= ? AND pos < ?", n_entries, _entry)
        spans = {int(i): (int(lo), int(n)) for i, lo, n in db.rows(
            "SELECT list, min(pos), count(*) FROM entries GROUP BY list")}
        self.lists: list[WatchList] = []
        for i, info in enumerate(json.loads(meta["lists"])):
            base, n = spans.get(i, (0, 0))
            # entries read on use: a Sequence where WatchList declares a list (read-only use, as documented)
            self.lists.append(WatchList(**info, entries=Slice(rows, base, n)))  # type: ignore[arg-type]
        by_pos = [wl for wl in self.lists for _ in range(len(wl.entries))]
        if len(by_pos) != n_entries:
            raise ValueError("entry counts disagree")
        self.entries = _Paired(by_pos, rows)
        self.primary_keys: Sequence[set[str]] = LazyRows(
            db, "SELECT primary_keys FROM entries WHERE pos = ?",
            "SELECT pos, primary_keys FROM entries WHERE pos >= ? AND pos < ?", n_entries,
            lambda row: set(json.loads(row[0])))
        index = self.index = NameIndex()
        index.names = LazyRows(  # type: ignore[assignment]
            db, "SELECT owner, data FROM names WHERE pos = ?",
            "SELECT pos, owner, data FROM names WHERE pos >= ? AND pos < ?", n_names,
            lambda row: IndexedName(int(row[0]), decode_name(json.loads(row[1]))))
        index.postings = LazyMap(  # type: ignore[assignment]
            db, "SELECT pos FROM postings WHERE key = ?", "SELECT key, pos FROM postings", json.loads)
        index.by_owner = _Owners(db)  # type: ignore[assignment]
        index.vocabulary = Vocabulary(LazyMap(  # type: ignore[arg-type]
            db, "SELECT df FROM vocab WHERE word = ?", "SELECT word, df FROM vocab", int), int(meta["vocab_n"]))
        tables: dict[str, LazyMap[Any]] = {tab: LazyMap(
            db, "SELECT v FROM knowledge WHERE tab = ? AND key = ?", "SELECT key, v FROM knowledge WHERE tab = ?",
            (lambda v: set(json.loads(v))) if tab in ("by_key", "alias_key") else json.loads, prefix=(tab,))
            for tab in ("by_key", "alias_key", "labels", "roots", "renderings", "joined")}
        self.knowledge = Knowledge.from_tables(tables)
        self.members = LazyMap(db, "SELECT pos FROM members WHERE cluster = ?", "SELECT cluster, pos FROM members",
                               json.loads)
        self.maps: list[LazyMap[Any]] = [index.postings, index.vocabulary.df, self.members,  # type: ignore[list-item]
                                         *tables.values()]
        self.rows: list[LazyRows[Any]] = [rows, self.primary_keys, index.names]  # type: ignore[list-item]

    def load(self) -> None:
        """Read the tables whole (names, entries, postings, word counts, known names, members: ~0.5 s CPU and
        ~50 MB for all the lists): a server screening many new names then never asks the file."""
        for table in self.maps:
            table.load()
        for rows in self.rows:
            rows.fill(0, len(rows))


class _Paired(Sequence[tuple[WatchList, ListEntry]]):
    """(list, entry) by position: the list from memory, the entry read lazily."""

    def __init__(self, lists: list[WatchList], rows: LazyRows[ListEntry]) -> None:
        self.lists, self.rows = lists, rows

    @overload
    def __getitem__(self, i: int) -> tuple[WatchList, ListEntry]: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[tuple[WatchList, ListEntry]]: ...
    def __getitem__(self, i: int | slice) -> tuple[WatchList, ListEntry] | Sequence[tuple[WatchList, ListEntry]]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self.lists[i], self.rows[i]

    def __iter__(self) -> Iterator[tuple[WatchList, ListEntry]]:
        return zip(self.lists, self.rows, strict=True)

    def __len__(self) -> int:
        return len(self.lists)


class _Owners(Mapping[int, list[int]]):
    """owner -> positions of its names (NameIndex.by_owner), read on use."""

    def __init__(self, db: Db) -> None:
        self.db = db

    def __getitem__(self, owner: int) -> list[int]:
        rows = self.db.rows("SELECT pos FROM names WHERE owner = ? ORDER BY pos", (owner,))
        if not rows:
            raise KeyError(owner)
        return [int(r[0]) for r in rows]

    def __iter__(self) -> Iterator[int]:
        return (int(r[0]) for r in self.db.rows("SELECT DISTINCT owner FROM names ORDER BY owner"))

    def __len__(self) -> int:
        return int(self.db.rows("SELECT count(DISTINCT owner) FROM names")[0][0])
