"""Bad input gets a one-line error naming the file; the run goes on; nothing stored is lost."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfWriter

from mcfwatch.ingest import Failure, iter_documents
from mcfwatch.workspace import Workspace


def failures(path: Path) -> list[Failure]:
    return [i for i in iter_documents([path]) if isinstance(i, Failure)]


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    (fail,) = failures(f)
    assert fail.path == str(f) and "empty" in fail.reason


def test_binary_garbage(tmp_path: Path) -> None:
    f = tmp_path / "garbage.txt"
    f.write_bytes(os.urandom(4096) + b"\x00" * 10)
    (fail,) = failures(f)
    assert fail.path == str(f) and "binary" in fail.reason


def test_undecodable_bytes(tmp_path: Path) -> None:
    # High bytes that form no valid UTF-8, GB18030 or Big5 sequence and read as garbage in single-byte codes.
    f = tmp_path / "bad.txt"
    f.write_bytes(bytes(range(0x80, 0xA0)) * 40)
    (fail,) = failures(f)
    assert fail.path == str(f)
    assert "undecodable" in fail.reason or "encoding" in fail.reason or "binary" in fail.reason


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    w = PdfWriter()
    w.add_blank_page(width=612, height=792)
    f = tmp_path / "scan.pdf"
    with f.open("wb") as fh:
        w.write(fh)
    (fail,) = failures(f)
    assert "no text layer" in fail.reason


def test_corrupt_pdf_and_docx(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    fails = {Path(f.path).name: f.reason for f in failures(tmp_path)}
    assert set(fails) == {"broken.pdf", "broken.docx"}
    assert "PDF" in fails["broken.pdf"] and "DOCX" in fails["broken.docx"]


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, nothing on disk
    (fail,) = failures(f)
    assert "too large" in fail.reason and "200 MB" in fail.reason


def test_missing_path(tmp_path: Path) -> None:
    (fail,) = failures(tmp_path / "nope.txt")
    assert "no such file" in fail.reason


def test_unreadable_folder(tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "w"
    locked = work / "locked"
    locked.mkdir(parents=True)
    (locked / "secret.txt").write_text("The delegation visited Italy.", encoding="utf-8")
    shutil.copy(seed_path, work / "seed.txt")
    os.chmod(locked, 0o000)
    if os.geteuid() == 0:
        # Root reads every folder whatever its mode: fake the kernel's answer at the filesystem seam.
        real_scandir = os.scandir

        def scandir(path):  # type: ignore[no-untyped-def]
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(locked))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        items = list(iter_documents([work]))
    finally:
        os.chmod(locked, 0o755)
    fails = [str(i) for i in items if isinstance(i, Failure)]
    assert fails == [f"{locked}: cannot read folder (Permission denied)"]
    assert sum(1 for i in items if not isinstance(i, Failure)) == 1


def test_bad_files_lose_nothing_stored(tmp_path: Path, seed_path: Path, null_extractor) -> None:
    ws = Workspace(tmp_path / "s.db", extractor=null_extractor)
    first = ws.ingest([seed_path])
    assert len(first.stored) == 1
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "garbage.pdf").write_bytes(os.urandom(2000))
    (bad / "ok.txt").write_text("The Baoding Economic and Trade Delegation visited Italy in 2018.", encoding="utf-8")
    report = ws.ingest([bad])
    assert len(report.failures) == 2 and len(report.stored) == 1
    assert ws.store.counts()["documents"] == 2
    assert ws.store.has_document(ws.store.documents()[0]["sha256"])


def test_pipe_and_zip_bomb_are_refused(tmp_path: Path) -> None:
    import zipfile

    os.mkfifo(tmp_path / "pipe.txt")
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<x/>")
        z.writestr("word/document.xml", "<a>" + "A" * (300 * 1024 * 1024) + "</a>")
    fails = {Path(f.path).name: f.reason for f in failures(tmp_path)}
    assert "regular file" in fails["pipe.txt"]
    assert "zip bomb" in fails["bomb.docx"]


def test_undecodable_file_name_is_printable(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(b"The delegation visited Italy.")
    (doc,) = iter_documents([tmp_path])
    assert not isinstance(doc, Failure)
    assert doc.path is not None and "\\xe9" in doc.path
    doc.path.encode("utf-8")  # printable: no lone surrogates


def test_a_document_that_breaks_extraction_fails_alone(tmp_path: Path, seed_path: Path) -> None:
    class Fragile:
        def extract_many(self, docs):  # type: ignore[no-untyped-def]
            from mcfwatch.model import Extraction

            for doc in docs:
                if "BOOM" in doc.text:
                    raise RuntimeError("parser crashed")
                yield Extraction(document=doc)

    (tmp_path / "a.txt").write_text("The delegation visited Italy. BOOM", encoding="utf-8")
    shutil.copy(seed_path, tmp_path / "b.txt")
    ws = Workspace(tmp_path / "s.db", extractor=Fragile())
    report = ws.ingest([tmp_path], resolve=False)
    assert len(report.stored) == 1
    (fail,) = report.failures
    assert fail.path.endswith("a.txt") and "parser crashed" in fail.reason
