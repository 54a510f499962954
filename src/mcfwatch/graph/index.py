"""Compact adjacency (CSR arrays) and the best-first path search that exposure queries run on.

Invariants the search relies on:
- every edge weight is in (0, 1] and every hop factor is <= 1, so a partial path's score bounds the score of
  any extension: paths come out of the heap in exactly descending score order (top-k is exact);
- ``dist[v]`` is the fewest hops from v to a target through allowed intermediates, so a branch that cannot
  reach a target within the hops left is never expanded.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from itertools import count

import numpy as np
import numpy.typing as npt

UNREACHABLE = 127


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
        self.dist = self._distances()

    def _gather(self, frontier: npt.NDArray[np.int64]) -> npt.NDArray[np.int32]:
        starts = self.indptr[frontier]
        lens = self.indptr[frontier + 1] - starts
        total = int(lens.sum())
        if total == 0:
            return np.empty(0, dtype=np.int32)
        offsets = np.cumsum(lens) - lens
        idx = np.arange(total) - np.repeat(offsets, lens) + np.repeat(starts, lens)
        return self.nbr[idx]

    def _distances(self) -> npt.NDArray[np.int8]:
        """Multi-source BFS from every target, max_hops deep, through non-blocked, non-terminal nodes."""
        dist = np.full(self.n, UNREACHABLE, dtype=np.int8)
        dist[self.is_target] = 0
        frontier = np.nonzero(self.is_target & ~self.blocked)[0]
        for level in range(1, self.max_hops + 1):
            nb = self._gather(frontier)
            nb = nb[(dist[nb] > level) & ~self.blocked[nb]]
            if len(nb) == 0:
                break
            nb = np.unique(nb)
            dist[nb] = level
            frontier = nb.astype(np.int64)
        return dist

    def neighbours(self, node: int) -> list[tuple[int, int]]:
        a, b = int(self.indptr[node]), int(self.indptr[node + 1])
        return list(zip(self.nbr[a:b].tolist(), self.eid[a:b].tolist(), strict=True))

    def paths(
        self,
        start: int,
        hop_factor: tuple[float, ...] = (1.0, 1.0, 1.0, 1.0),
        limit: int = 200,
        max_steps: int = 200_000,
    ) -> tuple[list[RawPath], bool]:
        """The strongest simple paths from start to a target, best first, at most ``limit`` of them.

        Returns (paths, complete): complete is False when the step budget ran out before the heap did.
        A path's score is the product of its edge weights and of hop_factor[i] for its i-th hop.
        """
        found: list[RawPath] = []
        tick = count()
        # Heap items: (-score, tick, nodes, edges, candidates or None, position).
        heap: list[tuple[float, int, tuple[int, ...], tuple[int, ...], tuple[list[int], list[int], list[float]] | None, int]]
        heap = [(-1.0, next(tick), (start,), (), None, 0)]
        steps = 0
        while heap and len(found) < limit:
            steps += 1
            if steps > max_steps:
                return found, False
            neg, _, nodes, edges, cands, pos = heapq.heappop(heap)
            if cands is not None:
                vs, es, ss = cands
                heapq.heappush(heap, (-ss[pos], next(tick), nodes + (vs[pos],), edges + (es[pos],), None, 0))
                pos += 1
                while pos < len(vs) and vs[pos] in nodes:
                    pos += 1
                if pos < len(vs):
                    heapq.heappush(heap, (-ss[pos], next(tick), nodes, edges, cands, pos))
                continue
            u = nodes[-1]
            depth = len(edges)
            if depth and self.is_target[u]:
                found.append(RawPath(-neg, nodes, edges))
                if self.terminal[u]:
                    continue
            if depth >= self.max_hops:
                continue
            a, b = int(self.indptr[u]), int(self.indptr[u + 1])
            nb = self.nbr[a:b]
            mask = self.dist[nb] <= self.max_hops - depth - 1
            if not mask.any():
                continue
            ee = self.eid[a:b][mask]
            vs = nb[mask].tolist()
            es = ee.tolist()
            ss = ((-neg) * hop_factor[depth] * self.weight[ee]).tolist()
            pos = 0
            while pos < len(vs) and vs[pos] in nodes:
                pos += 1
            if pos < len(vs):
                heapq.heappush(heap, (-ss[pos], next(tick), nodes, edges, (vs, es, ss), pos))
        return found, True
