"""Entry counts and key fields of every shipped list, as PROVENANCE.md states them."""

from __future__ import annotations

from mcfwatch.lists import get_list
from mcfwatch.lists.loader import all_versions


def _shipped(list_id: str, copy: str) -> int:
    return sum(len(wl.entries) for wl in all_versions() if wl.id == list_id and wl.copy == copy)


def test_counts_match_provenance() -> None:
    assert _shipped("us-ofac-nscmic", "ofac") == 68
    assert _shipped("us-ofac-nscmic", "nsfreg") == 59
    assert _shipped("us-bis-meu", "nsfreg") == 70
    assert _shipped("us-bis-mieu", "opensanctions") == 13
    assert _shipped("us-bis-dpl", "nsfreg") == 564
    assert _shipped("us-dhs-uflpa", "nsfreg") == 148
    assert _shipped("us-fcc-covered", "nsfreg") == 15
    assert _shipped("us-ndaa-procurement-bans", "opensanctions") == 14
    assert _shipped("us-state-nonproliferation", "nsfreg") == 528
    assert _shipped("us-state-inksna", "opensanctions") == 28
    assert _shipped("aspi-unitracker", "misp") == 159
    assert _shipped("cn-seven-sons", "derived") == 7
    assert _shipped("cn-defence-groups", "derived") == 12 + 217
    assert _shipped("ca-nro", "rstoolkit") == 126
    assert _shipped("jp-meti-eul", "xyna") == 835
    assert _shipped("eu-sanctions-china", "opensanctions") == 162 + 17
    assert _shipped("cn-mofcom-lists", "xyna") == 240
    assert _shipped("cn-countersanctions", "opensanctions") == 610


def test_nscmic_identifiers_from_ofac_remarks() -> None:
    telecom = next(e for e in get_list("us-ofac-nscmic").entries if e.name == "CHINA TELECOM CORPORATION LIMITED")
    assert telecom.identifiers["uscc"] == "9111000071093019X7"
    assert "US1694261033" in telecom.identifiers["isin"]
    assert telecom.start_date == "2021-06-03"
    assert "china telecom corp ltd" in {a.casefold() for a in telecom.aliases}


def test_seven_sons_and_groups() -> None:
    sons = {e.name: e for e in get_list("cn-seven-sons").entries}
    assert "西北工业大学" in sons["Northwestern Polytechnical University"].names_zh
    assert "NWPU" in sons["Northwestern Polytechnical University"].aliases
    groups = get_list("cn-defence-groups").entries
    avic = next(e for e in groups if e.properties.get("group_code") == "AVIC" and e.properties["role"] == "group")
    assert "中国航空工业集团有限公司" in avic.names_zh
    assert any(e.parent == avic.id for e in groups)


def test_entity_types_and_chinese_names() -> None:
    el = {e.name: e for e in get_list("us-bis-entity-list").entries}
    assert el["Northwestern Polytechnical University"].schema == "University"
    assert el["Academy of Military Medical Sciences"].schema == "MilitaryUnit"
    assert el["Academy of Military Medical Sciences"].names_zh  # from the kaixinol file
    assert el["Northwestern Polytechnical University"].citation
    aspi = {e.name: e for e in get_list("aspi-unitracker").entries}
    assert aspi["National University of Defense Technology"].schema == "MilitaryUnit"
    assert aspi["Aviation Industry Corporation of China"].schema == "Company"
