"""Adding documents to a saved graph index without building it again.

After a write, a whole build reads every row and composes every event's edges again (75 s and 4.8 GiB on the
1M-relation store) though one document changed a few of them. When the store differs from the state the
saved index records only by added documents (graph/storestate.py ``only_added``: no merge, undo, decision or
deleted row since), this reads only the added rows and re-derives only what they touch:
- new entities become nodes at the positions a whole build gives them (by first member id);
- new relations are merged into the relations' order (``Store.relations``: date, document, evidence start,
  id), by binary search over the sort keys the index keeps (``inc_*`` arrays, graph/whole.py);
- only the events a new participation or organiser telling points to are composed again (read from the
  store, composed as graph/compose.py composes them); every other event's composed edges are kept, only
  renumbered, and the events' blocks are put in the composition's order again (by first participation);
- only entities that gained a name (new ones included) are screened again (through the link cache);
- military-civil fusion flags only grow; the search index (CSR order, bounds) is made again from the arrays.

Invariant: the files written equal those a whole build (graph/whole.py ``build_index``) writes for the same
store state, apart from the build id (tests/analyse/test_incremental_index.py compares them file by file).
Anything else (a merge, a decision, a deleted or replaced document, another list version or date, which
give another index folder) takes the whole build; ``update_index`` then says why.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from mcfwatch.graph.build import (
    BLOCKED_TYPES,
    MCF_WORDS,
    StoreRows,
    Weigher,
    collector_paused,
    make_nodes,
    plain_edges,
)
from mcfwatch.graph.cachedir import read_array, read_meta
from mcfwatch.graph.compose import composed, event_pairs
from mcfwatch.graph.forces import mcf_target, military_end
from mcfwatch.graph.index import GraphIndex
from mcfwatch.graph.listings import LinkCache, link_listings
from mcfwatch.graph.model import Edge, Node
from mcfwatch.graph.persisted import PersistedGraph, save_arrays
from mcfwatch.graph.storestate import ADDED_ONLY, added_ids, only_added, store_state
from mcfwatch.graph.whole import Built
from mcfwatch.store import Fold, Store

log = logging.getLogger("mcfwatch.index")
EVENT_TYPES = ("participation", "organizer")  # the relations an event's composed edges are made of


class LazyLists(Sequence[Any]):
    """The lists, loaded only when a name is not in the link cache (parsing them takes seconds)."""

    def __init__(self, load: Callable[[], Sequence[Any]]) -> None:
        self.load = load
        self.lists: Sequence[Any] | None = None

    def _get(self) -> Sequence[Any]:
        if self.lists is None:
            self.lists = self.load()
        return self.lists

    def __len__(self) -> int:
        return len(self._get())

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Any]: ...
    def __getitem__(self, i: int | slice) -> Any:
        return self._get()[i]


class _SortKeys:
    """The saved relations' sort keys (``Store.relations``' order), as tuples for a binary search."""

    def __init__(self, folder: Path, ids: npt.NDArray[Any]) -> None:
        # read whole (tens of MB): a binary search over cold memory-mapped pages waits on the disk at every step
        self.date, self.doc = np.array(read_array(folder, "inc_date")), np.array(read_array(folder, "inc_doc"))
        self.start, self.ids = np.array(read_array(folder, "inc_start")), np.array(ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i: int) -> tuple[bytes, bytes, int, bytes]:
        return bytes(self.date[i]), bytes(self.doc[i]), int(self.start[i]), bytes(self.ids[i])


def sort_key(e: Edge) -> tuple[bytes, bytes, int, bytes]:
    # SQLite orders NULL first and text by its UTF-8 bytes: an empty date, then bytes, order the same
    return (e.date or "").encode(), e.evidence.document.encode(), e.evidence.start, e.id.encode()


def fit(arr: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Byte strings as wide as the longest, as ``persisted.bytes_array`` makes them (``S1`` when empty)."""
    if not len(arr):
        return np.zeros(0, dtype="S1")
    width = arr.dtype.itemsize
    raw = np.ascontiguousarray(arr).view(np.uint8).reshape(len(arr), width)
    used = np.nonzero(raw.any(axis=0))[0]  # ids hold no NUL byte: the last column used is the longest's end
    fitted = int(used[-1]) + 1 if len(used) else 1
    return arr if fitted == width else arr.astype(f"S{fitted}")


def insert_bytes(arr: npt.NDArray[Any], at: npt.NDArray[Any], values: list[bytes]) -> npt.NDArray[Any]:
    """np.insert for byte strings, widened first so that no value is cut."""
    width = max([arr.dtype.itemsize if len(arr) else 1, 1, *(len(v) for v in values)])
    return np.insert(arr.astype(f"S{width}"), at, np.array(values, dtype=f"S{width}"))


