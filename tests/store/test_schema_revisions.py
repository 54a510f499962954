"""Revisions 0004 (the web accounts' tables under Alembic), 0005 (canonical_entities grouped before it joins),
0006 (overlays indexed by kind and target) and 0007 (documents.raw_sha256), on both backends: upgrade keeps what is there, downgrade undoes exactly its revision; and on SQLite the
readers of a large store are answered by index, not by scans nested in scans."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from argon2 import PasswordHasher
from sqlalchemy import event, insert, inspect, text
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.model import Document, Entity, Extraction, Relation, Span
from mcfwatch.store import NewMerge, Store
from mcfwatch.store import tables as t
from mcfwatch.store.accounts import Accounts
from mcfwatch.store.schema import HEAD, alembic_config, alembic_revision, revision_id
from tests.store.connect import connected

runner = CliRunner()
TRAIN = Path(__file__).resolve().parents[2] / "corpus" / "train" / "en.jsonl"
ACCOUNT_TABLES = {"users", "api_tokens", "audit_log", "web_secrets"}


@pytest.fixture(scope="module")
def train_records() -> list[dict[str, Any]]:
    """The first 40 annotated documents of the training corpus (corpus/train/en.jsonl)."""
    lines = TRAIN.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()][:40]


def extractions(records: list[dict[str, Any]]) -> Iterator[Extraction]:
    """Gold annotations as extractions."""
    for rec in records:
        doc = Document(text=rec["text"], id=rec["id"], language=rec.get("lang"), published=rec.get("published"))
        ents = [Entity(e["id"], e["name"], e["type"], mentions=[Span(m["start"], m["end"], m["text"]) for m in e["mentions"]])
                for e in rec["entities"]]
        ex = Extraction(document=doc, entities=ents)
        for r in rec["relations"]:
            ev = r["evidence"]
            ex.add_relation(Relation(type=r["type"], subtype=r.get("subtype"), source=r["source"], target=r["target"],
                                     evidence=Span(ev["start"], ev["end"], ev["text"]), date=r.get("date"),
                                     confidence=0.8))
        yield ex


def corpus_store(db: str, records: list[dict[str, Any]]) -> tuple[Store, str, str]:
    """A store of these documents, the most connected entity merged into the second:
    (store, the winner's id, the merged-away id)."""
    store = Store(db)
    for ex in extractions(records):
        store.add_extraction(ex)
    degree: dict[str, int] = {}
    for r in store.relations():
        for end in (r["source_id"], r["target_id"]):
            degree[end] = degree.get(end, 0) + 1
    loser, winner = sorted(degree, key=lambda e: (-degree[e], e))[:2]
    assert store.add_merges([NewMerge(winner, loser, 1.0, {}, "test")]) != [None]
    return store, winner, loser


def view_rows(db: str) -> list[tuple[Any, ...]]:
    with connected(db) as conn:
        return [tuple(r) for r in conn.execute(text("SELECT * FROM canonical_entities ORDER BY id"))]


def test_accounts_tables_made_on_first_use_keep_their_rows_through_migrate(db: str) -> None:
    """A store at revision 0003 whose accounts tables the web app made on first use (as mcfwatch did before 0004)."""
    with connected(db) as conn:
        command.upgrade(alembic_config(conn), "0003")
        t.metadata.create_all(conn, tables=[t.users, t.api_tokens, t.audit_log, t.web_secrets])
        conn.execute(insert(t.users).values(name="ana", role="admin", password_hash=PasswordHasher().hash("battery staple"),
                                            created_at="2026-01-01T00:00:00+00:00"))
    res = runner.invoke(app, ["migrate", "--db", db])
    assert res.exit_code == 0 and f"schema version 3 -> {HEAD}" in res.output, res.output
    user = Accounts(Store(db, create=False)).authenticate("ana", "battery staple")
    assert user is not None and user.role == "admin"
    with connected(db) as conn:
        assert compare_metadata(MigrationContext.configure(conn), t.metadata) == []


def test_downgrade_undoes_each_revision_and_upgrade_redoes_it(db: str, train_records: list[dict[str, Any]]) -> None:
    store, _, _ = corpus_store(db, train_records)
    Accounts(store).add_user("ana", "analyst", "correct horse")
    store.close()
    head_rows = view_rows(db)
    assert any(members == 2 for *_, members in head_rows)  # the merge is counted in the view
    with connected(db) as conn:
        command.downgrade(alembic_config(conn), "0004")  # the view of 0002 again: the same rows
        assert alembic_revision(conn) == "0004"
    assert view_rows(db) == head_rows
    with connected(db) as conn:
        command.downgrade(alembic_config(conn), "0003")
        assert not ACCOUNT_TABLES & set(inspect(conn).get_table_names())
        assert conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar_one() == "3"
    res = runner.invoke(app, ["migrate", "--db", db])
    assert res.exit_code == 0 and f"schema version 3 -> {HEAD}" in res.output, res.output
    assert view_rows(db) == head_rows
    with connected(db) as conn:
        assert alembic_revision(conn) == revision_id(HEAD)
        assert compare_metadata(MigrationContext.configure(conn), t.metadata) == []
    assert Accounts(Store(db, create=False)).users() == []  # the downgrade dropped the accounts


def test_relations_of_an_entity_are_those_touching_its_canonical_entity(db: str, train_records: list[dict[str, Any]]) -> None:
    store, winner, loser = corpus_store(db, train_records)
    everything = store.relations()
    for asked in (winner, loser):  # a merged-away id answers for the entity it was merged into
        expected = [r for r in everything if winner in (r["source_id"], r["target_id"])]
        assert store.relations(asked) == expected and expected
    other = next(r["target_id"] for r in everything if r["source_id"] == winner)
    assert store.relations(other) == [r for r in everything if other in (r["source_id"], r["target_id"])]


def plans(store: Store, read: Any) -> list[list[str]]:
    """SQLite's query plan of every statement read() runs."""
    statements: list[tuple[str, Any]] = []

    def seen(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        read()
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    with store.engine.connect() as conn:
        return [[row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {s}", p)] for s, p in statements]


def test_sqlite_reads_an_entity_by_index_and_scans_entities_once(tmp_path: Path, train_records: list[dict[str, Any]]) -> None:
    store, winner, _ = corpus_store(str(tmp_path / "s.db"), train_records)
    (relations_plan,) = [p for p in plans(store, lambda: store.relations(winner)) if any("relations" in s or " r " in f"{s} " for s in p)]
    assert any("ix_rel_source" in s for s in relations_plan) and any("ix_rel_target" in s for s in relations_plan)
    assert not any(s.startswith("SCAN r") for s in relations_plan), relations_plan
    (entities_plan,) = [p for p in plans(store, store.entities) if any("canonical_entities" in s or "SCAN g" in s for s in p)]
    assert sum(s.startswith("SCAN e ") or s == "SCAN e" for s in entities_plan) == 1, entities_plan


def test_sqlite_finds_the_decision_in_force_by_index(tmp_path: Path, train_records: list[dict[str, Any]]) -> None:
    """active_relations leaves out rejected relations through current_decisions: the latest decision per target,
    looked up by (kind, target), not by scanning every decision for each one."""
    store, winner, _ = corpus_store(str(tmp_path / "s.db"), train_records)
    touching = store.relations(winner)
    for r in touching[:3]:
        store.add_overlay("edge", r["id"], "reject")
    store.add_overlay("edge", touching[0]["id"], "confirm")  # the latest decision wins: back in
    assert [r["id"] for r in store.relations(winner)] == [r["id"] for r in touching if r["id"] not in
                                                         {touching[1]["id"], touching[2]["id"]}]
    (plan,) = [p for p in plans(store, lambda: store.relations(winner)) if any("ix_rel_source" in s for s in p)]
    assert any("ix_overlays_kind_target" in s for s in plan), plan


def test_revision_7_records_file_bytes_and_leaves_stored_documents_unknown(db: str,
                                                                           train_records: list[dict[str, Any]]) -> None:
    """documents.raw_sha256: NULL for the documents a store held before (their bytes are unknown), filled when the
    same text is met again from a file (Store.note_raw); downgrade drops the column and keeps every row."""
    store, _, _ = corpus_store(db, train_records[:5])
    store.close()
    with connected(db) as conn:
        command.downgrade(alembic_config(conn), "0006")
        assert "raw_sha256" not in {c["name"] for c in inspect(conn).get_columns("documents")}
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar_one() == 5
    res = runner.invoke(app, ["migrate", "--db", db])
    assert res.exit_code == 0 and f"schema version 6 -> {HEAD}" in res.output, res.output
    with connected(db) as conn:
        assert compare_metadata(MigrationContext.configure(conn), t.metadata) == []
        rows = conn.execute(text("SELECT sha256, raw_sha256 FROM documents ORDER BY id")).all()
        conn.execute(text("UPDATE documents SET path = 'reports/a.txt' WHERE sha256 = :s"), {"s": rows[0][0]})
    assert len(rows) == 5 and all(raw is None for _, raw in rows)
    store = Store(db)
    store.note_raw(rows[0][0], "ef" * 32, "elsewhere/copy.txt")  # another file with the same text: not pinned
    store.note_raw(rows[0][0], "ab" * 32, "reports/a.txt")
    store.note_raw(rows[0][0], "cd" * 32, "reports/a.txt")  # known already: kept
    with connected(db) as conn:
        assert conn.execute(text("SELECT raw_sha256 FROM documents WHERE sha256 = :s"), {"s": rows[0][0]}).scalar_one() == "ab" * 32
    store.close()
