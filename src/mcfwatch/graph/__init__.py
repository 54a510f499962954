"""The graph over the store: resolved entities as nodes, evidenced relations and list memberships as edges."""

from mcfwatch.graph.build import build_graph
from mcfwatch.graph.graph import Flag, Graph
from mcfwatch.graph.index import GraphIndex, RawPath
from mcfwatch.graph.model import Edge, Evidence, Listing, Node
from mcfwatch.graph.overlays import Overlays

__all__ = ["Edge", "Evidence", "Flag", "Graph", "GraphIndex", "Listing", "Node", "Overlays", "RawPath", "build_graph"]
