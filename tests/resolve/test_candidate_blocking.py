"""Candidate blocking finds a listed body by its registered Chinese name and its pinyin (session 29: `mcfwatch screen
华为技术有限公司` said "not listed"): a pinyin pair across two words does not vote, the rarest distinctive key's best
names are always compared, a numbered institute's number is a key, and the table's Chinese names of a body the
lists print in English only are searchable. Real list entries, real registered names."""

from __future__ import annotations

from importlib import resources

import pytest

from mcfwatch.resolve import compare, default_screener
from mcfwatch.resolve.algorithm import DEFAULT_THRESHOLD
from mcfwatch.resolve.index import blocking_keys
from mcfwatch.resolve.names import gloss, parse, segments
from mcfwatch.resolve.phonetic import similarity
from mcfwatch.resolve.trade_words import derive, trade_keys


def _listed(query: str, entry_part: str) -> bool:
    return any(entry_part in h.entry_id for h in default_screener().screen(query).hits)


@pytest.mark.parametrize(("query", "entry_part"), [
    ("华为技术有限公司", "huawei"),                                  # Huawei's registered name (lists: English only)
    ("Huawei Jishu Youxian Gongsi", "huawei"),                      # the same in pinyin
    ("中兴通讯股份有限公司", "zte"),
    ("Zhongxing Tongxun Gufen Youxian Gongsi", "zte"),
    ("Hangzhou Haikang Weishi Shuzi Jishu Gufen Youxian Gongsi", "hikvision"),
    ("Zhejiang Dahua Jishu Gufen Youxian Gongsi", "dahua"),
    ("中国电子科技集团公司第三十八研究所", "38th-research-institute"),  # CETC 38, published in English only
    ("中芯国际", "semiconductor-manufacturing-international"),     # a table name read in trade words
    ("中航工业", "aviation-industry-corporation-of-china"),          # 中航 abbreviates 中国航空
])
def test_registered_chinese_names_and_pinyin_find_the_listed_body(query: str, entry_part: str) -> None:
    assert _listed(query, entry_part)


def test_a_pinyin_pair_across_two_words_is_no_key() -> None:
    """华为|技术: 为技 is read "weiji" nowhere, so 苏州歌得维机械 (维|机械) shares no key with Huawei through it."""
    assert segments("华为技术") == (("华为", True), ("技术", True))
    keys = blocking_keys(parse("华为技术有限公司"))
    assert "weiji" not in keys and "huawei" in keys and "为技" in keys  # (a pair of characters is still a key)
    assert "weiji" not in blocking_keys(parse("苏州歌得维机械设备有限公司"))
    assert "gedewei" in blocking_keys(parse("苏州歌得维机械设备有限公司"))


def test_trade_keys_are_words_of_many_names_not_brands() -> None:
    trade = trade_keys()
    assert {"jishu", "技术", "technology", "technical", "youxian", "gongsi"} <= trade
    assert not {"huawei", "zhongxing", "haikang", "dahua"} & trade


def test_the_shipped_trade_keys_are_the_derived_ones() -> None:
    """data/trade_keys.txt is what `python -m mcfwatch.resolve.trade_words` derives from the glossary today."""
    text = resources.files("mcfwatch.resolve").joinpath("data", "trade_keys.txt").read_text(encoding="utf-8")
    assert {line for line in text.splitlines() if line and not line.startswith("#")} == derive()
    assert derive() <= trade_keys()


def test_a_numbered_institute_has_its_number_as_a_key() -> None:
    assert "#38" in blocking_keys(parse("中国电子科技集团公司第三十八研究所"))
    assert "#38" in blocking_keys(parse("China Electronics Technology Group Corporation 38th Research Institute"))


def test_segmentation_leaves_fewest_characters_unread() -> None:
    """Greedy reading took 南航 (NUAA) out of 江南航空 and left 江 and 空 unread."""
    assert segments("江南航空工业") == (("江南", False), ("航空工业", True))
    readings, runs = gloss("江南航空工业")
    assert runs == frozenset({"江南"})
    assert not any("nanjing" in r for slot in readings for r in slot)
    assert segments("中北大学")[0] == ("中北", False)  # North University of China: no 北大 (Peking University)


@pytest.mark.parametrize("query", [
    "江南航空工业集团",   # a run the listed 航空工业 (AVIC) lacks
    "赣江航空工业集团",
    "国立科技大学",       # 国立 is no part of 中国科学技术大学
    "兰州湾大学",
    "浙江工业大学",       # no ZJU (Zhejiang University), whose acronym mcfwatch expands
    "绵阳天翼测控技术有限公司",  # a firm is no one named Tian Yi (a person, by the shape of the name)
    "西京航空学院",       # 西京 xi jing does not sound like Kazan
])
def test_other_bodies_are_not_listed(query: str) -> None:
    assert not default_screener().screen(query).hits


def test_a_run_the_other_name_lacks_caps_two_chinese_names() -> None:
    c = compare("江南航空工业集团", "航空工业")
    assert "missing_core" in c.features and c.score < DEFAULT_THRESHOLD
    assert "missing_core" not in compare("中航工业", "中国航空工业集团").features  # an abbreviation
    # a Japanese list's 集団 is the legal form 集团, not a run the query lacks
    c = compare("中国航天科技集团有限公司第四研究院", "中国航天科技集団有限公司第四研究院")
    assert c.score >= DEFAULT_THRESHOLD


def test_a_k_is_never_a_soft_sound() -> None:
    assert similarity(("xi", "jing"), "kazan") == 0.0
    assert similarity(("ka", "shan"), "kazan") > 0.9
    assert similarity(("nuo", "ji", "ya"), "nokia") > 0.9  # 基 ji renders ki
    assert similarity(("qiao", "zhi"), "george") > 0.4     # soft g


def test_a_generic_alias_is_a_lead_not_a_match() -> None:
    """ca-nro prints "National University" as an alias of Shahid Beheshti University: a kind of body and its reach
    name no one body. A direction does (东南大学 is Southeast University)."""
    c = compare("National University", "National University")
    assert "generic_name" in c.features and c.score < DEFAULT_THRESHOLD
    assert not default_screener().screen("National University").hits
    assert default_screener().screen("Shahid Beheshti University").hits
    assert default_screener().screen("东南大学").hits
    assert default_screener().screen("国防科技大学").hits  # national *defence*: a name of one body


def test_one_reader_of_cc_cedict_rows() -> None:
    from mcfwatch.resolve import bilingual, english, place_readings
    from mcfwatch.resolve.cedict import rows

    assert all(len(r) == 4 and r[2] in ("name", "word") for r in rows())
    assert any(r.words == ("london",) for r in bilingual.readings("伦敦"))
    assert "london" in english.dictionary()
    assert place_readings.derive() == place_readings.table()