def update_index(
    store: Store, old: PersistedGraph, folder: Path, generation: int, lists: Callable[[], Sequence[Any]],
    as_of: str | None, weigh: Weigher, max_hops: int, hop_factors: tuple[float, ...], links: LinkCache | None,
) -> Built | str:
    """Write to folder the index of the store now, from the saved index ``old`` and the rows added since it
    was built; or, writing nothing, say why a whole build is needed."""
    meta = read_meta(old.folder)
    if meta is None or "plain" not in meta:
        return "the saved index keeps no sort keys (written by an older version)"
    state = store_state(store)
    why = only_added(meta.get("state"), state, store)
    if why is not None or state is None:
        return why or "no store state"
    with collector_paused():
        return _update(store, old, meta, state, folder, generation, LazyLists(lists), as_of, weigh, max_hops,
                       hop_factors, links)


def _update(
    store: Store, old: PersistedGraph, meta: dict[str, Any], state: dict[str, Any] | None, folder: Path, generation: int,
    lists: Sequence[Any], as_of: str | None, weigh: Weigher, max_hops: int, hop_factors: tuple[float, ...],
    links: LinkCache | None,
) -> Built | str:
    assert state is not None
    span = {table: (meta["state"][table][1], state[table][1]) for table in ("entities", "names", "relations")}
    fold = store.fold()
    fresh = added_ids(store, "entities", "id", *span["entities"])
    if any(e in fold.root for e in fresh):
        return "an added entity is merged"
    nodes = _Nodes(store, old, fold, fresh)
    if nodes.why:
        return nodes.why
    rows = store.relations(ids=added_ids(store, "relations", "id", *span["relations"]))
    new_edges = plain_edges(StoreRows([], [], rows, fold), as_of)
    names = {r[end + "_id"]: (r[end + "_name"], r[end + "_type"]) for r in rows for end in ("source", "target")}

    # relations: the saved ones renumbered, the new ones merged in by their sort keys
    plain = int(meta["plain"])
    keys = _SortKeys(old.folder, old.edge_key[:plain])
    at = np.array([bisect.bisect_left(keys, sort_key(e)) for e in new_edges], dtype=np.int64)
    moved = np.arange(plain) + np.searchsorted(at, np.arange(plain), side="right")
    rtypes = sorted(set(old.relation_types) | {e.type for e in new_edges})
    rcode = np.array([rtypes.index(t) for t in old.relation_types] or [0], dtype=np.int16)
    p_ids = insert_bytes(keys.ids, at, [e.id.encode() for e in new_edges])
    p_src = np.insert(nodes.moved[old.edge_src[:plain]], at, [nodes.at(e.source) for e in new_edges])
    p_dst = np.insert(nodes.moved[old.edge_dst[:plain]], at, [nodes.at(e.target) for e in new_edges])
    p_type = np.insert(rcode[old.edge_type[:plain]], at, [rtypes.index(e.type) for e in new_edges])
    p_w = np.insert(np.asarray(old.index.weight[:plain]), at, [min(1.0, max(1e-6, weigh(e))) for e in new_edges])
    more = {
        "inc_date": insert_bytes(keys.date, at, [sort_key(e)[0] for e in new_edges]),
        "inc_doc": insert_bytes(keys.doc, at, [e.evidence.document.encode() for e in new_edges]),
        "inc_start": np.insert(np.asarray(keys.start), at, [e.evidence.start for e in new_edges]).astype(np.int64),
    }

    # flags and listings
    flagged = np.zeros(nodes.n, dtype=bool)
    flagged[nodes.moved] = read_array(old.folder, "inc_flagged")
    touched: set[int] = set()
    for e in new_edges:
        to_event = names[e.target][1] == "Event"
        if (e.type == "mcf_link" and mcf_target(names[e.target][1], names[e.target][0])) or (
                e.type == "participation" and to_event and MCF_WORDS.search(names[e.target][0])):
            flagged[nodes.at(e.source)] = True  # as whole.py flags
        if e.type in EVENT_TYPES and to_event:
            touched.add(nodes.at(e.target))
    terminal = np.zeros(nodes.n, dtype=bool)
    terminal[nodes.moved] = old.index.terminal
    for node in nodes.screened(span["names"], lists, as_of, links):
        terminal[nodes.at(node.id)] = bool(node.listings) or military_end(node.type, node.name)

    # composed edges: the touched events' composed again, the others' kept; blocks by first participation
    events = np.array(sorted(touched), dtype=np.int64)
    kept = _kept(old, plain, nodes.moved, moved, p_dst, events)
    made = _compose(store, fold, events, nodes, p_ids, p_dst, p_type, rtypes, as_of, weigh, flagged)
    if isinstance(made, str):
        return made
    c_ids = np.concatenate([kept[0], made[0]]) if len(made[0]) else kept[0]
    parts = [np.concatenate([a, b]) for a, b in zip(kept[1:], made[1:], strict=True)]
    first = np.full(nodes.n, -1, dtype=np.int64)  # each event's first participation (the composition's order)
    event = nodes.code("Event")
    if "participation" in rtypes and event is not None:
        idx = np.nonzero((p_type == rtypes.index("participation")) & (nodes.node_type[p_dst] == event))[0]
        firsts, where = np.unique(p_dst[idx], return_index=True)
        first[firsts] = idx[where]
    order = np.argsort(first[p_dst[parts[3]]], kind="stable")
    c_ids = c_ids[order]
    c_src, c_dst, c_w, c_part, c_org = (a[order] for a in parts)

    # the whole index, as whole.py writes it
    src = np.concatenate([p_src, c_src]).astype(np.int32)
    dst = np.concatenate([p_dst, c_dst]).astype(np.int32)
    etype = np.concatenate([p_type, np.full(len(c_ids), rtypes.index("participation") if len(c_ids) else 0)])
    blocked = np.isin(nodes.node_type, [i for i, t in enumerate(nodes.types) if t in BLOCKED_TYPES])
    index = GraphIndex(nodes.n, src, dst, np.concatenate([p_w, c_w]).astype(np.float64), terminal,
                       flagged & ~terminal, blocked, max_hops=max_hops, hop_factors=hop_factors)
    more |= {"inc_part": c_part.astype(np.int32), "inc_org": c_org.astype(np.int32), "inc_flagged": flagged}
    edge_key = fit(np.concatenate([p_ids, c_ids])) if len(src) else np.zeros(0, dtype="S1")
    if store_state(store, counted=False) != {**state, **{t: [None, state[t][1]] for t in ADDED_ONLY}}:
        state = None  # written to meanwhile: what was read may hold more than the state says; the next build is whole
    save_arrays(folder, generation, {"nodes": nodes.n, "edges": len(src), "plain": len(p_ids), "state": state},
                nodes.node_id, nodes.node_type, nodes.types, edge_key, src, dst, etype.astype(np.int16), rtypes,
                index, more)
    log.info("graph index: incremental update, %d relations and %d entities added, %d events composed again",
             len(new_edges), len(nodes.fresh), len(touched))
    return Built(nodes.n, len(src))


