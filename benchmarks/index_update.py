"""The first `exposure` after adding documents to the 1M-relation store: the saved graph index updated with
the new documents (graph/incremental.py) against the whole build it replaces (graph/whole.py).

    nice -n 10 .venv/bin/python benchmarks/index_update.py --db SCALE_DB [--work DIR]
        [--adds 1,100] [--name NAME]

The store is copied into --work first (the original is never written to), with its link cache. Then:
1. `mcfwatch exposure NAME --db COPY` in a fresh process: the index is built whole (the starting point);
2. for each N of --adds: N documents are added through the store's own seam (``Store.add_extraction``): the
   annotated corpus records of corpus/train/, their entities renamed for a new copy as scale_store.py renames
   them (places, events, programmes, technologies and the hubs keep their names: the new documents touch the
   hubs and their events, as real ones do); then, each in a fresh process,
   - incremental: `mcfwatch exposure NAME` with the index saved before the documents were added;
   - whole (the baseline, same store state): the same command with that index removed, so it is built whole,
     as every first call after a write did before;
   and the two indexes are compared file by file (identical but for the build id, or the differing files).
Printed per row: wall and CPU seconds of the process (user + system) and its peak memory. The machine is
shared: CPU is the figure to compare, wall includes waiting for a core (the load average is printed).
Needs a store made by scale_store.py or store_backends.py; exits with a message when --db is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_store import corpus, hubs, partners, record_extraction, renamed  # noqa: E402

from mcfwatch.graph.storestate import store_state  # noqa: E402
from mcfwatch.model import Extraction  # noqa: E402
from mcfwatch.store import Store  # noqa: E402

MCFWATCH = [sys.executable, "-m", "mcfwatch.cli.main"]


def run(args: list[str], env: dict[str, str], cache: Path) -> tuple[float, float, float, str]:
    """Wall s, CPU s, peak GiB of one fresh `mcfwatch` process, and how it built the index (as it recorded)."""
    for old in cache.glob("graph-*.build.json"):
        old.unlink()
    start = time.perf_counter()
    proc = subprocess.Popen([*MCFWATCH, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"mcfwatch {' '.join(args)} failed ({proc.returncode}): {err.strip()[-300:]}")
    said = ""
    for record in cache.glob("graph-*.build.json"):
        built = json.loads(record.read_text("utf-8"))
        said = f"{built['path']} build, {built['seconds']} s" + (f" ({built['why_whole']})" if built["why_whole"] else "")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 2**20, said


def new_document(rec: dict[str, Any], k: int, shared: set[tuple[str, str]]) -> Extraction:
    """A corpus record as copy k (a new text, so a new document), its entities renamed as scale_store.py does."""
    ex = record_extraction(rec)
    ex.document = replace(ex.document, text=f"{rec['text']}\n\n[update copy {k}]", id=f"{rec['id']}-u{k}", sha256="")
    ex.entities = [replace(e, name=renamed({"name": e.name, "type": e.type}, k, shared)) for e in ex.entities]
    return ex


def same_files(a: Path, b: Path) -> str:
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return "different file sets"
    differ = []
    for name in names:
        if name.endswith(".npy"):
            x, y = np.load(a / name, mmap_mode="r"), np.load(b / name, mmap_mode="r")
            if x.dtype != y.dtype or not np.array_equal(x, y):
                differ.append(name)
        else:
            ma, mb = (json.loads((f / name).read_text("utf-8")) for f in (a, b))
            ma.pop("build"), mb.pop("build")
            if ma != mb:
                differ.append(name)
    return "identical but the build id" if not differ else "DIFFERENT: " + ", ".join(differ)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--db", type=Path, required=True,
                    help="the 1M store made by benchmarks/scale_store.py (only read)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "mcfwatch-bench" / "index-update",
                    help="where the copy goes (default: the system temp folder)")
    ap.add_argument("--adds", default="1,100", help="documents added before each measured call (0: none)")
    ap.add_argument("--name", default=None, help="the partner asked about (default: the corpus's hub)")
    ap.add_argument("--reuse", action="store_true",
                    help="keep the copy in --work and its saved index as they are (no copy, no first build); "
                         "the rows count the documents added since that index")
    args = ap.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no such store (make one with benchmarks/scale_store.py)")
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / "scale.db"
    cache = args.work / "scale.db.cache"
    if not args.reuse:
        print(f"copying {args.db} to {db}", flush=True)
        shutil.copy(args.db, db)
        shutil.rmtree(cache, ignore_errors=True)
        cache.mkdir()
        for links in args.db.parent.glob(f"{args.db.name}.cache/links-*.sqlite"):
            shutil.copy(links, cache / links.name)  # screening results of the store's names: not what is measured
    records = corpus()
    name = args.name or partners(records)[0]
    env = dict(os.environ)
    command = ["exposure", name, "--db", str(db), "--format", "json"]
    store = Store(db)
    counts = store.counts()
    print(f"store: {counts['relations']:,} relations, {counts['documents']:,} documents; exposure {name!r}; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    print(f"{'':<44}{'wall s':>8}{'cpu s':>8}{'peak GiB':>10}  index")
    if not args.reuse:
        wall, cpu, peak, said = run(command, env, cache)
        print(f"{'start: index built whole':<44}{wall:8.1f}{cpu:8.1f}{peak:10.2f}  {said}", flush=True)
    shared = hubs(records)
    k = 100_000
    for n in (int(x) for x in args.adds.split(",")):
        added = 0
        while added < n:
            k += 1
            rec = records[k % len(records)]
            added += store.add_extraction(new_document(rec, k, shared))
        (folder,) = (f for f in cache.glob("graph-*") if f.is_dir())
        was, now = json.loads((folder / "meta.json").read_text("utf-8"))["state"], store_state(store)
        assert now is not None
        since, relations = (now[t][0] - was[t][0] for t in ("documents", "relations"))
        wall, cpu, peak, said = run(command, env, cache)
        print(f"{f'{since} documents added ({relations} relations): incremental':<44}{wall:8.1f}{cpu:8.1f}{peak:10.2f}"
              f"  {said}", flush=True)
        updated = folder.with_name(folder.name + "-incremental")
        folder.rename(updated)
        wall, cpu, peak, said = run(command, env, cache)
        print(f"{f'{since} documents added: whole (baseline)':<44}{wall:8.1f}{cpu:8.1f}{peak:10.2f}  {said}", flush=True)
        print(f"  the two indexes: {same_files(updated, folder)}; load average {os.getloadavg()[0]:.1f}", flush=True)
        shutil.rmtree(updated)
    store.close()


if __name__ == "__main__":
    main()
