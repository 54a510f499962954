"""An upload of a file the store read before with an older reader replaces that reading (usertry s27: a web
upload of a .docx stored a second copy once the reader gained the footnotes), and the page says so."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
from fastapi.testclient import TestClient

from mcfwatch.analyse.decisions import decide
from mcfwatch.data import SEED, sample_path
from mcfwatch.ingest import read_file
from mcfwatch.model import Document
from mcfwatch.store import Store

from .conftest import csrf_of

HTML = {"accept": "text/html"}


def test_an_upload_read_again_replaces_the_older_reading(analyst: TestClient, web_db: Path, tmp_path: Path,
                                                         extractor) -> None:  # type: ignore[no-untyped-def]
    paragraphs = [p.strip() for p in sample_path(SEED).read_text(encoding="utf-8").split("\n\n") if p.strip()]
    d = docx.Document()
    for p in paragraphs[:6]:  # not the whole founding document, which the store holds as text
        d.add_paragraph(p)
    path = tmp_path / "Lizhong note.docx"
    d.save(str(path))
    (new,) = read_file(path)
    assert isinstance(new, Document)
    old_text = new.text[: new.text.rstrip().rindex("\n")].rstrip() + "\n"  # the older reader missed the last line
    store = Store(web_db)
    (ex,) = list(extractor.extract_many([Document(text=old_text, path="uploads/old/Lizhong note.docx",
                                                  title=new.title, format="docx")]))
    assert store.add_extraction(ex, hashlib.sha256(path.read_bytes()).hexdigest())
    before = store.counts()["documents"]
    store.close()
    token = csrf_of(analyst, "/upload")
    r = analyst.post("/upload", files={"files": (path.name, path.read_bytes(), "application/octet-stream")},
                     data={"csrf_token": token}, headers=HTML)
    assert r.status_code == 200, r.text
    assert "0 stored, 1 re-read with the current reader" in " ".join(r.text.split()), r.text
    store = Store(web_db)
    assert store.counts()["documents"] == before and store.has_document(new.sha256)
    store.close()


def test_an_upload_says_decisions_it_could_not_carry(analyst: TestClient, web_db: Path, tmp_path: Path,
                                                     extractor) -> None:  # type: ignore[no-untyped-def]
    """Review doors #4: the older reading held a sentence the new one does not (a page header the newer reader
    drops), and the analyst had rejected a relation in it. The CLI said "1 left on relations no longer read";
    the upload page said only "0 analyst decisions kept". It now says the decision was left."""
    paragraphs = [p.strip() for p in sample_path(SEED).read_text(encoding="utf-8").split("\n\n") if p.strip()]
    d = docx.Document()
    for p in paragraphs[1:4]:
        d.add_paragraph(p)
    path = tmp_path / "Baoding visit.docx"
    d.save(str(path))
    (new,) = read_file(path)
    assert isinstance(new, Document)
    header = "Brunel University signed a memorandum of understanding with the Lizhong Group in 2019.\n"
    store = Store(web_db)
    (ex,) = list(extractor.extract_many([Document(text=header + new.text, path="uploads/old/Baoding visit.docx",
                                                  title=new.title, format="docx")]))
    assert store.add_extraction(ex, hashlib.sha256(path.read_bytes()).hexdigest())
    mou = next(r for r in store.relations() if r["source_name"] == "Brunel University"
               and r["ev_text"].startswith("Brunel University signed"))
    decide(store, "edge", mou["id"], "reject", note="a header, not a statement")
    store.close()
    token = csrf_of(analyst, "/upload")
    r = analyst.post("/upload", files={"files": (path.name, path.read_bytes(), "application/octet-stream")},
                     data={"csrf_token": token}, headers=HTML)
    assert r.status_code == 200, r.text
    page = " ".join(r.text.split())
    assert "1 re-read with the current reader" in page, page
    assert "1 left on relations the new reading no longer has" in page, page
    # which decision, on which relation (s29: the page gave a count only, the analyst could not redo it)
    assert f"Baoding visit.docx: reject of relation <code>{mou['id']}</code> (“a header, not a statement”)" in page, page