Arrays = tuple[npt.NDArray[Any], npt.NDArray[Any], npt.NDArray[Any], npt.NDArray[Any], npt.NDArray[Any],
               npt.NDArray[Any]]


def _kept(old: PersistedGraph, plain: int, node_moved: npt.NDArray[Any], plain_moved: npt.NDArray[Any],
          p_dst: npt.NDArray[Any], events: npt.NDArray[Any]) -> Arrays:
    """The saved composed edges of the events not composed again, renumbered: (ids, src, dst, weights, the
    participation's and the organiser's relation)."""
    part = plain_moved[read_array(old.folder, "inc_part")]
    keep = ~np.isin(p_dst[part], events) if len(events) else np.ones(len(part), dtype=bool)
    org = plain_moved[read_array(old.folder, "inc_org")]
    return (old.edge_key[plain:][keep], node_moved[old.edge_src[plain:][keep]],
            node_moved[old.edge_dst[plain:][keep]], np.asarray(old.index.weight[plain:])[keep], part[keep], org[keep])


def _compose(
    store: Store, fold: Fold, events: npt.NDArray[Any], nodes: _Nodes, p_ids: npt.NDArray[Any],
    p_dst: npt.NDArray[Any], p_type: npt.NDArray[Any], rtypes: list[str], as_of: str | None, weigh: Weigher,
    flagged: npt.NDArray[Any],
) -> Arrays | str:
    """The composed edges of these events, made from their relations in the store as whole.py makes them."""
    ids: list[bytes] = []
    src: list[int] = []
    dst: list[int] = []
    weights: list[float] = []
    part: list[int] = []
    org: list[int] = []
    if len(events):
        wanted = {bytes(nodes.node_id[e]).decode() for e in events}
        members = {m for e in wanted for m in fold.members(e)}
        rows = [r for r in store.relations(members=members) if r["type"] in EVENT_TYPES and r["target_id"] in wanted]
        edges = plain_edges(StoreRows([], [], rows, fold), as_of)
        codes = [rtypes.index(t) for t in EVENT_TYPES if t in rtypes]
        idx = np.nonzero(np.isin(p_dst, events) & np.isin(p_type, codes))[0]
        if [e.id.encode() for e in edges] != p_ids[idx].tolist():
            return "the relations of an event changed during the update"
        plain = {e.id: int(i) for e, i in zip(edges, idx, strict=True)}
        sub: dict[str, Node] = {}
        for r in rows:
            for end in ("source", "target"):
                sub.setdefault(r[end + "_id"], Node(id=r[end + "_id"], name=r[end + "_name"], type=r[end + "_type"]))
        at = {nid: nodes.at(nid) for nid in sub}  # one search each: a hub event composes millions of edges
        memo: dict[tuple[float, str | None], float] = {}
        for event, p, o in event_pairs(sub, edges):
            ids.append(f"{p.id}+{o.id}".encode())
            src.append(at[p.source])
            dst.append(at[o.source])
            part.append(plain[p.id])
            org.append(plain[o.id])
            key = (min(p.confidence, o.confidence), p.date or o.date)
            weight = memo.get(key)
            if weight is None:
                weight = memo[key] = min(1.0, max(1e-6, weigh(composed(event, p, o))))
            weights.append(weight)
            if military_end(sub[o.source].type, sub[o.source].name):
                flagged[src[-1]] = True
    return (np.array(ids, dtype=bytes) if ids else np.zeros(0, dtype="S1"), np.array(src, dtype=np.int64),
            np.array(dst, dtype=np.int64), np.array(weights, dtype=np.float64), np.array(part, dtype=np.int64),
            np.array(org, dtype=np.int64))


