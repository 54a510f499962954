"""Timelines: the dated events of an entity (or of a partner, its paths and why their entities are flagged),
in order, each with its quote and source. Undated events follow the dated ones, in the order their sources
tell them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mcfwatch.analyse.paths import Path
from mcfwatch.graph import Edge, Graph, Node
from mcfwatch.model.schema import SCHEMA

# Each directed relation worded from its target's side, so that a path read from the partner outwards says who
# did what to whom in words: "IMST公司 is owned by 航天工业发展股份有限公司", never an arrow a reader can take either way.
PASSIVE = {
    "visit": "was visited by", "facilitation": "was helped by", "mcf_link": "is the military-civil fusion tie of",
    "position": "has a post held by", "ownership": "is owned by", "participation": "had as a participant",
    "organizer": "was organised by", "invitation": "was invited by", "export": "received exports from",
    "recruitment": "was recruited by", "funding": "was funded by",
}


def relation_verb(type_: str, forward: bool) -> str:
    """The words between two names read in path order: the relation's label when the edge runs that way (or has
    no direction), its passive when the edge runs against the path."""
    rel = SCHEMA.relation_types[type_]
    return rel.label if forward or not rel.directed else PASSIVE.get(type_, f"(by) {rel.label}")


def relation_words(a: str, b: str, type_: str, forward: bool, subtype: str | None = None,
                   date: str | None = None) -> str:
    """'航天工业发展股份有限公司 is owned by 中国航天科工集团有限公司 (2019)' for the hop a -> b of a path."""
    extra = ", ".join(x for x in (subtype.replace("_", " ") if subtype else None, date) if x)
    return f"{a} {relation_verb(type_, forward)} {b}" + (f" ({extra})" if extra else "")


def hop_words(h: dict[str, Any]) -> str:
    """A path hop (analyse.paths.hop_dict) in words, its direction taken from the edge."""
    return relation_words(h["source"], h["target"], h["type"], h.get("direction") != "reverse", h.get("subtype"),
                          h.get("date"))


def path_words(p: Path) -> str:
    """Every hop of a path in words, partner first: 'A is owned by B; B agreement with C (joint lab, 2018-11)'."""
    return "; ".join(
        relation_words(a.name, b.name, e.type, e.source == a.id or not e.directed, e.subtype, e.date)
        for a, b, e in zip(p.nodes, p.nodes[1:], p.edges, strict=False)
    )


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
