"""A government body's short form is a mention of the body the story named in full (zh/gov_short.py, zh/coref.py)."""

from __future__ import annotations

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh.gov_short import abbreviates
from mcfwatch.model import Document


def test_level_words_and_kind() -> None:
    # pairs as corpus/train and corpus/extra mark them (one entity, the short form an alias)
    assert abbreviates("省工信厅", "江苏省工业和信息化厅")
    assert abbreviates("省国资委", "湖北省人民政府国有资产监督管理委员会")
    assert abbreviates("省国防科工办", "江南省国防科学技术工业办公室")
    assert abbreviates("市科技局", "川江市科学技术局")
    assert abbreviates("市发展改革委", "川江市发展和改革委员会")
    assert abbreviates("市外办", "南通市人民政府外事办公室")
    assert abbreviates("南通市外办", "南通市外事办公室")
    assert abbreviates("市政府外办", "南通市人民政府外事办公室")
    assert abbreviates("区科技局", "南京市江宁区科学技术局")
    assert abbreviates("市市场监管局", "南通市市场监督管理局")
    # a council's branch named for its place goes by the place's level and the council's short name
    assert abbreviates("市贸促会", "中国国际贸易促进委员会南通市支会")
    assert abbreviates("江苏省贸促会", "中国国际贸易促进委员会江苏省分会")


def test_another_level_place_or_body_is_no_short_form() -> None:
    assert not abbreviates("区科技局", "南京市科学技术局")  # the city's bureau, not a district's
    assert not abbreviates("南京市科技局", "南京市江宁区科学技术局")
    assert not abbreviates("苏州市外办", "南通市外事办公室")
    assert not abbreviates("市科技局", "川江市财政局")
    assert not abbreviates("市财政局", "川江市科学技术局")
    assert not abbreviates("省科技厅", "江苏省工业和信息化厅")
    assert not abbreviates("市贸促会", "中国国际贸易促进委员会江苏省分会")  # a province's branch
    assert not abbreviates("市科技局", "川江市科学技术局\u3000\u3000川江市财政局")  # a signature line, two bodies
    assert not abbreviates("市委", "南通市委员会")  # no words of its own


def test_one_body_in_a_story(zh_extractor: ChineseExtractor) -> None:
    text = ("南通市人民政府外事办公室主任张明会见了德国客人。在市外办的牵线下，南通远洋船舶配套有限公司与德国一家企业签订"
            "合作协议。中国国际贸易促进委员会南通市支会举办对接会，市贸促会副会长李华出席。")
    ex = next(zh_extractor.extract_many([Document(text=text, language="zh")]))
    by_name = {e.name: e for e in ex.entities}
    fao = by_name["南通市人民政府外事办公室"]
    assert [m.text for m in fao.mentions] == ["南通市人民政府外事办公室", "市外办"] and "市外办" in fao.aliases
    ccpit = by_name["中国国际贸易促进委员会南通市支会"]
    assert [m.text for m in ccpit.mentions] == ["中国国际贸易促进委员会南通市支会", "市贸促会"]
    assert "市外办" not in by_name and "市贸促会" not in by_name
    # the relation the short form's clause states goes to the body's one entity
    assert any(r.type == "position" and ex.entity(r.target).name == "中国国际贸易促进委员会南通市支会"
               for r in ex.relations)


def test_two_cities_bodies_keep_the_short_form_apart(zh_extractor: ChineseExtractor) -> None:
    text = "南京市科学技术局和苏州市科学技术局联合发文。市科技局负责人表示，将加大支持力度。"
    ex = next(zh_extractor.extract_many([Document(text=text, language="zh")]))
    assert "市科技局" in {e.name for e in ex.entities}


def test_a_signature_line_is_two_bodies(zh_extractor: ChineseExtractor) -> None:
    text = "附件：项目汇总表\n\n川江市科学技术局\u3000\u3000川江市财政局\n2024年7月12日"
    ex = next(zh_extractor.extract_many([Document(text=text, language="zh")]))
    assert {e.name: e.type for e in ex.entities if e.type == "PublicBody"} == {
        "川江市科学技术局": "PublicBody", "川江市财政局": "PublicBody"}
