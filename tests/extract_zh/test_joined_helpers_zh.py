"""A helper named by its official short form after its full name (市外办 of X市人民政府外事办公室, 市贸促会 of 中国国际贸易
促进委员会X市支会): the facilitation rules read the mention the entity side joins to the full name (zh/gov_short), so the
helper is the full body (docs/annotation.md 4.4). And military-civil fusion designations: the unit designated is
linked to the programme, never the public body that designates it (4.5). The rules alone are read."""

from __future__ import annotations

import pytest

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document


@pytest.fixture(scope="module")
def rules() -> ChineseExtractor:
    return ChineseExtractor(relations="rules")


def facts(ext: ChineseExtractor, text: str) -> set[tuple[str, str, str]]:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2023-06-30")]))
    ex.check()
    names = {e.id: e.name for e in ex.entities}
    return {(r.type, names[r.source], names[r.target]) for r in ex.relations}


@pytest.mark.parametrize(("text", "helper", "helped"), [
    ("南通市人民政府外事办公室近年来积极服务企业“走出去”。在市外办的牵线下，南通远航船舶配件有限公司与英国北海船舶设备公司签订了供货合同。",
     "南通市人民政府外事办公室", "南通远航船舶配件有限公司"),
    ("中国国际贸易促进委员会宁波市支会组织企业赴德国参展。经市贸促会介绍，宁波东钱湖模具有限公司与德国博世公司签订了合作协议。",
     "中国国际贸易促进委员会宁波市支会", "宁波东钱湖模具有限公司"),
])
def test_short_form_helper_is_the_full_body(rules: ChineseExtractor, text: str, helper: str, helped: str) -> None:
    assert ("facilitation", helper, helped) in facts(rules, text)


def test_the_designated_unit_not_the_designator(rules: ChineseExtractor) -> None:
    found = facts(rules, "2020年，江东省工业和信息化厅认定江东中科光电股份有限公司等42家企业为省级军民融合示范企业。")
    links = {(s, t) for r, s, t in found if r == "mcf_link"}
    assert links == {("江东中科光电股份有限公司", "军民融合")}


def test_designated_by_a_body_in_the_passive(rules: ChineseExtractor) -> None:
    found = facts(rules, "天衡电子多年来为部队配套生产电子元器件，2018年被工业和信息化部认定为国家级军民融合示范企业。")
    links = {(s, t) for r, s, t in found if r == "mcf_link"}
    assert ("天衡电子", "军民融合") in links and not any(s == "工业和信息化部" for s, _ in links)


def test_a_body_that_runs_the_programme_is_not_linked(rules: ChineseExtractor) -> None:
    found = facts(rules, "12月15日，湖北省国资委召开省属企业军民融合工作推进会。")
    assert not any(r == "mcf_link" for r, _, _ in found)
