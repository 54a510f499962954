"""Review of session 25 (zh-extract items 6, 8, 9) and the firm typed by its trade: each fails on main f2e4b10."""

from __future__ import annotations

from mcfwatch.extract.zh import ChineseExtractor, ner
from mcfwatch.extract.zh import typing_rules as tr
from mcfwatch.model import Document


def _entities(ext: ChineseExtractor, text: str) -> dict[str, tuple[str, list[str]]]:
    ex = next(ext.extract_many([Document(text=text, language="zh")]))
    ex.check()
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in ex.entities}


def test_a_models_event_ends_at_a_show_not_at_development() -> None:
    # the model's event ran on over the clause; 发展 before 也 ends in 展 but names no show
    text = "汉中航空产业发展论坛都将推动产业发展也将促进合作"
    c = ner._Cand(0, len(text), "Event", 1, [], "tagger")
    assert text[: ner._cut(text, [], c, []).end] == "汉中航空产业发展论坛"
    text = "2023无人系统装备展由市政府主办"
    c = ner._Cand(0, len(text), "Event", 1, [], "tagger")
    assert text[: ner._cut(text, [], c, []).end] == "2023无人系统装备展"


def test_a_chinese_name_with_a_two_character_surname_is_no_place(zh_extractor: ChineseExtractor) -> None:
    assert not ner._placed("会见欧阳建州", 2, 6)
    assert ner._placed("总部位于因戈尔施塔特市", 4, 11)
    got = _entities(zh_extractor, "市长王强会见了欧阳建州一行。")
    assert got["欧阳建州"][0] == "Person"
    ex = next(zh_extractor.extract_many([Document(text="市长王强会见了欧阳建州一行。", language="zh")]))
    assert "Ouyang Jianzhou" in next(e for e in ex.entities if e.name == "欧阳建州").aliases


def test_a_latin_firm_keeps_its_compound_legal_form(zh_extractor: ChineseExtractor) -> None:
    assert tr.LATIN_FIRM.match("Rolls-Royce Deutschland Ltd & Co KG供货").group() == "Rolls-Royce Deutschland Ltd & Co KG"
    assert tr.LATIN_FIRM.match("Volkswagen AG Financial Services Ltd与").group() == "Volkswagen AG Financial Services Ltd"
    assert tr.LATIN_FIRM.match("荷兰Vanderlift B.V.供货", 2).group() == "Vanderlift B.V."
    got = _entities(zh_extractor, "该公司从德国Rolls-Royce Deutschland Ltd & Co KG采购发动机。")
    assert got["Rolls-Royce Deutschland Ltd & Co KG"][0] == "Company" and got["德国"][0] == "Place"
    got = _entities(zh_extractor, "Rolls-Royce Deutschland Ltd & Co KG向该公司供货。")
    assert got["Rolls-Royce Deutschland Ltd & Co KG"][0] == "Company"


def test_a_firm_named_by_its_trade_is_the_firm(zh_extractor: ChineseExtractor) -> None:
    # corpus/extra zh-x-0258's phrasing: the firm named in full, then by its first words (无人系统 is a technology's head)
    text = ("校友周启航创办的深圳启航无人系统有限公司向川江工业大学捐赠。周启航2014年创办启航无人系统，目前担任公司董事长。"
            "经校友总会牵线，启航无人系统与人工智能学院签订了集群无人机协同控制算法联合研发合同。")
    got = _entities(zh_extractor, text)
    firm = next(v for k, v in got.items() if k.endswith("启航无人系统有限公司"))
    assert firm == ("Company", ["深圳启航无人系统有限公司", "启航无人系统", "启航无人系统"])
    assert got["人工智能学院"][0] == "University" and "启航无人系统" not in got
    # an item has no chairman
    assert _entities(zh_extractor, "启航无人系统董事长周启航主持论坛。")["启航无人系统"][0] == "Company"


def test_a_countrys_government_is_the_country_a_citys_is_a_body(zh_extractor: ChineseExtractor) -> None:
    # docs/annotation.md 2.1 [s26]: [匈牙利]政府, [中国]政府; [因戈尔施塔特市政府], [波城市政府] one PublicBody span
    got = _entities(zh_extractor, "匈牙利政府与中国政府签署协议。未经中国政府允许，不得转让。")
    assert {k: v[0] for k, v in got.items()} == {"匈牙利": "Place", "中国": "Place"}
    got = _entities(zh_extractor, "在因戈尔施塔特市政府的协调下，双方签约。")
    assert got["因戈尔施塔特市政府"] == ("PublicBody", ["因戈尔施塔特市政府"])
    got = _entities(zh_extractor, "保定市人民政府与德国一家公司合作，阿拉木图州政府代表出席。")
    assert got["保定市人民政府"][0] == "PublicBody" and got["阿拉木图州政府"][0] == "PublicBody"


def test_a_quoted_programme_and_the_verb_plan(zh_extractor: ChineseExtractor) -> None:
    # corpus/extra zh-x-0177 and corpus/train zh-w-0029 mark the quoted name Program
    got = _entities(zh_extractor, "合肥市人力资源和社会保障局联合推出“庐州英才”计划，高新区管委会同步启动“高新星火”青年人才计划。"
                                  "孙悦入选“江苏特聘教授”计划。")
    assert {k for k, v in got.items() if v[0] == "Program"} == {"庐州英才", "高新星火", "江苏特聘教授"}
    # 计划 the verb "plans to" heads no programme
    got = _entities(zh_extractor, "公司计划三年内启动上市。园区计划引进一批军工配套企业。杨光明与老挝计划与投资部部长会谈。")
    assert not any(v[0] == "Program" for v in got.values())
