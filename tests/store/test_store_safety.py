"""Opening and writing a store safely (issue 13): items 5, 9 and 10, each test named after its item."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.errors import StoreError
from mcfwatch.model import Document, Entity, Extraction, Span
from mcfwatch.store import Store
from mcfwatch.store.engine import to_url
from mcfwatch.workspace import Workspace

runner = CliRunner()


def _tables(db: str) -> set[str]:
    engine = create_engine(to_url(db))
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def _sql(db: str, statement: str) -> None:
    """Run SQL on the store's database as any client would, not through mcfwatch."""
    engine = create_engine(to_url(db))
    try:
        with engine.begin() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def _one(store: Store, name: str, doc_id: str) -> None:
    text = f"{name} is here."
    store.add_extraction(Extraction(Document(text=text, id=doc_id), entities=[
        Entity("e", name, "Company", mentions=[Span(0, len(name), name)])]))


def test_item5_find_escapes_like_wildcards(db: str) -> None:
    store = Store(db)
    _one(store, "Acme227 Group", "a")
    assert store.find("_") == [] and store.find("%") == []
    assert [e.name for e in store.find("227")] == ["Acme227 Group"]  # a real substring still finds it
    res = runner.invoke(app, ["show", "_", "--db", db])
    assert res.exit_code == 2 and "no entity named '_'" in res.output


def test_item9_foreign_database_is_refused_unchanged(db: str) -> None:
    _sql(db, "CREATE TABLE customers (id INTEGER)")
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


def test_item9_non_integer_or_newer_schema_version(db: str) -> None:
    Store(db).close()
    for value, message in (("two", "damaged"), ("999", "schema version 999")):
        _sql(db, f"UPDATE meta SET value = '{value}' WHERE key = 'schema_version'")
        before = _tables(db)
        with pytest.raises(StoreError, match=message):
            Store(db)
        assert _tables(db) == before


def test_item9_missing_store_is_an_error_for_read_commands(db: str, backend: str) -> None:
    """A mistyped --db creates nothing: no SQLite file, no table in an empty PostgreSQL database."""
    expected = "no such store" if backend == "sqlite" else "empty, not an mcfwatch store"
    for args in (["entities"], ["show", "x"], ["export"], ["exposure", "x"], ["reject", "rel-x"], ["check"]):
        res = runner.invoke(app, [*args, "--db", db])
        assert res.exit_code == 2 and expected in res.output, args
    if backend == "sqlite":
        assert not Path(db).exists()
    else:
        assert _tables(db) == set()


def test_postgres_password_is_never_shown(new_db: Callable[[str], str], backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("a SQLite path has no password")
    url = new_db("s").replace("postgres@", "postgres:s3cret-pw@", 1)
    store = Store(url)  # the throwaway cluster trusts local users: the password is not checked
    assert "s3cret-pw" not in store.url and "***" in store.url
    _one(store, "Lizhong Group", "a")
    res = runner.invoke(app, ["check", "--db", url])
    assert res.exit_code == 1 and "s3cret-pw" not in res.output and "***" in res.output
    bad = url.replace("postgres:s3cret-pw@", "nobody:s3cret-pw@", 1)  # an unknown role: refused
    res = runner.invoke(app, ["entities", "--db", bad])
    assert res.exit_code == 2 and "s3cret-pw" not in res.output and "nobody" in res.output
    assert len(res.output.strip().splitlines()) == 1


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


def test_item10_store_error_during_ingest_stops_extraction(
    tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "docs"
    src.mkdir()
    for i in range(20):
        (src / f"d{i}.txt").write_text(f"Document number {i} about Lizhong Group.", encoding="utf-8")

    def disk_full(self: Store, ex: Extraction, *_: object) -> bool:
        raise OperationalError("INSERT INTO documents ...", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(Store, "_add_extraction", disk_full)
    extractor = CountingExtractor()
    ws = Workspace(db, extractor=extractor)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="database or disk is full"):
        ws.ingest([src])
    assert extractor.seen == 1  # extraction stopped at the first store failure
    monkeypatch.setattr("mcfwatch.workspace.Extractor", CountingExtractor)
    res = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert res.exit_code == 2
    assert "database or disk is full" in res.output and "INSERT" not in res.output and "extraction failed" not in res.output


def test_item9_unwritable_store_opens_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path as a read-only folder, for runs as root (where every folder is writable)."""
    store = Store(tmp_path / "s.db")
    _one(store, "Lizhong Group", "a")
    store.close()
    monkeypatch.setattr("mcfwatch.store.engine.os.access", lambda path, mode: False)
    ro = Store(tmp_path / "s.db")
    assert ro.read_only and [e["name"] for e in ro.entities()] == ["Lizhong Group"]
    with pytest.raises(StoreError):
        _one(ro, "Brunel University", "b")
