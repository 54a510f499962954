"""REST API and web pages under load: 20 concurrent clients on loopback against a real `mcfwatch serve` process.

    .venv/bin/python benchmarks/api_load.py [--docs 10000] [--clients 20] [--requests 10] [--store PATH]
                                            [--baseline-docs 300] [--baseline-src DIR] [--no-web] [--app web|api]
                                            [--kinds K,...] [--generator async|threads] [--fresh-index]

The store (cached under the system temp folder's mcfwatch-bench/ for reruns; `--store` names another) is made as
benchmarks/web_load.py makes it: the shipped corpus, the seed and our Chinese samples are extracted once by the
real extractors, and their extractions are stored again as distinct documents (each copy's text carries a copy
number, so its hash, document id and relation ids differ) until the store holds `--docs`; resolution runs once
at the end. Names recur across copies, as they do in a real collection, so the graph's hubs grow with the store.

Each server is the app `mcfwatch serve` runs (`uvicorn --factory mcfwatch.web.app:server`, one process, API and
pages behind login; the clients send a bearer token). Once it answers, the first `/exposure` is timed apart (it
waits for the graph index: with the cache folder deleted, or after a write, the index is built then, by the
server's build process since api/indexer.py, by a request thread of the server before); while it is in flight
`--clients` clients send `/entities/{id}` (store entities) in rounds, and their latencies are printed as the
"during the first /exposure" line: what a build costs the other requests (their answers are compared with the
one-client answers below). Each distinct request is then sent once by one client (cold:
what the server caches per store generation is built) and once more (warm); those answers are kept. Then
`--clients` concurrent clients each send `--requests` requests of each kind, one kind at a time, with a bounded
number of requests in total. The clients are benchmarks/http_load.py (one asyncio process, a keep-alive connection
per client; `--generator threads` runs the first generator, a thread of httpx.Client per client, which spent
~3 ms of CPU per request on the same 2 cores as the server: more than the server's own work). Every request is
counted; a status other than 200, a broken connection, a timeout or an answer that differs from the one-client
answer to the same request is an error. The kinds:

- `/entities/{id}` (yente's entity fetch, nested): 15 store entities (the 3 most mentioned, 12 drawn with a fixed
  seed) and up to 10 watchlist organisations;
- `POST /match/default` (yente's query by example): one Company query per request, names from QUERIES (14, so
  under load most are answers the server keeps);
- `/match (all distinct)`: every request a different name (the store's entity names, each sent once): the cost
  of screening, not of the kept answers (no target of its own; the issue's target is read on the row above);
- `/exposure?name=`: 4 known partners and 10 universities, companies or institutes drawn from the store;
- web pages: `/search?q=`, `/entity/{id}` (HTML) and `/entity/{id}/graph?format=json`.

Baselines in the same run: `/healthz` through the same server and clients just before each kind (the floor: the
cost of HTTP and of the machine's load at that moment, printed on the kind's line), the same load
against a `--baseline-docs` store (300 documents by default, made the same way; 0 skips it), and with
`--baseline-src DIR` a server running other code on the same store (e.g. the code before one engine per
process: `mkdir DIR && git archive 916a0f7 src | tar -x -C DIR`, then `--baseline-src DIR`).
`server CPU ms/req` is the server process's CPU time per request during the concurrent load (on a shared machine
the latencies include other programs' use of the cores, the CPU time does not); `client CPU ms/req` is the
generator's own. Targets (issue 12): `/entities/{id}` and `/match` p95 < 100 ms, `/exposure` p95 < 250 ms, 0 errors.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from http_load import Request, Result  # noqa: E402
from http_load import load as load_async  # noqa: E402
from web_load import QUERIES as PAGE_QUERIES  # noqa: E402
from web_load import build_store, free_port, percentile  # noqa: E402

from mcfwatch.store import Store  # noqa: E402
from mcfwatch.store.accounts import Accounts  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "mcfwatch-bench"
QUERIES = ["Huawei Technologies", "Beihang University", "China Electronics Technology Group", "Hikvision",
           "Northwestern Polytechnical University", "Aviation Industry Corporation of China", "Lizhong Group",
           "Brunel University", "Inspur", "SMIC", "中国航天科工集团", "哈尔滨工业大学", "UK MQP Limited", "Acme Widgets Ltd"]
PARTNERS = ["Brunel University", "UK MQP Limited", "Lizhong Group", "Cork County"]
PARTNER_TYPES = {"University", "Company", "ResearchInstitute"}
APPS = {"web": "mcfwatch.web.app:server", "api": "mcfwatch.api.app:app"}
TARGETS = {"/entities/{id}": 0.100, "/match": 0.100, "/exposure": 0.250}
UNCACHED = {"/match (all distinct)"}   # kinds whose requests are all different: no one-client pass before


def cached_store(path: Path | None, docs: int) -> Path:
    db = path or CACHE / f"api-{docs}.db"
    if not db.exists():
        db.parent.mkdir(parents=True, exist_ok=True)
        part = db.with_suffix(".part.db")
        part.unlink(missing_ok=True)
        build_store(part, docs)
        part.rename(db)
    return db


def token_for(db: Path) -> str:
    store = Store(db)
    accounts = Accounts(store)
    if accounts.user("loader") is None:
        accounts.add_user("loader", "reader", "benchmark password")
    token = accounts.create_token("loader", "benchmarks/api_load.py")
    store.close()
    return str(token)


def samples(db: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """(store entity ids for /entities, partner names for /exposure, entity ids for the web pages, every
    distinct store entity name for the uncached /match load)."""
    store = Store(db)
    rows = store.entities()
    store.close()
    rng = random.Random(12)
    ids = [r["id"] for r in rows[:3]] + [r["id"] for r in rng.sample(rows[3:], min(12, len(rows) - 3))]
    partners = [r["name"] for r in rows if r["type"] in PARTNER_TYPES]
    names = PARTNERS + rng.sample(partners, min(10, len(partners)))
    pages = [r["id"] for r in rows if r["type"] in PARTNER_TYPES][:6] + ids[3:9]
    distinct = sorted({r["name"] for r in rows} - set(QUERIES))
    rng.shuffle(distinct)
    return ids, names, pages, distinct


def load_threads(base: str, requests: list[Request], clients: int, per_client: int,
                 headers: dict[str, str]) -> Result:
    """The first generator (`--generator threads`, kept to compare): CLIENTS threads of httpx.Client, each
    sending PER_CLIENT of REQUESTS on its keep-alive connection, one at a time."""
    out = Result()
    lock = threading.Lock()

    def client(i: int) -> None:
        with httpx.Client(base_url=base, headers=headers, timeout=120) as c:
            for j in range(per_client):
                method, path, body = requests[(i * per_client + j) % len(requests)]
                t0 = time.perf_counter()
                status: int | str
                try:
                    status = c.request(method, path, json=body).status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                dt = time.perf_counter() - t0
                with lock:
                    out.times.append(dt)
                    out.statuses[status] = out.statuses.get(status, 0) + 1
                    out.errors += status != 200

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    cpu = time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.client_cpu = time.process_time() - cpu
    return out


class Server:
    """`uvicorn --factory mcfwatch.web.app:server` over DB, from this checkout or from SRC/src."""

    def __init__(self, db: Path, src: Path | None = None, target: str = "mcfwatch.web.app:server") -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "MCFWATCH_DB": str(db)}
        if src is not None:
            env["PYTHONPATH"] = str(src / "src")
        self.started = time.perf_counter()
        factory = ["--factory"] if target.endswith(":server") else []
        self.proc = subprocess.Popen([sys.executable, "-m", "uvicorn", *factory, target,
                                      "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
                                     env=env)

    def wait(self) -> float:
        with httpx.Client(base_url=self.base, timeout=5) as c:
            for _ in range(3000):
                try:
                    if c.get("/healthz").status_code == 200:
                        return time.perf_counter() - self.started
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def cpu_seconds(self) -> float:
        """User and system CPU time of the server process so far (Linux /proc): the work, whatever the load."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:  # a graph build holding the interpreter
            self.proc.kill()
            self.proc.wait(20)


