"""The whole graph's search index, made from the store's rows without making the whole graph.

The persisted index (graph/persisted.py) holds only what a search reads: node ids and types, edge ids, ends,
types and weights, and node roles. ``build_graph`` makes every edge an object, composed ones too (8.45M of the
9.45M edges of the 1M store, most of a first call's time and memory), and gives every telling of a fact the
other tellings' quotes (``also``), which no array holds. Here the relations are edges as there, each composed
edge is only its entries in the arrays, and the roles follow the same rules as ``build.assemble``'s flags.

Invariant: the arrays written equal those ``persisted.save`` writes for ``build_graph``'s graph of the same
rows, lists, date and weigher (tests/analyse/test_whole_index.py compares them file by file). A weigher reads
only an edge's confidence, type, subtype and date (``analyse.paths.make_weigher``), so composed edges that
share those four are weighed once.

Beside the search arrays it writes what graph/incremental.py needs to add documents to this index later
(``inc_*`` arrays and the store's state, ``store_state``): each relation's sort key, each composed edge's
two relations, each node's military-civil fusion flag.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mcfwatch.graph.build import (
    BLOCKED_TYPES,
    MCF_WORDS,
    Weigher,
    collector_paused,
    make_nodes,
    plain_edges,
    read_store,
)
from mcfwatch.graph.compose import composed, event_pairs
from mcfwatch.graph.forces import mcf_target, military_end
from mcfwatch.graph.index import GraphIndex
from mcfwatch.graph.listings import LinkCache, link_listings
from mcfwatch.graph.persisted import bytes_array, save_parts
from mcfwatch.graph.storestate import store_state
from mcfwatch.store import Store


@dataclass(slots=True)
class Built:
    nodes: int
    edges: int


def build_index(
    store: Store, folder: Path, generation: int, lists: Sequence[Any], as_of: str | None, weigh: Weigher,
    max_hops: int, hop_factors: tuple[float, ...], links: LinkCache | None,
) -> Built:
    """Read the store, build the whole graph's index and write it to folder (as ``persisted.save`` would)."""
    with collector_paused():
        state = store_state(store)  # what the rows hold, for the next incremental update (graph/incremental.py)
        rows = read_store(store)
        if state is not None and store_state(store) != state:
            state = None  # written to meanwhile: the rows may hold more than the state says; the next build is whole
        nodes = make_nodes(rows)
        edges = plain_edges(rows, as_of)
        rejected = rows.fold.decisions.rejected_listings
        del rows
        link_listings(nodes.values(), lists, as_of, rejected, links)
        pos = {nid: i for i, nid in enumerate(nodes)}
        flagged = set()  # nodes with a military-civil fusion link or event: an end a path may pass through
        for e in edges:
            if e.type == "mcf_link":
                if mcf_target(nodes[e.target].type, nodes[e.target].name):
                    flagged.add(e.source)
            elif e.type == "participation":
                target = nodes[e.target]
                if target.type == "Event" and MCF_WORDS.search(target.name):
                    flagged.add(e.source)
        # compact columns: 9.45M edges on the 1M store (ids as bytes, ends and weights as C arrays)
        ids = [e.id.encode() for e in edges]
        src = array("i", [pos[e.source] for e in edges])
        dst = array("i", [pos[e.target] for e in edges])
        types = [e.type for e in edges]
        weights = array("d", [weigh(e) for e in edges])
        sort_keys = {  # the store's order of relations (Store.relations), so new ones can be merged in
            "inc_date": bytes_array([(e.date or "").encode() for e in edges]),
            "inc_doc": bytes_array([e.evidence.document.encode() for e in edges]),
            "inc_start": np.array([e.evidence.start for e in edges], dtype=np.int64),
        }
        plain = {e.id: i for i, e in enumerate(edges)}
        part, org = array("i"), array("i")
        memo: dict[tuple[float, str | None], float] = {}
        for event, p, o in event_pairs(nodes, edges):
            part.append(plain[p.id])
            org.append(plain[o.id])
            ids.append(f"{p.id}+{o.id}".encode())
            src.append(pos[p.source])
            dst.append(pos[o.source])
            types.append("participation")
            key = (min(p.confidence, o.confidence), p.date or o.date)
            weight = memo.get(key)
            if weight is None:
                weight = memo[key] = weigh(composed(event, p, o))
            weights.append(weight)
            if military_end(nodes[o.source].type, nodes[o.source].name):
                flagged.add(p.source)
        del edges
        listed = list(nodes.values())
        terminal = np.array([bool(n.listings) or military_end(n.type, n.name) for n in listed], dtype=bool)
        soft = np.array([n.id in flagged for n in listed], dtype=bool) & ~terminal
        blocked = np.array([n.type in BLOCKED_TYPES for n in listed], dtype=bool)
        w = np.clip(np.frombuffer(weights, dtype=np.float64), 1e-6, 1.0)
        del weights
        index = GraphIndex(len(listed), np.frombuffer(src, dtype=np.int32), np.frombuffer(dst, dtype=np.int32), w,
                           terminal, soft, blocked, max_hops=max_hops, hop_factors=hop_factors)
        more = {**sort_keys, "inc_part": np.frombuffer(part, dtype=np.int32),
                "inc_org": np.frombuffer(org, dtype=np.int32),
                "inc_flagged": np.array([n.id in flagged for n in listed], dtype=bool)}
        save_parts(folder, generation, {"nodes": len(listed), "edges": len(ids), "plain": len(sort_keys["inc_start"]), "state": state},
                   list(nodes), [n.type for n in listed], ids, np.frombuffer(src, dtype=np.int32),
                   np.frombuffer(dst, dtype=np.int32), types, index, more)
        return Built(len(listed), len(ids))
