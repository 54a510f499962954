"""Exposure paths: the strongest simple paths (up to max_hops) from a partner to a listed entity, an
MCF-linked entity or a military body, oriented from the partner outwards, each hop with its evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from mcfwatch.analyse.ruleset import Rule
from mcfwatch.graph import Edge, Graph, Node, RawPath
from mcfwatch.graph.build import Weigher


@dataclass(slots=True)
class Path:
    score: float
    nodes: list[Node]
    edges: list[Edge]

    @property
    def end(self) -> Node:
        return self.nodes[-1]

    def key(self) -> tuple[str, ...]:
        return tuple(n.id for n in self.nodes)

    def sentence(self) -> str:
        """'A —agreement (joint_lab, 2018-11)→ B —…→ C' for explanations."""
        out = self.nodes[0].name
        for e, n in zip(self.edges, self.nodes[1:], strict=True):
            label = e.type + (f" ({e.subtype.replace('_', ' ')})" if e.subtype else "") + (f" {e.date}" if e.date else "")
            out += f" —{label}→ {n.name}"
        return out


def kind_weight(rule: Rule, e: Edge) -> float:
    weights: dict[str, float] = rule.params.get("kind_weights", {})
    return float(weights.get(f"{e.type}/{e.subtype}", weights.get(e.type, 0.5)))


def make_weigher(rule: Rule | None, as_of: str | None) -> Weigher:
    """Edge strength = confidence x kind weight x recency (halves every `recency_half_life_years`)."""
    ref = date.fromisoformat(as_of[:10]) if as_of and len(as_of) >= 10 else date.today()
    half_life = float(rule.params.get("recency_half_life_years", 10)) if rule else 10.0

    def weigh(e: Edge) -> float:
        w = e.confidence * (kind_weight(rule, e) if rule else 1.0)
        if e.date and e.date[:4].isdigit():
            age = max(0.0, ref.year - int(e.date[:4]))
            w *= 0.5 ** (age / half_life)
        return w

    return weigh


def exposure_paths(g: Graph, node: Node, rule: Rule | None, limit: int = 200) -> tuple[list[Path], bool]:
    """Paths best first, one per node sequence, without a path that a longer path found here extends."""
    assert g.index is not None
    factors = hop_factors(rule)
    g.index.set_hop_factors(factors)
    raw, complete = g.index.paths(g.pos[node.id], limit=limit)
    return to_paths(raw, g.nodes.__getitem__, g.edges.__getitem__), complete


def hop_factors(rule: Rule | None) -> tuple[float, ...]:
    return tuple(float(x) for x in (rule.params.get("hop_factors") if rule else None) or (1.0, 0.9, 0.8, 0.7))


def to_paths(raw: list[RawPath], node_at: Callable[[int], Node], edge_at: Callable[[int], Edge]) -> list[Path]:
    """Index paths as Paths (nodes and edges from node_at/edge_at), one per node sequence, without a path
    that a longer path found here extends."""
    seen: dict[tuple[int, ...], Path] = {}
    for rp in raw:
        if rp.nodes in seen:
            continue
        seen[rp.nodes] = Path(score=rp.score, nodes=[node_at(i) for i in rp.nodes], edges=[edge_at(e) for e in rp.edges])
    prefixes = {k[:i] for k in seen for i in range(1, len(k))}
    return [p for k, p in seen.items() if k not in prefixes]


def hop_dict(a: Node, b: Node, e: Edge) -> dict[str, Any]:
    """One hop in the issue's JSON shape, plus the edge id (to reject it) and its direction."""
    d: dict[str, Any] = {
        "source": a.name, "target": b.name, "type": e.type, "subtype": e.subtype, "date": e.date,
        "evidence": e.evidence.to_dict(),
        "edge": e.id, "direction": "forward" if e.source == a.id or not e.directed else "reverse",
        "confidence": round(e.confidence, 3), "document_title": e.evidence.title,
    }
    if e.via:
        d["via"] = e.via
    if e.subject:
        d["subject"] = e.subject
    if e.also:
        d["also"] = [x.to_dict() for x in e.also]
    return d


def path_dict(p: Path) -> dict[str, Any]:
    return {
        "score": round(p.score, 4),
        "hops": [hop_dict(a, b, e) for a, b, e in zip(p.nodes, p.nodes[1:], p.edges, strict=False)],
    }
