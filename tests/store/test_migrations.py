"""Schema migrations (Alembic, shipped in the package): the chain builds tables.py exactly, on both backends;
an older store is refused with a message naming `mcfwatch migrate`, which upgrades it in place."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.errors import StoreError
from mcfwatch.model import Document, Entity, Extraction, Span
from mcfwatch.store import Store
from mcfwatch.store import tables as t
from mcfwatch.store.schema import BASELINE, HEAD, alembic_config, alembic_revision, revision_id
from mcfwatch.store.views import VIEWS
from tests.store.connect import connected

runner = CliRunner()


def _doc(name: str) -> Extraction:
    text_ = f"{name} signed an agreement."
    return Extraction(Document(text=text_, id=f"d-{name}"),
                      entities=[Entity("e", name, "Company", mentions=[Span(0, len(name), name)])])


def test_revisions_are_one_chain_ending_at_the_schema_version() -> None:
    script = ScriptDirectory.from_config(alembic_config(None))
    chain = [rev.revision for rev in script.walk_revisions()]  # head first
    assert chain == [revision_id(v) for v in range(HEAD, BASELINE - 1, -1)]
    assert script.get_current_head() == revision_id(t.SCHEMA_VERSION)


def test_new_store_is_built_by_the_chain_exactly_as_tables_py(db: str) -> None:
    Store(db).close()
    with connected(db) as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), t.metadata)
        assert diffs == []
        assert set(VIEWS) <= set(inspect(conn).get_view_names())
        assert alembic_revision(conn) == revision_id(HEAD)
        assert conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'")).scalar_one() == str(HEAD)


def test_store_made_before_alembic_is_upgraded_by_migrate(db: str) -> None:
    """A version-2 store as mcfwatch wrote it before migrations: no alembic_version table."""
    with connected(db) as conn:
        command.upgrade(alembic_config(conn), revision_id(BASELINE))
        conn.execute(text("DROP TABLE alembic_version"))
    if HEAD > BASELINE:
        with pytest.raises(StoreError, match=f"schema version {BASELINE}.*mcfwatch migrate --db"):
            Store(db, create=False)
        res = runner.invoke(app, ["entities", "--db", db])
        assert res.exit_code == 2 and "mcfwatch migrate" in res.output
    res = runner.invoke(app, ["migrate", "--db", db])
    assert res.exit_code == 0, res.output
    assert (f"schema version {BASELINE} -> {HEAD}" if HEAD > BASELINE else "already current") in res.output
    with connected(db) as conn:
        assert alembic_revision(conn) == revision_id(HEAD)
        assert compare_metadata(MigrationContext.configure(conn), t.metadata) == []
    store = Store(db, create=False)
    assert store.add_extraction(_doc("Lizhong Group")) and store.health()["schema_version"] == HEAD
    again = runner.invoke(app, ["migrate", "--db", db])
    assert again.exit_code == 0 and "already current" in again.output


def test_migrate_refuses_what_it_cannot_upgrade(db: str, backend: str) -> None:
    if backend == "sqlite":
        res = runner.invoke(app, ["migrate", "--db", db])  # no such file: nothing is created
        assert res.exit_code == 2 and "no such store" in res.output
    with connected(db) as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER)"))
    res = runner.invoke(app, ["migrate", "--db", db])
    assert res.exit_code == 2 and "not an mcfwatch store" in res.output
    with connected(db) as conn:
        assert set(inspect(conn).get_table_names()) == {"customers"}
        conn.execute(text("DROP TABLE customers"))
    Store(db).close()
    with connected(db) as conn:
        conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    res = runner.invoke(app, ["migrate", "--db", db])
    assert res.exit_code == 2 and "re-ingest into a new store" in res.output
