"""`mcfwatch load`: store a batch output through the Store seam, as `mcfwatch ingest` would have.

Documents are added in ingest's reading order (the store gives an entity the id of the name it was
first stored under, so order matters) with ``Store.add_extraction``: known documents are skipped, so a
load is idempotent and can be resumed. Then names are resolved: with the pairs of `mcfwatch batch
resolve` (resolve_pairs.py), else by the single-process resolver, as ingest does. Needs pyarrow, not Spark.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mcfwatch.batch import rows
from mcfwatch.batch.extract import read_manifest
from mcfwatch.batch.session import BatchError
from mcfwatch.errors import MissingExtraError
from mcfwatch.ingest import Failure
from mcfwatch.store import Store
from mcfwatch.workspace import IngestReport

Progress = Callable[[str], None]


def _dataset(folder: Path) -> Any:
    try:
        import pyarrow.dataset as ds
    except ImportError:
        raise MissingExtraError("spark", "pyarrow") from None
    if not folder.is_dir():
        raise BatchError(f"{folder}: missing from the batch output; rerun the batch command")
    try:
        return ds.dataset(str(folder), format="parquet")
    except Exception as exc:  # damaged or foreign files
        raise BatchError(f"{folder}: unreadable Parquet ({str(exc).splitlines()[0]})") from None


def iter_rows(folder: Path, sort: tuple[str, ...] = ("file_no", "item_no")) -> Iterator[dict[str, Any]]:
    """Rows of a Parquet folder in ``sort`` order, one file at a time (Spark wrote them range-ordered)."""
    fragments = sorted(_dataset(folder).get_fragments(), key=lambda f: f.path)
    last: tuple[Any, ...] | None = None
    for frag in fragments:
        table = frag.to_table().sort_by([(k, "ascending") for k in sort])
        for batch in table.to_batches(max_chunksize=256):
            for row in batch.to_pylist():
                key = tuple(row[k] for k in sort)
                if last is not None and key < last:
                    raise BatchError(f"{folder}: rows out of order at {key}; rerun the batch command")
                last = key
                yield row


def load(
    output: Path, store: Store, resolved: Path | None = None, on_item: Progress | None = None, resolve: bool = True,
    on_wait: Progress | None = None,
) -> IngestReport:
    """Store every extraction of a `batch extract` output, report its failures, then resolve names; under the
    store's ingest lock, as ingest."""
    read_manifest(output, "extract")
    pairs = None
    if resolved is not None:
        from mcfwatch.batch.resolve_pairs import read_pairs

        pairs = read_pairs(resolved)  # checked before anything is written
    with store.ingest_lock(on_wait):
        return _load(output, store, pairs, on_item, resolve)


def _load(output: Path, store: Store, pairs: list[dict[str, Any]] | None, on_item: Progress | None,
          resolve: bool) -> IngestReport:
    report = IngestReport()
    for row in iter_rows(output / rows.EXTRACTIONS):
        ex = rows.extraction_from_row(row)
        name = report.count(ex, not store.has_document(ex.document.sha256) and store.add_extraction(ex))
        if on_item:
            on_item(name)
    report.failures = [Failure(r["path"], r["reason"]) for r in iter_rows(output / rows.FAILURES)]
    if pairs is not None:
        from mcfwatch.batch.resolve_pairs import record_merges

        report.merges = len(record_merges(store, pairs))
    elif resolve and (report.stored or store.unresolved_documents()):
        from mcfwatch.resolve.merge import resolve_store

        report.merges = len(resolve_store(store))
    return report
