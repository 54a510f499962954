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
    chosen: str | None = None  # why these edges, when other edges join the same nodes (see choose_variant)

    @property
    def end(self) -> Node:
        return self.nodes[-1]

    def key(self) -> tuple[str, ...]:
        return tuple(n.id for n in self.nodes)

    def sentence(self) -> str:
        """'A —agreement (joint_lab, 2018-11)→ B ←ownership— C' for explanations: each relation in its own
        direction (B ←ownership— C: C owns B), the path running left to right."""
        out = self.nodes[0].name
        for e, a, n in zip(self.edges, self.nodes, self.nodes[1:], strict=False):
            label = e.type + (f" ({e.subtype.replace('_', ' ')})" if e.subtype else "") + (f" {e.date}" if e.date else "")
            out += f" ←{label}— {n.name}" if e.directed and e.source != a.id else f" —{label}→ {n.name}"
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


# A way between the same nodes whose relations are this much less sure than the surest way's is not chosen,
# however its types weigh: a low-confidence, possibly mistyped edge (funding 0.41 read from "庞巴迪向中国商飞提供的
# 技术支持") does not stand for two parties that three agreements (0.6) join.
CONFIDENCE_MARGIN = 0.1


def confidence(edges: list[Edge]) -> float:
    out = 1.0
    for e in edges:
        out *= e.confidence
    return out


def choose_variant(variants: list[Path]) -> Path:
    """The path that stands for one node sequence when several edges join the same nodes (the index gives one
    path per choice of edges, strongest first): confidence first (the relations' confidences multiplied; a way
    within CONFIDENCE_MARGIN of the surest way counts as sure), then the strength (type weight x recency), so
    the type's weight decides only among edges about as sure as each other. The chosen path says why."""
    if len(variants) == 1:
        return variants[0]
    sure = max(confidence(p.edges) for p in variants)
    best = max((p for p in variants if confidence(p.edges) >= sure - CONFIDENCE_MARGIN - 1e-9), key=lambda p: p.score)
    others = [p for p in variants if p is not best]
    strongest = max(others, key=lambda p: p.score)
    if strongest.score > best.score:
        why = (f"the surest of {len(variants)} ways between these entities (confidence {confidence(best.edges):.2f}"
               f" over {_types(strongest)}'s {confidence(strongest.edges):.2f}, which weighs more by type)")
    else:
        why = (f"the strongest of {len(variants)} ways between these entities, as sure as any (confidence "
               f"{confidence(best.edges):.2f}; next {_types(strongest)}, strength {strongest.score:.2f})")
    best.chosen = why
    return best


def _types(p: Path) -> str:
    return " + ".join(e.type + (f"/{e.subtype}" if e.subtype else "") for e in p.edges)


def to_paths(raw: list[RawPath], node_at: Callable[[int], Node], edge_at: Callable[[int], Edge]) -> list[Path]:
    """Index paths as Paths (nodes and edges from node_at/edge_at), one per node sequence (choose_variant picks
    among the edges joining the same nodes), best first, without a path that a longer path found here extends."""
    variants: dict[tuple[int, ...], list[Path]] = {}
    for rp in raw:
        variants.setdefault(rp.nodes, []).append(
            Path(score=rp.score, nodes=[node_at(i) for i in rp.nodes], edges=[edge_at(e) for e in rp.edges]))
    seen = {k: choose_variant(v) for k, v in variants.items()}
    prefixes = {k[:i] for k in seen for i in range(1, len(k))}
    kept = [(k, p) for k, p in seen.items() if k not in prefixes]
    order = {k: i for i, k in enumerate(seen)}
    kept.sort(key=lambda kp: (-kp[1].score, order[kp[0]]))  # a chosen way can be weaker than the index's first
    return [p for _, p in kept]


def hop_dict(a: Node, b: Node, e: Edge) -> dict[str, Any]:
    """One hop in the issue's JSON shape, plus the edge id (to reject it) and its direction."""
    d: dict[str, Any] = {
        "source": a.name, "target": b.name, "type": e.type, "subtype": e.subtype, "date": e.date,
        "evidence": e.evidence.to_dict(),
        "edge": e.id, "direction": "forward" if e.source == a.id or not e.directed else "reverse",
        "confidence": round(e.confidence, 3), "document_title": e.evidence.title,
        "document_label": e.evidence.source_label(),
    }
    if e.via:
        d["via"] = e.via
    if e.subject:
        d["subject"] = e.subject
    if e.also:
        d["also"] = [x.to_dict(labelled=True) for x in e.also]  # named by title, not by document id
    return d


def path_dict(p: Path) -> dict[str, Any]:
    out: dict[str, Any] = {
        "score": round(p.score, 4),
        "hops": [hop_dict(a, b, e) for a, b, e in zip(p.nodes, p.nodes[1:], p.edges, strict=False)],
    }
    if p.chosen:
        out["chosen"] = p.chosen
    return out
