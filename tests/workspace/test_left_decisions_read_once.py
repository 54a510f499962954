"""Review s29 #7: a re-read that leaves a decided relation names its decision (workspace.ReadingLedger._note_left).
Each re-read document read the store's whole table of edge decisions again: re-reading N documents after an
extractor update read every decision N times. The ledger reads them once per run and still names the latest."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.store import Store
from mcfwatch.workspace import IngestReport, ReadingLedger
from tests.analyse.seed_fixture import seed_extraction


def test_left_decisions_are_read_once_per_run_and_name_the_latest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "seed.db")
    store.add_extraction(seed_extraction())
    rel = [r["id"] for r in store.relations()]
    first, second = rel[0], rel[1]
    store.add_overlay("edge", first, "reject", "wrong party")
    store.add_overlay("edge", first, "confirm", "checked against the memo")  # the latest decision counts
    store.add_overlay("edge", second, "reject")
    calls: list[str | None] = []
    real = store.overlays

    def spy(kind: str | None = None) -> list[dict[str, object]]:
        calls.append(kind)
        return real(kind)

    monkeypatch.setattr(store, "overlays", spy)
    report = IngestReport()
    ledger = ReadingLedger(store, report)
    ledger._note_left("a.txt", (first,))
    ledger._note_left("b.txt", (second, "rel-never-decided"))
    assert calls == ["edge"]
    assert report.left_decisions == [
        {"file": "a.txt", "relation": first, "decision": "confirm", "note": "checked against the memo"},
        {"file": "b.txt", "relation": second, "decision": "reject", "note": None},
        {"file": "b.txt", "relation": "rel-never-decided", "decision": None, "note": None}]
