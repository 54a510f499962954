"""What each page shows, as one dict: the HTML page renders it and `Accept: application/json` returns it.

Views only read through the library API (Workspace, Analyst, the screener, the lists); they hold no logic
of their own beyond arranging what those return for a page. `Services` (api/services.py) is the process's one
store, graph and page cache, shared with the REST API.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mcfwatch.analyse.exposure import Analyst
from mcfwatch.api.services import Services
from mcfwatch.errors import InputError, NotFoundError
from mcfwatch.graph.model import Listing, Node
from mcfwatch.lists import load_lists
from mcfwatch.lists.versions import diff as list_diff
from mcfwatch.lists.versions import version_name, versions
from mcfwatch.model import SCHEMA
from mcfwatch.resolve.namesearch import name_index
from mcfwatch.resolve.screen import default_screener

# A page shows the strongest or earliest ROWS items of a kind and QUOTES_PER_RULE quotes a rule (the counts say
# how many there are); the CLI, the API and reports give all.
ROWS = 200
QUOTES_PER_RULE = 5
ROLE_COLOURS = {"partner": "#1f77b4", "mcf": "#ff7f0e", "military": "#d62728", "listed": "#9467bd"}


def _node(a: Analyst, entity_id: str) -> Any:
    node = a.node_for_id(entity_id)
    if node is None:
        raise NotFoundError(f"no entity {entity_id!r} in the store")
    return node


def home(s: Services) -> dict[str, Any]:
    return {"counts": s.store.counts(), "entity_types": list(SCHEMA.entity_types)}


def search(s: Services, q: str) -> dict[str, Any]:
    q = q.strip()
    if not q:
        return {"query": q, "entities": [], "documents": [], "list_entries": []}
    if len(q) > 200:
        raise InputError("q", "a search is at most 200 characters")
    index = name_index(s.store.url, s.generation(), s.store.names)
    a = s.analyst()
    seen: dict[str, dict[str, Any]] = {}
    for eid, matched, rank in index.lookup(q):
        node = a.node_for_id(eid)
        if node is None or node.id in seen:
            continue
        seen[node.id] = {"id": node.id, "name": node.name, "type": node.type, "matched": matched,
                         "exact": rank == 0, "edges": len(a.graph.edges_of(node.id)),
                         "listed": bool(node.listings)}
    hits = default_screener().screen(q, limit=10)
    matched_entries = {h.entry_id for h in hits.hits if h.match}
    for found in seen.values():  # found by name (or its translation) and linked to an entry the query matches
        via = next((x for x in a.graph.node(found["id"]).listings if x.entry_id in matched_entries), None)
        if via is not None:
            found["via_entry"] = via.entry_id
    for node, via in _linked_to(a.graph.nodes, matched_entries, seen):
        seen[node.id] = {"id": node.id, "name": node.name, "type": node.type,
                         "matched": f"{via.entry_name} ({via.list_title} entry {via.entry_id})", "exact": False,
                         "edges": len(a.graph.edges_of(node.id)), "listed": True, "via_entry": via.entry_id}
    return {
        "query": q,
        "entities": list(seen.values())[:30],
        "documents": s.store.search_documents(q, limit=20),
        "list_entries": [h.to_dict() for h in hits.hits],
    }


def _linked_to(nodes: Iterable[Node], entries: set[str], seen: dict[str, Any]) -> list[tuple[Node, Listing]]:
    """Stored entities linked to one of the list entries a search matched, with the entry that links them.

    A search by another of the entry's names (its Chinese name 西北工业大学, an acronym "COMAC", pinyin) found the
    entry but not the stored entity the documents name in English, though the graph links the two; `show` and the
    card find it by the stored names only. Rejected listings are already gone from the graph's nodes."""
    if not entries:
        return []
    out: list[tuple[Node, Listing]] = []
    for node in nodes:
        if node.id in seen:
            continue
        via = next((x for x in node.listings if x.entry_id in entries), None)
        if via is not None:
            out.append((node, via))
    return out


