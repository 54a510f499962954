"""A server's index builds, run in a separate process: requests never wait on the interpreter for one.

A server answers exposure from the store's persisted graph index (graph/persisted.py). When that index is not
current (a new store, a write, a deleted cache folder), building it takes seconds of CPU: the graph, and every
entity screened against the lists. Built in a thread of the server, it held the interpreter and every other
request queued behind it (`/entities/{id}` p95 236 ms instead of 17 ms on the 10,000-document store). Here
the build runs as ``python -m mcfwatch.api.indexer --db DB``, at a lower priority; a request that needs the
index waits for that process (without holding the interpreter) and then reads the files it saved; the others
are not slowed.

Invariants:
- one build process at a time per server process and date; across processes (``serve --workers 2``, a CLI
  call) one build at a time per store cache folder (graph/cachedir.py ``build_lock``): the second waits for
  the first, finds the index current and exits;
- a failed build is logged (logger ``mcfwatch.index``, with the build's own error output) and shown by
  /healthz; the requests that needed it get a 503 naming the error; it is tried again at most every
  RETRY_SECONDS;
- on shutdown the build process is stopped (SIGTERM) and waited for; a build process whose server died
  without shutting down notices (its parent changed) and stops.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from typing import Any

from mcfwatch.errors import StoreError

log = logging.getLogger("mcfwatch.index")
RETRY_SECONDS = 30.0    # a failed build is not started again sooner (each request would start one)
NICENESS = 10           # the build yields the cores to the server's requests
STOP_SECONDS = 10.0     # a stopped build gets this long to clean up before it is killed


class Build:
    """One build process and the thread that waits for it (reading what it prints)."""

    def __init__(self, db: str, as_of: str | None) -> None:
        self.as_of = as_of
        cmd = [sys.executable, "-m", "mcfwatch.api.indexer", "--db", db, "--parent", str(os.getpid())]
        cmd += ["--as-of", as_of] if as_of else []
        self.started = time.monotonic()
        self.ended: float | None = None
        self.error: str | None = None
        self.summary: dict[str, Any] = {}
        self.stopped = False  # stopped by the server (shutdown), not failed
        self.done = threading.Event()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, encoding="utf-8", errors="replace")
        threading.Thread(target=self._wait, name=f"mcfwatch-index-{self.proc.pid}", daemon=True).start()

    @property
    def running(self) -> bool:
        return not self.done.is_set()

    def _wait(self) -> None:
        out, err = self.proc.communicate()
        self.ended = time.monotonic()
        seconds = self.ended - self.started
        if self.proc.returncode == 0:
            try:
                self.summary = json.loads(out.strip().splitlines()[-1])
            except (ValueError, IndexError):
                self.summary = {}
            log.info("graph index built in %.1f s by process %d: %s", seconds, self.proc.pid, self.summary)
        elif self.stopped:
            self.error = "stopped: the server is shutting down"
            log.info("graph index build stopped after %.1f s (process %d)", seconds, self.proc.pid)
        else:
            lines = [line for line in err.strip().splitlines() if line.strip()]
            why = lines[-1] if lines else f"the build process exited with status {self.proc.returncode}"
            self.error = why.removeprefix("error: ")
            log.error("graph index build failed after %.1f s (process %d, exit %s): %s\n%s", seconds,
                      self.proc.pid, self.proc.returncode, self.error, err.strip())
        self.done.set()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.stopped = True
            self.proc.terminate()
        try:
            self.proc.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.done.wait(STOP_SECONDS)


class IndexBuilder:
    """The build processes of one server process over store DB. A server's analysts call ``wait`` where they
    would build their index or parse the lists for its manifest (``Analyst.index_builder``)."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._builds: dict[str | None, Build] = {}
        self._closed = False
        self.started = 0  # build processes started by this server process

    def start(self, as_of: str | None = None) -> Build:
        """The build for AS_OF running now (or failed less than RETRY_SECONDS ago), else a new one."""
        with self._lock:
            if self._closed:
                raise StoreError("the server is shutting down: no index build is started")
            build = self._builds.get(as_of)
            recent_failure = build is not None and build.error is not None and not build.stopped \
                and build.ended is not None and time.monotonic() - build.ended < RETRY_SECONDS
            if build is None or not (build.running or recent_failure):
                build = Build(self.db, as_of)
                self._builds[as_of] = build
                self.started += 1
                log.info("graph index of %s is not current: building it in process %d", self.db, build.proc.pid)
            return build

    def wait(self, as_of: str | None = None) -> None:
        """Start (or join) the build for AS_OF and return when it has finished; a StoreError if it failed."""
        build = self.start(as_of)
        build.done.wait()
        if build.error is not None:
            raise StoreError(f"the graph index could not be built: {build.error} (see the server log and /healthz)")

    def health(self) -> dict[str, Any]:
        """What /healthz says about the index builds: the latest build's state, seconds and error."""
        with self._lock:
            builds = list(self._builds.values())
        if not builds:
            return {"state": "none", "builds": self.started}
        latest = max(builds, key=lambda b: b.started)
        state = "running" if latest.running else "stopped" if latest.stopped else \
            "failed" if latest.error is not None else "done"
        out: dict[str, Any] = {"state": state, "builds": self.started}
        if latest.ended is not None:
            out["seconds"] = round(latest.ended - latest.started, 1)
        if latest.error is not None:
            out["error"] = latest.error
        return out

    def close(self) -> None:
        """Stop every running build and wait for it (server shutdown); later builds are refused until reopened."""
        with self._lock:
            self._closed = True
            builds = list(self._builds.values())
        for build in builds:
            build.stop()

    def reopen(self) -> None:
        with self._lock:
            self._closed = False


# -- the build process ------------------------------------------------------------------------------------


def _watch_parent(parent: int) -> None:
    """Stop this build when the server that started it is gone (killed without shutting down)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="mcfwatch-parent-watch", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    """Build and save the store's graph index (and the lists' manifest naming it); print a JSON summary."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m mcfwatch.api.indexer", description=main.__doc__)
    parser.add_argument("--db", required=True, help="the store (a SQLite file or a PostgreSQL URL)")
    parser.add_argument("--as-of", default=None, help="the date of the index (YYYY-MM-DD); today when absent")
    parser.add_argument("--parent", type=int, default=None, help="the server's process id (stop when it is gone)")
    args = parser.parse_args(argv)
    # SIGTERM unwinds (temporary folders removed, the lock released) instead of killing mid-write
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    if args.parent is not None:
        _watch_parent(args.parent)
    os.nice(NICENESS)
    from mcfwatch.errors import McfwatchError

    try:
        return _build(args.db, args.as_of)
    except McfwatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {args.db}: {exc}", file=sys.stderr)
        return 1


def _build(db: str, as_of: str | None) -> int:
    from mcfwatch.analyse import Analyst
    from mcfwatch.analyse.indexed import graph_cache
    from mcfwatch.store import Store

    t0 = time.perf_counter()
    store = Store(db)
    try:
        cache = graph_cache(Analyst(store, as_of=as_of))  # writes the lists' manifest when it is missing
        if cache is None:
            print(json.dumps({"index": "off"}))
            return 0
        pg = cache.open()  # under the build lock: a build by another process is waited for, not repeated
        print(json.dumps({"folder": str(cache.folder), "generation": pg.generation, "rebuilt": cache.rebuilt,
                          "path": cache.path, "why_whole": cache.why_whole,
                          "nodes": len(pg.node_id), "edges": len(pg.edge_key),
                          "seconds": round(time.perf_counter() - t0, 2)}))
        return 0
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