class _Nodes:
    """The nodes after the update: the saved ones moved up by the new ones inserted before them."""

    def __init__(self, store: Store, old: PersistedGraph, fold: Fold, fresh: list[str]) -> None:
        self.store, self.old, self.fold, self.fresh = store, old, fold, fresh
        self.why: str | None = None
        n_old = len(old.node_id)
        self.ids, self.order = np.array(old.node_id), np.array(old.order)  # in memory: searched once a new end
        # a whole build orders nodes by their first member's id (graph/build.py make_nodes)
        keys = self.ids.astype(object)
        for canonical, members in _members(fold).items():
            p = old.pos(canonical)
            if p is not None:
                keys[p] = min(canonical, *members).encode()
        if any(a >= b for a, b in zip(keys[:-1], keys[1:], strict=True)):
            self.why = "the saved nodes are not in their first members' order"
        typ = {r["id"]: r["type"] for r in store.entity_rows(fresh)} if fresh else {}
        self.types = sorted(set(old.types) | set(typ.values()))
        new = sorted(fresh)
        at = np.array([bisect.bisect_left(keys, e.encode()) for e in new], dtype=np.int64)
        self.moved = np.arange(n_old) + np.searchsorted(at, np.arange(n_old), side="right")
        self.new_pos = {e: int(a) + i for i, (e, a) in enumerate(zip(new, at, strict=True))}
        self.n = n_old + len(new)
        self.node_id = insert_bytes(np.asarray(old.node_id), at, [e.encode() for e in new])
        tcode = np.array([self.types.index(t) for t in old.types] or [0], dtype=np.int16)
        self.node_type = np.insert(tcode[old.node_type], at, [self.types.index(typ[e]) for e in new]).astype(np.int16)

    def code(self, node_type: str) -> int | None:
        return self.types.index(node_type) if node_type in self.types else None

    def at(self, node_id: str) -> int:
        """The position of a canonical id after the update."""
        p = self.new_pos.get(node_id)
        if p is not None:
            return p
        key = node_id.encode()
        i = int(np.searchsorted(self.ids, key, sorter=self.order))
        if i == len(self.order) or self.ids[self.order[i]] != key:
            raise KeyError(node_id)
        return int(self.moved[self.order[i]])

    def screened(self, names: tuple[int, int], lists: Sequence[Any], as_of: str | None,
                 links: LinkCache | None) -> list[Node]:
        """The nodes that gained a name (new ones too), with their listings (screened through the cache)."""
        named = added_ids(self.store, "names", "entity_id", *names)
        roots = {self.fold.canonical(e) for e in [*named, *self.fresh]}
        members = {m for r in roots for m in self.fold.members(r)}
        if not members:
            return []
        nodes = make_nodes(StoreRows(self.store.entity_rows(members), self.store.names(members), [], self.fold))
        link_listings(nodes.values(), lists, as_of, self.fold.decisions.rejected_listings, links)
        return list(nodes.values())


def _members(fold: Fold) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for member, root in fold.root.items():
        out.setdefault(root, []).append(member)
    return out
