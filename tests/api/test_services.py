"""One store and one graph per server process: requests and pages share the app's Services, concurrent
requests answer what sequential ones do with one graph build, and a write by another process is seen."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from mcfwatch.analyse.decisions import decide
from mcfwatch.api import services as services_module
from mcfwatch.api.app import create_app
from mcfwatch.api.services import Services, services_for
from mcfwatch.extract import Extractor
from mcfwatch.store import Store
from mcfwatch.web.app import mount
from mcfwatch.workspace import Workspace

from .server import serving

PARTNER = "UK MQP Limited"   # high through Lizhong Group and the PLA Baoding branch (the seed)


@pytest.fixture()
def db(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo store: these tests write to it."""
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    return copy


def only_services(app: Any) -> Services:
    (found,) = app.state.services_by_db.values()
    assert isinstance(found, Services)
    return found


def test_requests_share_one_store_and_one_graph(db: Path) -> None:
    app = create_app(db=db, hosts=["testserver"])
    client = TestClient(app)
    first = client.get("/exposure", params={"name": PARTNER}).json()
    s = only_services(app)
    graph = s.analyst()
    for path in ("/catalog", "/entities", f"/exposure?name={PARTNER}", "/patterns", "/readyz"):
        assert client.get(path).status_code == 200, path
    assert only_services(app) is s and s.analyst() is graph and s.builds == 1
    assert client.get("/exposure", params={"name": PARTNER}).json() == first
    web = mount(create_app(db=db, hosts=["testserver"]), str(db))
    assert web.state.services is services_for(web, str(db))  # the pages and the API routes share it


def test_concurrent_requests_answer_as_sequential_ones_with_one_graph_build(db: Path) -> None:
    app = create_app(db=db)
    store = Store(db)
    (lizhong,) = store.find("Lizhong Group")
    store.close()
    match = {"queries": {"q": {"schema": "Company", "properties": {"name": ["Huawei Technologies"]}}}}
    requests = [("GET", f"/exposure?name={PARTNER}", None), ("GET", f"/entities/{lizhong.id}", None),
                ("POST", "/match/default", match), ("GET", "/exposure?name=Brunel University", None)] * 6
    with serving(app) as base:
        def send(req: tuple[str, str, Any]) -> Any:
            with httpx.Client(base_url=base, timeout=600) as c:
                r = c.request(req[0], req[1], json=req[2])
                assert r.status_code == 200, (req, r.text)
                return r.json()

        with ThreadPoolExecutor(max_workers=len(requests)) as pool:
            together = list(pool.map(send, requests))   # all at once, on a cold server: the graph is not built
        alone = [send(req) for req in requests[:4]]
    for i, answer in enumerate(together):
        assert answer == alone[i % 4], requests[i]
    assert only_services(app).builds == 1


def test_a_write_by_another_process_is_seen(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(db=db, hosts=["testserver"])
    client = TestClient(app)
    before = client.get("/exposure", params={"name": PARTNER}).json()
    edges = {hop["edge"] for path in before["paths"] for hop in path["hops"] if "+" not in hop["edge"]}
    assert edges and before["rating"]["level"] == "high"
    other = Store(db)  # another process's connection: this app is not told
    for edge in edges:
        decide(other, "edge", edge, "reject", note="not the same body", by="test")
    other.close()
    monkeypatch.setattr(services_module, "GENERATION_SECONDS", 0.0)  # read the generation on the next request
    after = client.get("/exposure", params={"name": PARTNER}).json()
    assert not edges & {hop["edge"] for path in after["paths"] for hop in path["hops"]}
    assert only_services(app).builds == 2



@pytest.fixture(scope="module")
def listed_client(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path, extractor: Extractor) -> TestClient:
    """A store of the shipped corpus's BIS Entity List notices: parties that are on lists."""
    db = tmp_path_factory.mktemp("listed") / "bis.db"
    ws = Workspace(db, extractor=extractor)
    assert ws.ingest([corpus_dir / "bis-entity-list-entries.jsonl"]).ok
    ws.close()
    return TestClient(create_app(db=db, hosts=["testserver"]))


def test_exposure_of_a_listed_party_cites_its_list_entries(listed_client: TestClient) -> None:
    """A rule's evidence is a quote or, for a listed party, a list entry: both are in the response model."""
    listed_client.get("/healthz")
    listed = [n for n in only_services_of(listed_client).analyst().graph.nodes if n.listings]
    assert listed, "the BIS notices name listed parties"
    cited = 0
    for node in listed[:8]:
        r = listed_client.get("/exposure", params={"name": node.name})
        assert r.status_code == 200, (node.name, r.text[:300])
        entries = [e["entry"] for rule in r.json()["rating"]["rules"] for e in rule["evidence"] if "list" in e]
        cited += len(entries)
    assert cited, "a listed party's rating cites its list entries"


def only_services_of(client: TestClient) -> Services:
    client.get("/readyz")  # opens the app's store
    return only_services(client.app)
