"""What a server process holds for one store: the store (one engine, pooled connections), the analyst's graph
per store generation and the page dicts of that generation. The REST API and the web pages share one.
Answers that read only the watchlists (`/match`, a listed organisation's `/entities/{id}`) are kept apart, in
LIST_ANSWERS, keyed by the list index they were computed from (api/listings.py), not by a store.

Invariants: a store is opened (engine, schema check, `create_all` for a new file) once per process and app, never
per request; whatever is cached is keyed by the store's generation, read at most once a second, so a write by
this process (`touch`) or by another (a CLI ingest, a decision) is seen within a second. FastAPI runs sync routes
in a thread pool: every cache here is guarded by a lock, and a graph is built by one thread while the others wait
for it (never twenty builds of the same graph). A server's Services (``build_apart``) has the persisted graph
index built in another process (api/indexer.py), so a build never holds the interpreter its requests need.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mcfwatch.store import Store

if TYPE_CHECKING:
    from fastapi import FastAPI

    from mcfwatch.analyse import Analyst
    from mcfwatch.api.indexer import IndexBuilder
    from mcfwatch.workspace import Workspace

T = TypeVar("T")
GENERATION_SECONDS = 1.0
MAX_PAGES = 512
MAX_BYTES = 256 * 1024 * 1024  # serialised answers held at most (a hub's nested entity is over a megabyte)
MAX_ANALYSTS = 4   # graphs held at once: the current one and a few `as_of` dates


_MISSING = object()


class Answers:
    """A bounded map of built answers: ENTRIES at most and MAX_BYTES of serialised (bytes) ones, the least
    recently used dropped first. Thread-safe; two threads asking for the same missing key may both build it
    (the same value), nothing waits here. Keys must name everything the answer depends on."""

    def __init__(self, entries: int = MAX_PAGES, max_bytes: int = MAX_BYTES) -> None:
        self.entries, self.max_bytes = entries, max_bytes
        self._items: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple[Any, ...], default: Any = None) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
        return default

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        with self._lock:
            if key not in self._items:
                self._items[key] = value
                self._bytes += _size(value)
            while len(self._items) > self.entries or (self._bytes > self.max_bytes and len(self._items) > 1):
                self._bytes -= _size(self._items.popitem(last=False)[1])

    def build(self, key: tuple[Any, ...], build: Callable[[], T]) -> T:
        """The answer kept for KEY, else what BUILD returns (then kept)."""
        found = self.get(key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[no-any-return]
        with self._lock:
            self.misses += 1
        value = build()
        self.put(key, value)
        return value


# Answers computed from the watchlists only, for every store this process serves.
LIST_ANSWERS = Answers()


class Services:
    """One store, one graph per (store generation, date) and a bounded cache of page dicts, for one process.

    BUILD_APART: the persisted graph index is built by another process (a server), not by the request thread."""

    def __init__(self, db: str | Path, build_apart: bool = False) -> None:
        self.db = str(db)
        self.store = Store(self.db)
        self.indexer: IndexBuilder | None = None
        if build_apart:
            from mcfwatch.api.indexer import IndexBuilder

            self.indexer = IndexBuilder(self.db)
        self._generation: tuple[float, int] | None = None
        self._reading = threading.Lock()      # one thread reads the generation; the others use the last value
        self._lock = threading.Lock()         # guards the analysts' dict
        self._building = threading.Lock()     # one graph build at a time
        self._analysts: dict[str | None, tuple[int, Analyst]] = {}
        self.pages = Answers()
        self.builds = 0                       # graphs this process built (one per generation and date asked)

    # -- the store's generation ------------------------------------------------------------------------

    def generation(self) -> int:
        """The store's generation as of at most GENERATION_SECONDS ago (one cheap query a second at most)."""
        cached = self._generation
        if cached is not None and time.monotonic() - cached[0] < GENERATION_SECONDS:
            return cached[1]
        if cached is not None and not self._reading.acquire(blocking=False):
            return cached[1]  # another thread is reading it now
        if cached is None:
            self._reading.acquire()
        try:
            value = self._read_generation()
            self._generation = (time.monotonic(), value)
            return value
        finally:
            self._reading.release()

    def _read_generation(self) -> int:
        return self.store.generation()  # a counter every committed write bumps: one query

    def touch(self) -> None:
        """This process changed the store: read the generation again on the next request."""
        self._generation = None

    # -- the graph ---------------------------------------------------------------------------------------

    def analyst(self, as_of: str | None = None) -> Analyst:
        """The analyst (graph, patterns) of the current generation as of a date, built once and shared."""
        gen = self.generation()
        with self._lock:
            hit = self._analysts.get(as_of)
        if hit is not None and hit[0] == gen:
            return hit[1]
        with self._building:
            with self._lock:
                hit = self._analysts.get(as_of)
            if hit is not None and hit[0] == gen:
                return hit[1]  # built by the thread we waited for
            from mcfwatch.analyse import Analyst

            made = Analyst(self.store, as_of=as_of)
            if self.indexer is not None:
                made.index_builder = self.indexer.wait  # its index is built in another process, and read here
            self.builds += 1
            with self._lock:
                stale = [k for k, (g, _) in self._analysts.items() if g != gen]
                for k in stale:
                    del self._analysts[k]
                if len(self._analysts) >= MAX_ANALYSTS:
                    self._analysts.pop(next(iter(self._analysts)))
                self._analysts[as_of] = (gen, made)
            return made

    # -- pages -------------------------------------------------------------------------------------------

    def cached(self, kind: str, *key: Any, build: Callable[[], T]) -> T:
        """What BUILD returns for (kind, key) in this store generation, built once and kept (MAX_PAGES and
        MAX_BYTES of serialised answers at most, least recently used dropped first)."""
        return self.pages.build((kind, self.generation(), *key), build)

    def warm(self) -> None:
        """Build the graph and the watchlists' index before the first user asks (a server thread)."""
        from mcfwatch.api.listings import list_index

        self.analyst()
        list_index(None)  # the screener and the organisations /match and /entities/{id} answer from

    def index_ready(self) -> None:
        """Have the persisted graph index of today's analyst current and opened (a server thread: with
        ``build_apart`` it waits for the build process; a failed build is logged and shown by /healthz)."""
        from mcfwatch.analyse.indexed import graph_cache, open_index
        from mcfwatch.errors import McfwatchError

        try:
            cache = graph_cache(self.analyst())
            if cache is not None:
                open_index(cache)
        except McfwatchError:
            pass  # a failed build is logged by the indexer and shown by /healthz; requests needing it get the error

    def health(self) -> dict[str, Any]:
        """The index builds' state for /healthz (empty when this process builds in its request threads)."""
        return self.indexer.health() if self.indexer is not None else {}

    def workspace(self) -> Workspace:
        """A workspace over this store (no second engine); its `close` leaves the shared store open."""
        from mcfwatch.workspace import Workspace

        return Workspace(self.db, store=self.store)

    def close(self) -> None:
        self.stop_builds()
        self.store.close()

    def stop_builds(self) -> None:
        """Stop and wait for this process's index builds (server shutdown)."""
        if self.indexer is not None:
            self.indexer.close()

    def start_builds(self) -> None:
        """Allow index builds again (a server starting, or started again) and bring today's index up to date
        in a thread: the requests that need it wait for it, the others are answered meanwhile."""
        if self.indexer is not None:
            self.indexer.reopen()
            threading.Thread(target=self.index_ready, name="mcfwatch-index-ready", daemon=True).start()


def _size(page: object) -> int:
    return len(page) if isinstance(page, bytes) else 0


_registry_lock = threading.Lock()


def running_services(app: FastAPI) -> list[Services]:
    """Every Services the app has opened so far."""
    with _registry_lock:
        return list(getattr(app.state, "services_by_db", {}).values())


def services_for(app: FastAPI, db: str | Path) -> Services:
    """The app's Services over store DB, opened on first use and then shared by every request and page.

    An app made without a store reads MCFWATCH_DB per request; each store it is pointed at gets its own."""
    key = str(db)
    registry: dict[str, Services] | None = getattr(app.state, "services_by_db", None)
    if registry is not None and key in registry:
        return registry[key]
    with _registry_lock:
        registry = getattr(app.state, "services_by_db", None)
        if registry is None:
            registry = {}
            app.state.services_by_db = registry
        if key not in registry:  # a store that cannot be opened raises here and is tried again next time
            registry[key] = Services(key, build_apart=bool(getattr(app.state, "build_apart", False)))
        return registry[key]
