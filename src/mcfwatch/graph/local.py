"""One neighbourhood of the graph, built from the store's rows for it alone, for one partner's exposure.

The whole graph's search index (graph/persisted.py) finds the paths; what an exposure result says about the
partner and the entities on its paths (their edges in order, roles, listings, patterns, composed event edges)
is computed on a Graph built by the same code (``build_from_rows``) over the rows of a closed neighbourhood:

Invariant: every node in ``closed`` has all its edges in the neighbourhood, and so has every event next to
one of them (so its composed "took part in an event organised by X" edges and MCF-event roles are complete).
Rows come in the store's orders, so each such node lists its edges in the same order as in the whole graph.
The closed set holds the partner, the nodes on its paths, and the parties a pattern about the partner reads
(patterns.py): the other ends of its agreements and facilitations, and who facilitated them or it.
When the partner is a place or public body with a friendship-city agreement with another, it also holds its and those
counterparts' office holders and helped firms, and every party next to these (patterns.py's friendship-city
follow-ups read their edges and flags); any other partner's neighbourhood is unchanged.

Of the composed event edges (graph/compose.py) only those the result reads are made: every one in which a
closed node takes part (the role flags and the paths come from these), every one the partner organised (all
its edges are read), and a closed node's first ``first`` as organiser (``first`` of its edges are read:
analyse/exposure.py's technology texts). An event with thousands of participants and hundreds of organisers
made most of a neighbourhood's edges from the pairs of parties the answer never reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from mcfwatch.graph.build import StoreRows, Weigher, build_from_rows, collector_paused
from mcfwatch.graph.compose import Around
from mcfwatch.graph.graph import Graph
from mcfwatch.graph.listings import LinkCache
from mcfwatch.graph.persisted import PersistedGraph
from mcfwatch.store import Store

GOVERNMENTS = {"Place", "PublicBody"}  # as analyse/patterns.py's GOVERNMENT_TYPES


def closed_set(pg: PersistedGraph, start: int, path_nodes: Iterable[int], store: Store | None = None) -> set[int]:
    """Node positions whose edges must all be read (see the module's invariant). Read from the index's arrays
    a node's neighbours at a time: a hub's tens of thousands of edges are not visited one by one.

    The index holds no relation subtype: with ``store``, the subtypes of the partner's few government agreements
    are read from it, and only a friendship-city counterpart widens the set (_friendship_counterparts); without
    it, every government agreement counterpart does (a superset: the same answers, more rows read)."""
    ix = pg.index
    rtype = pg.relation_types
    deal = np.array([rtype.index(t) for t in ("agreement", "facilitation") if t in rtype], dtype=pg.edge_type.dtype)
    helped = np.array([rtype.index("facilitation")] if "facilitation" in rtype else [], dtype=pg.edge_type.dtype)
    event = pg.types.index("Event") if "Event" in pg.types else -1

    def around(c: int) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        a, b = int(ix.indptr[c]), int(ix.indptr[c + 1])
        return np.asarray(ix.nbr[a:b]), np.asarray(ix.eid[a:b])

    nbr, eid = around(start)
    companies = {start, *np.unique(nbr[np.isin(pg.edge_type[eid], deal)]).tolist()}
    agreement = rtype.index("agreement") if "agreement" in rtype else -1
    twinned = _friendship_counterparts(pg, start, nbr, eid, agreement, store) \
        if pg.type_of(start) in GOVERNMENTS else []
    closed = {start, *path_nodes} | companies
    for c in companies:  # who facilitated the partner or its counterparts (delegations, governments)
        nbr, eid = around(c)
        closed.update(np.unique(nbr[np.isin(pg.edge_type[eid], helped) & (pg.edge_dst[eid] == c)]).tolist())
    if twinned:  # a government with a government counterpart: its friendship-city follow-ups (patterns.py)
        closed |= _government_sides(pg, [start, *twinned], around)
    for c in list(closed):
        nbr, _ = around(c)
        closed.update(np.unique(nbr[pg.node_type[nbr] == event]).tolist())
    return closed


def _friendship_counterparts(
    pg: PersistedGraph, start: int, nbr: npt.NDArray[Any], eid: npt.NDArray[Any], agreement: int, store: Store | None,
) -> list[int]:
    """The partner's government counterparts by a friendship-city agreement (patterns.py's programmes): a city or
    ministry with MoUs with "China" (a Place hub) or with many governments no longer closes over most of the
    graph. An agreement the store does not return (an edge of several relations) is kept: a superset is safe."""
    pick = (pg.edge_type[eid] == agreement) & (nbr != start)
    pairs = [(int(c), int(e)) for c, e in zip(nbr[pick], eid[pick], strict=True) if pg.type_of(int(c)) in GOVERNMENTS]
    if store is not None and pairs:
        keys = {pg.edge_id(e) for _, e in pairs}
        other = {r["id"] for r in store.relations(ids=keys) if r["subtype"] != "friendship_city"}
        pairs = [(c, e) for c, e in pairs if pg.edge_id(e) not in other]
    return sorted({c for c, _ in pairs})


def _government_sides(
    pg: PersistedGraph, governments: list[int],
    around: Callable[[int], tuple[npt.NDArray[Any], npt.NDArray[Any]]],
) -> set[int]:
    """The governments (the partner, a place or public body, and its government agreement counterparts), the
    persons holding a position in each and the firms each helped, and the parties at the other end of all their
    edges: what analyse/patterns.py's friendship_city_followups reads (their edges, and the others' flags)."""
    rtype, types = pg.relation_types, pg.types
    position = rtype.index("position") if "position" in rtype else -1
    helped = rtype.index("facilitation") if "facilitation" in rtype else -1
    person = types.index("Person") if "Person" in types else -1
    sides = set(governments)
    for c in governments:
        nbr, eid = around(c)
        kind = pg.edge_type[eid]
        holders = (kind == position) & (pg.edge_dst[eid] == c) & (pg.node_type[nbr] == person)
        sides.update(np.unique(nbr[holders | ((kind == helped) & (pg.edge_src[eid] == c))]).tolist())
    out = set(sides)
    for c in sides:
        nbr, _ = around(c)
        out.update(np.unique(nbr).tolist())
    return out


def local_graph(
    store: Store, pg: PersistedGraph, closed: set[int], partner: int, hops: Iterable[int], first: int,
    lists: Sequence[Any], as_of: str | None, weigh: Weigher, max_hops: int, links: LinkCache | None,
) -> Graph:
    """The graph over every relation touching a closed node, with the nodes at their other ends, and the
    composed edges the module's docstring names (the partner and the closed set are node positions)."""
    with collector_paused():
        return _local_graph(store, pg, closed, partner, hops, first, lists, as_of, weigh, max_hops, links)


def _local_graph(
    store: Store, pg: PersistedGraph, closed: set[int], partner: int, hops: Iterable[int], first: int,
    lists: Sequence[Any], as_of: str | None, weigh: Weigher, max_hops: int, links: LinkCache | None,
) -> Graph:
    fold = store.fold()
    members: dict[str, list[str]] = {}
    for loser, root in fold.root.items():
        members.setdefault(root, []).append(loser)
    roots = {pg.id_of(p) for p in closed}
    pairs = {(pg.id_of(int(pg.edge_src[e])), pg.id_of(int(pg.edge_dst[e]))) for e in hops}
    around = Around(nodes=frozenset(roots), whole=frozenset({pg.id_of(partner)}), pairs=pairs, first=first)
    relations = store.relations(members=_members(roots, members))
    roots |= {r["source_id"] for r in relations} | {r["target_id"] for r in relations}
    ids = _members(roots, members)
    rows = StoreRows(entities=store.entity_rows(ids), names=store.names(ids), relations=relations, fold=fold)
    return build_from_rows(rows, lists, as_of, weigh, max_hops, links, around)


def _members(roots: set[str], members: dict[str, list[str]]) -> set[str]:
    return roots | {m for r in roots for m in members.get(r, ())}

