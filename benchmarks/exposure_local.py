"""Warm `mcfwatch exposure NAME` on a large store: the neighbourhood that composes only the event edges the
answer reads (graph/local.py, now) beside the one that composed every pair of every event next to the partner
and indexed them (the reference kept in tests/analyse/test_local_graph.py), in the same run.

    nice -n 10 .venv/bin/python benchmarks/exposure_local.py --db SCALE.db [--name NAME ...] [--runs 3]

Per name: a fresh `mcfwatch exposure NAME --format json` process (wall and CPU seconds: what a user waits for,
imports included), then, in this process with everything imported, the answer's CPU seconds with the new
neighbourhood and with the reference, their composed edges, and whether the two answers are byte-identical.
The graph index must be current (the first call after a write builds it; cold_cli.py --scale-db measures that
call): a run that had to build it says so and is not a warm figure. Names default to cold_cli.py's partners of
benchmarks/scale_store.py's 1M store. Wall time on a shared machine includes waiting for a core: the load
average is printed; CPU is the comparable figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the reference lives in the tests

from mcfwatch.analyse import indexed as I  # noqa: E402
from mcfwatch.analyse.exposure import Analyst  # noqa: E402
from mcfwatch.graph import local as L  # noqa: E402
from mcfwatch.graph.graph import Graph  # noqa: E402
from mcfwatch.store import Store  # noqa: E402
from tests.analyse.test_local_graph import reference_local_graph  # noqa: E402

NAMES = ["Aviation Industry Corporation of China", "宝鸡秦岭特种材料有限公司",
         "Academy of Aerospace Propulsion Technology 1"]


def cli(db: Path, name: str) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh `mcfwatch exposure` process (its output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mcfwatch.cli.main", "exposure", name, "--db", str(db),
                           "--format", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"mcfwatch exposure {name!r} failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def answer(store: Store, name: str, reference: bool) -> tuple[float, str, int]:
    """CPU seconds of one exposure answered from the index, its JSON, and the neighbourhood's composed edges."""
    made: list[Graph] = []
    chosen = L.local_graph

    def old(store: Store, pg: Any, closed: set[int], partner: int, hops: Any, first: int, *rest: Any) -> Graph:
        return reference_local_graph(store, pg, closed, *rest)

    def counted(*args: Any) -> Graph:
        made.append((old if reference else chosen)(*args))
        return made[-1]

    I.local_graph = counted
    try:
        started = time.process_time()
        found = I.indexed_exposure(Analyst(store), name, 200)
        cpu = time.process_time() - started
    finally:
        I.local_graph = chosen
    if found is None:
        sys.exit(f"{name!r}: not answered from the graph index (unknown name, or the index is switched off)")
    return cpu, json.dumps(found, ensure_ascii=False, sort_keys=True), sum(e.method == "composed" for e in made[0].edges)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, required=True, help="an SQLite store (scale_store.py / store_backends.py)")
    ap.add_argument("--name", action="append", help="a partner to ask about (repeatable; default: the 1M store's three)")
    ap.add_argument("--runs", type=int, default=3, help="fresh processes per name (median)")
    args = ap.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no such store")
    names = args.name or NAMES
    store = Store(f"sqlite:///{args.db}", create=False)
    cache = I.graph_cache(Analyst(store))
    if cache is None or cache.folder is None:
        sys.exit("the graph index is switched off (MCFWATCH_GRAPH_CACHE=0 or MCFWATCH_CACHE_DIR=off)")
    current = I.open_index(cache) is not None and not cache.rebuilt
    print(f"store {args.db} ({store.counts()['relations']:,} relations); graph index "
          f"{'current' if current else 'BUILT BY THIS RUN (the first row is not warm)'}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'name':<46}{'fresh CLI wall':>15}{'cpu':>7}{'answer cpu':>12}{'reference':>11}"
          f"{'composed':>10}{'reference':>11}  same")
    for name in names:
        runs = [cli(args.db, name) for _ in range(args.runs)]
        wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        new_cpu, new_json, new_n = answer(store, name, reference=False)
        ref_cpu, ref_json, ref_n = answer(store, name, reference=True)
        print(f"{name[:45]:<46}{wall:>15.2f}{cpu:>7.2f}{new_cpu:>12.2f}{ref_cpu:>11.2f}{new_n:>10,}{ref_n:>11,}"
              f"  {'yes' if new_json == ref_json else 'NO'}", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.1f}; the CLI column is the median of {args.runs} fresh "
          "processes (imports, the store's reads and the JSON output included)")


if __name__ == "__main__":
    main()
