"""Resolution as its own step (issue 13): resumable, idempotent, one writer, order-independent (items 2, 3),
and the health check that says what is left to do."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.model import Document, Entity, Extraction, Span
from mcfwatch.resolve import resolve_store
from mcfwatch.store import Store

runner = CliRunner()

NAMES = ["Lizhong Group", "Hebei Lizhong", "立中集团", "Acme1 Group", "Acme10 Group", "Acme100 Group",
         "Brunel University"]


def _doc(name: str) -> Extraction:
    text = f"{name} signed an agreement."
    etype = "University" if "University" in name else "Company"
    return Extraction(Document(text=text, id=f"d-{name}"), entities=[
        Entity("e", name, etype, mentions=[Span(0, len(name), name)])])


def _store(db: str, names: list[str]) -> Store:
    store = Store(db)
    for n in names:
        store.add_extraction(_doc(n))
    return store


def _pairs(store: Store) -> set[frozenset[str]]:
    return {frozenset((r["winner_id"], r["loser_id"])) for r in store.merges()}


def test_item2_resolution_killed_midway_is_redone_by_resolve(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(db, NAMES)

    def killed(self: Store, merges: object) -> list[int | None]:
        raise KeyboardInterrupt  # the process dies before the merges are written

    with monkeypatch.context() as m:
        m.setattr(Store, "add_merges", killed)
        with pytest.raises(KeyboardInterrupt):
            resolve_store(store)
    assert store.merges() == [] and store.unresolved_documents() == len(NAMES)
    res = runner.invoke(app, ["check", "--db", db])
    assert res.exit_code == 1 and "7 documents not yet resolved" in res.output
    res = runner.invoke(app, ["resolve", "--db", db])
    assert res.exit_code == 0 and "2 names merged" in res.output
    assert runner.invoke(app, ["check", "--db", db]).exit_code == 0
    again = runner.invoke(app, ["resolve", "--db", db])  # idempotent
    assert "0 names merged" in again.output and len(store.merges()) == 2


def test_item3_resolution_does_not_depend_on_ingest_order(new_db: Callable[[str], str]) -> None:
    one = _store(new_db("one"), NAMES)
    two = _store(new_db("two"), list(reversed(NAMES)))
    resolve_store(one)
    resolve_store(two)
    assert _pairs(one) == _pairs(two) and len(_pairs(one)) == 2
    assert {e["name"] for e in one.entities()} == {e["name"] for e in two.entities()}


def test_item3_numbered_names_are_never_merged(db: str) -> None:
    store = _store(db, NAMES)
    resolve_store(store)
    acme = [e for e in store.entities() if e["name"].startswith("Acme")]
    assert len(acme) == 3 and all(not e["merged"] for e in acme)


def test_item3_concurrent_resolvers_record_each_merge_once(db: str) -> None:
    _store(db, NAMES).close()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            resolve_store(Store(db))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    store = Store(db)
    assert len(store.merges()) == 2 and len(_pairs(store)) == 2


def test_check_reports_schema_and_counts_as_json(db: str, tmp_path: Path) -> None:
    resolve_store(_store(db, NAMES[:2]))
    res = runner.invoke(app, ["check", "--db", db, "--format", "json"])
    assert res.exit_code == 0
    h = json.loads(res.stdout)
    assert h["schema_version"] == h["expected_schema_version"] and h["problems"] == [] and h["fold_current"]
    assert runner.invoke(app, ["check", "--db", str(tmp_path / "missing.db")]).exit_code == 2
