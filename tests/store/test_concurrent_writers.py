"""Several processes ingesting into one store at once (issue 12 item 3).

PostgreSQL: four processes ingest overlapping halves of 24 documents at the same moment, then one
resolution runs; the store is then exactly what one sequential ingest makes (same documents, mentions, relations,
one entity per party whatever the order), and `mcfwatch check` is clean. SQLite: a second ingest waits for
the first, and is told why.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.store import Store
from mcfwatch.store.engine import to_url
from mcfwatch.workspace import Workspace
from tests.store.concurrent_docs import (
    DOCUMENTS,
    PROCESSES,
    DictionaryExtractor,
    ingest_worker,
    write_documents,
)

runner = CliRunner()

def _run_concurrently(db: str, paths: list[Path]) -> list[str]:
    """PROCESSES processes, each ingesting an overlapping half of the documents in its own order."""
    ctx = multiprocessing.get_context("spawn")
    barrier, waits = ctx.Barrier(PROCESSES), ctx.Queue()
    half = DOCUMENTS // 2
    procs = [ctx.Process(target=ingest_worker, args=(
        db, [str(paths[(i * DOCUMENTS // PROCESSES + j) % DOCUMENTS]) for j in range(half)], i, barrier, waits))
        for i in range(PROCESSES)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    assert [p.exitcode for p in procs] == [0] * PROCESSES
    messages = []
    while not waits.empty():
        messages.append(waits.get())
    return messages


def _state(db: str) -> dict[str, Any]:
    store = Store(db, create=False)
    names: dict[str, set[str]] = {}
    for entity_id, name in store.names():
        names.setdefault(entity_id, set()).add(name)
    names_per_entity = {frozenset(n) for n in names.values()}
    state = {
        "counts": store.counts(),
        "relations": {r["id"] for r in store.relations()},
        "mentions": {m["id"] for m in store.all_mentions()},
        "parties": names_per_entity,
        "canonical": len(store.entities()),
    }
    store.close()
    return state


def _keys_on_two_entities(db: str) -> list[tuple[Any, ...]]:
    engine = create_engine(to_url(db))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(
                "SELECT n.key, e.type FROM names n JOIN entities e ON e.id = n.entity_id "
                "GROUP BY n.key, e.type HAVING COUNT(DISTINCT n.entity_id) > 1"))]
    finally:
        engine.dispose()


def test_concurrent_processes_ingest_into_one_store_as_one_would(
    db: str, backend: str, tmp_path: Path, new_db: Callable[[str], str]
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    paths = write_documents(folder)
    sequential = new_db("sequential")
    Workspace(sequential, extractor=DictionaryExtractor()).ingest(paths)  # type: ignore[arg-type]
    expected = _state(sequential)
    assert expected["counts"]["documents"] == DOCUMENTS and len(expected["parties"]) == 6

    messages = _run_concurrently(db, paths)
    assert runner.invoke(app, ["resolve", "--db", db]).exit_code == 0

    assert _state(db) == expected
    assert _keys_on_two_entities(db) == []  # no party stored twice
    res = runner.invoke(app, ["check", "--db", db])
    assert res.exit_code == 0 and res.output.strip().endswith("ok"), res.output
    if backend == "sqlite":  # one writer at a time: the others waited, told why
        assert messages and all("takes one writer at a time" in m for m in messages)
    else:
        assert not any("takes one writer" in m for m in messages)


def test_sqlite_second_ingest_waits_for_the_first_and_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    paths = write_documents(folder)[:3]
    db = str(tmp_path / "s.db")
    first = Store(db)
    messages: list[str] = []
    second = Workspace(db, extractor=DictionaryExtractor())  # type: ignore[arg-type]
    with first.ingest_lock():
        worker = threading.Thread(target=lambda: second.ingest(paths, on_wait=messages.append))
        worker.start()
        for _ in range(1200):  # until it says it waits (at most a minute)
            if messages or not worker.is_alive():
                break
            time.sleep(0.05)
        assert messages and worker.is_alive() and first.counts()["documents"] == 0  # it waits, storing nothing
    worker.join(timeout=60)
    assert not worker.is_alive() and first.counts()["documents"] == 3
    (message,) = messages
    assert message.startswith(f"sqlite:///{db}: another mcfwatch process is writing to this store; waiting")
    assert "one writer at a time" in message


def test_sqlite_writer_waits_for_another_writers_transaction(tmp_path: Path) -> None:
    """A write that reads first (add_merges looks for the pair) while another process holds a write
    transaction: it waits and then succeeds, instead of failing at once with a stale snapshot."""
    import sqlite3

    from mcfwatch.store import NewMerge

    folder = tmp_path / "docs"
    folder.mkdir()
    db = str(tmp_path / "s.db")
    Workspace(db, extractor=DictionaryExtractor()).ingest(write_documents(folder)[:2], resolve=False)  # type: ignore[arg-type]
    store = Store(db)
    a, b = (r["id"] for r in store.entity_rows()[:2])
    other = sqlite3.connect(db, isolation_level=None)  # another process's writer
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE meta SET value = value WHERE key = 'schema_version'")
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(store.add_merges([NewMerge(a, b, 0.9, {}, "t")])))
    worker.start()
    time.sleep(1.0)  # let it begin while the other transaction is open (if it is late, it simply does not wait)
    other.execute("COMMIT")
    other.close()
    worker.join(timeout=60)
    assert len(results) == 1 and isinstance(results[0], list) and results[0][0] is not None, results
