"""The first `resolve_store` call in a fresh process: what `mcfwatch resolve` (or a library user) waits for.

The store is the bilingual seed (the founding document and our Chinese rendering, ingested without
resolving), copied afresh for every run. Each run is a new interpreter that imports mcfwatch, opens the
copy and times one `resolve_store` call (CPU seconds of the process, and wall seconds), three ways:
  off   MCFWATCH_CACHE_DIR=off: the process parses every list name for the matcher (no screening cache)
  cold  an empty cache folder: the process parses the lists and writes the cache (the first call after an
        install, or after the lists or the matching code changed)
  warm  the next process, reading that cache
With --baseline-src DIR (another checkout's src/, e.g. ../main/src) every row is measured for that code
too, in the same run, so the two columns compare like with like on a shared machine.
Printed: median of --runs per row; the load average, since wall time on a shared machine includes waiting.

Run: nice -n 10 .venv/bin/python benchmarks/first_resolve.py [--runs 3] [--baseline-src ../main/src]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, sys, time
t0 = time.process_time()
from mcfwatch.resolve.merge import resolve_store
from mcfwatch.store import Store
store = Store(sys.argv[1])
c0, w0 = time.process_time(), time.perf_counter()
merges = resolve_store(store)
c1, w1 = time.process_time(), time.perf_counter()
print(json.dumps({"import": c0 - t0, "cpu": c1 - c0, "wall": w1 - w0, "merges": len(merges)}))
"""


def seed_store(folder: Path) -> Path:
    from mcfwatch.data import SEED, sample_path
    from mcfwatch.workspace import Workspace

    db = folder / "seed.db"
    ws = Workspace(db)
    report = ws.ingest([sample_path(SEED), sample_path("zh", "seed_zh.txt")], resolve=False)
    ws.close()
    print(f"seed store: {len(report.stored)} documents, {report.entities} entities (not resolved)")
    return db


def run(src: Path | None, db: Path, work: Path, cache: str) -> dict[str, float]:
    copy = work / "run.db"
    shutil.copy(db, copy)
    env = {**os.environ, "MCFWATCH_CACHE_DIR": cache}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    done = subprocess.run([sys.executable, "-c", CHILD, str(copy)], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"first_resolve: the child failed: {done.stderr.strip().splitlines()[-1:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(src: Path | None, db: Path, work: Path, runs: int) -> dict[str, dict[str, float]]:
    rows: dict[str, list[dict[str, float]]] = {"off": [], "cold": [], "warm": []}
    for _ in range(runs):
        rows["off"].append(run(src, db, work, "off"))
        cache = work / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        rows["cold"].append(run(src, db, work, str(cache)))
        rows["warm"].append(run(src, db, work, str(cache)))
    return {k: {m: statistics.median(r[m] for r in v) for m in ("cpu", "wall", "import", "merges")}
            for k, v in rows.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline-src", type=Path, help="another checkout's src/ to measure beside this one")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="mcfwatch-first-resolve-") as tmp:
        work = Path(tmp)
        db = seed_store(work)
        columns = {"this": measure(None, db, work, args.runs)}
        if args.baseline_src:
            columns["baseline"] = measure(args.baseline_src.resolve(), db, work, args.runs)
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; median of {args.runs} fresh processes")
    print(f"{'first resolve_store':<22}" + "".join(f"{name + ' cpu s':>16}{name + ' wall s':>16}" for name in columns)
          + f"{'merges':>8}")
    for row in ("off", "cold", "warm"):
        cells = "".join(f"{c[row]['cpu']:>16.2f}{c[row]['wall']:>16.2f}" for c in columns.values())
        print(f"{row:<22}{cells}{int(columns['this'][row]['merges']):>8}")
    print("import mcfwatch.resolve.merge + store, cpu s: "
          + ", ".join(f"{name} {c['warm']['import']:.2f}" for name, c in columns.items()))


if __name__ == "__main__":
    main()
