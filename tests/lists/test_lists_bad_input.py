"""A malformed list file gives a one-line error naming the file, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.errors import InputError
from mcfwatch.lists import dod_1260h, ofac_nscmic
from mcfwatch.lists.loader import DATA_DIR, build
from mcfwatch.lists.spec import SourceFiles


def _copy(imp_folder: str, tmp_path: Path) -> Path:
    folder = tmp_path / imp_folder
    shutil.copytree(DATA_DIR / imp_folder, folder)
    return folder


def test_missing_column(tmp_path: Path) -> None:
    folder = _copy("us-dod-1260h", tmp_path)
    path = folder / dod_1260h.OS_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("Start date", "Begin"), encoding="utf-8")
    with pytest.raises(InputError, match=r"sanctions\.csv: malformed list file: missing column\(s\) Start date"):
        build(dod_1260h.OPENSANCTIONS, SourceFiles(folder, "2026-06-08"), "shipped")


def test_short_ofac_row(tmp_path: Path) -> None:
    folder = _copy("us-treasury-ofac-nonsdn", tmp_path)
    with (folder / "ofac_cons_alt.csv").open("a", encoding="cp1252") as fh:
        fh.write("123\n")
    with pytest.raises(InputError, match=r"ofac_cons_alt\.csv: malformed list file: line \d+ has fewer"):
        build(ofac_nscmic.OFAC, SourceFiles(folder, "2025-12-19"), "shipped")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="list file missing"):
        build(ofac_nscmic.ANNEX, SourceFiles(tmp_path, "2021-06-03"), "shipped")


def test_cli_reports_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "x.jsonl"
    bad.write_text("[1, 2]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["lists", "import-ftm", str(bad), "--id", "x"])
    assert result.exit_code == 2
    assert "x.jsonl: line 1 is not an FtM entity" in result.output
    assert "Traceback" not in result.output
