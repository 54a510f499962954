"""A NUL in a document's text (a JSON-lines record holding "\\u0000") is dropped at reading, on every backend:
PostgreSQL cannot store one, and such a record stopped a whole ingest there (exit 2) while SQLite stored it."""

from __future__ import annotations

import json
from pathlib import Path

from mcfwatch.workspace import Workspace
from tests.conftest import NullExtractor


def test_a_record_with_a_nul_is_stored_on_every_backend(db: str, tmp_path: Path,
                                                        corpus_records: list[dict[str, object]]) -> None:
    first, second = corpus_records[:2]
    lines = [json.dumps({**first, "text": "\x00" + str(first["text"]).replace(". ", ".\x00 ", 1)}),
             json.dumps(second)]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ws = Workspace(db, extractor=NullExtractor())  # type: ignore[arg-type]
    try:
        report = ws.ingest([corpus], resolve=False)
        assert report.ok and len(report.stored) == 2, report.failures
        stored = ws.store.document(str(first["id"]))
        assert stored["text"] == str(first["text"])  # the NULs gone, nothing else changed
    finally:
        ws.close()