def entity(s: Services, entity_id: str, as_of: str | None = None) -> dict[str, Any]:
    return s.cached("entity", entity_id, as_of, build=lambda: _entity(s, entity_id, as_of))


def _entity(s: Services, entity_id: str, as_of: str | None) -> dict[str, Any]:
    a = s.analyst(as_of)
    node = _node(a, entity_id)
    ws = s.workspace()
    try:
        card = ws.entity_card(node.id)
    finally:
        ws.close()
    result = a.node_exposure(node)
    members = set(node.members) | {node.id}
    merges = [m for m in s.store.merges() if m["winner_id"] in members or m["loser_id"] in members]
    rating = dict(result["rating"])
    rating["rules"] = [{**r, "evidence": r["evidence"][:QUOTES_PER_RULE], "more_evidence":
                        max(0, len(r["evidence"]) - QUOTES_PER_RULE)} for r in rating["rules"]]
    return {
        "entity": {"id": node.id, "name": node.name, "type": node.type},
        "names": sorted({node.name, *node.names, *card.get("aliases", [])}),
        "rating": rating,
        "listings": result["listings"],
        "paths": result["paths"][:ROWS],
        "relations": card["relations"][:ROWS],
        "timeline": result["timeline"][:ROWS],
        "patterns": [{**p, "evidence": p["evidence"][:QUOTES_PER_RULE]} for p in result["patterns"][:ROWS]],
        "counts": {k: len(v) for k, v in (("paths", result["paths"]), ("relations", card["relations"]),
                                          ("timeline", result["timeline"]), ("patterns", result["patterns"]))},
        "documents": card["documents"],
        "merges": merges,
        "decisions": result.get("decisions", []),
        "lists": result["lists"],
        "as_of": as_of,
    }


def graph(s: Services, entity_id: str, as_of: str | None = None) -> dict[str, Any]:
    """Cytoscape elements: the exposure paths around an entity plus its direct neighbours."""
    return s.cached("graph", entity_id, as_of, build=lambda: _graph(s, entity_id, as_of))


def _graph(s: Services, entity_id: str, as_of: str | None) -> dict[str, Any]:
    a = s.analyst(as_of)
    node = _node(a, entity_id)
    result = a.node_exposure(node)
    nodes: dict[str, dict[str, Any]] = {node.id: _gnode(a, node.id, partner=True)}
    edges: dict[str, dict[str, Any]] = {}
    for p in result["paths"]:
        for hop in p["hops"]:
            for name in (hop["source"], hop["target"]):
                n = next(iter(a.graph.find(name)), None)
                if n is not None:
                    nodes.setdefault(n.id, _gnode(a, n.id))
            src = next(iter(a.graph.find(hop["source"])), None)
            tgt = next(iter(a.graph.find(hop["target"])), None)
            if src is not None and tgt is not None:
                edges[hop["edge"]] = _gedge(hop["edge"], src.id, tgt.id, hop, on_path=True)
    more = neighbours(s, node.id, as_of)
    for n in more["nodes"]:
        nodes.setdefault(n["data"]["id"], n)
    for e in more["edges"]:
        edges.setdefault(e["data"]["id"], e)
    return {"entity": {"id": node.id, "name": node.name, "type": node.type}, "rating": result["rating"]["level"],
            "nodes": list(nodes.values()), "edges": list(edges.values()), "legend": ROLE_COLOURS}


def neighbours(s: Services, entity_id: str, as_of: str | None = None, limit: int = 40) -> dict[str, Any]:
    a = s.analyst(as_of)
    node = _node(a, entity_id)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for e in a.graph.edges_of(node.id)[:limit]:
        other = e.other(node.id)
        nodes.append(_gnode(a, other))
        hop = {"type": e.type, "subtype": e.subtype, "date": e.date, "confidence": e.confidence,
               "evidence": e.evidence.to_dict(), "document_title": e.evidence.title}
        edges.append(_gedge(e.id, e.source, e.target, hop, on_path=False))
    return {"nodes": nodes, "edges": edges}


