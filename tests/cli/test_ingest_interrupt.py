"""Ingest: Ctrl-C says what is kept and how to finish; the store's own files are not "not read" (s27 user try).

- A store kept in the folder being ingested was listed as five files of other types not read (s.db, s.db-wal,
  s.db-shm, s.db.lock, s.db.ingest.lock), burying the real .doc the user had to convert.
- Ctrl-C during an ingest ended with an empty line and exit 130: nothing said that the documents already
  stored are kept and that the same command finishes the job.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.data import sample_path
from mcfwatch.extract import Extractor
from mcfwatch.model import Document, Extraction

runner = CliRunner()


def _folder(tmp_path: Path, seed_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(seed_path, folder / "seed.txt")
    shutil.copy(sample_path("zh", "seed_zh.txt"), folder / "seed_zh.txt")
    (folder / "memo.doc").write_bytes(seed_path.read_bytes())  # legacy Word: not a type ingest reads
    return folder


def test_the_store_in_the_ingested_folder_is_not_reported_as_unread(tmp_path: Path, seed_path: Path) -> None:
    folder = _folder(tmp_path, seed_path)
    db = str(folder / "s.db")
    assert runner.invoke(app, ["ingest", str(folder), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["exposure", "Brunel University", "--db", db]).exit_code == 0  # builds s.db.cache/
    assert (folder / "s.db.cache").is_dir()
    again = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert again.exit_code == 0, again.output
    assert "2 already stored" in again.output
    unread = [line for line in again.output.splitlines() if line.startswith("not read:")]
    assert len(unread) == 1 and "memo.doc" in unread[0], unread
    assert "1 file of another type not read" in again.output


@pytest.fixture()
def ctrl_c_on_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """The user presses Ctrl-C while the Chinese document is being extracted (after the English one)."""
    real = Extractor.extract_many

    def extract_many(self: Extractor, docs: list[Document]) -> Iterator[Extraction]:
        for doc in docs:
            if doc.language == "zh":
                raise KeyboardInterrupt
            yield from real(self, [doc])

    monkeypatch.setattr(Extractor, "extract_many", extract_many)


def test_ctrl_c_keeps_what_is_stored_and_says_how_to_finish(tmp_path: Path, seed_path: Path,
                                                            ctrl_c_on_chinese: None) -> None:
    folder = _folder(tmp_path, seed_path)
    db = str(tmp_path / "s.db")
    cut = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert cut.exit_code == 130, cut.output
    assert "interrupted: every document stored before the interrupt is kept" in cut.output
    assert "run the same command again to finish" in cut.output


def test_the_same_command_finishes_an_interrupted_ingest(tmp_path: Path, seed_path: Path, ctrl_c_on_chinese: None,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, seed_path)
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(folder), "--db", db]).exit_code == 130
    monkeypatch.undo()  # no Ctrl-C this time
    rerun = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert rerun.exit_code == 0, rerun.output
    assert "stored 1 documents" in rerun.output and "1 already stored" in rerun.output, rerun.output
    check = runner.invoke(app, ["check", "--db", db])
    assert check.exit_code == 0 and "2 documents" in check.output, check.output
