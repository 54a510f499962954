"""Supply chain: the English model's files are checked against recorded SHA-256 sums before spaCy loads them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mcfwatch.extract.en.model import ModelError, check_files, model_dir


def test_installed_model_matches_its_recorded_sums() -> None:
    check_files(model_dir())


def test_a_changed_model_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    check_files(copy)
    cfg = copy / "ner" / "cfg"
    cfg.write_bytes(cfg.read_bytes() + b" ")
    with pytest.raises(ModelError, match=r"1 file\(s\) differ from their recorded SHA-256 \(ner/cfg\)"):
        check_files(copy)
    cfg.unlink()
    with pytest.raises(ModelError, match="ner/cfg"):
        check_files(copy)


def test_an_added_model_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "ner" / "extra.pickle").write_bytes(b"x")
    with pytest.raises(ModelError, match="unexpected file"):
        check_files(copy)
