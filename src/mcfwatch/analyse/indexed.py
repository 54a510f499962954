"""Exposure from the persisted graph index: the whole graph is never loaded into Python objects.

1. open the index (graph/persisted.py): memory-mapped arrays, rebuilt only when the store generation, the list
   versions, the date or the rules changed;
2. find the partner through the store's name index, ranked as ``Graph.find`` ranks (most edges first);
3. search its paths over the saved arrays: the same search over the same arrays as the graph built in memory;
4. read from the store only the neighbourhood the result talks about (graph/local.py) and compute the result
   there with the Analyst's own code (``Analyst.exposure_on``).
A name the store's name index does not find (a spelling only the matcher recognises, or an unknown partner)
returns None: the caller then takes the whole-graph path, which answers those the same way as before.
``MCFWATCH_GRAPH_CACHE=0`` switches all of this off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, overload

from mcfwatch import settings
from mcfwatch.analyse.exposure import TECH_TEXTS_PER_NODE
from mcfwatch.analyse.paths import hop_factors, to_paths
from mcfwatch.analyse.patterns import detect_all
from mcfwatch.graph.cachedir import cache_dir
from mcfwatch.graph.listings import LinkCache
from mcfwatch.graph.listkeys import ListsManifest, lists_key, manifest, saved_manifest
from mcfwatch.graph.local import closed_set, local_graph
from mcfwatch.graph.persisted import GraphCache, PersistedGraph
from mcfwatch.model.keys import name_key

if TYPE_CHECKING:
    from mcfwatch.analyse.exposure import Analyst


def lists_manifest(a: Analyst) -> ListsManifest | None:
    """The identity and versions of the analyst's lists, without parsing them when the manifest is current;
    None when the persisted index is switched off or there is no store."""
    if a.store is None or settings.GRAPH_CACHE.get() == "0":
        return None
    if a._manifest is None:
        if a._lists is not None:  # given, or parsed already
            a._manifest = ListsManifest(lists_key(a._lists, a.as_of),
                                        [{"list": wl.id, "title": wl.title, "version": wl.version} for wl in a._lists])
        else:
            exclude = settings.EXCLUDE_NONCOMMERCIAL.get() == "1"  # as default_lists reads it
            folder = cache_dir(a.store.url)
            if a.index_builder is not None and folder is not None and saved_manifest(folder, a.as_of, exclude) is None:
                a.index_builder(a.as_of)  # another process writes it (a server: api/indexer.py), not parsed here
            a._manifest = manifest(folder, a.as_of, exclude, lambda: a.lists)
    found: ListsManifest = a._manifest
    return found


def graph_cache(a: Analyst) -> GraphCache | None:
    """The analyst's persisted index (made once per Analyst), or None when switched off or storeless."""
    known = lists_manifest(a)
    if known is None or a.store is None:
        return None
    if a._index is None:
        rule = a.rules.one("exposure")
        a._index = GraphCache(a.store, known.key, lambda: a.lists, a.as_of, a.weigh, a.max_hops, hop_factors(rule),
                              dict(rule.params) if rule else {}, builder=a.index_builder)
    cache: GraphCache = a._index
    return cache


class LazyLists(Sequence[Any]):
    """The analyst's lists, parsed only if a node's listings are not in the link cache."""

    def __init__(self, a: Analyst) -> None:
        self.a = a

    def __len__(self) -> int:
        return len(self.a.lists)

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Any]: ...
    def __getitem__(self, i: int | slice) -> Any:
        return self.a.lists[i]


def link_cache(a: Analyst) -> LinkCache | None:
    """The store's screening-hits cache for the analyst's lists, for a whole-graph build too."""
    cache = graph_cache(a)
    return cache.links if cache is not None else None


_OPENED: dict[str, PersistedGraph] = {}  # folder -> index, for processes that answer many queries (the API)


def open_index(cache: GraphCache) -> PersistedGraph | None:
    key = str(cache.folder)
    pg = _OPENED.get(key)
    if pg is not None and pg.generation == cache.store.generation():
        return pg
    try:
        pg = cache.open()
    except OSError:
        return None
    if len(_OPENED) > 8:
        _OPENED.clear()
    _OPENED[key] = pg
    return pg


def find_position(a: Analyst, pg: PersistedGraph, name: str) -> int | None:
    """The node ``Analyst.find`` would pick, found by the store's name index: among exact names, the node
    with most edges (then by id); else the first entity whose name contains the text."""
    assert a.store is not None
    found = a.store.find(name)
    if not found:
        return None
    key = name_key(name)
    exact = [e for e in found if any(name_key(n) == key for n in e.names)]
    if exact:
        ranked = sorted((-int(pg.degree[p]), e.id, p) for e in exact if (p := pg.pos(e.id)) is not None)
        return ranked[0][2] if ranked else None
    return pg.pos(found[0].id)


def indexed_exposure(a: Analyst, name: str, limit: int) -> dict[str, Any] | None:
    cache = graph_cache(a)
    if cache is None or a.store is None:
        return None
    pg = open_index(cache)
    if pg is None:
        return None
    start = find_position(a, pg, name)
    if start is None:
        return None
    raw, complete = pg.index.paths(start, limit=limit)
    closed = closed_set(pg, start, {n for rp in raw for n in rp.nodes}, a.store)
    hops = {e for rp in raw for e in rp.edges}
    g = local_graph(a.store, pg, closed, start, hops, TECH_TEXTS_PER_NODE, LazyLists(a), a.as_of, a.weigh,
                    a.max_hops, cache.links)
    edges = {e.id: e for e in g.edges}
    paths = to_paths(raw, lambda i: g.node(pg.id_of(i)), lambda e: edges[pg.edge_id(e)])
    node = g.node(pg.id_of(start))
    return a.exposure_on(g, detect_all(g), node, paths, complete)
