"""A file read again by a newer reader replaces its older reading (usertry s27: a web upload of a .docx stored a
second copy once the reader gained its footnotes; documents are keyed by their text's SHA-256).

The store records the SHA-256 of the file's bytes (documents.raw_sha256, revision 7). A file whose bytes are
stored but whose text now reads differently replaces the old reading: one document (same id), the new text, its
mentions and relations extracted again, an analyst's decision on a relation carried to the new relation that
tells the same, decisions on entities kept; `ingest` says "re-read with the current reader". A row stored before
revision 7 (no bytes recorded) is recognised by its path when the file has not changed since it was stored.
The document: the founding document's paragraphs as a Word file; the old reader missed its last paragraph (as
the reader before session 27 missed a .docx's footnotes and text boxes).
"""

from __future__ import annotations

import hashlib
import json
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


def _seed_docx(seed_path: Path, out: Path) -> Path:
    paragraphs = [p.strip() for p in seed_path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    d = docx.Document()
    for p in paragraphs[:8]:
        d.add_paragraph(p)
    d.save(str(out))
    return out


@pytest.mark.parametrize("recorded", [True, False], ids=["bytes recorded", "stored before revision 7"])
def test_a_file_read_again_replaces_its_older_reading_and_keeps_the_decisions(
        tmp_path: Path, seed_path: Path, extractor, recorded: bool) -> None:  # type: ignore[no-untyped-def]
    path = _seed_docx(seed_path, tmp_path / "Lizhong note.docx")
    (new,) = read_file(path)
    assert isinstance(new, Document)
    last = new.text.rstrip().rsplit("\n", 1)[1]
    assert last.startswith("Source:")  # the source line, as a footnote the older reader missed
    old_text = new.text[: new.text.rindex(last)].rstrip() + "\n"  # the older reader's text: no last paragraph
    old = Document(text=old_text, path=display_path(path), title=new.title, format="docx", language=new.language)
    db = tmp_path / "store.db"
    store = Store(db)
    (ex,) = list(extractor.extract_many([old]))
    assert store.add_extraction(ex, hashlib.sha256(path.read_bytes()).hexdigest() if recorded else None)
    rels = store.relations()
    joint_lab = next(r for r in rels if r["subtype"] == "joint_lab")
    decide(store, "edge", joint_lab["id"], "reject", note="the lab was never opened")
    listed = next(r for r in rels if r["source_name"] == "Lizhong Group")
    decide(store, "listing", f"{listed['source_id']}|some-list:lizhong", "reject")
    old_id = store.has_document(old.sha256)
    store.close()
    before = runner.invoke(app, ["exposure", "Lizhong Group", "--db", str(db), "--format", "json"])
    assert before.exit_code == 0, before.output  # the graph index is built and saved for the old reading

    result = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "re-read with the current reader" in result.stdout and "stored 0 documents" in result.stdout
    assert "1 analyst decisions kept" in result.stdout, result.stdout
    store = Store(db)
    assert store.counts()["documents"] == 1
    doc = store.document(old_id)
    assert doc["text"] == new.text and last in doc["text"]
    assert store.has_document(new.sha256) == old_id and store.has_document(old.sha256) is None
    assert not [r for r in store.relations() if r["subtype"] == "joint_lab"]  # rejected: no door shows it
    with store.engine.connect() as conn:
        after = [r._mapping for r in conn.execute(select(t.relations).where(t.relations.c.subtype == "joint_lab"))]
    assert len(after) == 1 and after[0]["id"] != joint_lab["id"] and after[0]["ev_text"] == joint_lab["ev_text"]
    decisions = store.decisions()
    assert after[0]["id"] in decisions.rejected_edges  # the analyst's rejection holds for the new reading
    assert f"{listed['source_id']}|some-list:lizhong" in decisions.rejected_listings
    assert store.health()["dangling"] == {k: 0 for k in store.health()["dangling"]}
    with store.engine.connect() as conn:
        stored = {r[0] for r in conn.execute(select(t.relations.c.id))}
    store.close()
    exposed = runner.invoke(app, ["exposure", "Lizhong Group", "--db", str(db), "--format", "json"])
    hops = [h["edge"] for p in json.loads(exposed.stdout)["paths"] for h in p["hops"]]
    assert hops and all(part in stored for h in hops for part in h.split("+")), hops  # no edge of the old reading
    again = runner.invoke(app, ["ingest", str(path), "--db", str(db)])  # the same reader: nothing to do
    assert "1 already stored" in again.stdout and "re-read" not in again.stdout


def test_a_changed_file_is_a_new_document_not_a_new_reading(tmp_path: Path, seed_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    """An edited file (other bytes) stored before revision 7 is not taken for a re-read: the row was stored
    before the file changed, so both versions are kept, as before."""
    import os
    import time

    path = _seed_docx(seed_path, tmp_path / "note.docx")
    (first,) = read_file(path)
    assert isinstance(first, Document)
    db = tmp_path / "store.db"
    store = Store(db)
    (ex,) = list(extractor.extract_many([first]))
    assert store.add_extraction(ex)  # no bytes recorded (an older store)
    store.close()
    d = docx.Document(str(path))
    d.add_paragraph("Brunel University signed a memorandum of understanding with the Lizhong Group in 2019.")
    d.save(str(path))
    later = time.time() + 5
    os.utime(path, (later, later))
    result = runner.invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "stored 1 documents" in result.stdout and "re-read" not in result.stdout
    store = Store(db)
    assert store.counts()["documents"] == 2
    store.close()
