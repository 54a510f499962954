"""Names from the Chinese NER model trained with the annotated corpus (TEC/EVT labels), and the typing rules that
read its spans: joined names, places the model calls organisations, numbered sessions, listed research bodies."""

from __future__ import annotations

from mcfwatch.extract.zh import ChineseExtractor, crf_ner
from mcfwatch.extract.zh.aliases import aliases_for
from mcfwatch.extract.zh.gazetteer import load
from mcfwatch.extract.zh.typing_rules import head_type, listed_type, org_type
from mcfwatch.model import Document


def _mentions(ex: ChineseExtractor, text: str) -> set[tuple[str, str, str]]:
    return {(m.surface, m.type, m.source) for m in ex.mentions([text])[0]}


def test_the_model_proposes_technologies_and_events(zh_extractor: ChineseExtractor) -> None:
    # Our own sentences in the corpus's register (not corpus text): an exported item with no head word the rules
    # know (陀螺仪), and a fair with its year and edition.
    spans = {(s.text, s.label) for s in crf_ner.tag_entities("该公司向巴基斯坦出口了高精度陀螺仪。")}
    assert ("高精度陀螺仪", "TEC") in spans and ("巴基斯坦", "LOC") in spans
    found = {(m.surface, m.name, m.type) for m in zh_extractor.mentions(["2019第三届西安军民融合产业博览会在西安开幕。"])[0]}
    assert ("2019第三届西安军民融合产业博览会", "西安军民融合产业博览会", "Event") in found


def test_joined_places_are_two_places(zh_extractor: ChineseExtractor) -> None:
    # The shipped cork_zh sample: the model reads 保定市与科克郡 and 爱尔兰科克郡 as organisations; neither ends in an
    # organisation's head word, so they are the places they hold.
    found = _mentions(zh_extractor, "根据该文件，保定市分三步与爱尔兰科克郡建立关系。2018年10月，保定市与科克郡签署了备忘录。")
    assert not any(t in ("Organization", "Company") for _, t, _ in found)
    assert {s for s, t, _ in found if t == "Place"} >= {"保定市", "爱尔兰", "科克郡"}


def test_numbered_sessions_are_events_and_their_body_keeps_its_name(zh_extractor: ChineseExtractor) -> None:
    # corpus/train marks 第十四届全国人民代表大会第一次会议 an Event (zh-p-rep-003-b); 党中央 is PublicBody (14 of 14).
    found = _mentions(zh_extractor, "第十四届全国人民代表大会第一次会议审议通过了政府工作报告。党中央高度重视。")
    assert ("第十四届全国人民代表大会第一次会议", "Event", "rule") in found
    assert ("党中央", "PublicBody", "rule") in found
    assert "全国人民代表大会常务委员会" in aliases_for("第十三届全国人民代表大会常务委员会", [], [], "PublicBody")
    assert aliases_for("第十三届全国人民代表大会常务委员会", [], [], "Company")[:1] != ["全国人民代表大会常务委员会"]


def test_a_listed_research_academy_is_a_university() -> None:
    # docs/annotation.md: research institutes and academies are University; the watchlist calls CAEP a military unit.
    assert load().entries["中国工程物理研究院"].type == "University"
    assert listed_type("中国人民解放军军事科学院", "MilitaryUnit") == "MilitaryUnit"
    assert listed_type("二炮兵装备研究院", "MilitaryUnit") == "MilitaryUnit"
    assert listed_type("中国工程物理研究院", "Company") == "Company"


def test_a_delegation_named_after_a_place_is_the_places(zh_extractor: ChineseExtractor) -> None:
    # corpus/train marks the places of such delegations, not the delegation (zh-w-0099 美国图森市代表团, zh-w-0147
    # 日本广岛县议会访华团); a delegation named after a university is the university (zh-w-0101).
    found = _mentions(zh_extractor, "美国俄亥俄州代顿市代表团访问了我市。德国巴伐利亚州企业家代表团参观了工厂。")
    assert {(s, t) for s, t, _ in found} == {("美国", "Place"), ("俄亥俄州", "Place"), ("代顿市", "Place"),
                                            ("德国", "Place"), ("巴伐利亚州", "Place")}
    found = _mentions(zh_extractor, "9月，乌克兰国立航空大学代表团来校访问。")
    assert any(s.endswith("国立航空大学") and t == "University" for s, t, _ in found)


def test_a_firm_named_for_its_trade_is_a_company() -> None:
    # corpus/train types 华峰精工, 雷拓防务, 苏州纳新能源 Company.
    assert {org_type(n) for n in ("华峰精工", "雷拓防务", "苏州纳新能源")} == {"Company"}


def test_international_bodies_named_organisation_are_organizations() -> None:
    # corpus/train: 国际货币基金组织, 世界贸易组织, 上海合作组织, 亚太经合组织 are Organization; 组织 alone is no head.
    assert {org_type(n) for n in ("国际货币基金组织", "世界贸易组织", "上海合作组织", "亚太经合组织")} == {"Organization"}
    assert head_type("社会组织") is None and org_type("东湖工程大学校友会") == "Organization"


def test_a_standing_committees_meeting_is_the_committee(zh_extractor: ChineseExtractor) -> None:
    # corpus/train's laws (zh-p-law-004 ...): the gold marks 全国人民代表大会常务委员会 (PublicBody) 23 times of 24 in
    # "…常务委员会第N次会议通过", never the meeting; its terms (第十三届…) are one entity.
    text = ("（2020年10月17日第十三届全国人民代表大会常务委员会第二十二次会议通过）"
            "根据2024年4月26日全国人民代表大会常务委员会第九次会议修正")
    ex = next(zh_extractor.extract_many([Document(text=text, language="zh")]))
    assert [(e.name, e.type) for e in ex.entities if "常务委员会" in e.name] == [("全国人民代表大会常务委员会", "PublicBody")]
