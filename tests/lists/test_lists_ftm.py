"""FollowTheMoney JSON lines: import as a user list, and a round trip from a shipped list."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcfwatch.errors import InputError
from mcfwatch.lists import get_list
from mcfwatch.lists.ftm import import_ftm, parse_ftm, read_lines, to_ftm
from mcfwatch.lists.loader import clear_cache

SAMPLE = Path(__file__).parent / "fixtures" / "sample.ftm.json"


@pytest.fixture()
def lists_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("MCFWATCH_LISTS_DIR", str(tmp_path / "lists"))
    clear_cache()
    yield tmp_path / "lists"
    clear_cache()


def test_import_ftm_creates_a_user_list(lists_dir: Path) -> None:
    wl = import_ftm(SAMPLE, "my-dataset", title="My dataset", as_of="2026-11-01")
    assert len(wl.entries) == 2
    stored = get_list("my-dataset", as_of="2025-01-01")
    nwpu, acme = sorted(stored.entries, key=lambda e: e.name)[::-1]
    assert nwpu.names_zh == ["西北工业大学"] and nwpu.aliases == ["NWPU"] and nwpu.schema == "University"
    assert acme.start_date == "2024-05-01" and acme.end_date == "2026-05-01" and acme.country == "hk"
    assert acme.identifiers == {"registrationNumber": "12345678"}
    assert len(get_list("my-dataset", as_of="2026-11-01").entries) == 1  # the sanction ended


def test_round_trip_of_a_shipped_list() -> None:
    original = get_list("aspi-unitracker").entries
    lines = [json.loads(json.dumps(to_ftm(e), ensure_ascii=False)) for e in original]
    back = parse_ftm(lines, "aspi-unitracker")
    assert len(back) == len(original)
    for a, b in zip(original, back, strict=True):
        assert (b.name, b.schema, b.country) == (a.name, a.schema, a.country)
        assert set(b.names_zh) == set(a.names_zh)
        assert {x.casefold() for x in b.aliases} == {x.casefold() for x in a.aliases}


def test_malformed_ftm_names_file_and_line(tmp_path: Path, lists_dir: Path) -> None:
    bad = tmp_path / "bad.ftm.json"
    bad.write_text(SAMPLE.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.ftm\.json: line 4 is not JSON"):
        read_lines(bad)
    with pytest.raises(InputError, match="list id"):
        import_ftm(SAMPLE, "Bad Id!")
