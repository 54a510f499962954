"""Fuzz every reader of untrusted bytes for a bounded time; keep each crash as a regression file.

A crash is any exception other than InputError escaping a reader (``mcfwatch.ingest.readers.READERS``).
With atheris installed (``pip install atheris``; a cp311 manylinux wheel exists) each reader gets a
coverage-guided libFuzzer run in its own process, seeded with tests/reliability/seeds and the regression
files; without it, the same targets are driven by hypothesis (random and mutated seeds) for the same time.
Crashing inputs are copied to tests/ingest/regressions/<reader>-<sha1>.bin, which
tests/ingest/test_regressions.py replays on every test run.

Run: nice -n 10 .venv/bin/python benchmarks/fuzz_readers.py [--seconds 30] [--target pdf ...] [--engine hypothesis]
Prints per reader: engine, inputs tried, crashes found; and the totals.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "reliability" / "seeds"
REGRESSIONS = ROOT / "tests" / "ingest" / "regressions"
SEED_FOR = {"pdf": "seed.pdf", "docx": "seed.docx", "xlsx": "partners.xlsx"}
TEXT_SEEDS = {
    "txt": b"Huawei signed an agreement with Brunel University.\n",
    "html": b"<html><head><title>t</title></head><body><p>Huawei and Brunel University.</p></body></html>",
    "jsonl": b'{"id": "a", "text": "Huawei signed.", "date": "2020-01-02"}\n{"text": "x"}\n',
    "csv": b"name,country\nHuawei,cn\nBrunel University,gb\n",
}


def _keep(target: str, data: bytes) -> Path:
    REGRESSIONS.mkdir(parents=True, exist_ok=True)
    path = REGRESSIONS / f"{target}-{hashlib.sha1(data).hexdigest()[:16]}.bin"  # noqa: S324 (a name, not security)
    path.write_bytes(data)
    return path


def _seeds(target: str) -> list[bytes]:
    out = [(SEEDS / SEED_FOR[target]).read_bytes()] if target in SEED_FOR else [TEXT_SEEDS[target]]
    out += [p.read_bytes() for p in sorted(REGRESSIONS.glob(f"{target}-*"))]
    return out


def _atheris_child(target: str, seconds: int) -> None:
    """Runs inside the child process: libFuzzer over one reader until the time is up."""
    import atheris

    with atheris.instrument_imports():
        from mcfwatch.errors import InputError
        from mcfwatch.ingest.readers import READERS

    reader = READERS[target]

    def one_input(data: bytes) -> None:
        with contextlib.suppress(InputError):
            reader(data, f"fuzz.{target}")

    corpus = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))
    for i, seed in enumerate(_seeds(target)):
        (corpus / f"seed{i}").write_bytes(seed)
    artifacts = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-crash-"))
    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-print_final_stats=1", "-rss_limit_mb=3072",
                   "-max_len=200000", f"-artifact_prefix={artifacts}/", str(corpus)], one_input)
    atheris.Fuzz()


def _run_atheris(target: str, seconds: int) -> tuple[int, list[Path]]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.run(  # noqa: S603 (this script)
        [sys.executable, __file__, "--child", target, "--seconds", str(seconds)],
        capture_output=True, text=True, env=env, timeout=seconds * 3 + 120,
    )
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", proc.stderr)
    kept = []
    for crash in re.findall(r"Test unit written to (\S+)", proc.stderr):
        kept.append(_keep(target, Path(crash).read_bytes()))
    if proc.returncode != 0 and not kept:
        print(proc.stderr[-2000:], file=sys.stderr)
    return (int(runs[-1]) if runs else 0), kept


def _run_hypothesis(target: str, seconds: int) -> tuple[int, list[Path]]:
    import random

    from mcfwatch.errors import InputError
    from mcfwatch.ingest.readers import READERS

    reader, seeds, rng = READERS[target], _seeds(target), random.Random(13)
    tried, kept, end = 0, [], time.monotonic() + seconds
    while time.monotonic() < end:
        data = bytearray(rng.choice(seeds))
        mode = rng.random()
        if mode < 0.2 or not data:
            data = bytearray(rng.randbytes(rng.randint(0, 4096)))
        else:
            for _ in range(rng.randint(1, 16)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            if mode > 0.7:
                del data[rng.randrange(len(data)):]
        tried += 1
        try:
            reader(bytes(data), f"fuzz.{target}")
        except InputError:
            pass
        except Exception:  # any other exception is a crash: keep the input
            kept.append(_keep(target, bytes(data)))
            traceback.print_exc(limit=3)
    return tried, kept


def main() -> None:
    from mcfwatch.ingest.readers import READERS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=int, default=30, help="time per reader")
    ap.add_argument("--target", action="append", choices=sorted(READERS), help="default: every reader")
    ap.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _atheris_child(args.child, args.seconds)
        return
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            print("atheris is not installed (pip install atheris); fuzzing with hypothesis-style mutation instead")
            engine = "hypothesis"
    total_runs = total_crashes = 0
    print(f"{'reader':<8} {'engine':<11} {'seconds':>7} {'inputs tried':>13} {'crashes':>8}")
    for target in args.target or sorted(READERS):
        runs, kept = (_run_atheris if engine == "atheris" else _run_hypothesis)(target, args.seconds)
        total_runs += runs
        total_crashes += len(kept)
        print(f"{target:<8} {engine:<11} {args.seconds:>7} {runs:>13,} {len(kept):>8}", flush=True)
        for path in kept:
            print(f"         kept {path.relative_to(ROOT)}")
    print(f"total: {total_runs:,} inputs, {total_crashes} crashes (kept under {REGRESSIONS.relative_to(ROOT)})")


if __name__ == "__main__":
    main()
