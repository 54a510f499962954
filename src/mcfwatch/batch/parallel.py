"""`mcfwatch ingest --workers N`: extraction in N worker processes, storing in this one.

Invariant: the store has one writer, this process, and it adds documents in reading order (chunks are
stored in the order they were submitted), so the store ends up exactly as a one-process ingest leaves it.
Workers run the Spark executors' code (worker.py): one Extractor per process, batches of 16, a failed
document reported with its reason.

A worker that dies (killed by a signal, out of memory, a crash in native code) ends the ingest with
WorkerLostError naming the documents it held; everything stored before stays stored, and the same command
run again skips it and goes on. (multiprocessing.Pool.imap, used before, waited forever for a dead
worker's chunk: a 100,000-document run hung that way after a worker was killed.)
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from mcfwatch.batch import rows, worker
from mcfwatch.errors import WorkerLostError
from mcfwatch.ingest import Failure
from mcfwatch.workspace import IngestReport, ReadingLedger, Workspace, read_inputs

CHUNK = 8  # documents per task: small enough to spread a short run, large enough for spaCy's pipe

Progress = Callable[[str], None]


def _extract_chunk(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows_out = list(worker.extract_partition(items))
    # Paddle (LAC, loaded with the first Chinese document) installs a fatal-signal handler for SIGTERM that
    # prints a C++ "FatalError" block and can deadlock in a worker idle on its queue: give SIGTERM back its
    # default, so a pool terminated on an error stops at once and silently.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    return rows_out


def ingest_parallel(
    ws: Workspace, paths: list[Path], workers: int, on_item: Progress | None = None, resolve: bool = True,
    on_wait: Progress | None = None,
) -> IngestReport:
    """Workspace.ingest with extraction spread over ``workers`` processes (the store written here only),
    under the store's ingest lock as Workspace.ingest is."""
    with ws.store.ingest_lock(on_wait):
        return _ingest(ws, paths, workers, on_item, resolve)


def _ingest(ws: Workspace, paths: list[Path], workers: int, on_item: Progress | None, resolve: bool) -> IngestReport:
    report = IngestReport()
    ledger = ReadingLedger(ws.store, report)  # duplicates and re-reads as a one-process ingest has them

    def chunks() -> Iterator[list[dict[str, Any]]]:
        chunk: list[dict[str, Any]] = []
        for item_no, item in enumerate(read_inputs(paths)):
            if isinstance(item, Failure):
                report.failures.append(item)
                if on_item:
                    on_item(item.path)
            elif not ledger.admit(item):
                if on_item:
                    on_item(item.path or item.id)
            else:
                chunk.append({"file_no": 0, "item_no": item_no, **worker.doc_fields(item)})
                if len(chunk) >= CHUNK:
                    yield chunk
                    chunk = []
        if chunk:
            yield chunk

    # spawn: workers start clean (no copy of this process's store connections or threads)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    pending: deque[tuple[Future[list[dict[str, Any]]], list[str]]] = deque()

    def store_next() -> None:
        result = pending[0][0].result()  # raises BrokenProcessPool if a worker died; the chunk stays counted as held
        pending.popleft()
        for row in result:
            _store(ledger, row, report, on_item)

    try:
        for chunk in chunks():
            pending.append((pool.submit(_extract_chunk, chunk), [str(i.get("path") or i.get("id")) for i in chunk]))
            if len(pending) > 2 * workers:  # bounded: a few chunks read ahead per worker, never the corpus
                store_next()
        while pending:
            store_next()
    except BrokenProcessPool:
        held = [name for _, names in pending for name in names]
        raise WorkerLostError(
            f"an extraction worker process died (killed, out of memory or crashed) with {len(held)} documents "
            f"in flight ({_first(held)}); the {len(report.stored)} documents this run stored are kept: run the same "
            f"ingest again to go on (stored documents are skipped)"
        ) from None
    finally:
        # workers leave on their own when told the queue has ended: no signal unless one has died
        pool.shutdown(wait=True, cancel_futures=True)
    if resolve and (report.stored or report.reread or ws.store.unresolved_documents()):
        report.merges = len(ws.resolve())
    return report


def _store(ledger: ReadingLedger, row: dict[str, Any], report: IngestReport, on_item: Progress | None) -> None:
    ex = rows.extraction_from_row(row)
    name = ex.document.path or ex.document.id
    if row["failure"]:
        report.failures.append(Failure(name, row["failure"]))
    else:
        ledger.put(ex)
    if on_item:
        on_item(name)


def _first(names: list[str]) -> str:
    if not names:
        return "none read yet"
    return names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more"
