"""The analyst's entry point: one graph per (store, date, lists, rules), then exposure, timelines, patterns.

``Analyst(store).exposure("Brunel University")`` returns one dict that the CLI prints as JSON, the API
returns and the report renders: partner, rating (rules with evidence), paths (hops with quotes), timeline,
patterns, list versions and what is unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from mcfwatch import settings
from mcfwatch.analyse.paths import Path, exposure_paths, make_weigher, path_dict
from mcfwatch.analyse.patterns import Pattern, detect_all
from mcfwatch.analyse.rating import (
    Finding,
    Rating,
    direct_findings,
    edge_evidence,
    exposure_findings,
    pattern_findings,
    rate,
    tech_findings,
)
from mcfwatch.analyse.ruleset import RuleSet, load_rules, load_techlist
from mcfwatch.analyse.technology import find_technologies
from mcfwatch.analyse.timeline import partner_timeline, timeline
from mcfwatch.graph import Evidence, Graph, Node, build_graph
from mcfwatch.graph.listings import link_listings
from mcfwatch.model.dates import check_day
from mcfwatch.store import Store

TECH_TEXTS_PER_NODE = 50  # a hub's thousands of sentences would swamp the technology finding (and the latency)
LISTS_NOTE = "Entities are linked to list entries by the resolver's screening (score >= 0.85); a name spelled differently from every list alias may be missed."


def default_lists(as_of: str | None) -> tuple[list[Any], str | None]:
    """The shipped lists valid on as_of, or ([], why) when the lists package cannot load them."""
    try:
        from mcfwatch.lists import load_lists
    except ImportError:
        return [], "No watch lists could be loaded (mcfwatch.lists.load_lists is missing)."
    exclude = settings.EXCLUDE_NONCOMMERCIAL.get() == "1"
    return list(load_lists(as_of=as_of, exclude_noncommercial=exclude)), None


class Analyst:
    def __init__(
        self,
        store: Store | None,
        as_of: str | None = None,
        lists: Sequence[Any] | None = None,
        rules: RuleSet | None = None,
        graph: Graph | None = None,
    ) -> None:
        """Build the graph from store (or take a prebuilt graph, e.g. a synthetic one) and detect patterns."""
        as_of = check_day(as_of)  # a bad date is an InputError here, for the CLI and the API alike
        self.store = store
        self.as_of = as_of
        self.rules = rules or load_rules()
        self.notes: list[str] = []
        self._lists: list[Any] | None = None if lists is None else list(lists)
        rule = self.rules.one("exposure")
        self.max_hops = int(rule.params.get("max_hops", 4)) if rule else 4
        self.weigh = make_weigher(rule, as_of)
        if graph is None and store is None:
            raise ValueError("an Analyst needs a store or a graph")
        self._graph = graph
        self._patterns: list[Pattern] | None = None
        self._end_levels: dict[str, str] = {}
        self._index: Any = None  # analyse/indexed.py: the persisted graph index, opened on first use
        self._manifest: Any = None  # graph/listkeys.py: which lists, known without parsing them
        # set by a server (api/indexer.py): builds the persisted index (and the lists' manifest) in another process
        self.index_builder: Callable[[str | None], None] | None = None

    @property
    def lists(self) -> list[Any]:
        """The lists given, else the shipped and fetched lists valid on as_of, parsed on first use (an
        exposure answered from the persisted index needs only their manifest: graph/listkeys.py)."""
        if self._lists is None:
            lists, why = default_lists(self.as_of)
            if why:
                self.notes.append(why)
            self._lists = lists
        return self._lists

    @property
    def graph(self) -> Graph:
        """The whole graph, built on first use (an exposure query reads the persisted index instead)."""
        if self._graph is None:
            assert self.store is not None
            from mcfwatch.analyse.indexed import link_cache

            self._graph = build_graph(self.store, self.lists, self.as_of, self.weigh, self.max_hops,
                                      link_cache(self))
        return self._graph

    @property
    def patterns(self) -> list[Pattern]:
        if self._patterns is None:
            self._patterns = detect_all(self.graph)
        return self._patterns

    # -- lookups -----------------------------------------------------------------------------------

    def find(self, name: str) -> Node | None:
        hits = self.graph.find(name)
        if hits:
            return hits[0]
        for ent in self.store.find(name) if self.store else []:  # substring fallback, through folded nodes
            for node in self.graph.nodes:
                if ent.id in node.members:
                    return node
        return self._matched(name)

    def _matched(self, name: str) -> Node | None:
        """Last resort: the node whose names the matcher scores as the same body at the merging threshold
        (a partner file's "University of Illinois" finds a node known only as 伊利诺伊大学)."""
        from mcfwatch.resolve import THRESHOLDS, default_matcher
        from mcfwatch.resolve.index import NameIndex
        from mcfwatch.resolve.names import parse

        if self.store is None or not name.strip():
            return None  # a synthetic graph: exact names only
        if not hasattr(self, "_name_index"):  # built whole, then published: server threads share an Analyst
            index = NameIndex()
            for pos, node in enumerate(self.graph.nodes):
                index.add(pos, [node.name, *node.names])
            index.freeze()
            self._name_index = index
        matcher, scored = default_matcher(self.as_of), []
        for pos in self._name_index.candidates(parse(name), limit=10):
            node = self.graph.nodes[pos]
            c = matcher.compare(name, [node.name, *node.names])
            if c.relation == "same" and c.score >= THRESHOLDS["merging"]:
                # a tie goes to an organisation over a place (英国MQP有限公司 names the firm, not the UK)
                scored.append((c.score, node.type != "Place", -pos, node))
        return max(scored, key=lambda x: x[:3])[3] if scored else None

    def list_versions(self) -> list[dict[str, str]]:
        if self._lists is None:
            from mcfwatch.analyse.indexed import lists_manifest

            known = lists_manifest(self)
            if known is not None:
                return known.versions
        return [{"list": wl.id, "title": wl.title, "version": wl.version} for wl in self.lists]

    # -- analyses ----------------------------------------------------------------------------------

    def node_for_id(self, entity_id: str) -> Node | None:
        """The graph node of a store entity id, following merges (a folded id finds its node)."""
        if entity_id in self.graph.pos:
            return self.graph.node(entity_id)
        return next((n for n in self.graph.nodes if entity_id in n.members), None)

    def exposure(self, name: str, limit: int = 200) -> dict[str, Any]:
        if self._graph is None and settings.GRAPH_CACHE.get() != "0":
            from mcfwatch.analyse.indexed import indexed_exposure

            found = indexed_exposure(self, name, limit)
            if found is not None:
                return found
        node = self.find(name)
        if node is None:
            return self._unknown_partner(name)
        return self.node_exposure(node, limit)

    def node_exposure(self, node: Node, limit: int = 200) -> dict[str, Any]:
        """Rating, rules, paths, timeline and patterns of one graph node."""
        paths, complete = exposure_paths(self.graph, node, self.rules.one("exposure"), limit)
        return self.exposure_on(self.graph, self.patterns, node, paths, complete)

    def exposure_on(
        self, g: Graph, patterns: list[Pattern], node: Node, paths: list[Path], complete: bool
    ) -> dict[str, Any]:
        """The result for a node of graph g (the whole graph, or a neighbourhood holding all the node's and
        its paths' edges: analyse/indexed.py), given its paths."""
        findings = direct_findings(g, node, self.rules)
        findings += exposure_findings(g, node, paths, self.rules, self._end_levels)
        findings += pattern_findings(g, node, patterns, self.rules)
        tech = load_techlist()
        findings += tech_findings(node, find_technologies(self._tech_texts(g, node, paths), tech), self.rules, tech.name)
        rating = rate(findings, self.rules, self.as_of, known=True, unknown=self._unknowns(g, node, paths, complete))
        mine = [p for p in patterns if p.involves(node.id)]
        tl = partner_timeline(g, node, paths, [e for p in mine for e in p.edges])
        return self._result(g, node.to_dict(), rating, paths, tl, [pattern_dict(g, p) for p in mine], node)

    def timeline(self, name: str) -> list[dict[str, Any]]:
        node = self.find(name)
        return timeline(self.graph, [node.id]) if node else []

    def pattern_dict(self, p: Pattern) -> dict[str, Any]:
        return pattern_dict(self.graph, p)

    def all_patterns(self) -> list[dict[str, Any]]:
        return [self.pattern_dict(p) for p in self.patterns]

    # -- helpers -----------------------------------------------------------------------------------

    def _tech_texts(self, g: Graph, node: Node, paths: list[Path]) -> list[tuple[Evidence, str]]:
        """The partner's own sentences, its paths' sentences, then (at most 50 each) those of entities on them."""
        texts = [(e.evidence, node.name) for e in g.edges_of(node.id)[:TECH_TEXTS_PER_NODE]]
        for p in paths:
            texts += [(e.evidence, node.name) for e in p.edges]
        for n in dict.fromkeys(n.id for p in paths for n in p.nodes[1:]):
            texts += [(e.evidence, g.node(n).name) for e in g.edges_of(n)[:TECH_TEXTS_PER_NODE]]
        return texts

    def _path_nodes(self, g: Graph, paths: list[Path]) -> list[dict[str, Any]]:
        """Every node on the paths with its roles (military, listed, mcf) for pictures and legends."""
        out: dict[str, dict[str, Any]] = {}
        for p in paths:
            for n in p.nodes:
                kinds = {f.kind for f in g.flags[n.id]}
                roles = sorted({"mcf" if k in {"mcf_link", "mcf_event"} else k for k in kinds})
                out[n.id] = {**n.to_dict(), "roles": roles, "listings": [x.to_dict() for x in n.listings]}
        return list(out.values())

    def _unknowns(self, g: Graph, node: Node, paths: list[Path], complete: bool) -> list[str]:
        out = list(self.notes)
        if self.list_versions():
            out.append(LISTS_NOTE)
        if not complete:
            out.append("The path search hit its step budget: weaker paths beyond those shown were not examined.")
        undated = sorted({e.id for p in paths for e in p.edges if not e.date})
        if undated:
            out.append(f"{len(undated)} relation(s) on these paths carry no date; 'as of' filtering keeps them.")
        if not any(e.type == "ownership" for e in g.edges_of(node.id)):
            out.append(f"No source in the store states who owns or controls {node.name}.")
        docs = {e.evidence.document for e in g.edges_of(node.id)}
        if self.store is not None:
            docs |= self.store.mention_documents(node.members)
        out.append(f"{node.name} appears in {len(docs)} stored document(s); nothing outside them is known here.")
        return out

    def _unknown_partner(self, name: str) -> dict[str, Any]:
        probe = Node(id="", name=name, type="Organization", members=[""])
        link_listings([probe], self.lists, self.as_of, set())
        tmp = Graph(nodes=[probe], edges=[])
        findings: list[Finding] = direct_findings(tmp, probe, self.rules) if probe.listings else []
        unknown = [*self.notes, f"No stored document mentions {name!r}: its relations are unknown."]
        rating = rate(findings, self.rules, self.as_of, known=bool(probe.listings), unknown=unknown)
        return self._result(tmp, {"id": None, "name": name, "type": None}, rating, [], [], [], probe)

    def _result(
        self, g: Graph, partner: dict[str, Any], rating: Rating, paths: list[Path], tl: list[dict[str, Any]],
        patterns: list[dict[str, Any]], node: Node,
    ) -> dict[str, Any]:
        return {
            "partner": partner,
            "rating": rating.to_dict(),
            "paths": [path_dict(p) for p in paths],
            "path_nodes": self._path_nodes(g, paths),
            "listings": [lst.to_dict() for lst in node.listings],
            "timeline": tl,
            "patterns": patterns,
            "as_of": self.as_of,
            "lists": self.list_versions(),
            "store": self.store.url if self.store else None,
            "decisions": self.store.decisions_about(node.members or [node.id]) if self.store and node.id else [],
        }


def pattern_dict(g: Graph, p: Pattern) -> dict[str, Any]:
    return {
        "kind": p.kind,
        "parties": {role: g.node(nid).name for role, nid in p.parties.items()},
        "values": p.values,
        "evidence": [ev for e in p.edges for ev in edge_evidence(e)],
    }
