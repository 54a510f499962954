"""The graph build's steps on a store, grouped by key (now) beside the pairwise code they replaced (the
reference kept in tests/analyse/test_linear_build.py), in the same run: CPU seconds and output sizes.

    .venv/bin/python benchmarks/graph_build.py --db STORE [--max-triples 5000000]

Lists are left out (lists=[]: no screening; the link cache is measured by `mcfwatch exposure`). The reference
delegation detector walks every (help, visit, agreement) triple and keeps its patterns in memory until the
end: it is not run when the store has more than --max-triples of them (the count is printed instead).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the reference lives in the tests

from mcfwatch.analyse import patterns as P  # noqa: E402
from mcfwatch.analyse.exposure import Analyst  # noqa: E402
from mcfwatch.graph import build as B  # noqa: E402
from mcfwatch.store import Store  # noqa: E402
from tests.analyse.test_linear_build import (  # noqa: E402
    reference_composed_pairs,
    reference_corroborate,
    reference_delegation_agreements,
    reference_gov_facilitation_mcf,
)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.process_time()
    out = fn()
    return time.process_time() - t, out


def row(step: str, new: tuple[float, Any], ref: tuple[float, Any] | str, size: Callable[[Any], int]) -> None:
    ref_s = ref if isinstance(ref, str) else f"{ref[0]:9.2f} s {size(ref[1]):>12,}"
    print(f"{step:<24} {new[0]:9.2f} s {size(new[1]):>12,}   {ref_s}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="the store (SQLite file or PostgreSQL URL)")
    ap.add_argument("--max-triples", type=int, default=5_000_000,
                    help="run the reference delegation detector only below this many (help, visit, agreement) triples")
    args = ap.parse_args()
    store = Store(args.db, create=False)
    print(f"store {args.db}: {store.counts()}")
    read_s, rows = timed(lambda: B.read_store(store))
    whole_s, g = timed(lambda: Analyst(store, lists=[]).graph)
    print(f"read_store {read_s:.2f} s CPU; whole build_graph (lists=[]) {whole_s:.2f} s CPU, "
          f"{len(g.nodes):,} nodes, {len(g.edges):,} edges")
    raw = [B._edge(r) for r in rows.relations]
    nodes = {n.id: n for n in g.nodes}
    print(f"{'step':<24} {'now CPU':>11} {'output':>12}   {'reference CPU':>11} {'output':>12}")
    new = timed(lambda: B.corroborate(raw))
    row("corroborate (also refs)", new, timed(lambda: reference_corroborate(raw)), lambda es: sum(len(e.also) for e in es))
    grouped = new[1]
    row("compose_events (edges)", timed(lambda: B.compose_events(nodes, grouped)),
        timed(lambda: reference_composed_pairs(nodes, grouped)), len)
    triples = sum(
        sum(1 for v in g.edges_of(f.source) if v.type == "visit" and v.source == f.source)
        * sum(1 for a in g.edges_of(f.target) if a.type == "agreement")
        for f in g.edges if f.type == "facilitation" and P.is_government(g, f.source)
    )
    ref: tuple[float, Any] | str = (timed(lambda: reference_delegation_agreements(g)) if triples <= args.max_triples
                                    else f"not run: {triples:,} (help, visit, agreement) triples")
    row("delegation_agreements", timed(lambda: P.delegation_agreements(g)), ref, len)
    row("gov_facilitation_mcf", timed(lambda: P.gov_facilitation_mcf(g)), timed(lambda: reference_gov_facilitation_mcf(g)),
        len)
    row("friendship_city", timed(lambda: P.friendship_city_escalation(g)), "(unchanged)", len)


if __name__ == "__main__":
    main()
