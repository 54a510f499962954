"""Opening and writing a store safely (issue 13): items 5, 9 and 10, each test named after its item."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.errors import StoreError
from mcfwatch.model import Document, Entity, Extraction, Span
from mcfwatch.store import Store
from mcfwatch.workspace import Workspace

runner = CliRunner()


def _tables(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _one(store: Store, name: str, doc_id: str) -> None:
    text = f"{name} is here."
    store.add_extraction(Extraction(Document(text=text, id=doc_id), entities=[
        Entity("e", name, "Company", mentions=[Span(0, len(name), name)])]))


def test_item5_find_escapes_like_wildcards(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    _one(store, "Acme227 Group", "a")
    assert store.find("_") == [] and store.find("%") == []
    assert [e.name for e in store.find("227")] == ["Acme227 Group"]  # a real substring still finds it
    res = runner.invoke(app, ["show", "_", "--db", str(tmp_path / "s.db")])
    assert res.exit_code == 2 and "no entity named '_'" in res.output


def test_item9_foreign_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "foreign.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(StoreError, match="not an mcfwatch store"):
        Store(db)
    assert _tables(db) == {"customers"}  # nothing was added before the check


@pytest.mark.parametrize("content", [os.urandom(4096), b"SQLite format 3\x00" + b"\x00" * 50])
def test_item9_random_or_truncated_file_is_one_line_error(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(content)
    with pytest.raises(StoreError) as err:
        Store(db)
    assert "\n" not in str(err.value)
    res = runner.invoke(app, ["entities", "--db", str(db)])
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_item9_non_integer_or_newer_schema_version(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    for value, message in (("two", "damaged"), ("999", "schema version 999")):
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (value,))
        with sqlite3.connect(db) as conn:
            before = _tables(db)
        with pytest.raises(StoreError, match=message):
            Store(db)
        assert _tables(db) == before


def test_item9_missing_store_is_an_error_for_read_commands(tmp_path: Path) -> None:
    db = tmp_path / "typo.db"
    for args in (["entities"], ["show", "x"], ["export"], ["exposure", "x"], ["reject", "rel-x"]):
        res = runner.invoke(app, [*args, "--db", str(db)])
        assert res.exit_code == 2 and "no such store" in res.output, args
    assert not db.exists()  # a mistyped --db creates nothing


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_item9_store_in_read_only_folder_is_readable(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    store = Store(folder / "s.db")
    _one(store, "Lizhong Group", "a")
    store.close()
    for side in folder.glob("s.db-*"):
        side.unlink()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        ro = Store(folder / "s.db", create=False)
        assert ro.read_only and [e["name"] for e in ro.entities()] == ["Lizhong Group"]
    finally:
        folder.chmod(stat.S_IRWXU)


class CountingExtractor:
    def __init__(self) -> None:
        self.seen = 0

    def extract_many(self, docs: list[Document]) -> Iterator[Extraction]:
        for doc in docs:
            self.seen += 1
            yield Extraction(document=doc)


def test_item10_store_error_during_ingest_stops_extraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "docs"
    src.mkdir()
    for i in range(20):
        (src / f"d{i}.txt").write_text(f"Document number {i} about Lizhong Group.", encoding="utf-8")

    def disk_full(self: Store, ex: Extraction) -> bool:
        raise OperationalError("INSERT INTO documents ...", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(Store, "_add_extraction", disk_full)
    extractor = CountingExtractor()
    ws = Workspace(tmp_path / "s.db", extractor=extractor)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="database or disk is full"):
        ws.ingest([src])
    assert extractor.seen == 1  # extraction stopped at the first store failure
    monkeypatch.setattr("mcfwatch.workspace.Extractor", CountingExtractor)
    res = runner.invoke(app, ["ingest", str(src), "--db", str(tmp_path / "s.db")])
    assert res.exit_code == 2
    assert "database or disk is full" in res.output and "INSERT" not in res.output and "extraction failed" not in res.output


def test_item9_unwritable_store_opens_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path as a read-only folder, for runs as root (where every folder is writable)."""
    store = Store(tmp_path / "s.db")
    _one(store, "Lizhong Group", "a")
    store.close()
    monkeypatch.setattr("mcfwatch.store.store.os.access", lambda path, mode: False)
    ro = Store(tmp_path / "s.db")
    assert ro.read_only and [e["name"] for e in ro.entities()] == ["Lizhong Group"]
    with pytest.raises(StoreError):
        _one(ro, "Brunel University", "b")
