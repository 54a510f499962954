"""The graph over the store: resolved entities as nodes, evidenced relations and list memberships as edges."""

from mcfwatch.graph.build import build_graph
from mcfwatch.graph.graph import Flag, Graph
from mcfwatch.graph.index import GraphIndex, RawPath
from mcfwatch.graph.model import Edge, Evidence, Listing, Node

__all__ = ["Edge", "Evidence", "Flag", "Graph", "GraphIndex", "Listing", "Node", "RawPath", "build_graph"]
