"""The store on SQLite and on PostgreSQL, side by side in one run: ingest through the seam, bulk build, size, reads.

    .venv/bin/python benchmarks/store_backends.py [--relations 1000000] [--docs 300] [--writers 1,2,4]
        [--pg postgresql://user@host/postgres] [--out DIR]

--pg (default MCFWATCH_TEST_PG) names a server and a role that may create databases; without it a throwaway
PostgreSQL cluster is started (Debian's initdb/pg_ctl, as the
tests do: tests/pg_cluster.py, fsync off) and stopped at the end. Measured on each backend:
- seam: documents/s through Store.add_extraction (one transaction per document, entity lookup by name,
  advisory locks on PostgreSQL) for the annotated documents of corpus/train (gold entities and relations);
  on PostgreSQL also with 2 and 4 processes ingesting disjoint shares at once (wall time of the whole);
- build: the store made up to --relations relations by benchmarks/scale_store.py's bulk loader (copies of
  the corpus with renamed entities, 2,000 documents a transaction), its time and the database size;
- reads on that store: every canonical entity ranked (entities(), what `mcfwatch entities` lists; once), a
  cold open (Store()), counts(), the relations of the most connected entity (beside it, as the query before
  schema 5 selected them, median of 3), and find() of a name; each of these the median of 5.
--reuse times the reads again on the SQLite store an earlier run left in --out. The SQLite row is the
baseline of the PostgreSQL row.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

try:  # the bulk loader of the 1M-relation store is shared with benchmarks/scale_store.py
    from scale_store import build, corpus, record_extraction, size_of
except ImportError as exc:  # pragma: no cover - a checkout without it
    sys.exit(f"benchmarks/store_backends.py needs benchmarks/scale_store.py ({exc})")

from mcfwatch.store import Store  # noqa: E402


def _writer(url: str, share: list[int], n_docs: int, start: Any) -> None:
    exs = [record_extraction(rec) for rec in corpus()[:n_docs]]
    store = Store(url)
    start.wait()
    for i in share:
        store.add_extraction(exs[i])
    store.close()


def seam(url: str, n_docs: int, writers: int) -> float:
    """Documents per second into an empty store at url, with `writers` processes taking every writers-th doc."""
    Store(url).close()
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(writers + 1)
    procs = [ctx.Process(target=_writer, args=(url, list(range(w, n_docs, writers)), n_docs, start))
             for w in range(writers)]
    for p in procs:
        p.start()
    start.wait()
    began = time.perf_counter()
    for p in procs:
        p.join()
    assert all(p.exitcode == 0 for p in procs)
    elapsed = time.perf_counter() - began
    store = Store(url, create=False)
    assert store.counts()["documents"] == n_docs
    store.close()
    return n_docs / elapsed


def median_of(fn: Any, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def canonical_ends_only(store: Store, entity_id: str) -> int:
    """The hub's relations as Store.relations selected them before schema 5: by the view's computed canonical
    ends only (no index serves them), the baseline of the row beside it."""
    from sqlalchemy import select

    from mcfwatch.store import tables as t
    from mcfwatch.store import views as v

    ar, src, tgt = v.active_relations, t.entities.alias("src"), t.entities.alias("tgt")
    q = (select(ar, src.c.name, tgt.c.name, t.documents.c.title)
         .join(src, src.c.id == ar.c.source_id).join(tgt, tgt.c.id == ar.c.target_id)
         .join(t.documents, t.documents.c.id == ar.c.document_id)
         .where((ar.c.source_id == entity_id) | (ar.c.target_id == entity_id))
         .order_by(ar.c.date, ar.c.document_id, ar.c.ev_start, ar.c.id))
    with store.engine.connect() as conn:
        return len(conn.execute(q).all())


def reads(url: str) -> dict[str, float]:
    store = Store(url, create=False)
    began = time.perf_counter()
    ranked = store.entities()  # `mcfwatch entities`: every canonical entity, most mentioned first (once)
    listed = time.perf_counter() - began
    hub = max(ranked[:50], key=lambda e: e["mentions"])
    out = {
        "entities (all, once)": listed,
        "open": median_of(lambda: Store(url, create=False).close()),
        "counts": median_of(store.counts),
        "relations of hub": median_of(lambda: store.relations(hub["id"])),
        "the same before schema 5 (baseline)": median_of(lambda: canonical_ends_only(store, hub["id"]), runs=3),
        "find": median_of(lambda: store.find(hub["name"])),
    }
    store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relations", type=int, default=1_000_000)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--writers", default="1,2,4")
    ap.add_argument("--pg", default=os.environ.get("MCFWATCH_TEST_PG"), help="a PostgreSQL server's URL (CREATEDB)")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "mcfwatch-backends")
    ap.add_argument("--backends", default="sqlite,postgresql", help="which builds to run (both: SQLite is the baseline)")
    ap.add_argument("--reuse", action="store_true", help="keep the SQLite store an earlier run left in --out (reads only)")
    ap.add_argument("--no-seam", action="store_true", help="only the builds and reads")
    args = ap.parse_args()
    from tests.pg_cluster import PgServer

    backends = [b for b in args.backends.split(",") if b]
    need_pg = "postgresql" in backends or not args.no_seam
    server = (PgServer.from_env(args.pg) if args.pg else PgServer.start()) if need_pg else None
    args.out.mkdir(parents=True, exist_ok=True)
    for f in [] if args.reuse else args.out.glob("*.db*"):
        f.unlink()
    records = corpus()
    print(f"corpus/train: {len(records)} documents; seam on the first {args.docs}", flush=True)
    try:
        for label in backends:
            url = f"sqlite:///{args.out / 'scale.db'}" if label == "sqlite" else server.new_database()  # type: ignore[union-attr]
            if label == "sqlite" and args.reuse and (args.out / "scale.db").exists():
                print(f"build sqlite     (reused {args.out / 'scale.db'})", flush=True)
            else:
                cpu0 = time.process_time()
                secs, rels, docs = build(url, records, args.relations)
                print(f"build {label:<10} {secs:7.1f} s wall  {time.process_time() - cpu0:7.1f} s CPU  {rels:,} relations  "
                      f"{docs:,} documents  size {size_of(url) / 2**20:,.0f} MiB", flush=True)
            r = reads(url)
            print(f"reads {label:<10} " + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in r.items()), flush=True)
        if args.no_seam or server is None:
            return
        sqlite_rate = seam(str(args.out / "seam.db"), args.docs, 1)
        print(f"seam  sqlite      1 writer : {sqlite_rate:7.1f} documents/s  (baseline)", flush=True)
        for w in (int(x) for x in args.writers.split(",")):
            rate = seam(server.new_database(), args.docs, w)
            print(f"seam  postgresql  {w} writer{'s' if w > 1 else ' '}: {rate:7.1f} documents/s", flush=True)
    finally:
        if server is not None:
            server.close()


if __name__ == "__main__":
    main()
