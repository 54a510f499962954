"""Ingest throughput (documents/s): one process on 1 core, `ingest --workers 2` on 2 cores, and Spark local[1]
and local[2] (`batch extract` + `load`), side by side in one run on one synthetic corpus.

The corpus is made from the real corpus: every document of ../shared/data/corpus (the pool included; else the
shipped samples) is cut into paragraphs (blank-line separated; else lines) of at least 40 characters, and each
synthetic document joins --paragraphs paragraphs drawn at random (seeded) from documents of one language, the
language drawn in proportion to the source's documents. Documents are written as JSON lines, 100 a file.

The generator is seeded and sequential, so the first N documents of a larger corpus are the N-document corpus.

Each configuration runs in a fresh interpreter pinned to its cores (sched_setaffinity, inherited by Spark's
JVM and Python workers), into a fresh SQLite store, without name resolution; its time includes model loading
and, for Spark, the JVM start, as a user sees. Printed per configuration: wall seconds and documents/s, the CPU
seconds of the whole process tree (sampled from /proc every second: the JVM and Spark's Python workers included)
per document, and the mean load average sampled every 5 s while it ran (this machine's 2 cores are shared, so wall
figures depend on what else runs; CPU per document much less). ingest-1 also prints its start-up (store opened,
English and Chinese models loaded) apart, and the whole-store resolution `mcfwatch ingest` runs after it.

    python benchmarks/ingest_scale.py --docs 100000 --corpus-dir DIR --limit 1000   # the README's figures
    python benchmarks/ingest_scale.py --docs 1000                                   # the same documents
    python benchmarks/ingest_scale.py --docs 100000 --corpus-dir DIR --limit 5000 --configs ingest-1

The stores and Spark outputs are removed at the end unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

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


def limited(corpus: Path, limit: int | None, work: Path) -> Path:
    """The corpus, or its first `limit` documents (in file order) as JSON-lines files in work/first-N."""
    if not limit:
        return corpus
    out = work / f"first-{limit}"
    out.mkdir(parents=True, exist_ok=True)
    left = limit
    for f in sorted(corpus.glob("*.jsonl")):
        if left <= 0:
            break
        lines = [x for x in f.read_text(encoding="utf-8").splitlines() if x.strip()][:left]
        (out / f.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        left -= len(lines)
    return out


def run_one(config: str, corpus: Path, work: Path) -> dict[str, float | int | str]:
    """Runs in the pinned child: one configuration, timed from interpreter start to the last stored document."""
    from mcfwatch.store import Store
    from mcfwatch.workspace import Workspace

    started = time.perf_counter()
    db = work / f"{config}.db"
    if config == "ingest-1":
        ws = Workspace(db)
        ws.extractor.for_language("en")
        ws.extractor.for_language("zh")
        startup, startup_cpu = time.perf_counter() - started, time.process_time()
        report = ws.ingest([corpus], resolve=False)
        stored, failed = len(report.stored), _failed(report)
        done, done_cpu = time.perf_counter(), time.process_time()
        merges = len(ws.resolve())
        return {"config": config, "stored": stored, "failed": failed, "seconds": done - started,
                "startup_seconds": startup,
                "startup_cpu": startup_cpu, "ingest_cpu": done_cpu - startup_cpu,
                "resolve_seconds": time.perf_counter() - done, "resolve_cpu": time.process_time() - done_cpu,
                "merges": merges, **ws.store.counts()}
    elif config == "ingest-workers-2":
        from mcfwatch.batch.parallel import ingest_parallel

        ws = Workspace(db)
        report = ingest_parallel(ws, [corpus], workers=2, resolve=False)
        stored, failed = len(report.stored), _failed(report)
    else:
        from mcfwatch.batch.extract import batch_extract
        from mcfwatch.batch.load import load

        master = config.removeprefix("spark-")
        out = work / f"{config}.out"
        batch_extract([corpus], out, master=master)
        extracted = time.perf_counter() - started
        report = load(out, Store(db), resolve=False)
        stored, failed = len(report.stored), _failed(report)
        return {"config": config, "stored": stored, "failed": failed, "seconds": time.perf_counter() - started,
                "extract_seconds": extracted}
    return {"config": config, "stored": stored, "failed": failed, "seconds": time.perf_counter() - started}


def _failed(report: Any) -> list[str]:
    """The documents that did not store, each with its one-line reason (printed: a benchmark that loses
    documents silently measures the wrong thing)."""
    return [str(f) for f in report.failures]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300, help="synthetic documents (the issue asks for 100000)")
    ap.add_argument("--paragraphs", type=int, default=3, help="paragraphs per synthetic document")
    ap.add_argument("--source", type=Path, default=None, help="corpus to resample (default ../shared, else samples)")
    ap.add_argument("--configs", default=",".join(CONFIGS), help="comma-separated subset of " + ", ".join(CONFIGS))
    ap.add_argument("--corpus-dir", type=Path, help="keep the corpus here; reused when it already holds --docs")
    ap.add_argument("--limit", type=int, help="ingest only the first N documents of the corpus")
    ap.add_argument("--keep", action="store_true", help="keep the stores and Spark outputs (the path is printed)")
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
    corpus = args.corpus_dir or work / "corpus"
    t0 = time.perf_counter()
    marker = corpus / ".made.json"  # a hidden file: ingest skips it
    if not marker.is_file() or json.loads(marker.read_text())["docs"] != args.docs:
        for old in corpus.glob("part-*.jsonl"):
            old.unlink()
        info = make_corpus(source, args.docs, args.paragraphs, corpus)
        marker.write_text(json.dumps({"docs": args.docs, "paragraphs": args.paragraphs, **info}))
    info = json.loads(marker.read_text())
    made = time.perf_counter() - t0
    corpus = limited(corpus, args.limit, work)
    n = args.limit or args.docs
    chars = sum(len(json.loads(line)["text"]) for f in corpus.glob("*.jsonl") for line in f.open(encoding="utf-8"))
    print(f"corpus: {args.docs} documents resampled from {source} ({made:.0f} s to make or find): {info}; "
          f"ingesting {n} ({chars / n:.0f} characters each on average); cores on this machine: {os.cpu_count()}; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    try:
        run_all(args, corpus, work)
    finally:
        if args.keep:
            print(f"stores and outputs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def run_all(args: argparse.Namespace, corpus: Path, work: Path) -> None:
    results = []
    for config in args.configs.split(","):
        cores = set(range(min(CONFIGS[config], os.cpu_count() or 1)))
        cmd = [sys.executable, __file__, "--run", config, "--corpus", str(corpus), "--work", str(work)]
        cpu0 = _children_cpu()
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 preexec_fn=lambda c=cores: os.sched_setaffinity(0, c))
        sampler = LoadSampler(child.pid)
        stdout, stderr = child.communicate()
        load, tree_cpu = sampler.stop()
        cpu = max(tree_cpu, _children_cpu() - cpu0)  # the root process's own figure is exact once reaped
        if child.returncode != 0:
            print(f"{config}: failed: {stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(stdout.strip().splitlines()[-1])
        r["cpu"], r["load"] = cpu, load
        results.append(r)
        stored = max(int(r["stored"]), 1)
        extra = f"; Spark extract {r['extract_seconds']:.0f} s, load {r['seconds'] - r['extract_seconds']:.0f} s" \
            if "extract_seconds" in r else ""
        print(f"{config:18s} cores={len(cores)}  {r['stored']:6d} stored  {r['seconds']:7.1f} s  "
              f"{r['stored'] / r['seconds']:6.2f} docs/s  CPU {cpu:7.1f} s = {1000 * cpu / stored:6.1f} ms/doc  "
              f"load average {load:4.1f}{extra}; {len(r['failed'])} failed", flush=True)
        for line in r["failed"][:10]:
            print(f"  failed: {line}")
        if "startup_seconds" in r:
            steady = float(r["ingest_cpu"]) / stored
            print(f"  ingest-1 start-up (store, en + zh models) {r['startup_seconds']:.1f} s wall, "
                  f"{r['startup_cpu']:.1f} s CPU; then {1000 * steady:.1f} ms CPU/doc; resolution of the whole "
                  f"store after it ({r['documents']} documents, {r['entities']} entities, {r['merges']} merges) "
                  f"{r['resolve_seconds']:.1f} s wall, {r['resolve_cpu']:.1f} s CPU", flush=True)
    base = next((r for r in results if r["config"] == "ingest-1"), None)
    if base:
        for r in results:
            cpu_doc = float(r["cpu"]) / max(int(r["stored"]), 1)
            print(f"{r['config']:18s} {float(base['seconds']) / float(r['seconds']):.2f}x ingest-1 wall; "
                  f"100,000 documents at this wall rate: {100_000 / (int(r['stored']) / float(r['seconds'])) / 3600:.1f} h,"
                  f" at this CPU per document: {100_000 * cpu_doc / 3600:.1f} CPU-h")


class LoadSampler:
    """While a configuration runs: the 1-minute load average (mean of samples) and the CPU seconds of its whole
    process tree, read from /proc every second (a process's last figure is kept when it ends; a process that
    starts and ends between two samples is missed, as is the last second of each). Spark's JVM and Python
    workers are not waited for by their parents, so getrusage(RUSAGE_CHILDREN) would not count them."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.loads = [os.getloadavg()[0]]
        self.cpu: dict[int, float] = {}
        self._tick = os.sysconf("SC_CLK_TCK")
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        n = 0
        while not self._done.wait(1.0):
            self._sample()
            n += 1
            if n % 5 == 0:
                self.loads.append(os.getloadavg()[0])

    def _sample(self) -> None:
        parent: dict[int, int] = {}
        times: dict[int, float] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid = int(entry.name)
            parent[pid] = int(fields[1])
            times[pid] = (int(fields[11]) + int(fields[12])) / self._tick
        for pid, t in times.items():
            p = pid
            while p > 1 and p != self.root:
                p = parent.get(p, 1)
            if p == self.root:
                self.cpu[pid] = max(t, self.cpu.get(pid, 0.0))

    def stop(self) -> tuple[float, float]:
        """(mean load average, CPU seconds of the process tree)."""
        self._done.set()
        self._thread.join()
        self.loads.append(os.getloadavg()[0])
        return sum(self.loads) / len(self.loads), sum(self.cpu.values())


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


if __name__ == "__main__":
    main()
