"""`mcfwatch ingest --workers N` ends its worker processes cleanly once they have loaded the Chinese models.

Paddle (LAC) installs a fatal-signal handler for SIGTERM when the first Chinese document loads it; a pool
ended with SIGTERM (multiprocessing's Pool.terminate, what leaving a `with Pool()` block does) made every worker
print a C++ "FatalError: `Termination signal`" block, and one that was idle on its queue could deadlock in that
handler, leaving the ingest hanging after its last document (seen on a 1,000-document benchmark run: both
workers blocked in the handler for 15 minutes after the last document was stored). Now the pool is closed, so
workers leave without a signal, and a worker gives SIGTERM its default back once it has extracted a chunk.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import threading
from pathlib import Path

import pytest

from mcfwatch.batch import worker
from mcfwatch.batch.parallel import _extract_chunk, ingest_parallel
from mcfwatch.data import sample_path
from mcfwatch.errors import WorkerLostError
from mcfwatch.model import Document
from mcfwatch.workspace import Workspace

pytestmark = [pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def test_a_worker_gives_sigterm_its_default_back_after_the_chinese_models_load() -> None:
    doc = Document(text=(sample_path() / "zh" / "seed_zh.txt").read_text(encoding="utf-8"), language="zh")
    rows = _extract_chunk([{"file_no": 0, "item_no": 0, **worker.doc_fields(doc)}])
    assert rows[0]["failure"] is None and rows[0]["entities"]
    # paddle's handler is installed by C code, which signal.getsignal does not see: ask the kernel
    assert not _catches(signal.SIGTERM)


def _catches(signum: int) -> bool:
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("needs Linux's /proc to read the signal disposition")
    caught = next(line for line in status.read_text().splitlines() if line.startswith("SigCgt:"))
    return bool(int(caught.split()[1], 16) >> (signum - 1) & 1)


def test_workers_with_chinese_documents_end_and_store_what_ingest_stores(tmp_path: Path) -> None:
    inputs = [sample_path() / "zh"]
    ws = Workspace(tmp_path / "workers.db")
    report = ingest_parallel(ws, inputs, workers=2)
    assert multiprocessing.active_children() == []
    one = Workspace(tmp_path / "one.db")
    single = one.ingest(inputs)
    assert report.ok and sorted(report.stored) == sorted(single.stored) and len(report.stored) >= 2
    assert ws.store.counts() == one.store.counts()
    assert sorted(ws.store.names()) == sorted(one.store.names())


def test_a_killed_worker_ends_the_ingest_with_a_clear_error_and_keeps_what_was_stored(tmp_path: Path) -> None:
    """A worker killed mid-run (SIGKILL, as the out-of-memory killer does) used to hang `ingest --workers 2`
    forever (Pool.imap waits for the dead worker's chunk). Now: WorkerLostError naming the documents in flight,
    the documents stored before it stay, and the same ingest run again finishes the job exactly as one process."""
    corpus = ROOT / "corpus" / "train" / "en.jsonl"
    lines = [line for line in corpus.read_text("utf-8").splitlines() if line.strip()][:48]
    source = tmp_path / "stories.jsonl"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    ws = Workspace(tmp_path / "workers.db")
    killed: list[int] = []

    def kill_a_worker(_name: str) -> None:  # called after each stored document: kill one worker after the first
        if not killed:
            victim = multiprocessing.active_children()[0]
            assert victim.pid is not None
            os.kill(victim.pid, signal.SIGKILL)
            killed.append(victim.pid)

    raised: list[BaseException] = []

    def run() -> None:
        try:
            ingest_parallel(ws, [source], workers=2, on_item=kill_a_worker)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            raised.append(exc)

    runner = threading.Thread(target=run, daemon=True)  # the old pool hung here: fail instead of hanging the suite
    runner.start()
    runner.join(timeout=600)
    assert not runner.is_alive(), "the ingest hung after a worker was killed"
    assert killed and len(raised) == 1 and isinstance(raised[0], WorkerLostError)
    assert re.search(r"worker process died .* documents in flight .*run the same ingest again", str(raised[0]))
    assert multiprocessing.active_children() == []
    kept = ws.store.counts()["documents"]
    assert 1 <= kept < len(lines)

    again = ingest_parallel(ws, [source], workers=2)
    assert again.ok and len(again.duplicates) == kept and len(again.stored) == len(lines) - kept
    one = Workspace(tmp_path / "one.db")
    one.ingest([source])
    assert ws.store.counts() == one.store.counts()
    assert sorted(ws.store.names()) == sorted(one.store.names())
