"""A Chinese name that meets an English-only entry through translated common words alone is a capped lead, never a
known name; a descriptive firm name (place + trade words) is not a longer one that adds a trade word (usertry s28:
real queries of a compliance lead, real list entries)."""

from __future__ import annotations

import pytest

from mcfwatch.api.scoring import rescore
from mcfwatch.resolve import compare, default_screener, screen
from mcfwatch.resolve.algorithm import DEFAULT_THRESHOLD, FEATURES_BY_NAME

AIDC = "Aerospace Industrial Development Corp."


def test_casic_subsidiary_is_not_taiwans_aidc_through_glosses() -> None:
    """航天工业发展 (a CASIC subsidiary) read "aerospace industry development" is no name of Taiwan's AIDC."""
    c = compare("航天工业发展股份有限公司", AIDC)
    assert "translated_words_only" in c.features and c.score < DEFAULT_THRESHOLD
    assert c.score == FEATURES_BY_NAME["translated_words_only"].value
    assert "common words" in FEATURES_BY_NAME["translated_words_only"].explanation
    result = default_screener().screen("航天工业发展股份有限公司", cutoff=0.3)
    assert not [h for h in result.hits if "aerospace-industrial-development" in h.entry_id]
    for h in result.near:
        if "translated_words_only" in h.features:
            assert rescore(h.features, {"word_match": 1.0}) == pytest.approx(h.score)


@pytest.mark.parametrize(("query", "english"), [
    ("中国航空工业集团", "Aviation Industry Corporation of China"),  # known_same
    ("华为", "Huawei Technologies Co., Ltd."),                       # a name read by the table, not glosses
    ("西北工业大学", "Northwestern Polytechnical University"),
    ("国防科技大学", "National University of Defense Technology"),
    ("中国电子科技集团", "China Electronics Technology Group Corporation"),
    ("通用电气", "General Electric Company"),                        # CC-CEDICT publishes it as GE's name
])
def test_known_or_published_chinese_names_still_match(query: str, english: str) -> None:
    c = compare(query, english)
    assert c.score >= 0.9 and "translated_words_only" not in c.features
    assert screen(query).hits or query == "通用电气"  # GE is on no shipped list


def test_a_pinyin_reading_is_not_capped() -> None:
    """A romanised name spells the Chinese name's sound: that is no translation of common words."""
    assert "translated_words_only" not in compare("Hangtian Gongye Fazhan", "航天工业发展").features


def test_xian_aero_engine_is_not_xian_aero_engine_controls() -> None:
    """The MEU entry adds Controls to a name of place and trade words only: another firm of Xi'an."""
    c = compare("Xi'an Aero-Engine PLC", "Xian Aero-Engine Controls Co., Ltd.")
    assert "more_specific_institution" in c.features and c.score < DEFAULT_THRESHOLD
    assert not [h for h in screen("Xi'an Aero-Engine PLC").hits if h.list_id == "us-bis-meu"]


@pytest.mark.parametrize(("left", "right"), [
    ("SMIC Shanghai", "SMIC Semiconductor Manufacturing (Shanghai) Co., Ltd"),  # an acronym's words said twice
    ("Hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd."),          # a brand, not a description
    ("Xian Aero-Engine Controls", "Xian Aero-Engine Controls Co., Ltd."),
])
def test_a_longer_name_saying_nothing_more_still_matches(left: str, right: str) -> None:
    c = compare(left, right)
    assert c.score >= DEFAULT_THRESHOLD and "more_specific_institution" not in c.features


@pytest.mark.parametrize("aecc", ["Aero Engine Corporation of China", "中国航空发动机集团有限公司", "AECC"])
def test_a_xian_firm_is_not_the_countrys_group(aecc: str) -> None:
    """Xi'an Aero-Engine says a city where AECC's names say China: a member of the group at most, never AECC."""
    c = compare("Xi'an Aero-Engine PLC", aecc)
    assert c.score < DEFAULT_THRESHOLD
    assert not [h for h in screen("Xi'an Aero-Engine PLC").hits if "Aero Engine Corporation" in h.entry_name]


@pytest.mark.parametrize(("left", "right"), [
    ("CAEP", "Chinese Academy of Engineering Physics"),   # China and Chinese: one country said two ways
    ("AECC", "Aero Engine Corporation of China"),
    ("中国航空发动机集团", "Aero Engine Corporation of China"),
])
def test_one_place_said_two_ways_still_matches(left: str, right: str) -> None:
    assert "different_words" not in compare(left, right).features
    assert compare(left, right).score >= DEFAULT_THRESHOLD
