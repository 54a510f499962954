"""Fault tests: a real `kill -9` in the middle of ingest, `lists update` and a report write, then a restart.

After each kill nothing is half-written (a document is stored with all its mentions and relations or not
at all; a list version or a report appears whole or not at all) and the rerun finishes the job.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

LIST_FIXTURES = Path(__file__).parents[1] / "lists" / "fixtures" / "update"

CLI = [sys.executable, "-c", "from mcfwatch.cli.main import app; app()"]


def spawn(args: list[str], env: dict[str, str] | None = None, **kwargs: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 (our own CLI)
        [*CLI, *args], env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        **kwargs,  # type: ignore[call-overload]
    )


def kill_when(proc: subprocess.Popen[bytes], ready: Callable[[], bool], timeout: float = 240.0) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()`` holds; False when the process ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if ready():
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    raise TimeoutError("the process never reached the point to kill it at")


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows of a query on a SQLite store opened read-only (never changes it)."""
    if not db.exists():
        return []
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return con.execute(sql).fetchall()
    except sqlite3.OperationalError:  # tables not created yet
        return []
    finally:
        con.close()


def stored(db: Path) -> dict[str, tuple[int, int]]:
    """document id -> (mentions, relations) stored for it."""
    docs = {str(r[0]): (0, 0) for r in rows(db, "SELECT id FROM documents")}
    for doc_id, n in rows(db, "SELECT document_id, count(*) FROM mentions GROUP BY document_id"):
        docs[str(doc_id)] = (int(str(n)), docs.get(str(doc_id), (0, 0))[1])
    for doc_id, n in rows(db, "SELECT document_id, count(*) FROM relations GROUP BY document_id"):
        docs[str(doc_id)] = (docs.get(str(doc_id), (0, 0))[0], int(str(n)))
    return docs


def test_kill_during_ingest_then_rerun_matches_a_clean_run(corpus_records: list[dict], tmp_path: Path) -> None:
    # Enough documents that the kill lands mid-run even on a fast, idle machine (5 were all stored in one
    # poll interval there).
    records = [r for r in corpus_records if (r.get("language") or "en") == "en"][:20]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    proc = spawn(["ingest", str(corpus), "--db", str(killed)])
    assert kill_when(proc, lambda: len(rows(killed, "SELECT id FROM documents")) >= 2), proc.stderr.read()  # type: ignore[union-attr]
    after_kill = stored(killed)
    assert 2 <= len(after_kill) < len(records)
    assert rows(killed, "PRAGMA integrity_check") == [("ok",)]
    done = spawn(["ingest", str(corpus), "--db", str(clean)])
    assert done.wait(timeout=600) == 0, done.stderr.read()  # type: ignore[union-attr]
    reference = stored(clean)
    assert len(reference) == len(records)
    for doc_id, counts in after_kill.items():  # what survived the kill is whole
        assert reference[doc_id] == counts, doc_id
    rerun = spawn(["ingest", str(corpus), "--db", str(killed)])
    assert rerun.wait(timeout=600) == 0, rerun.stderr.read()  # type: ignore[union-attr]
    assert stored(killed) == reference


def _resolving(db: Path) -> Callable[[], bool]:
    """True while some process holds the store's resolution lock (Store.writer_lock)."""
    import fcntl

    def held() -> bool:
        lock = Path(f"{db}.lock")
        if not lock.exists():
            return False
        with lock.open("a") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(fh, fcntl.LOCK_UN)
            return False

    return held


def _canonical(db: Path) -> list[tuple[str, str, int]]:
    proc = spawn(["entities", "--db", str(db), "--format", "json", "--limit", "100000"])
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return sorted((e["name"], e["type"], e["mentions"]) for e in json.loads(out))


def test_kill_during_resolution_then_resolve_matches_a_clean_run(corpus_records: list[dict], tmp_path: Path) -> None:
    records = [r for r in corpus_records if (r.get("language") or "en") == "en"][:8]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    proc = spawn(["ingest", str(corpus), "--db", str(killed)])
    if not kill_when(proc, _resolving(killed)):
        pytest.skip("resolution finished before it could be killed")  # never seen here: it takes seconds
    check = spawn(["check", "--db", str(killed)])
    out, _ = check.communicate(timeout=300)
    assert check.returncode == 1 and b"not yet resolved" in out, out
    done = spawn(["ingest", str(corpus), "--db", str(clean)])
    assert done.wait(timeout=600) == 0
    resumed = spawn(["resolve", "--db", str(killed)])
    assert resumed.wait(timeout=600) == 0
    check = spawn(["check", "--db", str(killed)])
    out, _ = check.communicate(timeout=300)
    assert check.returncode == 0, out
    assert _canonical(killed) == _canonical(clean)


