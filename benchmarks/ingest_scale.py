"""Ingest throughput (documents/s): one process on 1 core, `ingest --workers 2` on 2 cores, and Spark local[1]
and local[2] (`batch extract` + `load`), side by side in one run on one synthetic corpus.

The corpus is made from the real corpus: every document of ../shared/data/corpus (the pool included; else the
shipped samples) is cut into paragraphs (blank-line separated; else lines) of at least 40 characters, and each
synthetic document joins --paragraphs paragraphs drawn at random (seeded) from documents of one language, the
language drawn in proportion to the source's documents. Documents are written as JSON lines, 100 a file.

Each configuration runs in a fresh interpreter pinned to its cores (sched_setaffinity, inherited by Spark's
JVM and Python workers), into a fresh SQLite store, without name resolution (measured apart by
benchmarks/resolve_compare.py); its time includes model loading and, for Spark, the JVM start, as a user sees.

    python benchmarks/ingest_scale.py --docs 300            # the figures in the closing note
    python benchmarks/ingest_scale.py --docs 100000         # the issue's size (hours on 2 cores)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "corpus"
CONFIGS = {  # name: cores
    "ingest-1": 1,
    "ingest-workers-2": 2,
    "spark-local[1]": 1,
    "spark-local[2]": 2,
}


def source_documents(source: Path) -> list[tuple[str, str]]:
    from mcfwatch.ingest import Failure, iter_documents

    return [(d.language or "en", d.text) for d in iter_documents([source]) if not isinstance(d, Failure)]


def paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in text.split("\n\n")]
    if len(parts) < 3:
        parts = [p.strip() for p in text.splitlines()]
    return [p for p in parts if len(p) >= 40]


def make_corpus(source: Path, n: int, per_doc: int, out: Path, seed: int = 13) -> dict[str, int]:
    rng = random.Random(seed)
    docs = source_documents(source)
    pools: dict[str, list[str]] = {}
    for lang, text in docs:
        pools.setdefault(lang, []).extend(paragraphs(text))
    langs = [lang for lang, _ in docs if pools.get(lang)]
    seen: set[str] = set()
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    fh = None
    for i in range(n):
        if i % 100 == 0:
            if fh:
                fh.close()
            fh = (out / f"part-{i // 100:05d}.jsonl").open("w", encoding="utf-8")
        lang = rng.choice(langs)
        for _ in range(50):  # distinct texts: a repeat would be skipped as already stored
            text = "\n\n".join(rng.sample(pools[lang], min(per_doc, len(pools[lang]))))
            if text not in seen:
                break
        seen.add(text)
        counts[lang] = counts.get(lang, 0) + 1
        assert fh is not None
        fh.write(json.dumps({"id": f"syn-{i:06d}", "text": text, "language": lang}, ensure_ascii=False) + "\n")
    if fh:
        fh.close()
    return {"source_documents": len(docs), **{f"paragraphs_{k}": len(v) for k, v in pools.items()}, **counts}


def run_one(config: str, corpus: Path, work: Path) -> dict[str, float | int | str]:
    """Runs in the pinned child: one configuration, timed from interpreter start to the last stored document."""
    from mcfwatch.store import Store
    from mcfwatch.workspace import Workspace

    started = time.perf_counter()
    db = work / f"{config}.db"
    if config == "ingest-1":
        ws = Workspace(db)
        report = ws.ingest([corpus], resolve=False)
        stored = len(report.stored)
    elif config == "ingest-workers-2":
        from mcfwatch.batch.parallel import ingest_parallel

        ws = Workspace(db)
        stored = len(ingest_parallel(ws, [corpus], workers=2, resolve=False).stored)
    else:
        from mcfwatch.batch.extract import batch_extract
        from mcfwatch.batch.load import load

        master = config.removeprefix("spark-")
        out = work / f"{config}.out"
        batch_extract([corpus], out, master=master)
        extracted = time.perf_counter() - started
        stored = len(load(out, Store(db), resolve=False).stored)
        return {"config": config, "stored": stored, "seconds": time.perf_counter() - started,
                "extract_seconds": extracted}
    return {"config": config, "stored": stored, "seconds": time.perf_counter() - started}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300, help="synthetic documents (the issue asks for 100000)")
    ap.add_argument("--paragraphs", type=int, default=3, help="paragraphs per synthetic document")
    ap.add_argument("--source", type=Path, default=None, help="corpus to resample (default ../shared, else samples)")
    ap.add_argument("--configs", default=",".join(CONFIGS), help="comma-separated subset of " + ", ".join(CONFIGS))
    ap.add_argument("--run", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run_one(args.run, args.corpus, args.work)))
        return
    from mcfwatch.data import sample_path

    source = args.source or (SHARED if SHARED.is_dir() else sample_path())
    work = Path(tempfile.mkdtemp(prefix="mcfwatch-ingest-scale-"))
    corpus = work / "corpus"
    info = make_corpus(source, args.docs, args.paragraphs, corpus)
    chars = sum(len(json.loads(line)["text"]) for f in corpus.glob("*.jsonl") for line in f.open(encoding="utf-8"))
    print(f"corpus: {args.docs} documents ({chars / args.docs:.0f} characters each on average) resampled from "
          f"{source}: {info}; cores on this machine: {os.cpu_count()}; load average {os.getloadavg()[0]:.1f}")
    results = []
    for config in args.configs.split(","):
        cores = set(range(min(CONFIGS[config], os.cpu_count() or 1)))
        cmd = [sys.executable, __file__, "--run", config, "--corpus", str(corpus), "--work", str(work)]
        proc = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=lambda c=cores: os.sched_setaffinity(0, c))
        if proc.returncode != 0:
            print(f"{config}: failed: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(r)
        extra = f" (Spark extract {r['extract_seconds']:.0f} s, load {r['seconds'] - r['extract_seconds']:.0f} s)" \
            if "extract_seconds" in r else ""
        print(f"{config:18s} cores={len(cores)}  {r['stored']:6d} stored  {r['seconds']:7.1f} s  "
              f"{r['stored'] / r['seconds']:6.2f} docs/s{extra}", flush=True)
    base = next((r for r in results if r["config"] == "ingest-1"), None)
    if base:
        for r in results:
            print(f"{r['config']:18s} {float(base['seconds']) / float(r['seconds']):.2f}x ingest-1; "
                  f"100,000 documents at this rate: {100_000 / (int(r['stored']) / float(r['seconds'])) / 3600:.1f} h")


if __name__ == "__main__":
    main()