@dataclass
class During(Result):
    kept: list[tuple[int, bytes]] = field(default_factory=list)   # (request index, answer) of every request


def during_first_exposure(server: Server, auth: dict[str, str], ids: list[str], clients: int) -> During:
    """`/entities/{id}` for the store's IDS, CLIENTS concurrent clients in rounds, for as long as the first
    `/exposure` is in flight (it waits for the graph index, built now if it is not current): the latencies the
    other requests see while an index is built. Prints one line; returns every answer to compare later."""
    first: dict[str, Any] = {}

    def expose() -> None:
        t0 = time.perf_counter()
        with httpx.Client(base_url=server.base, headers=auth, timeout=3600) as c:
            first["status"] = c.get("/exposure", params={"name": PARTNERS[0]}).status_code
        first["seconds"] = time.perf_counter() - t0

    reqs: list[Request] = [("GET", f"/entities/{i}", None) for i in ids]
    out = During()
    thread = threading.Thread(target=expose)
    thread.start()
    while thread.is_alive():
        r = load_async("127.0.0.1", server.port, reqs, clients, 1, auth, keep=True, keep_all=True)
        out.times += r.times
        out.errors += r.errors
        for status, n in r.statuses.items():
            out.statuses[status] = out.statuses.get(status, 0) + n
        out.kept += r.all_bodies
    thread.join()
    print(f"first /exposure (waits for the graph index): {first['seconds']:.1f} s (status {first['status']}; "
          f"{time.perf_counter() - server.started:.1f} s after start)")
    if out.times:
        print(f"during the first /exposure: /entities/{{id}}, {clients} clients: n {len(out.times)}, p50 "
              f"{ms(out.times, 0.5):.1f} ms, p95 {ms(out.times, 0.95):.1f} ms, p99 {ms(out.times, 0.99):.1f} ms, "
              f"max {max(out.times) * 1000:.1f} ms, errors {out.errors}" + (f" {out.statuses}" if out.errors else ""))
    return out


