"""Exposure-path benchmark on a synthetic power-law graph shaped like the real one.

    .venv/bin/python benchmarks/exposure.py [--edges 1000000] [--nodes 200000] [--listed 5000] [--queries 1000]

Measures, in one run: the CSR index build time, p50/p95/max latency of the exposure path search
(mcfwatch.analyse.paths.exposure_paths: strongest 200 paths of up to 4 hops, deduplicated) for random
partners, peak memory (RSS) of that part; then the whole query (Analyst.exposure: paths, rating with every
rule, patterns, timeline, the JSON-ready dict) over a graph of real Node/Edge objects (the SQL read of a
store is not included); and the same queries through a plain networkx baseline
(nx.all_simple_paths with cutoff=4 to the listed set, then sorted by score) on a sample of partners with a
per-query time cap, since the plain enumeration explodes on hubs. Targets: p95 < 100 ms, peak < 2 GiB.
Reads nothing outside the repository.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import sys
import time

import numpy as np

from mcfwatch.analyse import Analyst
from mcfwatch.analyse.paths import exposure_paths, make_weigher
from mcfwatch.analyse.ruleset import load_rules
from mcfwatch.graph.build import assemble
from mcfwatch.graph.graph import Graph
from mcfwatch.graph.index import GraphIndex
from mcfwatch.graph.model import Edge, Evidence, Listing, Node


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def power_law_edges(n: int, m: int, rng: np.random.Generator, alpha: float = 0.85) -> tuple[np.ndarray, np.ndarray]:
    """m edges whose endpoints are drawn with probability ~ rank^-alpha: a heavy-tailed degree distribution."""
    p = (np.arange(1, n + 1, dtype=np.float64)) ** -alpha
    p /= p.sum()
    perm = rng.permutation(n)
    src = perm[rng.choice(n, size=m, p=p)]
    dst = perm[rng.choice(n, size=m, p=p)]
    return src.astype(np.int64), dst.astype(np.int64)


class LazyEdges:
    """Edge objects made on demand: the graph's real edges carry evidence; here only ids and weights matter."""

    def __init__(self, src: np.ndarray, dst: np.ndarray) -> None:
        self.src, self.dst = src, dst
        self.ev = Evidence(document="synthetic", start=0, end=0, text="")

    def __getitem__(self, i: int) -> Edge:
        return Edge(id=f"e{i}", source=f"n{self.src[i]}", target=f"n{self.dst[i]}", type="agreement", evidence=self.ev)

    def __len__(self) -> int:
        return len(self.src)


class LazyNodes:
    def __getitem__(self, i: int) -> Node:
        return Node(id=f"n{i}", name=f"Entity {i}", type="Company")


def full_analyst(n: int, src: np.ndarray, dst: np.ndarray, weight: np.ndarray, listed: np.ndarray,
                 rng: np.random.Generator) -> Analyst:
    """An Analyst over a synthetic Graph of real Node/Edge objects (no SQL: the store read is not timed)."""
    kinds = [("agreement", "joint_lab"), ("agreement", "contract"), ("agreement", "investment"), ("meeting", None),
             ("ownership", None), ("funding", None), ("visit", None), ("agreement", "mou")]
    pool = [Evidence(document=f"doc{i}", start=0, end=40, text=f"Synthetic sentence {i} about cooperation.")
            for i in range(1000)]
    kind_idx = rng.integers(0, len(kinds), len(src)).tolist()
    years = rng.integers(2010, 2025, len(src)).tolist()
    nodes = [Node(id=f"n{i}", name=f"Entity {i}", type="Company") for i in range(n)]
    for i in listed.tolist():
        nodes[i].listings.append(Listing(
            list_id="synthetic-1260h", list_title="Synthetic military list", authority="benchmark",
            legal_basis="none", kind="military", version="2026-01-01", entry_id=f"x{i}", entry_name=f"Entity {i}",
            start_date="2021-01-01", end_date=None, remarks=None, citation=None))
    edges = []
    for i, (a, b) in enumerate(zip(src.tolist(), dst.tolist(), strict=True)):
        t, sub = kinds[kind_idx[i]]
        edges.append(Edge(id=f"e{i}", source=f"n{a}", target=f"n{b}", type=t, subtype=sub, evidence=pool[i % 1000],
                          date=f"{years[i]}-06", confidence=float(weight[i])))
    rules = load_rules()
    g = assemble(nodes, edges, make_weigher(rules.one("exposure"), None))
    return Analyst(None, lists=[], rules=rules, graph=g)


