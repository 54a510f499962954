"""Timelines: the dated events of an entity (or of a partner, its paths and why their entities are flagged),
in order, each with its quote and source. Undated events follow the dated ones, in the order their sources
tell them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mcfwatch.analyse.paths import Path
from mcfwatch.graph import Edge, Graph, Node
from mcfwatch.model.schema import SCHEMA


def describe(g: Graph, e: Edge) -> str:
    """'Lizhong Group agreement with Brunel University (joint lab)' in plain words."""
    label = SCHEMA.relation_types[e.type].label
    sub = f" ({e.subtype.replace('_', ' ')})" if e.subtype else ""
    subject = f" on {e.subject}" if e.subject else ""
    return f"{g.node(e.source).name} {label} {g.node(e.target).name}{sub}{subject}"


def event_dict(g: Graph, e: Edge) -> dict[str, Any]:
    return {
        "date": e.date, "date_end": e.date_end, "what": describe(g, e), "type": e.type, "subtype": e.subtype,
        "entities": [g.node(e.source).name, g.node(e.target).name], "edge": e.id,
        "evidence": e.evidence.to_dict(), "source": e.evidence.source_label(),
    }


def _listing_events(g: Graph, nid: str) -> list[dict[str, Any]]:
    node = g.node(nid)
    return [
        {
            "date": lst.start_date, "date_end": lst.end_date, "type": "listing", "subtype": lst.kind,
            # the entry's own name: an organisation linked to several entries of one list (Huawei and its
            # subsidiaries on the Entity List) read as the same line repeated
            "what": f"{node.name} listed on {lst.list_title} as “{lst.entry_name}” (version {lst.version})",
            "entities": [node.name], "edge": f"{nid}|{lst.entry_id}",
            "evidence": {"document": f"list:{lst.list_id}@{lst.version}", "start": 0, "end": 0,
                         "text": lst.remarks or lst.entry_name},
            "source": f"{lst.list_title}, version {lst.version}",
        }
        for lst in node.listings
    ]


def _sort_key(ev: dict[str, Any]) -> tuple[Any, ...]:
    return (ev["date"] is None, ev["date"] or "", ev["evidence"]["document"], ev["evidence"]["start"])


def timeline(g: Graph, node_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Every stored relation touching these nodes (composed edges shown through their parts) and listings."""
    ids = list(dict.fromkeys(node_ids))
    seen: set[str] = set()
    events: list[dict[str, Any]] = []
    for nid in ids:
        for e in g.edges_of(nid):
            if e.method == "composed" or e.id in seen:
                continue
            seen.add(e.id)
            events.append(event_dict(g, e))
        events += _listing_events(g, nid)
    return sorted(events, key=_sort_key)


def partner_timeline(
    g: Graph, partner: Node, paths: list[Path], extra: Iterable[Edge] = ()
) -> list[dict[str, Any]]:
    """The partner's own relations, every relation on its paths, why each entity on them is flagged, and
    extra edges (those of the patterns the partner is part of)."""
    edges: dict[str, Edge] = {e.id: e for e in extra}
    for e in g.edges_of(partner.id):
        edges[e.id] = e
    for p in paths:
        for e in p.edges:
            edges[e.id] = e
        for n in p.nodes[1:]:
            for f in g.flags[n.id]:
                if f.edge is not None:
                    edges[f.edge.id] = f.edge
    plain: dict[str, Edge] = {}
    for e in edges.values():
        for part in e.components or (e,):
            plain[part.id] = part
    events = [event_dict(g, e) for e in plain.values()]
    listed = dict.fromkeys(n.id for p in paths for n in p.nodes[1:])
    events += [ev for nid in [partner.id, *listed] for ev in _listing_events(g, nid)]
    return sorted(events, key=_sort_key)
