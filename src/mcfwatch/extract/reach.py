"""End to end: does the extraction connect each partner to the defence end its document names?

The relation tables score facts one by one; an analyst needs the chain. For one document, a *defence end* is a
military body (MilitaryUnit) or either party of an ``mcf_link`` (the defence body or programme, and the party tied
to it); a *partner* is any other company, university, organisation or public body. A partner *reaches* a defence
end when a path of relations joins them, read undirected, through people, organisations and events but never
through a place, a technology or a programme (two firms that both visited Shanghai, or both work on drones, are
not thereby linked; nor is every MCF-designated firm linked to every other). The gold's paths are the truth;
the extraction's entities are matched to the gold's by the harness's rule (type and a shared normalised name).

Counted per document: pairs (partner, defence end) joined in the gold and in the extraction (tp), in the gold
only (fn), in the extraction only (fp); and partners, reached when at least one of their gold defence ends is
reached in the extraction ("4 of 18 foreign partners reach the defence counterparty their documents name").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

AGENTS = frozenset({"Company", "University", "Organization", "PublicBody"})
NO_PATH_THROUGH = frozenset({"Place", "Technology", "Program"})


@dataclass(slots=True)
class Reach:
    """Counts of one document (or summed)."""

    pairs_tp: int = 0
    pairs_fn: int = 0
    pairs_fp: int = 0
    partners_reached: int = 0
    partners: int = 0  # gold partners with at least one gold defence end
    partners_spurious: int = 0  # extracted partners joined to a defence end, none of whose gold ends is joined
    # Where the chains of the partners not reached break: on the gold's shortest path to its nearest end, each
    # link the extraction lacks, by the gold relation's type ("entity": one of its two ends was not found).
    breaks: Counter[str] = field(default_factory=Counter)

    def add(self, other: Reach) -> None:
        self.pairs_tp += other.pairs_tp
        self.pairs_fn += other.pairs_fn
        self.pairs_fp += other.pairs_fp
        self.partners_reached += other.partners_reached
        self.partners += other.partners
        self.partners_spurious += other.partners_spurious
        self.breaks.update(other.breaks)


def ends_of(types: list[str], edges: Iterable[tuple[str, int, int]]) -> set[int]:
    """Defence ends: military bodies and the parties of an mcf_link."""
    ends = {i for i, t in enumerate(types) if t == "MilitaryUnit"}
    for rtype, a, b in edges:
        if rtype == "mcf_link":
            ends |= {a, b}
    return ends


def _adjacent(edges: Iterable[tuple[str, int, int]]) -> dict[int, dict[int, str]]:
    out: dict[int, dict[int, str]] = {}
    for rtype, a, b in edges:
        if a != b:
            out.setdefault(a, {}).setdefault(b, rtype)
            out.setdefault(b, {}).setdefault(a, rtype)
    return out


def shortest_path(types: list[str], adjacent: dict[int, dict[int, str]], start: int, ends: set[int]) -> list[int]:
    """Nodes of a shortest path from ``start`` to the nearest of ``ends`` (same walking rule as ``joined``)."""
    parent = {start: start}
    queue = [start]
    for node in queue:
        if node in ends and node != start:
            path = [node]
            while path[-1] != start:
                path.append(parent[path[-1]])
            return path[::-1]
        if node != start and types[node] in NO_PATH_THROUGH:
            continue
        for nxt in sorted(adjacent.get(node, {})):
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return []


def joined(types: list[str], edges: Iterable[tuple[str, int, int]]) -> dict[int, set[int]]:
    """For each partner, the defence ends a path reaches (undirected; no path through NO_PATH_THROUGH nodes,
    which may still be an end: an mcf_link to the programme "military-civil fusion")."""
    edges = list(edges)
    ends = ends_of(types, edges)
    adjacent = _adjacent(edges)
    out: dict[int, set[int]] = {}
    for start, t in enumerate(types):
        if t not in AGENTS or start in ends:
            continue
        seen, frontier, reached = {start}, [start], set()
        while frontier:
            node = frontier.pop()
            for nxt in adjacent.get(node, ()):
                if nxt in seen:
                    continue
                seen.add(nxt)
                if nxt in ends:
                    reached.add(nxt)
                if types[nxt] not in NO_PATH_THROUGH:
                    frontier.append(nxt)
        if reached:
            out[start] = reached
    return out


def reach(gold_types: list[str], gold_edges: list[tuple[str, int, int]], pred_types: list[str],
          pred_edges: list[tuple[str, int, int]], matched: list[tuple[int, int]]) -> Reach:
    """Compare the gold's partner-to-defence paths with the extraction's; ``matched``: (gold, predicted) entity
    index pairs."""
    to_pred = dict(matched)
    to_gold = {p: g for g, p in matched}
    gold_join = joined(gold_types, gold_edges)
    pred_join = joined(pred_types, pred_edges)
    gold_adj, pred_adj = _adjacent(gold_edges), _adjacent(pred_edges)
    out = Reach()
    for partner, ends in gold_join.items():
        found = pred_join.get(to_pred.get(partner, -1), set())
        hits = {e for e in ends if to_pred.get(e, -1) in found}
        out.pairs_tp += len(hits)
        out.pairs_fn += len(ends) - len(hits)
        out.partners += 1
        out.partners_reached += bool(hits)
        if not hits:
            path = shortest_path(gold_types, gold_adj, partner, ends)
            for a, b in zip(path, path[1:], strict=False):
                pa, pb = to_pred.get(a), to_pred.get(b)
                if pa is None or pb is None:
                    out.breaks["entity"] += 1
                elif pb not in pred_adj.get(pa, {}):
                    out.breaks[gold_adj[a][b]] += 1
    for partner, ends in pred_join.items():
        gold_ends = gold_join.get(to_gold.get(partner, -1), set())
        extra = [e for e in ends if to_gold.get(e, -1) not in gold_ends]
        out.pairs_fp += len(extra)
        out.partners_spurious += len(extra) == len(ends)
    return out
