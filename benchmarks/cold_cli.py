"""Fresh `mcfwatch` processes on the demo store: what a user waits for each command.

Each command runs in a new interpreter, three ways, median of --runs:
  baseline  MCFWATCH_CACHE_DIR=off (every process parses the lists again; the behaviour before the cache)
  cold      first call after clearing the cache (builds it)
  warm      the next fresh process (reads it)
Printed: wall seconds and CPU seconds (user + system of the child), and the warm figures against the targets.
Wall time on a shared machine includes waiting for a core, so the load average is printed too; CPU time is
what the command itself costs (one core, local files: on an idle machine wall is close to it).

Targets (issue 12): `--help` < 0.5 s, `screen NAME` < 1.0 s, `exposure NAME` < 1.5 s; on a store with 1M
relations `exposure NAME` < 3 s.

Run: nice -n 10 .venv/bin/python benchmarks/cold_cli.py [--runs 3] [--db demo.db] [--scale-db scale.db]
Without --db, the demo store is built once with `mcfwatch demo --db` in a temporary folder (minutes).

--scale-db names a large store made by benchmarks/scale_store.py or store_backends.py (copies of corpus/train
with renamed entities; 1M relations by default). Its rows: `exposure NAME --db SCALE` in a fresh process, first
with the graph index removed (`SCALE.cache/graph-*`: the process builds the whole graph from the store and
saves its index, as the first call after any write does), then again with the index current (warm), for the
hub, a median and a renamed partner (scale_store.partners); one process each, beside the same two calls on
the demo store and `--help` in this run. The listing links are kept: a store made in bulk was never screened,
so if it has no link cache it is seeded first as scale_store.py does (each original name screened once, its
listings given to its renamed copies; the time is printed), else the first call would screen every name.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MCFWATCH = [sys.executable, "-m", "mcfwatch.cli.main"]
TARGETS = {"--help": 0.5, "screen": 1.0, "exposure": 1.5}


def commands(db: Path) -> list[tuple[str, list[str]]]:
    return [
        ("--help", ["--help"]),
        ("screen Huawei", ["screen", "Huawei"]),
        ("screen 华为", ["screen", "华为"]),
        ("show 'Lizhong Group'", ["show", "Lizhong Group", "--db", str(db)]),
        ("exposure 'Brunel University'", ["exposure", "Brunel University", "--db", str(db)]),
    ]


def run_once(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process (its output is discarded; a failure stops the benchmark)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*MCFWATCH, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"mcfwatch {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def exposure_first_and_warm(db: Path, names: list[str], env: dict[str, str]) -> list[tuple[str, float, float]]:
    """(label, wall, cpu) of `exposure` with the graph index removed (first name only), then warm for each name."""
    for old in db.parent.glob(f"{db.name}.cache/graph-*"):
        shutil.rmtree(old)
    rows = []
    for i, name in enumerate(names):
        args = ["exposure", name, "--db", str(db), "--format", "json"]
        if i == 0:
            rows.append((f"first  exposure {name!r}", *run_once(args, env)))
        rows.append((f"warm   exposure {name!r}", *run_once(args, env)))
    return rows


def scale_rows(scale: Path, demo: Path, env: dict[str, str]) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from scale_store import corpus, partners, seed_links
    from sqlalchemy import text

    from mcfwatch.store import Store

    url = f"sqlite:///{scale}"
    store = Store(url, create=False)
    counts = store.counts()
    with store.engine.connect() as conn:  # the corpus documents this store was made from
        made_from = {r[0] for r in conn.execute(text("SELECT DISTINCT title FROM documents"))}
    store.close()
    names = partners([r for r in corpus() if r["id"] in made_from])
    print(f"\nscale store {scale}: {counts['relations']:,} relations, {counts['documents']:,} documents, "
          f"{scale.stat().st_size / 2**20:,.0f} MiB", flush=True)
    if not list(scale.parent.glob(f"{scale.name}.cache/links-*.sqlite")):
        started, cpu0 = time.perf_counter(), time.process_time()
        secs, originals, stored = seed_links(url)
        print(f"link cache seeded: {originals:,} originals screened for {stored:,} listable names in "
              f"{time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu0:.1f} s CPU", flush=True)
    print(f"{'':<58}{'wall s':>8}{'cpu s':>8}")
    for store_label, db, store_names in (("demo", demo, ["Brunel University"]), ("1M" if counts["relations"] >= 10**6
                                                                               else "scale", scale, names)):
        for label, wall, cpu in exposure_first_and_warm(db, store_names, env):
            verdict = ""
            if label.startswith("warm") and store_label != "demo":
                verdict = f"  < 3.0: wall {'ok' if wall < 3 else 'MISSED'}, cpu {'ok' if cpu < 3 else 'MISSED'}"
            print(f"{store_label:<6}{label[:52]:<52}{wall:8.2f}{cpu:8.2f}{verdict}", flush=True)
    wall, cpu = run_once(["--help"], env)
    print(f"{'':<6}{'--help (process start and imports)':<52}{wall:8.2f}{cpu:8.2f}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20
    print(f"largest child's peak memory: {peak:.1f} GiB (the first call on the scale store)")


def demo_store(work: Path) -> Path:
    db = work / "demo.db"
    print(f"building the demo store in {db} (mcfwatch demo) ...", flush=True)
    subprocess.run([*MCFWATCH, "demo", "--db", str(db)], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "MCFWATCH_CACHE_DIR": "off"})
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="processes per command and mode (median)")
    parser.add_argument("--db", type=Path, help="demo store to use (default: build one in a temporary folder)")
    parser.add_argument("--only", help="run only the commands whose label contains this text")
    parser.add_argument("--scale-db", type=Path, help="a large store (scale_store.py): exposure first and warm on it")
    parser.add_argument("--scale-only", action="store_true", help="with --scale-db: only its rows (and their baselines)")
    opts = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mcfwatch-cold-cli-"))
    try:
        db = opts.db or demo_store(work)
        cache = work / "cache"
        off = {**os.environ, "MCFWATCH_CACHE_DIR": "off"}
        on = {**os.environ, "MCFWATCH_CACHE_DIR": str(cache)}
        print(f"runs per cell: {opts.runs}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(f"{'command':<32}{'baseline (cache off)':>22}{'cold (cache cleared)':>22}{'warm (cache built)':>22}"
              f"{'target':>9}")
        print(f"{'':<32}{'wall / cpu s':>22}{'wall / cpu s':>22}{'wall / cpu s':>22}")
        for label, args in [] if opts.scale_only else commands(db):
            if opts.only and opts.only not in label:
                continue
            base = median([run_once(args, off) for _ in range(opts.runs)])
            cold_samples = []
            for _ in range(opts.runs):
                shutil.rmtree(cache, ignore_errors=True)
                cold_samples.append(run_once(args, on))
            cold = median(cold_samples)
            warm = median([run_once(args, on) for _ in range(opts.runs)])
            target = next((t for k, t in TARGETS.items() if label.startswith(k)), None)
            verdict = "" if target is None else (f"< {target:.1f}: wall {'ok' if warm[0] < target else 'MISSED'}, "
                                                 f"cpu {'ok' if warm[1] < target else 'MISSED'}")
            print(f"{label:<32}" + "".join(f"{w:>12.2f} / {c:<7.2f}" for w, c in (base, cold, warm)) + f"  {verdict}",
                  flush=True)
        if opts.scale_db:
            scale_rows(opts.scale_db, db, on)
        print(f"load average after: {os.getloadavg()[0]:.1f}; verdicts compare the warm times with the target "
              "(wall includes waiting for a core on a shared machine; cpu is the command's own cost)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
