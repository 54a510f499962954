"""Store size, build time and cold `exposure` on a store of 1M relations made from the real corpus.

    .venv/bin/python benchmarks/scale_store.py [--relations 1000000] [--out DIR]
        [--db postgresql://user@host/db] [--skip-uncached] [--reuse]

How the store is made: the annotated documents of `corpus/train/` (real and project-written English and
Chinese texts with their gold entities and relations: 322 documents, 4,077 relations) are copied until the
relation count is reached. In copy k an entity keeps its name when it is a place, event, programme or
technology, or appears in 3 or more corpus documents (the hubs: China, the PLA, NPU, Huawei, ...); every other
entity is renamed "NAME k". The graph so keeps the corpus's local structure, and its hubs grow with the store
as they do in a real one. Each copy's text ends with a copy marker (a new SHA-256; the spans are unchanged).
Rows are written in bulk with the store's own id functions and tables, 2,000 documents a transaction; the
per-document seam (`Store.add_extraction`) is timed on 300 documents beside, and its rate printed.

Screening: a renamed entity is the same body as its original, so it gets its original's listings: each
original is screened once with the real screener and the result written to the store's link cache for all its
copies (screening every renamed name instead would take names x the measured time per name, printed).

Exposure, each in a fresh process unless said: the index built by the first call after the load (in-process,
timed), then the cold CLI `mcfwatch exposure NAME --db ...` with the index current; beside it the uncached
path in-process: the whole graph built in memory from the store (build_graph, screening results given as
above) and the same query. Reads nothing outside the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from mcfwatch.model import Document, Entity, Extraction, Relation, Span
from mcfwatch.model.keys import name_key
from mcfwatch.store import Store
from mcfwatch.store import tables as t
from mcfwatch.store.ids import entity_id_for, entity_key, mention_id_for, relation_id_for

ROOT = Path(__file__).resolve().parents[1]
SHARED_TYPES = {"Place", "Event", "Program", "Technology"}
BATCH_DOCS = 2000


def corpus() -> list[dict[str, Any]]:
    out = []
    for f in sorted((ROOT / "corpus" / "train").glob("*.jsonl")):
        out += [json.loads(line) for line in f.read_text("utf-8").splitlines() if line.strip()]
    return out


def hubs(records: list[dict[str, Any]]) -> set[tuple[str, str]]:
    docs: Counter[tuple[str, str]] = Counter()
    for r in records:
        docs.update({(e["type"], name_key(e["name"])) for e in r["entities"]})
    return {k for k, n in docs.items() if n >= 3}


def renamed(ent: dict[str, Any], k: int, shared: set[tuple[str, str]]) -> str:
    keep = k == 0 or ent["type"] in SHARED_TYPES or (ent["type"], name_key(ent["name"])) in shared
    return str(ent["name"]) if keep else f"{ent['name']} {k}"


class Rows:
    """The rows of many documents, with entities and names written once."""

    def __init__(self) -> None:
        self.seen_entities: set[str] = set()
        self.reset()

    def reset(self) -> None:
        self.docs: list[dict[str, Any]] = []
        self.entities: list[dict[str, Any]] = []
        self.names: list[dict[str, Any]] = []
        self.mentions: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []

    def add(self, rec: dict[str, Any], k: int, shared: set[tuple[str, str]]) -> int:
        body = rec["text"] + f"\n\n[scale copy {k}]"
        sha = hashlib.sha256(body.encode()).hexdigest()
        doc_id = f"{rec['id']}-c{k}"
        self.docs.append({"id": doc_id, "sha256": sha, "path": None, "url": None, "title": rec["id"],
                          "language": rec.get("lang"), "published": rec.get("published"), "source": "scale",
                          "format": "txt", "text": body, "ingested_at": "2026-01-01T00:00:00+00:00"})
        gid: dict[str, str] = {}
        content: dict[str, str] = {}
        seen: set[str] = set()
        for e in rec["entities"]:
            name = renamed(e, k, shared)
            gid[e["id"]] = entity_id_for(name, e["type"])
            content[e["id"]] = entity_key(name, e["type"])
            if gid[e["id"]] not in self.seen_entities and name_key(name):
                self.seen_entities.add(gid[e["id"]])
                self.entities.append({"id": gid[e["id"]], "name": name, "type": e["type"], "created_at": "2026"})
                self.names.append({"entity_id": gid[e["id"]], "name": name, "key": name_key(name), "origin": "mention"})
            for m in e["mentions"]:
                mid = mention_id_for(sha, m["start"], m["end"], e["type"])
                if mid not in seen and gid[e["id"]] in self.seen_entities:
                    seen.add(mid)
                    self.mentions.append({"id": mid, "document_id": doc_id, "entity_id": gid[e["id"]],
                                          "local_id": e["id"], "start": m["start"], "end": m["end"], "text": m["text"]})
        n = 0
        for r in rec["relations"]:
            ev = r["evidence"]
            if r["source"] not in gid or r["target"] not in gid or {gid[r["source"]], gid[r["target"]]} - self.seen_entities:
                continue
            rid = relation_id_for(sha, r["type"], r.get("subtype"), content[r["source"]], content[r["target"]],
                                  r.get("date"), ev["start"], ev["end"])
            if rid in seen:
                continue
            seen.add(rid)
            n += 1
            self.relations.append({
                "id": rid, "document_id": doc_id, "type": r["type"], "subtype": r.get("subtype"),
                "source_id": gid[r["source"]], "target_id": gid[r["target"]], "date": r.get("date"),
                "date_end": r.get("date_end"), "subject": r.get("subject"), "confidence": 0.8, "method": "annotated",
                "ev_start": ev["start"], "ev_end": ev["end"], "ev_text": ev["text"]})
        return n

    def write(self, store: Store) -> None:
        with store.engine.begin() as conn:
            for table, rows in ((t.documents, self.docs), (t.entities, self.entities), (t.names, self.names),
                                (t.mentions, self.mentions), (t.relations, self.relations)):
                if rows:
                    conn.execute(insert(table), rows)
        self.reset()


def build(url: str, records: list[dict[str, Any]], target: int) -> tuple[float, int, int]:
    store = Store(url)
    shared = hubs(records)
    rows = Rows()
    started = time.perf_counter()
    total, k, docs = 0, 0, 0
    while total < target:
        for rec in records:
            total += rows.add(rec, k, shared)
            docs += 1
            if len(rows.docs) >= BATCH_DOCS:
                rows.write(store)
            if total >= target:
                break
        k += 1
    rows.write(store)
    store.add_overlay("edge", "rel-none", "confirm", note="scale benchmark: bulk load done")  # bumps the generation
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed, total, docs


def record_extraction(rec: dict[str, Any]) -> Extraction:
    """One annotated corpus record (corpus/train/*.jsonl) as the extraction the store takes."""
    doc = Document(text=rec["text"], id=rec["id"], language=rec.get("lang"), published=rec.get("published"))
    ents = [Entity(e["id"], e["name"], e["type"], mentions=[Span(m["start"], m["end"], m["text"]) for m in e["mentions"]])
            for e in rec["entities"]]
    ex = Extraction(document=doc, entities=ents)
    for r in rec["relations"]:
        ev = r["evidence"]
        ex.add_relation(Relation(type=r["type"], subtype=r.get("subtype"), source=r["source"], target=r["target"],
                                 evidence=Span(ev["start"], ev["end"], ev["text"]), date=r.get("date"),
                                 date_end=r.get("date_end"), confidence=0.8))
    return ex


def seam_rate(records: list[dict[str, Any]], folder: Path) -> float:
    """Documents per second through Store.add_extraction (one transaction each, entity lookup by name)."""
    store = Store(folder / "seam.db")
    exs = [record_extraction(rec) for rec in records[:300]]
    started = time.perf_counter()
    for ex in exs:
        store.add_extraction(ex)
    rate = len(exs) / (time.perf_counter() - started)
    store.close()
    return rate


def size_of(url: str) -> int:
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        store = Store(url, create=False)
        with store.engine.connect() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        store.close()
        return sum(os.path.getsize(p) for p in (path, f"{path}-wal") if os.path.exists(p))
    store = Store(url, create=False)
    with store.engine.connect() as conn:
        size = int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())
    store.close()
    return size


def seed_links(url: str) -> tuple[float, int, int]:
    """Screen each original once and give its listings to all its copies (see the module docstring): a stored
    name "NAME k" whose "NAME" is stored too is a copy of it."""
    from mcfwatch.analyse import Analyst
    from mcfwatch.analyse.indexed import graph_cache
    from mcfwatch.graph import listings

    store = Store(url, create=False)
    a = Analyst(store)
    cache = graph_cache(a)
    assert cache is not None and cache.links is not None
    rows = [r for r in store.entity_rows() if r["type"] in listings.LISTABLE]
    stored = {r["name"] for r in rows}
    base: dict[str, str] = {}
    for r in rows:
        head, _, tail = r["name"].rpartition(" ")
        base[r["name"]] = head if tail.isdigit() and head in stored else r["name"]
    screener = listings.screener_for(a.lists, None)
    entries = {e.id: (wl, e) for wl in a.lists for e in wl.entries if e.active_on(None)}
    started = time.perf_counter()
    hits = {b: listings._screen([b, b], screener, entries, {}) for b in sorted(set(base.values()))}
    secs = time.perf_counter() - started
    for name, b in base.items():
        cache.links.put([name, name], hits[b])
    cache.links.save()
    store.close()
    return secs, len(hits), len(base)


def cold_cli(url: str, name: str, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall and CPU seconds (user + system) of one fresh `mcfwatch exposure` process, and its path count."""
    cli = str(Path(sys.executable).with_name("mcfwatch"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run([cli, "exposure", name, "--db", url.removeprefix("sqlite:///"), "--format", "json"],
                         capture_output=True, text=True, env={**os.environ, **env}, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, len(json.loads(out.stdout)["paths"])


def partners(records: list[dict[str, Any]]) -> list[str]:
    """A hub, a typical partner and a renamed copy: the corpus's most and median connected universities/companies."""
    deg: Counter[str] = Counter()
    for r in records:
        names = {e["id"]: e for e in r["entities"]}
        for rel in r["relations"]:
            for side in (rel["source"], rel["target"]):
                if names.get(side, {}).get("type") in {"University", "Company"}:
                    deg[names[side]["name"]] += 1
    ranked = [n for n, _ in deg.most_common()]
    shared = {key for _, key in hubs(records)}
    own = [n for n in ranked if name_key(n) not in shared]  # renamed in every copy
    return [ranked[0], own[len(own) // 2], f"{own[len(own) // 3]} 1"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--relations", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "mcfwatch-scale")
    ap.add_argument("--db", help="also build on this PostgreSQL URL (an empty database)")
    ap.add_argument("--skip-uncached", action="store_true", help="do not build the whole graph in memory")
    ap.add_argument("--reuse", action="store_true", help="keep a store built by an earlier run in --out (index rebuilt)")
    args = ap.parse_args()
    records = corpus()
    base = sum(len(r["relations"]) for r in records)
    print(f"corpus: {len(records)} documents, {base} relations; target {args.relations:,} relations")
    urls = [f"sqlite:///{args.out / 'scale.db'}"] + ([args.db] if args.db else [])
    if args.reuse and (args.out / "scale.db").exists():
        shutil.rmtree(args.out / "scale.db.cache", ignore_errors=True)
        print(f"reusing {urls[0]}: size {size_of(urls[0]) / 2**20:,.0f} MiB")
        urls = urls[:1]
    else:
        shutil.rmtree(args.out, ignore_errors=True)
        args.out.mkdir(parents=True)
        print(f"Store.add_extraction seam: {seam_rate(records, args.out):.1f} documents/s (300 corpus documents)")
        for url in urls:
            secs, rels, docs = build(url, records, args.relations)
            print(f"{url.split(':')[0]:<10} build {secs:7.1f} s  {rels:,} relations  {docs:,} documents  "
                  f"size {size_of(url) / 2**20:,.0f} MiB")
    url = urls[0]
    secs, screened, names_stored = seed_links(url)
    print(f"screening: {screened:,} originals in {secs:.1f} s ({secs / screened * 1000:.1f} ms/name); screening all "
          f"{names_stored:,} listable stored names would take about {secs / screened * names_stored / 60:.0f} min")
    with Store(url, create=False).engine.connect() as conn:  # the corpus documents this store was made from
        made_from = {r[0] for r in conn.execute(text("SELECT DISTINCT title FROM documents"))}
    names = partners([r for r in records if r["id"] in made_from])
    from mcfwatch.analyse import Analyst
    from mcfwatch.analyse.indexed import graph_cache
    from mcfwatch.graph import build_graph
    from mcfwatch.graph.persisted import save

    # The first call after a write builds the whole graph (what the uncached path does on every call), saves
    # its index and answers; the graph is kept here for the uncached queries beside.
    store = Store(url, create=False)
    a = Analyst(store)
    cache = graph_cache(a)
    assert cache is not None and cache.folder is not None
    generation = store.generation()
    started = time.perf_counter()
    g = build_graph(store, a.lists, None, a.weigh, a.max_hops, cache.links)
    built = time.perf_counter() - started
    assert g.index is not None
    g.index.set_hop_factors(cache.hop_factors)
    save(g, cache.folder, generation, {"nodes": len(g.nodes), "edges": len(g.edges)})
    saved = time.perf_counter() - started - built
    disk = sum(p.stat().st_size for p in cache.folder.iterdir()) / 2**20
    print(f"whole graph built from the store in {built:.1f} s ({len(g.nodes):,} nodes, {len(g.edges):,} edges); "
          f"index saved in {saved:.1f} s, {disk:,.0f} MiB on disk")
    if not args.skip_uncached:
        a._graph = g
        for name in names:
            started = time.perf_counter()
            result = a.exposure(name)
            print(f"uncached (graph in memory) {name!r:<42} {built:6.1f} s build + {time.perf_counter() - started:5.2f} s "
                  f"query  ({len(result['paths'])} paths)")
    del a, g
    store.close()
    for name in names:
        runs = [cold_cli(url, name, {}) for _ in range(2)]
        wall, cpu, n = min(runs)
        print(f"cold CLI exposure (index current) {name!r:<35} {wall:5.2f} s wall, {cpu:5.2f} s CPU  ({n} paths)")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("mcfwatch")), "--help"], capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"baseline: `mcfwatch --help` {time.perf_counter() - started:5.2f} s wall, "
          f"{after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime:5.2f} s CPU (process start and imports)")


if __name__ == "__main__":
    main()
