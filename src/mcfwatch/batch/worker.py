"""What runs on the Spark executors: read files with mcfwatch's readers, extract documents.

Models load once per executor Python process: the Extractor is kept in this module and reused by every
partition that process runs (Spark reuses its Python workers). Functions here take and yield plain dicts
and tuples, so nothing but the standard library crosses the wire. No pyspark import: these run anywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from mcfwatch.batch.rows import extraction_row, failure_row
from mcfwatch.errors import InputError, McfwatchError
from mcfwatch.extract import Extractor
from mcfwatch.ingest import Failure, read_file
from mcfwatch.model import Document, Extraction

_EXTRACTOR: Extractor | None = None
BATCH = 16  # as ingest: English goes through spaCy's pipe in batches of this size


def extractor() -> Extractor:
    """The executor's one Extractor (its models load lazily, on the first document of each language)."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def read_files(files: Iterable[tuple[int, str]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """("doc", document fields) or ("fail", failure row) for every item of every (file_no, path)."""
    for file_no, path in files:
        for item_no, item in enumerate(read_file(Path(path))):
            if isinstance(item, Failure):
                yield "fail", failure_row(item.path, item.reason, file_no, item_no)
            else:
                yield "doc", {"file_no": file_no, "item_no": item_no, **doc_fields(item)}


def doc_fields(doc: Document) -> dict[str, Any]:
    return {k: getattr(doc, k) for k in ("text", "path", "title", "language", "published", "url", "source",
                                         "id", "sha256", "format")}


def extract_partition(items: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per document: its extraction, or (``failure`` set, nothing extracted) the reason it failed."""
    batch: list[dict[str, Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield from _extract_batch(batch)
            batch = []
    if batch:
        yield from _extract_batch(batch)


def _extract_batch(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    docs = [Document(**{k: v for k, v in item.items() if k not in {"file_no", "item_no"}}) for item in items]
    try:
        results = list(extractor().extract_many(docs))
    except Exception:  # as ingest: one document broke the batch, so redo it one by one and fail only that one
        for item, doc in zip(items, docs, strict=True):
            yield _one(item, doc)
        return
    for item, ex in zip(items, results, strict=True):
        yield {**extraction_row(ex, item["file_no"], item["item_no"]), "failure": None}


def _one(item: dict[str, Any], doc: Document) -> dict[str, Any]:
    try:
        ex = next(iter(extractor().extract_many([doc])))
    except InputError as exc:
        return _failed(item, doc, exc.reason)
    except McfwatchError:
        raise  # an extractor bug (evidence that does not match): stop, as ingest does
    except Exception as exc:
        return _failed(item, doc, f"extraction failed ({exc.__class__.__name__}: {exc})")
    return {**extraction_row(ex, item["file_no"], item["item_no"]), "failure": None}


def _failed(item: dict[str, Any], doc: Document, reason: str) -> dict[str, Any]:
    return {**extraction_row(Extraction(document=doc), item["file_no"], item["item_no"]), "failure": reason}
