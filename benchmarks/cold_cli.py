"""Fresh `mcfwatch` processes on the demo store: what a user waits for each command.

Each command runs in a new interpreter, three ways, median of --runs:
  baseline  MCFWATCH_CACHE_DIR=off (every process parses the lists again; the behaviour before the cache)
  cold      first call after clearing the cache (builds it)
  warm      the next fresh process (reads it)
Printed: wall seconds and CPU seconds (user + system of the child), and the warm figures against the targets.
Wall time on a shared machine includes waiting for a core, so the load average is printed too; CPU time is
what the command itself costs (one core, local files: on an idle machine wall is close to it).

Targets (issue 12): `--help` < 0.5 s, `screen NAME` < 1.0 s, `exposure NAME` < 1.5 s.

Run: nice -n 10 .venv/bin/python benchmarks/cold_cli.py [--runs 3] [--db demo.db]
Without --db, the demo store is built once with `mcfwatch demo --db` in a temporary folder (minutes).
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
        for label, args in commands(db):
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
        print(f"load average after: {os.getloadavg()[0]:.1f}; verdicts compare the warm times with the target "
              "(wall includes waiting for a core on a shared machine; cpu is the command's own cost)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
