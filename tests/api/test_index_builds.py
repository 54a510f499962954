"""A server builds the persisted graph index in another process (api/indexer.py), on the real demo store: its
answers equal those of an index built in the request thread, the server itself builds nothing and parses no
list, two servers over one store build once, a failed build is a 503 and shows in /healthz and the log, and
shutdown (also SIGTERM to `mcfwatch serve`) leaves no build process behind."""

from __future__ import annotations

import logging
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from mcfwatch.analyse.indexed import graph_cache
from mcfwatch.api.app import create_app
from mcfwatch.api.indexer import IndexBuilder
from mcfwatch.api.services import Services

from .server import free_port

PARTNER = "UK MQP Limited"   # high through Lizhong Group and the PLA Baoding branch (the seed)


def copy_of(demo_db: Path, folder: Path) -> Path:
    """A copy of the demo store without its cache folder: its graph index is not built yet."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "store.db"
    shutil.copy(demo_db, db)
    return db


def only_services(app: Any) -> Services:
    (found,) = app.state.services_by_db.values()
    assert isinstance(found, Services)
    return found


def without_store(answer: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in answer.items() if k != "store"}  # each copy names its own file


def build_processes(db: Path) -> list[int]:
    """Process ids of the build processes running over DB (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0") if entry.name.isdigit() else []
        except OSError:
            continue
        if b"mcfwatch.api.indexer" in cmdline and str(db).encode() in cmdline:
            found.append(int(entry.name))
    return found


def test_answers_from_an_index_built_in_another_process(demo_db: Path, tmp_path: Path) -> None:
    inline_db, apart_db = copy_of(demo_db, tmp_path / "inline"), copy_of(demo_db, tmp_path / "apart")
    inline = create_app(db=inline_db, hosts=["testserver"])
    expected = TestClient(inline).get("/exposure", params={"name": PARTNER}).json()
    assert graph_cache(only_services(inline).analyst()).rebuilt  # type: ignore[union-attr]  # built in that thread
    app = create_app(db=apart_db, hosts=["testserver"], build_apart=True)
    with TestClient(app) as client:  # the server starts: its build process starts with it
        got = client.get("/exposure", params={"name": PARTNER})
        health = client.get("/healthz").json()
    assert got.status_code == 200, got.text
    assert without_store(got.json()) == without_store(expected) and expected["paths"]
    s = only_services(app)
    assert s.indexer is not None and s.indexer.started == 1
    (build,) = s.indexer._builds.values()
    assert build.summary["rebuilt"] is True and build.summary["folder"].startswith(f"{apart_db}.cache")
    a = s.analyst()
    cache = graph_cache(a)
    assert cache is not None and not cache.rebuilt  # the server process built nothing ...
    assert a._lists is None  # ... and parsed no list: the build process wrote the lists' manifest too
    assert health == {"status": "ok", "index": {"state": "done", "builds": 1, "seconds": health["index"]["seconds"]}}
    assert build_processes(apart_db) == []


def test_two_servers_over_one_store_build_once(demo_db: Path, tmp_path: Path) -> None:
    db = copy_of(demo_db, tmp_path)
    first, second = IndexBuilder(str(db)), IndexBuilder(str(db))   # as the two workers of `serve --workers 2`
    runs = [first.start(), second.start()]
    first.wait()
    second.wait()
    assert sorted(r.summary["rebuilt"] for r in runs) == [False, True], [r.summary for r in runs]
    assert runs[0].summary["folder"] == runs[1].summary["folder"]


def test_a_failed_build_is_a_503_shown_in_healthz_and_logged(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    db = copy_of(demo_db, tmp_path)
    app = create_app(db=db, hosts=["testserver"], build_apart=True)
    client = TestClient(app)
    assert client.get("/entities").status_code == 200
    s = only_services(app)
    s.analyst()  # made with the shipped rules; the build process started next reads the environment as it is then
    missing = tmp_path / "gone.yaml"
    monkeypatch.setenv("MCFWATCH_RULES", str(missing))
    with caplog.at_level(logging.ERROR, logger="mcfwatch.index"):
        r = client.get("/exposure", params={"name": PARTNER})
        again = client.get("/exposure", params={"name": "Lizhong Group"})
    assert r.status_code == 503, r.text
    message = r.json()["error"]["message"]
    assert message.startswith("the graph index could not be built: ") and str(missing) in message, message
    assert again.status_code == 503 and s.indexer is not None and s.indexer.started == 1  # not retried at once
    health = client.get("/healthz").json()["index"]
    assert health["state"] == "failed" and str(missing) in health["error"] and "cannot read rules" in health["error"]
    assert any(str(missing) in rec.getMessage() for rec in caplog.records if rec.name == "mcfwatch.index")
    assert client.get("/entities").status_code == 200  # the rest of the API answers


def test_shutdown_stops_a_running_build(demo_db: Path, tmp_path: Path) -> None:
    db = copy_of(demo_db, tmp_path)
    app = create_app(db=db, hosts=["testserver"], build_apart=True)
    with TestClient(app) as client:
        deadline = time.monotonic() + 30
        while (state := client.get("/healthz").json().get("index", {}).get("state")) in (None, "none"):
            assert time.monotonic() < deadline, "no build started with the server"
            time.sleep(0.05)
        assert state in ("running", "done")
    s = only_services(app)
    assert s.indexer is not None
    (build,) = s.indexer._builds.values()
    assert build.proc.poll() is not None and build.done.is_set()  # stopped and waited for, not left running
    assert build_processes(db) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the build processes from /proc")
def test_sigterm_to_serve_stops_its_build(demo_db: Path, tmp_path: Path) -> None:
    db = copy_of(demo_db, tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    start = "import sys; from mcfwatch.cli.main import app; sys.argv[0] = 'mcfwatch'; app()"
    with log.open("w") as err:
        proc = subprocess.Popen([sys.executable, "-c", start, "serve", "--db", str(db), "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline, health = time.monotonic() + 120, None
        while health is None and time.monotonic() < deadline:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).json()
            except httpx.TransportError:
                time.sleep(0.2)
        assert health is not None and health["index"]["state"] in ("running", "done"), (health, log.read_text())
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert "Traceback" not in log.read_text()
    assert build_processes(db) == [], log.read_text()
