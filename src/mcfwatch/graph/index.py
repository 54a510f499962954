"""Compact adjacency (CSR arrays) and the best-first path search that exposure queries run on.

Invariants the search relies on:
- every edge weight is in (0, 1] and every hop factor is <= 1, so a partial path's score bounds the score of
  any extension: paths come out of the heap in exactly descending score order (top-k is exact);
- ``best[d][v]`` bounds from above the factor any completion from v can add when v is reached by the d-th
  hop (the strongest way on to a target, ignoring the simple-path rule): the heap is ordered by
  score x bound (A*), so branches that cannot beat the paths already found are never expanded, and branches
  that cannot reach a target at all (bound 0) are never pushed.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import count
from typing import Any

import numpy as np
import numpy.typing as npt


@dataclass(slots=True, frozen=True)
class RawPath:
    score: float
    nodes: tuple[int, ...]
    edges: tuple[int, ...]


class GraphIndex:
    """Undirected CSR adjacency over integer node ids with per-edge weights and node roles.

    terminal: listed entities and military bodies (a path ends there); soft: MCF-linked entities (a path
    may end there or go on); blocked: places, events, programmes (never an intermediate or an end).
    """

    def __init__(
        self,
        n_nodes: int,
        src: npt.ArrayLike,
        dst: npt.ArrayLike,
        weight: npt.ArrayLike,
        terminal: npt.ArrayLike,
        soft: npt.ArrayLike,
        blocked: npt.ArrayLike,
        max_hops: int = 4,
        hop_factors: tuple[float, ...] | None = None,
    ) -> None:
        s = np.asarray(src, dtype=np.int64)
        d = np.asarray(dst, dtype=np.int64)
        w = np.asarray(weight, dtype=np.float64)
        if len(s) and (w.min() <= 0 or w.max() > 1):
            raise ValueError("edge weights must be in (0, 1]")
        self.n = n_nodes
        self.max_hops = max_hops
        self.weight = w
        self.terminal = np.asarray(terminal, dtype=bool)
        self.soft = np.asarray(soft, dtype=bool)
        self.blocked = np.asarray(blocked, dtype=bool)
        self.is_target = self.terminal | self.soft
        keep = s != d
        eids = np.nonzero(keep)[0]
        heads = np.concatenate([s[keep], d[keep]])
        tails = np.concatenate([d[keep], s[keep]])
        both = np.concatenate([eids, eids])
        # Within each node, strongest edges first: the search then walks candidates in score order.
        order = np.lexsort((-w[both], heads))
        self.nbr = tails[order].astype(np.int32)
        self.eid = both[order].astype(np.int32)
        self.indptr = np.zeros(n_nodes + 1, dtype=np.int64)
        np.cumsum(np.bincount(heads, minlength=n_nodes), out=self.indptr[1:])
        # the bounds are made once, for the factors given (``set_hop_factors`` with the same ones is then free)
        self.hop_factor = (1.0,) * max_hops if hop_factors is None else self._factors(hop_factors)
        self.best = self._bounds()
        self._cache: dict[int, tuple[list[int], list[int], list[float], list[float]]] = {}
        self._cached = 0

    @classmethod
    def from_arrays(cls, arrays: dict[str, npt.NDArray[Any]], max_hops: int, hop_factor: tuple[float, ...]) -> GraphIndex:
        """An index over arrays saved by ``arrays()`` (memory-mapped by graph/persisted.py): nothing is sorted
        or recomputed, so opening it costs no more than the pages a search reads."""
        self = cls.__new__(cls)
        self.n = len(arrays["indptr"]) - 1
        self.max_hops = max_hops
        self.weight, self.terminal, self.soft, self.blocked = (
            arrays["weight"], arrays["terminal"], arrays["soft"], arrays["blocked"])
        self.is_target = arrays["is_target"]
        self.nbr, self.eid, self.indptr = arrays["nbr"], arrays["eid"], arrays["indptr"]
        self.hop_factor = hop_factor
        self.best = [arrays[f"best{d}"] for d in range(max_hops + 1)]
        self._cache = {}
        self._cached = 0
        return self

    def arrays(self) -> dict[str, npt.NDArray[Any]]:
        """Everything a search reads, for ``from_arrays`` (the bounds are those of the current hop factors)."""
        out = {"weight": self.weight, "terminal": self.terminal, "soft": self.soft, "blocked": self.blocked,
               "is_target": self.is_target, "nbr": self.nbr, "eid": self.eid, "indptr": self.indptr}
        out.update({f"best{d}": b for d, b in enumerate(self.best)})
        return out

    def set_hop_factors(self, factors: tuple[float, ...]) -> None:
        """Use these per-hop factors (each <= 1) for scores and bounds; recomputes bounds when they change."""
        f = self._factors(factors)
        if f != self.hop_factor:
            self.hop_factor = f
            self.best = self._bounds()
            self._cache.clear()
            self._cached = 0

    def _factors(self, factors: tuple[float, ...]) -> tuple[float, ...]:
        f = tuple(float(x) for x in factors[: self.max_hops]) + (1.0,) * max(0, self.max_hops - len(factors))
        if any(not 0 < x <= 1 for x in f):
            raise ValueError("hop factors must be in (0, 1]")
        return f

    def _bounds(self) -> list[npt.NDArray[np.float64]]:
        """best[d][u]: the largest factor a completion can add after u was reached by hop d (d = 1..max_hops).

        best[max_hops] = 0 (no hop left); best[d][u] = max over neighbours v (not blocked) of
        hop_factor[d] * w(u, v) * (1 if v is a target else best[d + 1][v]).
        """
        n = self.n
        best = [np.zeros(n) for _ in range(self.max_hops + 1)]
        tails = self.nbr
        w = self.weight[self.eid]
        ok = ~self.blocked[tails]
        starts = self.indptr[:-1]
        nonempty = np.diff(self.indptr) > 0
        for d in range(self.max_hops - 1, 0, -1):
            nxt = np.where(self.is_target[tails], 1.0, best[d + 1][tails])
            contrib = np.where(ok, self.hop_factor[d] * w * nxt, 0.0)
            cur = np.zeros(n)
            if len(contrib):
                cur[nonempty] = np.maximum.reduceat(contrib, starts[nonempty])
            best[d] = cur
        return best

    def neighbours(self, node: int) -> list[tuple[int, int]]:
        a, b = int(self.indptr[node]), int(self.indptr[node + 1])
        return list(zip(self.nbr[a:b].tolist(), self.eid[a:b].tolist(), strict=True))

    def _candidates(self, u: int, depth: int) -> tuple[list[int], list[int], list[float], list[float]]:
        """Neighbours worth taking as hop depth+1 from u: (nodes, edges, weights, bounds), best bound first."""
        key = u * 8 + depth
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        a, b = int(self.indptr[u]), int(self.indptr[u + 1])
        nb = self.nbr[a:b]
        ee = self.eid[a:b]
        w = self.weight[ee]
        nxt = np.where(self.is_target[nb], 1.0, self.best[depth + 1][nb] if depth + 1 < self.max_hops else 0.0)
        bound = np.where(self.blocked[nb], 0.0, w * nxt)
        keep = np.nonzero(bound > 0)[0]
        keep = keep[np.argsort(-bound[keep], kind="stable")]
        out = (nb[keep].tolist(), ee[keep].tolist(), w[keep].tolist(), bound[keep].tolist())
        if b - a >= 16:  # only hubs are worth keeping; small lists are cheap to rebuild
            if self._cached + len(out[0]) > 5_000_000:
                self._cache.clear()
                self._cached = 0
            self._cache[key] = out
            self._cached += len(out[0])
        return out

    def paths(self, start: int, limit: int = 200, max_steps: int = 200_000) -> tuple[list[RawPath], bool]:
        """The strongest simple paths from start to a target, best first, at most ``limit`` of them.

        Returns (paths, complete): complete is False when the step budget ran out before the heap did.
        A path's score is the product of its edge weights and of hop_factor[i] for its i-th hop.
        """
        found: list[RawPath] = []
        tick = count()
        push, pop = heapq.heappush, heapq.heappop
        # Heap items: (-priority, tick, nodes, edges, score-or-base, candidates or None, position). An item
        # with candidates is a cursor over one node's neighbours, standing for its next candidate's path.
        heap: list[tuple[float, int, tuple[int, ...], tuple[int, ...], float, Any, int]]
        heap = [(-1.0, next(tick), (start,), (), 1.0, None, 0)]
        is_target, terminal, max_hops, hf = self.is_target, self.terminal, self.max_hops, self.hop_factor
        steps = 0
        while heap and len(found) < limit:
            steps += 1
            if steps > max_steps:
                return found, False
            neg, _, nodes, edges, score, cands, pos = pop(heap)
            if cands is not None:
                vs, es, ws, bs = cands
                push(heap, (neg, next(tick), nodes + (vs[pos],), edges + (es[pos],), score * ws[pos], None, 0))
                pos += 1
                while pos < len(vs) and vs[pos] in nodes:
                    pos += 1
                if pos < len(vs):
                    push(heap, (-score * bs[pos], next(tick), nodes, edges, score, cands, pos))
                continue
            u = nodes[-1]
            depth = len(edges)
            if depth and is_target[u]:
                found.append(RawPath(score, nodes, edges))
                if terminal[u]:
                    continue
            if depth >= max_hops:
                continue
            cands = self._candidates(u, depth)
            vs = cands[0]
            pos = 0
            while pos < len(vs) and vs[pos] in nodes:
                pos += 1
            if pos < len(vs):
                base = score * hf[depth]
                push(heap, (-base * cands[3][pos], next(tick), nodes, edges, base, cands, pos))
        return found, True
