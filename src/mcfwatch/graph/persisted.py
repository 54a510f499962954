"""The graph index persisted beside the store: the whole graph's compact adjacency, weights and roles.

Invariant: a saved index is exactly the ``GraphIndex`` that ``build_graph`` makes from the same store state,
lists, date and rules (written by graph/whole.py without making the graph's objects), stamped with the store
generation it was built at. It is read only while ``Store.generation()`` still equals that stamp; otherwise it
is updated with the documents added since (graph/incremental.py) or, after any other change, rebuilt,
screening only entities whose names the link cache has not seen (graph/listings.py ``LinkCache``). Nodes and edges keep
their positions in the built graph, so a search over the saved arrays returns the same paths, in the same
order, as a search over the graph built in memory.

One build at a time per cache folder, whichever process runs it (``build_lock``): a second builder waits, then
reads what the first saved. A server hands its builds to another process (``GraphCache.builder``,
api/indexer.py), so its requests never wait on the interpreter for a build; it then reads the saved files.
A reader gets one whole saved index or none: ``load`` checks that the folder it read is still the one it
started reading (``meta.json`` names each build), so an index swapped in meanwhile is never half mixed in.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from mcfwatch.graph.build import Weigher
from mcfwatch.graph.cachedir import (
    build_lock,
    cache_dir,
    key_digest,
    read_array,
    read_meta,
    replace_text,
    write_bundle,
)
from mcfwatch.graph.graph import Graph
from mcfwatch.graph.index import GraphIndex
from mcfwatch.graph.listings import LinkCache
from mcfwatch.model.schema import SCHEMA
from mcfwatch.store import Store

INDEX_VERSION = 4  # change whenever the graph build or the saved arrays change meaning
BUILD_TRIES = 3    # builds elsewhere that may each be overtaken by a write before the caller gives up
log = logging.getLogger("mcfwatch.index")


@dataclass(slots=True)
class PersistedGraph:
    """One saved index: node ids and types, edge ids, ends and types, and the search index over them."""

    folder: Path
    generation: int
    node_id: npt.NDArray[Any]
    node_type: npt.NDArray[Any]
    degree: npt.NDArray[Any]
    order: npt.NDArray[Any]
    edge_key: npt.NDArray[Any]
    edge_src: npt.NDArray[Any]
    edge_dst: npt.NDArray[Any]
    edge_type: npt.NDArray[Any]
    types: list[str]
    relation_types: list[str]
    index: GraphIndex

    def pos(self, node_id: str) -> int | None:
        """The position of a canonical entity id, by binary search over the sorted ids."""
        key = node_id.encode()
        i = int(np.searchsorted(self.node_id, key, sorter=self.order))
        if i < len(self.order) and self.node_id[self.order[i]] == key:
            return int(self.order[i])
        return None

    def id_of(self, pos: int) -> str:
        return bytes(self.node_id[pos]).decode()

    def type_of(self, pos: int) -> str:
        return self.types[int(self.node_type[pos])]

    def edge_id(self, eid: int) -> str:
        return bytes(self.edge_key[eid]).decode()

    def incident(self, pos: int) -> list[tuple[int, int]]:
        """(neighbour, edge) pairs of a node."""
        return self.index.neighbours(pos)


def save(g: Graph, folder: Path, generation: int, extra: dict[str, Any]) -> None:
    assert g.index is not None
    save_parts(folder, generation, extra, [n.id for n in g.nodes], [n.type for n in g.nodes],
               [e.id.encode() for e in g.edges],
               [g.pos[e.source] for e in g.edges], [g.pos[e.target] for e in g.edges], [e.type for e in g.edges],
               g.index)


def save_parts(
    folder: Path, generation: int, extra: dict[str, Any], node_ids: list[str], node_types: list[str],
    edge_ids: list[bytes], src: Sequence[int] | npt.NDArray[Any], dst: Sequence[int] | npt.NDArray[Any],
    edge_types: list[str], index: GraphIndex, more: dict[str, npt.NDArray[Any]] | None = None,
) -> None:
    """Write an index: node ids and types, edge ids (UTF-8), ends (node positions) and types, and the search
    arrays (graph/whole.py writes the whole graph's without making its objects); ``more``: further arrays."""
    types = sorted(set(node_types))
    rtypes = sorted(set(edge_types))
    tcode = {t: i for i, t in enumerate(types)}
    rcode = {t: i for i, t in enumerate(rtypes)}
    save_arrays(folder, generation, extra, bytes_array([i.encode() for i in node_ids]),
                np.array([tcode[t] for t in node_types], dtype=np.int16), types, bytes_array(edge_ids),
                np.asarray(src, dtype=np.int32), np.asarray(dst, dtype=np.int32),
                np.array([rcode[t] for t in edge_types], dtype=np.int16), rtypes, index, more or {})


def bytes_array(values: Sequence[bytes]) -> npt.NDArray[Any]:
    """Byte strings as one fixed-width array (as wide as the longest; ``S1`` when there are none)."""
    return np.array(values, dtype=bytes) if len(values) else np.zeros(0, dtype="S1")


def save_arrays(
    folder: Path, generation: int, extra: dict[str, Any], node_id: npt.NDArray[Any], node_type: npt.NDArray[Any],
    types: list[str], edge_key: npt.NDArray[Any], src: npt.NDArray[Any], dst: npt.NDArray[Any],
    edge_type: npt.NDArray[Any], rtypes: list[str], index: GraphIndex, more: dict[str, npt.NDArray[Any]],
) -> None:
    """Write an index given as arrays: node and edge types as codes into the sorted type names."""
    s = np.asarray(src, dtype=np.int32)
    d = np.asarray(dst, dtype=np.int32)
    arrays: dict[str, npt.NDArray[Any]] = {
        "node_id": node_id,
        "node_type": np.asarray(node_type, dtype=np.int16),
        # Graph.find ranks same-named nodes by their edge count (a self-loop counted twice, as there)
        "degree": np.bincount(np.concatenate([s, d]), minlength=len(node_id)).astype(np.int32),
        "order": np.argsort(node_id, kind="stable").astype(np.int32),
        "edge_key": edge_key, "edge_src": s, "edge_dst": d,
        "edge_type": np.asarray(edge_type, dtype=np.int16),
        **index.arrays(), **more,
    }
    meta = {"generation": generation, "build": uuid.uuid4().hex, "types": types, "relation_types": rtypes,
            "max_hops": index.max_hops, "hop_factor": list(index.hop_factor), **extra}
    write_bundle(folder, arrays, meta)


def load(folder: Path) -> PersistedGraph | None:
    """The index saved in folder, or None (none, damaged, or replaced while it was being read twice running)."""
    for _ in range(2):
        meta = read_meta(folder)
        if meta is None:
            return None
        pg = _load(folder, meta)
        # the arrays are memory-mapped once opened: a build renamed into place later does not change them
        if pg is not None and read_meta(folder) == meta:
            return pg
    return None


def _load(folder: Path, meta: dict[str, Any]) -> PersistedGraph | None:
    try:
        arr = {p.stem: read_array(folder, p.stem) for p in folder.glob("*.npy")}
        index = GraphIndex.from_arrays(arr, int(meta["max_hops"]), tuple(float(x) for x in meta["hop_factor"]))
        return PersistedGraph(
            folder=folder, generation=int(meta["generation"]), node_id=arr["node_id"], node_type=arr["node_type"],
            degree=arr["degree"], order=arr["order"], edge_key=arr["edge_key"], edge_src=arr["edge_src"],
            edge_dst=arr["edge_dst"], edge_type=arr["edge_type"], types=list(meta["types"]),
            relation_types=list(meta["relation_types"]), index=index,
        )
    except (OSError, KeyError, ValueError):
        return None  # damaged or from another version: rebuilt by the caller


@dataclass(slots=True)
class GraphCache:
    """The persisted graph index of one store for one (lists, date, rules) selection, and its link cache.

    ``lists_key`` names the selection of list versions (graph/listkeys.py); ``load_lists`` gives the lists
    themselves, called only when the index must be rebuilt. ``builder``, when set, builds and saves the index
    in another process (it returns when that process has finished, or raises); ``open`` then reads it."""

    store: Store
    lists_key: str
    load_lists: Callable[[], Sequence[Any]]
    as_of: str | None
    weigh: Weigher
    max_hops: int
    hop_factors: tuple[float, ...]
    rule_params: dict[str, Any]
    root: Path | None = None
    folder: Path | None = None
    links: LinkCache | None = None
    rebuilt: bool = False
    builder: Callable[[str | None], None] | None = None  # (as_of) -> when another process has built it
    path: str | None = None  # how this process last built it: "incremental" or "whole" (and FOLDER.build.json)
    why_whole: str | None = None  # why it was not updated incrementally

    def __post_init__(self) -> None:
        self.root = cache_dir(self.store.url)
        if self.root is None:
            return
        ref_year = self.as_of[:4] if self.as_of else str(date.today().year)  # recency weights count years
        key = key_digest([INDEX_VERSION, self.lists_key, self.as_of, ref_year, self.max_hops, self.hop_factors,
                          json.loads(json.dumps(self.rule_params, default=str)), SCHEMA.version])
        self.folder = self.root / f"graph-{key}"
        self.links = LinkCache(self.root / f"links-{self.lists_key}.sqlite")

    def current(self) -> PersistedGraph | None:
        """The saved index if it is stamped with the store's generation now, else None."""
        if self.folder is None:
            return None
        pg = load(self.folder)
        return pg if pg is not None and pg.generation == self.store.generation() else None

    def open(self) -> PersistedGraph:
        """The saved index when it is current, else the graph built (screening only new names) and saved:
        here, or by ``builder`` in another process."""
        pg = self.current()
        if pg is not None:
            return pg
        if self.builder is not None and self.folder is not None:
            for _ in range(BUILD_TRIES):  # a write during a build makes its result stale at once: build again
                self.builder(self.as_of)
                pg = self.current()
                if pg is not None:
                    return pg
            raise OSError(f"the graph index in {self.folder} was overtaken by writes to the store {BUILD_TRIES} times")
        with build_lock(self.root):
            pg = self.current()  # built by the process we waited for
            return pg if pg is not None else self._build()

    def _build(self) -> PersistedGraph:
        # stamped with the generation read before the build: a write meanwhile only makes the next call rebuild
        generation = self.store.generation()
        if self.folder is None:
            raise OSError("no cache folder for the graph index")  # the caller builds the graph in memory
        from mcfwatch.graph.incremental import update_index  # only documents added since: their part only
        from mcfwatch.graph.whole import build_index  # it writes through save_parts, above

        t0 = time.perf_counter()
        stale = load(self.folder)
        try:
            outcome = "no saved index" if stale is None else update_index(
                self.store, stale, self.folder, generation, self.load_lists, self.as_of, self.weigh,
                self.max_hops, self.hop_factors, self.links)
        except (KeyError, IndexError, ValueError) as exc:  # a saved index at odds with the store: build it whole
            log.warning("graph index of %s: the update failed (%r); building it whole", self.store.url, exc)
            outcome = f"the update failed ({exc!r})"
        if isinstance(outcome, str):
            self.path, self.why_whole = "whole", outcome
            build_index(self.store, self.folder, generation, self.load_lists(), self.as_of, self.weigh,
                        self.max_hops, self.hop_factors, self.links)
        else:
            self.path, self.why_whole = "incremental", None
        seconds = round(time.perf_counter() - t0, 2)
        log.info("graph index of %s: %s build in %.1f s%s", self.store.url, self.path, seconds,
                 f" ({self.why_whole})" if self.why_whole else "")
        # beside the folder, not in it: an updated index's files equal a whole build's
        replace_text(self.folder.with_name(self.folder.name + ".build.json"), json.dumps(
            {"path": self.path, "why_whole": self.why_whole, "seconds": seconds, "generation": generation}))
        self.rebuilt = True
        if self.links is not None:
            self.links.save()
        pg = load(self.folder)
        if pg is not None:
            return pg
        raise OSError("the graph index could not be written")  # the caller falls back to the graph in memory
