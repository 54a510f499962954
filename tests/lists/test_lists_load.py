"""The shipped lists load into the unified model with the counts PROVENANCE.md states."""

from __future__ import annotations

import pytest

from mcfwatch.lists import get_list, iter_entries, load_lists
from mcfwatch.lists.loader import all_versions


def _versions(list_id: str, copy: str) -> dict[str, int]:
    return {wl.as_of: len(wl.entries) for wl in all_versions() if wl.id == list_id and wl.copy == copy}


def test_1260h_editions_match_provenance() -> None:
    assert _versions("us-dod-1260h", "opensanctions") == {
        "2021-06-03": 47, "2022-10-05": 60, "2024-01-31": 73, "2025-01-07": 142, "2026-06-08": 209,
    }
    assert _versions("us-dod-1260h", "nsfreg") == {"2026-06-08": 80}


def test_entity_list_counts() -> None:
    el = get_list("us-bis-entity-list")
    assert len(el.entries) == 3409
    china = [e for e in el.entries if e.country == "cn"]
    assert len(china) == 1106
    assert sum(1 for e in china if e.properties.get("address_in_hong_kong")) >= 285


def test_1286_list_years() -> None:
    assert sorted(_versions("us-dod-1286", "opensanctions").values()) == [48, 105, 134, 156]
    assert _versions("us-dod-1286", "nsfreg") == {"2025-01-01": 134}


@pytest.mark.parametrize("list_id", ["us-bis-entity-list", "us-dod-1286", "aspi-unitracker"])
def test_nwpu_is_listed(list_id: str) -> None:
    names = {e.name.strip() for e in get_list(list_id).entries}
    assert "Northwestern Polytechnical University" in names


def test_aspi_nwpu_has_chinese_name_acronym_and_labs() -> None:
    nwpu = next(e for e in get_list("aspi-unitracker").entries if e.name == "Northwestern Polytechnical University")
    assert "西北工业大学" in nwpu.names_zh
    assert "NWPU" in nwpu.aliases
    assert nwpu.schema == "University"
    assert nwpu.properties["labs"]
    assert nwpu.properties["risk_rating"] == "very high"


def test_iter_entries_covers_every_list() -> None:
    ids = {e.list_id for e in iter_entries()}
    assert ids == {wl.id for wl in load_lists()}