def send(server: Server, headers: dict[str, str], reqs: list[Request], clients: int, per_client: int,
         generator: str, expected: dict[int, bytes] | None = None, keep: bool = False) -> Result:
    if generator == "threads":
        return load_threads(server.base, reqs, clients, per_client, headers)
    return load_async("127.0.0.1", server.port, reqs, clients, per_client, headers, expected=expected, keep=keep)


def ms(values: list[float], q: float) -> float:
    return percentile(values, q) * 1000


def run(label: str, db: Path, args: argparse.Namespace, src: Path | None = None) -> dict[str, Result]:
    token = token_for(db)
    ids, names, pages, distinct = samples(db)
    counts = Store(db)
    print(f"\n== {label}: store {db} {counts.counts()}")
    counts.close()
    auth = {"authorization": f"Bearer {token}"}
    if args.fresh_index:  # as after a write or a deleted cache: the server's first /exposure needs a new index
        shutil.rmtree(f"{db}.cache", ignore_errors=True)
        print(f"removed {db}.cache (graph index, link cache, lists manifest)")
    server = Server(db, src, APPS[args.app])
    try:
        print(f"server answers /healthz after {server.wait():.1f} s")
        during: Result | None = None
        if "/exposure" in args.kinds:
            during = during_first_exposure(server, auth, ids, args.clients)
        with httpx.Client(base_url=server.base, headers=auth, timeout=3600) as c:
            print(f"/healthz after it: {c.get('/healthz').text}")
            orgs: list[str] = []
            for q in QUERIES:
                body = {"queries": {"q": {"schema": "Company", "properties": {"name": [q]}}}}
                # limit=1: a request of its own, so the /match answers below are not cached by this one
                orgs += [r["id"] for r in c.post("/match/default", params={"limit": 1},
                                                 json=body).json()["responses"]["q"]["results"]]
        kinds: dict[str, list[Request]] = {
            "/entities/{id}": [("GET", f"/entities/{i}", None) for i in ids + list(dict.fromkeys(orgs))[:10]],
            "/match": [("POST", "/match/default", {"queries": {"q": {"schema": "Company", "properties": {"name": [q]}}}})
                       for q in QUERIES],
            "/exposure": [("GET", f"/exposure?name={n}", None) for n in names],
        }
        # every request a new query (names of the store's entities, each sent once by one client): what /match
        # costs when no answer is kept (screening, checking and serialising the answer)
        unique = args.clients * args.requests
        kinds["/match (all distinct)"] = [
            ("POST", "/match/default", {"queries": {"q": {"schema": "Company", "properties": {"name": [n]}}}})
            for n in (distinct * (unique // max(1, len(distinct)) + 1))[:unique]]
        kinds = {k: v for k, v in kinds.items() if k in args.kinds}
        if args.web and args.app == "web":
            kinds["web /search"] = [("GET", f"/search?q={q}", None) for q in PAGE_QUERIES]
            kinds["web /entity/{id}"] = [("GET", f"/entity/{e}", None) for e in pages]
            kinds["web graph JSON"] = [("GET", f"/entity/{e}/graph?format=json", None) for e in pages]
        healthz: list[Request] = [("GET", "/healthz", None)]
        headers = {k: {**auth, "accept": "text/html"} if k.startswith("web") else auth for k in kinds}
        print("one client, each distinct request once (cold: builds what the server caches) and again (warm):")
        print(f"{'kind':22} {'n':>5} {'cold p50':>9} {'cold max':>9} {'warm p50':>9} {'warm max':>9} {'errors':>7}")
        expected: dict[str, dict[int, bytes]] = {}
        for kind, reqs in kinds.items():
            if kind in UNCACHED:
                continue  # sent once, under load, below
            cold = send(server, headers[kind], reqs, 1, len(reqs), "async", keep=True)
            expected[kind] = cold.bodies
            warm = send(server, headers[kind], reqs, 1, len(reqs), "async", expected=cold.bodies)
            print(f"{kind:22} {len(reqs):5d} {statistics.median(cold.times) * 1000:9.1f} {max(cold.times) * 1000:9.1f} "
                  f"{statistics.median(warm.times) * 1000:9.1f} {max(warm.times) * 1000:9.1f} "
                  f"{cold.errors + warm.errors:7d}")
        if during is not None and during.times:
            first = expected.get("/entities/{id}", {})
            differ = sum(1 for k, body in during.kept if k in first and first[k] != body)
            print(f"answers during the first /exposure that differ from the one-client answers: {differ}")
        print(f"\n{args.clients} concurrent clients x {args.requests} requests per kind, loopback, one server process, "
              f"generator: {args.generator}; load average before: {os.getloadavg()[0]:.1f}")
        print("floor: /healthz under the same clients, measured just before the kind (no work: HTTP and the machine)")
        print(f"{'kind':22} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7} "
              f"{'server CPU':>10} {'client CPU':>10} {'floor p50':>9} {'floor p95':>9}  target")
        print(f"{'':22} {'':5} {'':8} {'':8} {'':8} {'':8} {'':7} {'ms/req':>10} {'ms/req':>10}")
        results: dict[str, Result] = {}
        for kind, reqs in kinds.items():
            floor = send(server, auth, healthz, args.clients, args.requests, args.generator)
            cpu = server.cpu_seconds()
            r = send(server, headers[kind], reqs, args.clients, args.requests, args.generator,
                     expected=expected.get(kind) if args.generator == "async" else None)
            cpu = (server.cpu_seconds() - cpu) / len(r.times)
            results[kind] = r
            target = TARGETS.get(kind)
            verdict = "" if target is None else (f"p95 < {target * 1000:.0f} ms: "
                                                 + ("met" if percentile(r.times, 0.95) < target and not r.errors
                                                    else "MISSED"))
            print(f"{kind:22} {len(r.times):5d} {statistics.median(r.times) * 1000:8.1f} {ms(r.times, 0.95):8.1f} "
                  f"{ms(r.times, 0.99):8.1f} {max(r.times) * 1000:8.1f} {r.errors:7d} {cpu * 1000:10.2f} "
                  f"{r.client_cpu / len(r.times) * 1000:10.2f} {statistics.median(floor.times) * 1000:9.1f} "
                  f"{ms(floor.times, 0.95):9.1f}  {verdict}"
                  + (f"  statuses {r.statuses}" if r.errors else "")
                  + (f"  (floor errors {floor.statuses})" if floor.errors else ""))
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        return results
    finally:
        server.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the measured store")
    ap.add_argument("--store", type=Path, help="use (or create) this store instead of the cached one")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=10, help="requests per client and kind")
    ap.add_argument("--baseline-docs", type=int, default=300, help="documents in the baseline store (0: none)")
    ap.add_argument("--baseline-src", type=Path, help="also serve the same store from the code in DIR/src")
    ap.add_argument("--no-web", dest="web", action="store_false", help="leave out the web pages")
    ap.add_argument("--app", choices=sorted(APPS), default="web",
                    help="web: `mcfwatch serve`'s app (pages and API behind login; builds the graph at start); "
                         "api: the API alone (`uvicorn mcfwatch.api.app:app`, no login, nothing built at start)")
    ap.add_argument("--generator", choices=("async", "threads"), default="async",
                    help="async: one asyncio process, a keep-alive connection per client (http_load.py); "
                         "threads: the first generator, a thread of httpx.Client per client (to compare)")
    ap.add_argument("--fresh-index", action="store_true",
                    help="delete the store's cache folder (<store>.cache) before each server starts, so each one "
                         "(the baseline code's too) builds the graph index while it is measured")
    ap.add_argument("--kinds", default="/entities/{id},/match,/match (all distinct),/exposure",
                    help="API kinds to load, comma-separated (leave out /exposure where the graph takes too long)")
    args = ap.parse_args()
    args.kinds = set(args.kinds.split(","))
    db = cached_store(args.store, args.docs)
    if args.baseline_docs:
        run(f"baseline: {args.baseline_docs}-document store", cached_store(None, args.baseline_docs), args)
    if args.baseline_src is not None:
        run(f"baseline: the code in {args.baseline_src}", db, args, src=args.baseline_src)
    run(f"{args.docs}-document store", db, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
