"""`mcfwatch batch extract` + `batch resolve` + `load` store what `mcfwatch ingest` stores for the same input.

Input: every shipped sample (the seed in English and Chinese, the 62 corpus documents, the READMEs, which
ingest reads as text too) and one broken PDF, which both paths must report with the same reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mcfwatch.batch.extract import batch_extract
from mcfwatch.batch.load import load
from mcfwatch.batch.resolve import batch_resolve
from mcfwatch.data import sample_path
from mcfwatch.store import Store
from mcfwatch.workspace import IngestReport, Workspace

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    bad = tmp_path_factory.mktemp("bad") / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not a PDF body\n")
    return [sample_path(), bad]


@pytest.fixture(scope="module")
def ingested(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, IngestReport]:
    ws = Workspace(tmp_path_factory.mktemp("ingest") / "ingest.db")
    return ws.store, ws.ingest(inputs)


@pytest.fixture(scope="module")
def batch_out(spark: Any, inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("batch")
    batch_extract(inputs, root / "out", spark=spark)
    batch_resolve(root / "out", root / "pairs", spark=spark)
    return root / "out", root / "pairs"


@pytest.fixture(scope="module")
def loaded(batch_out: tuple[Path, Path]) -> tuple[Store, IngestReport]:
    out, pairs = batch_out
    store = Store(out.parent / "load.db")
    return store, load(out, store, pairs)


def contents(store: Store) -> dict[str, Any]:
    """Everything ingest decides, as comparable values: ids come from content, so they must be equal."""
    mentions = store.all_mentions()
    return {
        "documents": sorted((d["id"], d["sha256"], d["path"], d["title"], d["language"], d["published"])
                            for d in store.documents()),
        "entities": sorted((e["id"], e["name"], e["type"]) for e in store.entity_rows()),
        "names": sorted(store.names()),
        "mentions": sorted((m["id"], m["document_id"], m["entity_id"], m["start"], m["end"], m["text"])
                           for m in mentions),
        "relations": sorted((r["id"], r["type"], r["subtype"], r["source_member"], r["target_member"], r["date"],
                             r["date_end"], r["confidence"], r["method"], r["ev_start"], r["ev_end"], r["ev_text"])
                            for r in store.relations()),
        "fold": sorted(store.fold().root.items()),
    }


@pytest.mark.spark
def test_batch_store_equals_ingest_store(ingested: tuple[Store, IngestReport],
                                         loaded: tuple[Store, IngestReport]) -> None:
    (a, ra), (b, rb) = ingested, loaded
    ca, cb = contents(a), contents(b)
    assert ca["documents"] and ca["relations"] and ca["fold"], "the samples give documents, relations and merges"
    for key in ca:
        assert ca[key] == cb[key], f"{key} differ: ingest {len(ca[key])}, batch {len(cb[key])}"
    assert sorted(m["loser_id"] for m in a.merges()) == sorted(m["loser_id"] for m in b.merges())
    assert (len(ra.stored), ra.entities, ra.relations) == (len(rb.stored), rb.entities, rb.relations)
    assert b.unresolved_documents() == 0 and b.health()["fold_current"]


@pytest.mark.spark
def test_failures_are_reported_as_ingest_reports_them(ingested: tuple[Store, IngestReport],
                                                      loaded: tuple[Store, IngestReport]) -> None:
    fa, fb = ([(f.path, f.reason) for f in r.failures] for r in (ingested[1], loaded[1]))
    assert any(path.endswith("broken.pdf") for path, _ in fa)
    assert fa == fb


@pytest.mark.spark
def test_load_is_idempotent(batch_out: tuple[Path, Path], loaded: tuple[Store, IngestReport]) -> None:
    store, first = loaded
    again = load(batch_out[0], store, batch_out[1])
    assert again.stored == [] and len(again.duplicates) == len(first.stored) and again.merges == 0


def test_ingest_with_two_workers_equals_ingest(inputs: list[Path], ingested: tuple[Store, IngestReport],
                                               tmp_path: Path) -> None:
    from mcfwatch.batch.parallel import ingest_parallel

    ws = Workspace(tmp_path / "workers.db")
    report = ingest_parallel(ws, inputs, workers=2)
    assert contents(ws.store) == contents(ingested[0])
    assert sorted((f.path, f.reason) for f in report.failures) == sorted(
        (f.path, f.reason) for f in ingested[1].failures)
