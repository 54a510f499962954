"""The Graph object that queries run on: nodes, edges, role flags with evidence, and the CSR index."""

from __future__ import annotations

from dataclasses import dataclass, field

from mcfwatch.graph.index import GraphIndex
from mcfwatch.graph.model import Edge, Listing, Node
from mcfwatch.model.keys import name_key

_NONE: list[Edge] = []


@dataclass(slots=True, frozen=True)
class Flag:
    """Why a node is a path end: listed (a listing), military (its type), mcf_link / mcf_event (an edge)."""

    kind: str
    edge: Edge | None = None
    listing: Listing | None = None


@dataclass(slots=True)
class Graph:
    nodes: list[Node]
    edges: list[Edge]
    pos: dict[str, int] = field(default_factory=dict)
    flags: dict[str, list[Flag]] = field(default_factory=dict)
    index: GraphIndex | None = None
    _by_key: dict[str, list[int]] = field(default_factory=dict)
    _incident: dict[str, list[Edge]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.pos = {n.id: i for i, n in enumerate(self.nodes)}
        self.flags = {n.id: [] for n in self.nodes}
        for i, n in enumerate(self.nodes):
            for name in {n.name, *n.names}:
                self._by_key.setdefault(name_key(name), []).append(i)
        for e in self.edges:
            self._incident.setdefault(e.source, []).append(e)
            self._incident.setdefault(e.target, []).append(e)

    def node(self, node_id: str) -> Node:
        return self.nodes[self.pos[node_id]]

    def find(self, name: str) -> list[Node]:
        """Nodes carrying this name exactly (by key), those with most edges first."""
        hits = {i for i in self._by_key.get(name_key(name), [])}
        found = [self.nodes[i] for i in hits]
        return sorted(found, key=lambda n: (-len(self._incident.get(n.id, [])), n.id))

    def edges_of(self, node_id: str) -> list[Edge]:
        """The edges touching a node (the graph's own list: read it, do not change it)."""
        return self._incident.get(node_id, _NONE)