class _Stalling(SimpleHTTPRequestHandler):
    """Serves fixture files, but stalls halfway through any file whose name is in ``stall``."""

    stall: set[str] = set()
    started = threading.Event()
    release = threading.Event()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        if Path(self.path).name in self.stall:
            outputfile.write(data[: len(data) // 2])
            outputfile.flush()
            self.started.set()
            self.release.wait(30)
            return
        outputfile.write(data)


@pytest.fixture()
def stalling_server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Stalling, directory=str(LIST_FIXTURES)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Stalling.release.set()
    httpd.shutdown()


def test_kill_during_lists_update_leaves_no_partial_version(stalling_server: str, tmp_path: Path) -> None:
    env = {"MCFWATCH_LISTS_DIR": str(tmp_path)}
    files = [p.name for p in (LIST_FIXTURES / "us-bis-meu").iterdir()]
    _Stalling.stall, _Stalling.started, _Stalling.release = set(files), threading.Event(), threading.Event()
    proc = spawn(["lists", "update", "us-bis-meu", "--url-base", stalling_server], env=env)
    assert kill_when(proc, _Stalling.started.is_set, timeout=120)
    _Stalling.release.set()
    base = tmp_path / "us-bis-meu" / "nsfreg"
    assert [p.name for p in base.iterdir() if not p.name.startswith(".")] == []  # no version, not half of one
    shown = spawn(["lists", "versions", "us-bis-meu"], env=env)
    out, err = shown.communicate(timeout=120)
    assert shown.returncode == 0, err
    assert b"fetched" not in out and b"2026-07-09" in out
    _Stalling.stall = set()
    rerun = spawn(["lists", "update", "us-bis-meu", "--url-base", stalling_server], env=env)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    versions = [p for p in base.iterdir()]
    assert len(versions) == 1 and (versions[0] / "meta.json").is_file()  # the killed run's leftovers are gone


def test_kill_between_the_two_renames_of_a_list_update_restores_the_old_version(tmp_path: Path) -> None:
    from mcfwatch.lists.update import _remove_leftovers

    base = tmp_path / "us-bis-meu" / "nsfreg"
    (base / ".old-2026-11-01-4242").mkdir(parents=True)  # the state a kill after the first rename leaves
    (base / ".old-2026-11-01-4242" / "meta.json").write_text("{}", encoding="utf-8")
    (base / ".fetch-abc").mkdir()
    _remove_leftovers(base)
    assert sorted(p.name for p in base.iterdir()) == ["2026-11-01"]


_SLOW_REPORT = """
import sys, time
from pathlib import Path
write_text = Path.write_text
def slow(self, data, encoding=None, errors=None, newline=None):
    # a slow disk: half the report, then a pause in which the test kills this process
    with open(self, "w", encoding=encoding) as fh:
        fh.write(data[: len(data) // 2]); fh.flush()
        print("half", flush=True); time.sleep(60); fh.write(data[len(data) // 2 :])
Path.write_text = slow
from mcfwatch.analyse.exposure import Analyst
from mcfwatch.report import write_report
from mcfwatch.workspace import Workspace
write_report(Analyst(Workspace(sys.argv[2]).store), ["Brunel University", "Huawei"], Path(sys.argv[1]))
"""


def test_kill_during_report_write_keeps_the_old_report_whole(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("<html>the previous report</html>", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_REPORT, str(out), str(tmp_path / "s.db")], stdout=subprocess.PIPE)  # noqa: S603
    assert proc.stdout is not None
    started = time.monotonic()
    line = proc.stdout.readline()
    assert line == b"half\n", time.monotonic() - started
    assert kill_when(proc, lambda: True)
    assert out.read_text(encoding="utf-8") == "<html>the previous report</html>"
    leftovers = [p.name for p in tmp_path.iterdir() if "report" in p.name and p != out]
    assert leftovers and all(n.startswith(".report.html.") for n in leftovers)  # a hidden temporary only
    rerun = spawn(["report", "Brunel University", "-o", str(out), "--db", str(tmp_path / "s.db")])
    rerun.communicate(timeout=300)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") or text.startswith("<html") and "previous" not in text
    assert text.rstrip().endswith("</html>")


def test_rows_helper_never_creates_a_store(tmp_path: Path) -> None:
    assert rows(tmp_path / "missing.db", "SELECT 1") == []
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(sqlite3.OperationalError):
        sqlite3.connect(f"file:{tmp_path / 'missing.db'}?mode=ro", uri=True).execute("SELECT 1")
