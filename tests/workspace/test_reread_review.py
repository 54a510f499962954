"""The doors review's re-read findings (review lists-resolve-doors #1, #4, #5, #6), each through `mcfwatch ingest`.

The document: the founding document's paragraphs as a Word file. Its "older reading" is the text an OCR'd
scan or an older reader gave (a year read as "2Ol6", a missing last paragraph), stored with or without the
file's bytes (rows stored before revision 7 have none)."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import docx
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from mcfwatch.analyse.decisions import decide
from mcfwatch.cli.main import app
from mcfwatch.ingest import display_path, read_file
from mcfwatch.model import Document
from mcfwatch.store import Store
from mcfwatch.store import tables as t

runner = CliRunner()


def _seed_docx(seed_path: Path, out: Path, first: int = 0, last: int = 8) -> Document:
    paragraphs = [p.strip() for p in seed_path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    d = docx.Document()
    for p in paragraphs[first:last]:
        d.add_paragraph(p)
    d.save(str(out))
    (doc,) = read_file(out)
    assert isinstance(doc, Document)
    return doc


def _store_old(db: Path, extractor, text: str, path: Path, raw: bool) -> Store:  # type: ignore[no-untyped-def]
    store = Store(db)
    old = Document(text=text, path=display_path(path), title=path.stem, format="docx")
    (ex,) = list(extractor.extract_many([old]))
    assert store.add_extraction(ex, hashlib.sha256(path.read_bytes()).hexdigest() if raw else None)
    return store


def test_two_copies_of_a_file_read_again_in_one_ingest(tmp_path: Path, seed_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    """#1: `a.docx` and its download copy `a (1).docx` (the same bytes) in one folder, both read again by a newer
    reader: the first replaces the older reading, the second is a duplicate (it crashed the whole ingest with
    "changed while it was read again", storing nothing after it and never resolving)."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "Lizhong note.docx"
    new = _seed_docx(seed_path, path)
    shutil.copyfile(path, folder / "Lizhong note (1).docx")
    db = tmp_path / "store.db"
    _store_old(db, extractor, new.text.replace("2016", "2Ol6"), path, raw=True).close()
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stored 0 documents" in result.stdout and "1 re-read with the current reader" in result.stdout
    assert "1 already stored" in result.stdout, result.stdout
    store = Store(db)
    assert store.counts()["documents"] == 1 and store.has_document(new.sha256)
    store.close()


def test_a_rejection_follows_a_quote_the_newer_reader_mended(tmp_path: Path, seed_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    """#4: the older reading (an OCR'd scan) read "August 1, 2Ol6": the relation had no date and its quote
    differs from the new reading's, so the analyst's rejection was not carried and the rejected relation was
    live again. It is carried to the new relation with the same type and ends whose quote overlaps the old."""
    path = tmp_path / "Lizhong note.docx"
    new = _seed_docx(seed_path, path)
    assert "August 1, 2016" in new.text
    db = tmp_path / "store.db"
    store = _store_old(db, extractor, new.text.replace("2016", "2Ol6"), path, raw=True)
    old_rel = next(r for r in store.relations()
                   if r["type"] == "participation" and r["source_name"] == "Lizhong Group")
    assert old_rel["date"] is None and "2Ol6" in old_rel["ev_text"]
    decide(store, "edge", old_rel["id"], "reject", note="an exhibitor is not a participant")
    store.close()
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 analyst decisions kept, 0 left" in result.stdout, result.stdout
    store = Store(db)
    with store.engine.connect() as conn:
        now = [r._mapping for r in conn.execute(select(t.relations).where(t.relations.c.type == "participation"))]
    mended = [r for r in now if "2016" in r["ev_text"] and r["date"] == "2016-08-01"]
    assert len(mended) == 1 and mended[0]["id"] in store.decisions().rejected_edges
    assert not [r for r in store.relations() if r["type"] == "participation"
                and r["source_name"] == "Lizhong Group"]  # rejected: no door shows it
    store.close()


def test_another_document_under_the_same_typed_path_is_not_replaced(tmp_path: Path, seed_path: Path,
                                                                    extractor) -> None:  # type: ignore[no-untyped-def]
    """#5: a row stored before revision 7 (no bytes) from `notes/report.docx` typed in one project folder; later
    another project's `notes/report.docx` (an unzipped archive keeps its old mtime) is ingested under the same
    typed path. It is another document: stored beside the first, which keeps its text and relations."""
    path = tmp_path / "Lizhong note.docx"
    _seed_docx(seed_path, path, 0, 3)
    old_mtime = time.time() - 86_400 * 30
    os.utime(path, (old_mtime, old_mtime))
    other = _seed_docx(seed_path, tmp_path / "other.docx", 3, 8)  # another document's text
    db = tmp_path / "store.db"
    store = _store_old(db, extractor, other.text, path, raw=False)
    first = store.has_document(other.sha256)
    store.close()
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stored 1 documents" in result.stdout and "re-read" not in result.stdout, result.stdout
    store = Store(db)
    assert store.counts()["documents"] == 2 and store.has_document(other.sha256) == first
    store.close()


@pytest.mark.slow
def test_workers_read_a_file_again_as_one_process_does(tmp_path: Path, seed_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    """#6: `ingest --workers 2` stored a file read again by a newer reader a second time (the duplicate usertry
    s27 reported) and recorded no file bytes; it now replaces the older reading as a one-process ingest does."""
    path = tmp_path / "Lizhong note.docx"
    new = _seed_docx(seed_path, path)
    db = tmp_path / "store.db"
    _store_old(db, extractor, new.text.replace("2016", "2Ol6"), path, raw=True).close()
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "1 re-read with the current reader" in result.stdout, result.stdout
    store = Store(db)
    assert store.counts()["documents"] == 1 and store.has_document(new.sha256)
    with store.engine.connect() as conn:
        raws = [r[0] for r in conn.execute(select(t.documents.c.raw_sha256))]
    assert raws == [hashlib.sha256(path.read_bytes()).hexdigest()]
    store.close()


def test_the_cli_names_each_decision_it_could_not_carry(tmp_path: Path, seed_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    """Review doors (s28) leftover: the older reading held a sentence the new one has not (a header line the newer
    reader drops) and the analyst had rejected its relation. `ingest` said only "1 left on relations no longer
    read": not which relation, nor which decision, so the analyst could not redo it. It now names both."""
    path = tmp_path / "Baoding visit.docx"
    new = _seed_docx(seed_path, path, 1, 4)
    header = "Brunel University signed a memorandum of understanding with the Lizhong Group in 2019.\n"
    db = tmp_path / "store.db"
    store = _store_old(db, extractor, header + new.text, path, raw=True)
    mou = next(r for r in store.relations() if r["source_name"] == "Brunel University"
               and r["ev_text"].startswith("Brunel University signed"))
    decide(store, "edge", mou["id"], "reject", note="a header, not a statement")
    store.close()
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "1 left on relations no longer read" in out, out
    assert f"decision not carried: {display_path(path)}: reject of relation {mou['id']} (“a header, not a statement”)" in out, out
