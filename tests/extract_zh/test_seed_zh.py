"""The Chinese rendering of the seed gives the seed's pathway, linked to the English names."""

from __future__ import annotations

from importlib import resources

import pytest

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh.normalise import simplify
from mcfwatch.model import Document, Extraction

SEED_ZH = resources.files("mcfwatch.data").joinpath("samples", "zh", "seed_zh.txt").read_text(encoding="utf-8")


def _extract(ext: ChineseExtractor, text: str) -> Extraction:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2020-12-22")]))
    ex.check()
    return ex


def _facts(ex: Extraction) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in ex.entities}
    return {(r.type, names[r.source], names[r.target]) for r in ex.relations}


@pytest.fixture(scope="module")
def seed(zh_extractor: ChineseExtractor) -> Extraction:
    return _extract(zh_extractor, SEED_ZH)


def test_seed_pathway(seed: Extraction) -> None:
    facts = _facts(seed)
    assert {
        ("visit", "保定市经贸代表团", "英国"),
        ("visit", "保定市经贸代表团", "意大利"),
        ("facilitation", "保定市经贸代表团", "立中集团"),
        ("agreement", "立中集团", "MQP公司"),
        ("agreement", "立中集团", "布鲁内尔大学"),
        ("agreement", "立中集团", "HT&L公司"),
        ("mcf_link", "立中集团", "军民融合"),
        ("participation", "立中集团", "军民融合成果展示会"),
        ("organizer", "解放军保定军分区", "军民融合成果展示会"),
    } <= facts


def test_seed_states_nothing_more(seed: Extraction) -> None:
    assert len(seed.relations) == 9


def test_seed_dates_and_subtypes(seed: Extraction) -> None:
    names = {e.id: e.name for e in seed.entities}
    by = {(r.type, names[r.target]): r for r in seed.relations}
    visit = by[("visit", "英国")]
    assert (visit.date, visit.date_end) == ("2018-11-19", "2018-11-26")
    assert by[("participation", "军民融合成果展示会")].date == "2016-08-01"
    assert by[("agreement", "布鲁内尔大学")].subtype == "joint_lab"
    assert by[("agreement", "HT&L公司")].subtype == "investment"
    assert by[("agreement", "MQP公司")].subtype == "cooperation"
    # 访问期间 and then 还/并: the three agreements take the visit's range, marked as inherited
    for partner in ("MQP公司", "布鲁内尔大学", "HT&L公司"):
        r = by[("agreement", partner)]
        assert (r.date, r.date_end, r.method, r.confidence) == ("2018-11-19", "2018-11-26",
                                                                "zh-rules+discourse-date", 0.55)
    assert (visit.method, visit.confidence) == ("zh-rules", 0.6)


def test_seed_types(seed: Extraction) -> None:
    types = {e.name: e.type for e in seed.entities}
    assert types["立中集团"] == "Company"
    assert types["布鲁内尔大学"] == "University"
    assert types["解放军保定军分区"] == "MilitaryUnit"
    assert types["军民融合成果展示会"] == "Event"
    assert types["保定市"] == "Place"
    assert types["保定市经贸代表团"] == "Organization"


def test_aliases_link_to_english_names(seed: Extraction) -> None:
    aliases = {e.name: e.aliases for e in seed.entities}
    assert "Lizhong Group" in aliases["立中集团"]
    assert "Lizhong Jituan" in aliases["立中集团"]
    assert "Baoding" in aliases["保定市"]
    assert "Brunel University" in aliases["布鲁内尔大学"]
    assert "Baoding Economic and Trade Delegation" in aliases["保定市经贸代表团"]
    assert "United Kingdom" in aliases["英国"]
    assert "PLA Baoding" in aliases["解放军保定军分区"]


def test_traditional_input_gives_the_same_result(zh_extractor: ChineseExtractor, seed: Extraction) -> None:
    import opencc

    trad = opencc.OpenCC("s2t").convert(SEED_ZH)
    assert trad != SEED_ZH and len(trad) == len(SEED_ZH)
    ex = _extract(zh_extractor, trad)
    assert _facts(ex) == _facts(seed)
    for e in ex.entities:
        for m in e.mentions:
            assert trad[m.start : m.end] == m.text  # offsets point into the traditional original
    assert simplify(trad) == SEED_ZH


def test_evidence_offsets(seed: Extraction) -> None:
    for r in seed.relations:
        assert SEED_ZH[r.evidence.start : r.evidence.end] == r.evidence.text
        assert r.evidence.text.endswith("。")
