"""`mcfwatch serve --workers 2`: two real worker processes over one store answer concurrent requests exactly as a
one-process server does, and both stop cleanly (exit 0, no worker left) on SIGTERM."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from mcfwatch.store import Store
from mcfwatch.store.accounts import Accounts

from .server import free_port

START = "import sys; from mcfwatch.cli.main import app; sys.argv[0] = 'mcfwatch'; app()"


def workers_of(pid: int) -> list[int]:
    """The multiprocessing children of PID (uvicorn's workers), from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == pid and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return found


class Served:
    """`mcfwatch serve --db DB --port P --workers N` in a child process."""

    def __init__(self, db: Path, workers: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = db.with_name(f"serve-{workers}.log")   # a file, not a pipe: a full pipe would block the server
        with self.log.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", START, "serve", "--db", str(db), "--port", str(self.port),
                 "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=err)

    def wait(self) -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"serve exited {self.proc.returncode}: {self.log.read_text()}")
            try:
                if httpx.get(f"{self.base}/healthz", timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise AssertionError("serve did not answer /healthz within 300 s")

    def stop(self) -> tuple[int, str]:
        """SIGTERM, then (exit status, what it printed on stderr)."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(60), self.log.read_text()
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(10)


@pytest.fixture()
def served_db(demo_db: Path, tmp_path: Path) -> tuple[Path, str]:
    """A copy of the demo store (the seed and its Chinese rendering) with an account and its API token."""
    db = tmp_path / "served.db"
    shutil.copy(demo_db, db)
    store = Store(db)
    accounts = Accounts(store)
    accounts.add_user("reader", "reader", "a long enough password")
    token = str(accounts.create_token("reader", "tests/api/test_serve_workers.py"))
    store.close()
    return db, token


def requests_for(db: Path) -> list[tuple[str, str, Any]]:
    store = Store(db)
    ids = [row["id"] for row in store.entities()[:6]]
    store.close()
    names = ["UK MQP Limited", "Lizhong Group", "Huawei Technologies", "哈尔滨工业大学", "Haerbin Gongye Daxue"]
    return ([("GET", "/entities", None)] + [("GET", f"/entities/{i}", None) for i in ids]
            + [("POST", "/match/default", {"queries": {"q": {"schema": "Company", "properties": {"name": [n]}}}})
               for n in names])


def answers(base: str, token: str, requests: list[tuple[str, str, Any]], repeat: int) -> list[Any]:
    """Every request REPEAT times, 12 at once (each worker gets some), answers in request order."""
    def send(req: tuple[str, str, Any]) -> Any:
        r = httpx.request(req[0], base + req[1], json=req[2], timeout=300,
                          headers={"authorization": f"Bearer {token}"})
        assert r.status_code == 200, (req, r.status_code, r.text[:300])
        return r.json()

    with ThreadPoolExecutor(max_workers=12) as pool:
        return list(pool.map(send, requests * repeat))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the worker processes from /proc")
def test_two_workers_answer_as_one_process_and_stop_cleanly(served_db: tuple[Path, str]) -> None:
    db, token = served_db
    requests = requests_for(db)
    two, one = Served(db, 2), Served(db, 1)
    try:
        two.wait()
        one.wait()
        workers = workers_of(two.proc.pid)
        assert len(workers) == 2, workers
        assert workers_of(one.proc.pid) == []
        together = answers(two.base, token, requests, 3)
        alone = answers(one.base, token, requests, 1)
    finally:
        (code2, log2), (code1, log1) = two.stop(), one.stop()
    for i, answer in enumerate(together):
        assert answer == alone[i % len(requests)], requests[i % len(requests)]
    assert any(a["responses"]["q"]["results"] for a in alone if isinstance(a, dict) and "responses" in a)
    # graceful: every worker finished its shutdown (uvicorn re-raises SIGTERM in a one-process server after it)
    assert code2 == 0 and code1 in (0, -signal.SIGTERM), (code2, code1, log2, log1)
    assert log2.count("Finished server process") == 2 and "Stopping parent process" in log2, log2
    assert log1.count("Finished server process") == 1, log1
    assert "Traceback" not in log2 + log1
    assert not [pid for pid in workers if os.path.exists(f"/proc/{pid}")]
