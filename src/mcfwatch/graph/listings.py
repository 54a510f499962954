"""Link graph nodes to watch-list entries.

The resolver's screener (``mcfwatch.resolve.screen.Screener``: bilingual names, acronyms, known traps,
features that explain each match) decides which entries a node's names match, at a stricter threshold
than interactive screening (LINK_THRESHOLD). When the resolver is not installed, exact name keys
(``name_key``) over every name of the entry are the fallback: spelling variants are then missed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mcfwatch.graph.model import Listing, Node
from mcfwatch.model.keys import name_key

# Types that can sit on a list; a place or an event sharing a listed name is not a listing. The one definition:
# the doors (report.sanctions, show, /cards) and the graph read it here.
LISTABLE = frozenset({"Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person"})
_SCREENERS: dict[tuple[Any, ...], Any] = {}
# Graph links are made without a person looking, so they need a surer match than interactive screening:
# at the screener's default threshold "HT&L Fitting" (an Italian firm in the seed) matched the Entity List's
# "High Technologies, Ltd. (HTL)" at 0.74. Analysts can still confirm or reject a link (overlay "listing").


def listing_of(wl: Any, entry: Any, match: str, parent_name: str | None = None, score: float = 1.0,
               matched_name: str = "") -> Listing:
    props = tuple(sorted((str(k), str(v)) for k, v in (entry.properties or {}).items() if v is not None))
    return Listing(
        list_id=wl.id, list_title=wl.title, authority=wl.authority, legal_basis=wl.legal_basis,
        kind=wl.kind, version=wl.version, entry_id=entry.id, entry_name=entry.name,
        start_date=entry.start_date, end_date=entry.end_date, remarks=entry.remarks,
        citation=entry.citation, properties=props, match=match, parent_name=parent_name, score=score,
        matched_name=matched_name,
    )


def screener_for(lists: Sequence[Any], as_of: str | None) -> Any | None:
    """The resolver's screener over these lists (built once per set of list versions), or None."""
    try:
        from mcfwatch.resolve.screen import Screener
    except ImportError:
        return None
    key = (as_of, *((id(wl), wl.id, wl.version, len(wl.entries)) for wl in lists))
    if key not in _SCREENERS:
        if len(_SCREENERS) > 4:
            _SCREENERS.clear()
        _SCREENERS[key] = Screener(list(lists), as_of=as_of)
    return _SCREENERS[key]


