"""Web application under load: a 10,000-document store, 20 concurrent users on loopback, a real browser.

    .venv/bin/python benchmarks/web_load.py [--docs 10000] [--users 20] [--requests 30] [--store PATH]

How the store is made (from the real corpus, no network): the shipped corpus, the seed and our Chinese samples
are extracted once by the real extractors; their extractions are then stored again as distinct documents (each
copy's text carries a copy number, so its hash, document id and relation ids differ) until the store holds
``--docs`` documents; resolution runs once at the end. The same names recur, as they do in a real collection,
so the graph's hubs grow with the store.

Then a real server (`uvicorn --factory mcfwatch.web.app:server`, one process) is started on 127.0.0.1 and
``--users`` threads each send ``--requests`` requests of every kind with a bearer token: search (names in
English, Chinese and pinyin), the entity page (HTML) and the graph's JSON. The baseline in the same run is
`/healthz` through the same server and clients (the cost of HTTP on this machine). Targets (issue 11):
search and entity page p95 < 150 ms; graph explorer first paint < 1 s, measured in Debian's Chromium (from
navigation to the drawn graph) when it and Playwright are installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import httpx

from mcfwatch.data import SEED, sample_path
from mcfwatch.extract import Extractor
from mcfwatch.ingest.sources import Failure
from mcfwatch.model import Document, Extraction
from mcfwatch.store import Store
from mcfwatch.store.accounts import Accounts
from mcfwatch.workspace import read_inputs

QUERIES = ["Lizhong Group", "立中集团", "lizhong", "Brunel University", "Huawei", "China", "Department of Commerce",
           "PLA Baoding branch", "Cork County", "Ministry of State Security"]


def build_store(db: Path, docs: int) -> None:
    inputs = [sample_path(SEED), sample_path("zh/seed_zh.txt"), sample_path("zh/cork_zh.txt"), sample_path("corpus")]
    sources = [d for d in read_inputs(inputs) if not isinstance(d, Failure)]
    t0 = time.perf_counter()
    extractions = list(Extractor().extract_many(sources))
    print(f"extracted {len(extractions)} real documents in {time.perf_counter() - t0:.1f} s")
    store = Store(db)
    t0 = time.perf_counter()
    n = 0
    copy = 0
    while n < docs:
        for ex in extractions:
            if n >= docs:
                break
            store.add_extraction(_copy(ex, copy) if copy else ex)
            n += 1
        copy += 1
    print(f"stored {n} documents in {time.perf_counter() - t0:.1f} s; counts {store.counts()}")
    from mcfwatch.resolve.merge import resolve_store

    t0 = time.perf_counter()
    resolve_store(store)
    print(f"resolved names in {time.perf_counter() - t0:.1f} s")
    store.close()


def _copy(ex: Extraction, k: int) -> Extraction:
    """The same extraction over a text that differs in its last line (so it is a new document)."""
    doc = ex.document
    text = doc.text + f"\n[copy {k}]"
    new_doc = Document(text=text, path=doc.path, title=doc.title, language=doc.language, published=doc.published,
                       url=doc.url, source=doc.source, id=f"{doc.id}-c{k}", format=doc.format)
    return replace(ex, document=new_doc)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def load(base: str, token: str, paths: list[str], users: int, per_user: int) -> tuple[list[float], int]:
    times: list[float] = []
    errors = 0
    lock = threading.Lock()

    def worker(i: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=base, headers={"authorization": f"Bearer {token}"}, timeout=60) as c:
            for j in range(per_user):
                path = paths[(i * per_user + j) % len(paths)]
                t0 = time.perf_counter()
                r = c.get(path, headers={"accept": "text/html"})
                dt = time.perf_counter() - t0
                with lock:
                    times.append(dt)
                    errors += r.status_code != 200

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors


def first_paint(base: str, db: Path, entity: str) -> float | None:
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None:
        return None
    Accounts(Store(db)).add_user("bench", "reader", "benchmark password")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"], headless=True)
        page = browser.new_page()
        page.goto(base + "/login")
        page.fill("input[name=username]", "bench")
        page.fill("input[name=password]", "benchmark password")
        page.click("button[type=submit]")
        page.wait_for_url(base + "/")
        best = []
        for _ in range(3):
            t0 = time.perf_counter()
            page.goto(f"{base}/entity/{entity}/graph")
            page.wait_for_selector("#cy[data-ready='1']", timeout=60_000)
            best.append(time.perf_counter() - t0)
        browser.close()
    return min(best)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--requests", type=int, default=30, help="requests per user and kind")
    ap.add_argument("--store", type=Path, help="reuse (or create) this store instead of a temporary one")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    db = args.store or tmp / "bench.db"
    if not db.exists():
        build_store(db, args.docs)
    store = Store(db)
    print(f"store {db}: {store.counts()}")
    accounts = Accounts(store)
    accounts.add_user("loader", "reader", "benchmark password")
    token = accounts.create_token("loader", "benchmarks/web_load.py")
    store.close()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "MCFWATCH_DB": str(db)}
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "mcfwatch.web.app:server",
                               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"], env=env)
    try:
        with httpx.Client(base_url=base, headers={"authorization": f"Bearer {token}"}, timeout=300) as c:
            for _ in range(600):
                try:
                    if c.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            t0 = time.perf_counter()
            hits = c.get("/search", params={"q": "Lizhong Group", "format": "json"}).json()["entities"]
            print(f"first search (builds the graph, name index and screener): {time.perf_counter() - t0:.2f} s")
            entities = [e["id"] for q in QUERIES[:6]
                        for e in c.get("/search", params={"q": q, "format": "json"}).json()["entities"][:3]]
            for e in entities:  # warm the per-entity paths once, as a user's first visit would
                c.get(f"/entity/{e}")
        kinds = {
            "healthz (baseline)": ["/healthz"],
            "search": [f"/search?q={q}" for q in QUERIES],
            "entity page": [f"/entity/{e}" for e in entities],
            "graph JSON": [f"/entity/{e}/graph?format=json" for e in entities],
        }
        print(f"\n{args.users} concurrent users x {args.requests} requests per kind, loopback, one server process")
        print(f"{'kind':22} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>7}  target")
        results = {}
        for kind, paths in kinds.items():
            times, errors = load(base, token, paths, args.users, args.requests)
            results[kind] = percentile(times, 0.95)
            target = "p95 < 150 ms" if kind in {"search", "entity page"} else ""
            print(f"{kind:22} {statistics.median(times) * 1000:8.1f} {results[kind] * 1000:8.1f} "
                  f"{max(times) * 1000:8.1f} {errors:7d}  {target}")
        paint = first_paint(base, db, hits[0]["id"]) if hits else None
        if paint is None:
            print("graph first paint: not measured (needs Debian's chromium and playwright)")
        else:
            print(f"graph explorer first paint (Lizhong Group, best of 3): {paint * 1000:.0f} ms  target < 1000 ms")
    finally:
        server.terminate()
        server.wait(10)
        if args.store is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
