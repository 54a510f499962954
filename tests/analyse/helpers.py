"""Stores for the analysis tests: the seed through the real pipeline, or the hand-written fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

from mcfwatch.store import Store
from mcfwatch.workspace import Workspace

from .seed_fixture import seed_extraction

PARTNERS = ["Brunel University", "UK MQP Limited", "HT&L Fitting", "Cork County", "Benvolant"]


def ingest_seed(db: Path, extractor: object, seed: Path) -> Path:
    ws = Workspace(db, extractor=extractor)  # type: ignore[arg-type]
    report = ws.ingest([seed])
    assert report.ok and report.stored, report
    ws.close()
    return db


def copy_store(db: Path, dest: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{db}{suffix}")
        if src.exists():
            shutil.copy(src, f"{dest}{suffix}")
    return dest


def fixture_store(db: Path) -> Store:
    store = Store(db)
    store.add_extraction(seed_extraction())
    return store