def _gnode(a: Analyst, node_id: str, partner: bool = False) -> dict[str, Any]:
    n = a.graph.node(node_id)
    kinds = {f.kind for f in a.graph.flags.get(node_id, [])}
    role = ("partner" if partner else "listed" if n.listings else "military" if "military" in kinds
            else "mcf" if kinds & {"mcf_link", "mcf_event"} else "other")
    return {"data": {"id": n.id, "label": n.name, "type": n.type, "role": role}}


def _gedge(edge_id: str, source: str, target: str, hop: dict[str, Any], on_path: bool) -> dict[str, Any]:
    ev = hop.get("evidence") or {}
    label = hop["type"] + (f" ({hop['subtype']})" if hop.get("subtype") else "")
    return {"data": {"id": edge_id, "source": source, "target": target, "label": label,
                     "date": hop.get("date"), "quote": ev.get("text"), "document": ev.get("document"),
                     "start": ev.get("start"), "end": ev.get("end"), "title": hop.get("document_title"),
                     "path": on_path}}


def document(s: Services, doc_id: str) -> dict[str, Any]:
    """A stored document with its mentions and relation evidence as non-overlapping highlighted segments."""
    doc = s.store.document(doc_id)
    text: str = doc["text"]
    mentions = s.store.document_mentions(doc_id)
    rels = [r for r in s.store.relations() if r["document_id"] == doc_id]
    marks: list[tuple[int, int, str, str]] = [(m["start"], m["end"], "mention", m["entity_id"]) for m in mentions]
    marks += [(r["ev_start"], r["ev_end"], "evidence", r["id"]) for r in rels]
    return {
        "document": {k: doc[k] for k in ("id", "title", "path", "url", "published", "language", "format")},
        "segments": segments(text, marks),
        "relations": [{"id": r["id"], "type": r["type"], "subtype": r["subtype"], "date": r["date"],
                       "source": {"id": r["source_id"], "name": r["source_name"]},
                       "target": {"id": r["target_id"], "name": r["target_name"]},
                       "confidence": r["confidence"], "method": r["method"],
                       "evidence": {"start": r["ev_start"], "end": r["ev_end"], "text": r["ev_text"]}}
                      for r in rels],
    }


def segments(text: str, marks: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """Cut the text at every mark boundary; each piece lists the marks covering it (mentions and evidence)."""
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out: list[dict[str, Any]] = []
    starts = {m[3]: m[0] for m in marks if m[2] == "evidence"}
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m[0] <= a and b <= m[1]]
        out.append({
            "text": text[a:b], "start": a,
            "entities": sorted({m[3] for m in covering if m[2] == "mention"}),
            "evidence": sorted({m[3] for m in covering if m[2] == "evidence"}),
            "anchors": sorted(m[3] for m in covering if m[2] == "evidence" and starts[m[3]] == a),
        })
    return out


def lists_overview() -> dict[str, Any]:
    return {"lists": [
        {"id": wl.id, "title": wl.title, "authority": wl.authority, "entries": len(wl.entries),
         "version": wl.version, "licence": wl.licence, "noncommercial": wl.noncommercial}
        for wl in load_lists(None, False)
    ]}


def list_page(list_id: str, v_from: str | None = None, v_to: str | None = None) -> dict[str, Any]:
    vs = versions(list_id)
    if not vs:
        raise NotFoundError(f"no list {list_id!r}; /lists shows every list")
    out: dict[str, Any] = {"list": list_id, "title": vs[-1].title,
                           "versions": [{"name": version_name(v), "entries": len(v.entries)} for v in vs],
                           "diff": None}
    if v_from or v_to:
        out["diff"] = list_diff(list_id, v_from, v_to).to_dict()
    return out


def changes(s: Services) -> dict[str, Any]:
    """What changed for the watched partner list since its baseline (`mcfwatch watch`), without moving it."""
    from mcfwatch.analyse.watch import changes as watch_changes

    if not s.store.baseline():
        return {"watched": 0, "changes": []}
    found = watch_changes(s.store, s.analyst(), update=False)
    return {"watched": len(found), "changes": [c.to_dict() for c in found if c.any]}