class LinkCache:
    """The listings each set of node names links to (before analysts' rejections), for one selection of list
    versions (graph/persisted.py names the file by it): a store's entities are screened once, and after that
    only new or renamed ones; a node whose names were screened before needs neither the lists nor the screener.

    Kept in a small SQLite key-value file (key: digest of the names; value: the listings as JSON, no pickle),
    so a process reads only the keys of the nodes it builds: as one JSON file it was parsed whole on first use
    (119 MB at 1M relations). Writes are one transaction (a reader sees all of a save or none of it); a damaged
    or foreign file is replaced, and its names screened again."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.pending: dict[str, str] = {}  # screened in this process, not yet saved
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # API threads share one Analyst's cache

    @staticmethod
    def key(names: list[str]) -> str:
        return hashlib.sha256("\x1f".join(names).encode()).hexdigest()[:24]

    def get(self, names: list[str]) -> list[Listing] | None:
        key = self.key(names)
        with self._lock:
            found = self.pending.get(key)
            if found is None and (conn := self._open()) is not None:
                try:
                    row = conn.execute("SELECT listings FROM links WHERE key = ?", (key,)).fetchone()
                except sqlite3.Error:
                    row = None
                found = row[0] if row else None
        if found is None:
            return None
        try:
            rows = json.loads(found)
            return [Listing(**{**d, "properties": tuple((str(k), str(v)) for k, v in d["properties"]),
                               "score": float(d["score"]), "matched_name": str(d["matched_name"])}) for d in rows]
        except (ValueError, TypeError, KeyError):
            return None  # not what this version writes: screen again

    def put(self, names: list[str], listings: list[Listing]) -> None:
        with self._lock:
            self.pending[self.key(names)] = json.dumps([asdict(lst) for lst in listings], ensure_ascii=False)

    def save(self) -> None:
        with self._lock:
            conn = self._open() if self.pending else None
            if conn is None:
                return
            try:
                with conn:  # one transaction
                    conn.executemany("INSERT OR REPLACE INTO links (key, listings) VALUES (?, ?)",
                                     list(self.pending.items()))
            except sqlite3.Error:
                return  # a read-only or full disk: the names are screened again next time
            self.pending.clear()

    def _open(self) -> sqlite3.Connection | None:
        if self._conn is None and self.path is not None:
            try:
                self._conn = _connect(self.path)
            except sqlite3.OperationalError:  # locked past the timeout, or a folder it cannot write
                self.path = None
            except sqlite3.DatabaseError:  # damaged or foreign: start afresh
                for suffix in ("", "-journal", "-wal", "-shm"):
                    with contextlib.suppress(OSError):
                        Path(f"{self.path}{suffix}").unlink()
                try:
                    self._conn = _connect(self.path)
                except sqlite3.Error:
                    self.path = None  # keep what is screened in this process only
            if self._conn is not None and self.path is not None:
                _take_over_json(self._conn, self.path.with_suffix(".json"))
        return self._conn


def _take_over_json(conn: sqlite3.Connection, old: Path) -> None:
    """Move the hits of the one-file format this replaces (links-<lists>.json) into the SQLite file, once."""
    if not old.exists():
        return
    try:
        hits = json.loads(old.read_text("utf-8"))
        if isinstance(hits, dict):
            with conn:
                conn.executemany("INSERT OR IGNORE INTO links (key, listings) VALUES (?, ?)",
                                 [(k, json.dumps(v, ensure_ascii=False)) for k, v in hits.items() if isinstance(v, list)])
    except (OSError, ValueError, sqlite3.Error):
        pass  # damaged: its names are screened again
    with contextlib.suppress(OSError):
        old.unlink()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, check_same_thread=False)
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS links (key TEXT PRIMARY KEY, listings TEXT NOT NULL)")
        conn.execute("SELECT key, listings FROM links LIMIT 1").fetchall()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def link_listings(
    nodes: Iterable[Node], lists: Sequence[Any], as_of: str | None, rejected: set[str],
    cache: LinkCache | None = None,
) -> str:
    """Attach to each node the entries (active on as_of) it matches; returns the method used.

    With a cache, a node whose names were screened before takes the stored listings, and the lists are read
    and the screener built only if some node was not screened yet (lists may then load lazily)."""
    screener: Any = None
    built = False
    entries: dict[str, tuple[Any, Any]] = {}
    exact: dict[str, list[str]] = {}
    for node in nodes:
        if node.type not in LISTABLE:
            continue
        names = [node.name, *node.names]
        keyed = [node.type, *names]  # the type decides too: a company is never linked to a listed person
        found = cache.get(keyed) if cache is not None else None
        if found is None:
            if not built:
                built = True
                if not lists:
                    return "none"
                screener = screener_for(lists, as_of)
                entries = {e.id: (wl, e) for wl in lists for e in wl.entries if e.active_on(as_of)}
                if screener is None:
                    for eid, (_, e) in entries.items():
                        for n in e.all_names():
                            if name_key(n):
                                exact.setdefault(name_key(n), []).append(eid)
            found = _screen(names, node.type, screener, entries, exact)
            if cache is not None and screener is not None:
                cache.put(keyed, found)
        node.listings += [lst for lst in found if not any(f"{m}|{lst.entry_id}" in rejected for m in node.members)]
    return "exact names" if built and screener is None else "screener"


def _screen(names: list[str], etype: str, screener: Any, entries: dict[str, tuple[Any, Any]],
            exact: dict[str, list[str]]) -> list[Listing]:
    """The entries these names match, each once, as listings (analysts' rejections not yet applied). Screening
    goes through resolve.link.listings_for, as the `extract` contract's listings do: one decision for every
    door, with FtM's schema guard (a company is never linked to a listed person)."""
    found: list[tuple[str, str, float, str]] = []  # entry id, how, score, the name that matched
    if screener is not None:
        from mcfwatch.resolve.link import LINK_THRESHOLD, listings_for

        for hit in listings_for(names, etype, screener, LINK_THRESHOLD):
            found.append((hit.entry_id, f"screening score {hit.score:.3f} on '{hit.matched_name}'", hit.score,
                          hit.matched_name))
    else:
        for n in names:
            found += [(eid, f"exact name: {n}", 1.0, n) for eid in exact.get(name_key(n), [])
                      if eid in entries and _type_fits(etype, entries[eid][1])]
    seen: set[str] = set()
    out: list[Listing] = []
    for eid, how, score, matched in found:
        if eid in seen or eid not in entries:
            continue
        seen.add(eid)
        wl, entry = entries[eid]
        parent = entries[entry.parent][1].name if entry.parent in entries else None
        out.append(listing_of(wl, entry, how, parent, score, matched))
    return out


def _type_fits(etype: str, entry: Any) -> bool:
    """The schema guard of screening (resolve.screen) for the exact-name path: a published type rules out."""
    from mcfwatch.resolve.schemas import can_match

    return can_match(etype, entry.schema) or bool(entry.properties.get("schema_guessed"))
