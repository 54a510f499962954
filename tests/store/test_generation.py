"""The store's generation counter: every write readers can see bumps it, in the writer's transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.errors import NotFoundError, StoreError
from mcfwatch.model import Document, Entity, Extraction, Span
from mcfwatch.store import Store
from mcfwatch.store import tables as t
from mcfwatch.store.store import NewMerge
from tests.analyse.seed_fixture import seed_extraction


def other_document() -> Extraction:
    text = "Lizhong Wheel Group opened a plant in Tianjin with UK MQP Ltd."
    return Extraction(
        document=Document(text=text, id="other"),
        entities=[Entity("x", "Lizhong Wheel Group", "Company", mentions=[Span(0, 19, "Lizhong Wheel Group")])],
    )


def test_every_visible_write_bumps_the_generation_and_reads_do_not(db: str) -> None:
    store = Store(db)
    seen = [store.generation()]
    assert seen[0] > 1_700_000_000_000_000  # starts at the clock (microseconds): a store made again never repeats one

    def bumped() -> None:
        seen.append(store.generation())
        assert seen[-1] > seen[-2], seen

    assert store.add_extraction(seed_extraction())
    bumped()
    assert store.add_extraction(other_document())
    bumped()
    assert store.add_extraction(seed_extraction()) is False  # already stored: nothing changed
    assert store.generation() == seen[-1]

    lizhong = {e["name"]: e["id"] for e in store.entity_rows()}
    (merge_id,) = store.add_merges([NewMerge(lizhong["Lizhong Group"], lizhong["Lizhong Wheel Group"], 0.9, {}, "test")])
    assert merge_id is not None
    bumped()
    assert store.add_merges([NewMerge(lizhong["Lizhong Group"], lizhong["Lizhong Wheel Group"], 0.9, {}, "t")]) == [None]
    assert store.generation() == seen[-1]  # a pair already recorded changes nothing

    store.undo_merge(merge_id)
    bumped()
    rel = store.relations()[0]["id"]
    store.add_overlay("edge", rel, "reject")
    bumped()
    store.add_overlay("merge", f"{lizhong['Lizhong Group']}|{lizhong['Lizhong Wheel Group']}", "confirm")
    bumped()
    store.replace_baseline({"Brunel University": {"score": 1}})
    bumped()
    store.update_baseline({"Brunel University": {"score": 2}})
    bumped()

    with pytest.raises(NotFoundError):
        store.undo_merge(9999)  # refused: the transaction rolls back with its bump
    before = store.generation()
    store.relations(), store.entities(), store.find("Brunel University"), store.health(), store.baseline()
    assert store.generation() == before
    store.close()
    assert Store(db, create=False).generation() == before  # persisted, not per process


def test_a_store_written_before_the_counter_gains_it_by_migrate(db: str) -> None:
    """Schema version 3 is the counter: a version-2 store is refused until `mcfwatch migrate` adds it."""
    from alembic import command
    from sqlalchemy import create_engine
    from typer.testing import CliRunner

    from mcfwatch.cli.main import app
    from mcfwatch.store.engine import to_url
    from mcfwatch.store.schema import alembic_config

    engine = create_engine(to_url(db))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
    engine.dispose()
    with pytest.raises(StoreError, match=f"schema version 2, this mcfwatch needs {t.SCHEMA_VERSION}; upgrade it with `mcfwatch migrate"):
        Store(db)
    assert CliRunner().invoke(app, ["migrate", "--db", db]).exit_code == 0
    migrated = Store(db, create=False)
    start = migrated.generation()
    assert start > 1_700_000_000_000_000
    assert migrated.add_extraction(seed_extraction())
    assert migrated.generation() == start + 1


def test_a_store_made_again_starts_above_its_predecessor(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    for _ in range(3):
        store.add_overlay("edge", "rel-x", "reject")
    last = store.generation()
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp_path / 's.db'}{suffix}").unlink(missing_ok=True)
    assert Store(tmp_path / "s.db").generation() > last  # a cache stamped with `last` is never current again