def percentile(xs: list[float], q: float) -> float:
    s = sorted(xs) or [float("nan")]
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=200_000)
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--listed", type=int, default=5_000)
    ap.add_argument("--queries", type=int, default=1_000)
    ap.add_argument("--baseline-queries", type=int, default=20)
    ap.add_argument("--baseline-cap-s", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    rss0 = rss_mib()

    t0 = time.perf_counter()
    src, dst = power_law_edges(args.nodes, args.edges, rng)
    weight = rng.uniform(0.3, 1.0, size=args.edges)
    terminal = np.zeros(args.nodes, dtype=bool)
    listed = rng.choice(args.nodes, size=args.listed, replace=False)
    terminal[listed] = True
    soft = np.zeros(args.nodes, dtype=bool)
    blocked = np.zeros(args.nodes, dtype=bool)
    t_gen = time.perf_counter() - t0

    t0 = time.perf_counter()
    index = GraphIndex(args.nodes, src, dst, weight, terminal, soft, blocked, max_hops=4)
    t_build = time.perf_counter() - t0
    g = Graph.__new__(Graph)  # a Graph view over the index, without per-node Python objects
    g.index, g.nodes, g.edges = index, LazyNodes(), LazyEdges(src, dst)  # type: ignore[assignment]
    g.pos = {}
    rule = load_rules().one("exposure")

    deg = np.diff(index.indptr)
    partners = [int(x) for x in random.Random(args.seed).sample(range(args.nodes), args.queries)]
    lat: list[float] = []
    npaths: list[int] = []
    incomplete = 0
    for p in partners:
        node = g.nodes[p]
        g.pos = {node.id: p}
        t0 = time.perf_counter()
        paths, complete = exposure_paths(g, node, rule, limit=200)
        lat.append((time.perf_counter() - t0) * 1000)
        npaths.append(len(paths))
        incomplete += not complete
    peak_ours = rss_mib()

    print(f"graph: {args.nodes:,} entities, {args.edges:,} edges, {args.listed:,} listed; "
          f"max degree {deg.max():,}, median degree {int(np.median(deg))}")
    print(f"generation {t_gen:.2f} s; index build {t_build:.2f} s (CSR + per-hop A* bounds)")
    print(f"mcfwatch exposure ({args.queries} random partners, top 200 paths, <= 4 hops): "
          f"p50 {percentile(lat, .5):.2f} ms, p95 {percentile(lat, .95):.2f} ms, max {max(lat):.1f} ms; "
          f"mean paths {statistics.mean(npaths):.1f}; step budget hit {incomplete}x")
    print(f"peak RSS after mcfwatch part: {peak_ours:.0f} MiB (start {rss0:.0f} MiB)")

    # -- the whole exposure query: rating, findings, patterns, timeline, JSON-ready dict --------------------
    t0 = time.perf_counter()
    analyst = full_analyst(args.nodes, src, dst, weight, listed, rng)
    t_full_build = time.perf_counter() - t0
    f_lat: list[float] = []
    levels: dict[str, int] = {}
    for p in partners:
        t0 = time.perf_counter()
        result = analyst.exposure(f"Entity {p}")
        f_lat.append((time.perf_counter() - t0) * 1000)
        levels[result["rating"]["level"]] = levels.get(result["rating"]["level"], 0) + 1
    peak_full = rss_mib()
    print(f"full graph objects (1 Edge object per edge with evidence, flags, listings, patterns): build {t_full_build:.1f} s")
    print(f"mcfwatch Analyst.exposure end to end ({args.queries} partners): p50 {percentile(f_lat, .5):.1f} ms, "
          f"p95 {percentile(f_lat, .95):.1f} ms, max {max(f_lat):.0f} ms; levels {dict(sorted(levels.items()))}")
    print(f"peak RSS after full part: {peak_full:.0f} MiB")
    del analyst
    gc.collect()

    # -- baseline: plain networkx ------------------------------------------------------------------
    import networkx as nx

    del g
    gc.collect()
    t0 = time.perf_counter()
    G = nx.Graph()
    G.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), weight.tolist(), strict=True))
    t_nx_build = time.perf_counter() - t0
    targets = set(listed.tolist())
    b_lat: list[float] = []
    capped = 0
    agree = 0
    for p in partners[: args.baseline_queries]:
        if p not in G:
            continue
        t0 = time.perf_counter()
        found = []
        hit_cap = False
        for path in nx.all_simple_paths(G, p, targets - {p}, cutoff=4):
            found.append(path)
            if time.perf_counter() - t0 > args.baseline_cap_s:
                hit_cap = True
                break
        found.sort(key=lambda ps: -float(np.prod([G[a][b]["weight"] for a, b in zip(ps, ps[1:], strict=False)])))
        b_lat.append((time.perf_counter() - t0) * 1000)
        capped += hit_cap
        # The baseline continues through listed entities; ours stops there. Compare where the definitions agree.
        if not hit_cap and found:
            ours, _ = index.paths(p, limit=1)
            agree += bool(ours) and not any(n in targets for n in found[0][1:-1])
    print(f"networkx baseline: graph build {t_nx_build:.2f} s; all_simple_paths cutoff=4 on "
          f"{len(b_lat)} of the same partners (cap {args.baseline_cap_s:.0f} s each): "
          f"p50 {percentile(b_lat, .5):.0f} ms, p95 {percentile(b_lat, .95):.0f} ms, hit the cap {capped}x")
    print(f"peak RSS after baseline: {rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
