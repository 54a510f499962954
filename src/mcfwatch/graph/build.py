"""Build the in-memory graph from a store: resolved nodes, evidenced edges, list memberships, roles.

Order of work (each step pure over the rows read at the start):
1. nodes are the store's canonical entities: the store's one fold (merges, confirmed and split merges);
2. edges are the store's active relations (rejected ones left out, ends folded), kept when valid on ``as_of``;
3. compose "took part in an event organised by X" into one edge participant -> X (events are not path nodes);
4. link nodes to list entries active on ``as_of``; mark roles (listed, military, MCF-linked) with evidence.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from mcfwatch.graph.compose import Around, compose_events
from mcfwatch.graph.forces import mcf_target, military_end
from mcfwatch.graph.graph import Flag, Graph
from mcfwatch.graph.index import GraphIndex
from mcfwatch.graph.listings import LinkCache, link_listings
from mcfwatch.graph.model import Edge, Evidence, Node
from mcfwatch.model.schema import SCHEMA
from mcfwatch.store import Fold, Store

# Never an intermediate nor an end of an exposure path: sharing a country, an event or a policy is not a tie.
BLOCKED_TYPES = {"Place", "Event", "Program", "Technology"}
MCF_WORDS = re.compile(r"military[- ]civil(ian)? fusion|civil[- ]military integration|军民融合|軍民融合", re.I)

Weigher = Callable[[Edge], float]


@dataclass(slots=True)
class StoreRows:
    entities: list[dict[str, Any]]
    names: list[tuple[str, str]]
    relations: list[dict[str, Any]]
    fold: Fold


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a graph is built: the build makes millions of objects
    and no cycles, and the collector would walk every live object again each time a generation fills (a
    quarter of a neighbourhood's time on the 1M store). Another thread building at once only delays the
    collection; the collector is switched back on only if it was on."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_store(store: Store) -> StoreRows:
    return StoreRows(store.entity_rows(), store.names(), store.relations(), store.fold())


def on_or_before(date: str | None, as_of: str | None) -> bool:
    """A (possibly partial) ISO date lies on or before as_of; unknown dates are kept."""
    return as_of is None or date is None or date[: len(as_of)] <= as_of


def _edge(r: dict[str, Any]) -> Edge:
    ev = Evidence(
        document=r["document_id"], start=r["ev_start"], end=r["ev_end"], text=r["ev_text"],
        title=r.get("document_title"), url=r.get("document_url"), path=r.get("document_path"),
        opening=r.get("document_opening"),
    )
    return Edge(
        id=r["id"], source=r["source_id"], target=r["target_id"], type=r["type"], evidence=ev,
        subtype=r["subtype"], date=r["date"], date_end=r["date_end"], subject=r["subject"],
        confidence=float(r["confidence"]), method=r["method"], directed=SCHEMA.relation_types[r["type"]].directed,
        parts=(r["id"],),
    )


def fact_key(e: Edge) -> tuple[Any, ...]:
    """What makes two edges tellings of one fact: type, subtype and ends (either way round when undirected)."""
    ends = (e.source, e.target) if e.directed else tuple(sorted((e.source, e.target)))
    return (e.type, e.subtype, ends)


def corroborate(edges: list[Edge]) -> list[Edge]:
    """The same relation stated by other documents (an English and a Chinese report of one agreement) is
    further evidence of each edge: a path through one shows the others' quotes beside its own.

    Each edge's further evidence is its group's evidence in edge order, less that of its own document. The
    tuple is made once per (group, document) by slicing, not by a scan per edge: on a store where one fact is
    told in hundreds of documents the scan per edge was quadratic in the tellings."""
    groups: dict[tuple[Any, ...], list[int]] = {}
    for i, e in enumerate(edges):
        groups.setdefault(fact_key(e), []).append(i)
    out = list(edges)
    for members in groups.values():
        if len(members) < 2:
            continue
        evidence = tuple(edges[i].evidence for i in members)
        by_doc: dict[str, list[int]] = {}
        for j, ev in enumerate(evidence):
            by_doc.setdefault(ev.document, []).append(j)
        if len(by_doc) < 2:
            continue  # all told by one document: nothing further
        for doc, own in by_doc.items():
            first, last = own[0], own[-1]
            if last - first + 1 == len(own):  # its document's edges are adjacent in the group: two slices
                others = evidence[:first] + evidence[last + 1:]
            else:
                others = tuple(ev for ev in evidence if ev.document != doc)
            for j in own:
                e = edges[members[j]]
                out[members[j]] = replace(e, also=e.also + others)
    return out


def _flags(g: Graph) -> None:
    for node in g.nodes:
        if node.listings:
            g.flags[node.id].extend(Flag("listed", listing=lst) for lst in node.listings)
        if military_end(node.type, node.name):
            g.flags[node.id].append(Flag("military"))
    flagged: dict[str, set[Evidence]] = defaultdict(set)  # evidence already flagged per node: one set lookup,
    for e in sorted(g.edges, key=lambda e: e.method != "composed"):  # not a scan (a fact told 1,000 times)
        if e.type == "mcf_link" and mcf_target(g.node(e.target).type, g.node(e.target).name):
            g.flags[e.source].append(Flag("mcf_link", edge=e))
            flagged[e.source].add(e.evidence)
        elif _is_mcf_event(g, e) and e.evidence not in flagged[e.source]:
            g.flags[e.source].append(Flag("mcf_event", edge=e))
            flagged[e.source].add(e.evidence)


def _is_mcf_event(g: Graph, e: Edge) -> bool:
    """Took part in an event organised by a military body, or in an event named for military-civil fusion."""
    if e.type != "participation":
        return False
    target = g.node(e.target)
    if e.via is not None:
        return military_end(target.type, target.name)
    return target.type == "Event" and bool(MCF_WORDS.search(target.name))


def build_graph(
    store: Store,
    lists: Sequence[Any] = (),
    as_of: str | None = None,
    weigh: Weigher | None = None,
    max_hops: int = 4,
    link_cache: LinkCache | None = None,
) -> Graph:
    """The graph as of a date, with every analyst overlay applied."""
    with collector_paused():
        return build_from_rows(read_store(store), lists, as_of, weigh, max_hops, link_cache)


def _read_listings(nodes: dict[str, Node], edges: list[Edge], around: Around) -> list[Node]:
    """The nodes of a neighbourhood whose listings its answer reads: its closed nodes (roles, findings, the
    timeline) and their owners (rating.py's defence-conglomerate rule). Looking up the others' listings was
    one link-cache read each: 6,345 for the 1M store's hub, of which ~200 are read."""
    owners = {e.source for e in edges if e.type == "ownership" and e.target in around.nodes}
    return [n for nid, n in nodes.items() if nid in around.nodes or nid in owners]


def make_nodes(rows: StoreRows) -> dict[str, Node]:
    """The canonical entities of these rows, with their members and names, in the order of their ids."""
    by_id = {e["id"]: e for e in rows.entities}
    nodes: dict[str, Node] = {}
    for e in rows.entities:  # sorted by id
        r = rows.fold.canonical(e["id"])
        if r not in nodes:
            rep = by_id[r]
            nodes[r] = Node(id=r, name=rep["name"], type=rep["type"])
        nodes[r].members.append(e["id"])
    for eid, name in rows.names:
        node = nodes[rows.fold.canonical(eid)]
        if name not in node.names:
            node.names.append(name)
    return nodes


def plain_edges(rows: StoreRows, as_of: str | None) -> list[Edge]:
    """The relations valid on as_of as edges, in the rows' order (before corroboration)."""
    return [_edge(r) for r in rows.relations if on_or_before(r["date"] or r["document_published"], as_of)]


def build_from_rows(
    rows: StoreRows,
    lists: Sequence[Any] = (),
    as_of: str | None = None,
    weigh: Weigher | None = None,
    max_hops: int = 4,
    link_cache: LinkCache | None = None,
    around: Around | None = None,
) -> Graph:
    """The graph over these rows: all of the store's (build_graph), or one neighbourhood (graph/local.py).

    Rows must come in the store's orders (entities by id, names by entity and name, relations as
    ``Store.relations`` sorts them): a neighbourhood then lists each node's edges in the same order as the
    whole graph does. With ``around`` (a neighbourhood), only the composed edges it asks for are made and the
    graph gets no search index: its paths come from the whole graph's index."""
    nodes = make_nodes(rows)
    edges = corroborate(plain_edges(rows, as_of))
    edges += compose_events(nodes, edges, around)
    link_listings(nodes.values() if around is None else _read_listings(nodes, edges, around), lists, as_of,
                  rows.fold.decisions.rejected_listings, link_cache)
    if around is not None:
        g = Graph(nodes=list(nodes.values()), edges=edges)
        _flags(g)
        return g
    return assemble(list(nodes.values()), edges, weigh or (lambda e: e.confidence), max_hops)


def assemble(nodes: list[Node], edges: list[Edge], weigh: Weigher, max_hops: int = 4) -> Graph:
    g = Graph(nodes=nodes, edges=edges)
    _flags(g)
    n = len(nodes)
    terminal = np.zeros(n, dtype=bool)
    soft = np.zeros(n, dtype=bool)
    blocked = np.zeros(n, dtype=bool)
    for i, node in enumerate(nodes):
        kinds = {f.kind for f in g.flags[node.id]}
        terminal[i] = bool(kinds & {"listed", "military"})
        soft[i] = bool(kinds & {"mcf_link", "mcf_event"}) and not terminal[i]
        blocked[i] = node.type in BLOCKED_TYPES
    src = np.array([g.pos[e.source] for e in edges], dtype=np.int64)
    dst = np.array([g.pos[e.target] for e in edges], dtype=np.int64)
    w = np.array([min(1.0, max(1e-6, weigh(e))) for e in edges], dtype=np.float64)
    g.index = GraphIndex(n, src, dst, w, terminal, soft, blocked, max_hops=max_hops)
    return g
