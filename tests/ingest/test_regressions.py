"""Replay every kept crash input: each reader returns text or a one-line InputError, never anything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.errors import InputError
from mcfwatch.ingest.readers import READERS

REGRESSIONS = sorted((Path(__file__).parent / "regressions").glob("*.bin"))


def test_regression_files_are_kept() -> None:
    assert len(REGRESSIONS) >= 5
    assert all(p.name.split("-", 1)[0] in READERS for p in REGRESSIONS)


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_regression_replays_cleanly(path: Path) -> None:
    reader = READERS[path.name.split("-", 1)[0]]
    try:
        text = reader(path.read_bytes(), path.name)
    except InputError as exc:
        assert str(exc).startswith(path.name + ": ") and "\n" not in str(exc)
    else:
        assert isinstance(text, str) and text.strip()


def test_regression_known_outcomes() -> None:
    def read(name: str) -> str:
        return READERS[name.split("-", 1)[0]]((Path(__file__).parent / "regressions" / name).read_bytes(), name)

    with pytest.raises(InputError, match="empty"):
        read("txt-bom-only-utf8.bin")
    assert read("txt-utf16le-no-bom.bin") == "Huawei signed an agreement with Brunel University.\n"
    assert read("jsonl-nested-record.bin") == "ok\ninvalid JSON (nested too deeply)"
