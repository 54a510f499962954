"""One entity per party under the forms a Chinese story names it by (zh/declared.py, zh/coref.py), items traded as
Technology (zh/technology.py ``objects``), a byline's reporter. Sentences from corpus/extra/zh.jsonl (document ids
below), whose gold marks each name asserted here as a mention of the party said."""

from __future__ import annotations

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document


def _entities(ex: ChineseExtractor, text: str) -> dict[str, tuple[str, list[str]]]:
    doc = next(ex.extract_many([Document(text=text, id="t", language="zh")]))
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in doc.entities}


def test_a_declared_short_name_is_the_party_wherever_it_stands(zh_extractor: ChineseExtractor) -> None:
    # zh-x-0015: 宏达公司 after 约定 and 判决 too; one Company each
    got = _entities(zh_extractor, "原告：上海宏达船舶配套有限公司（以下简称“宏达公司”），法定代表人朱宏。被告：新加坡蓝海航运工程公司（以下简称“蓝海公司”）。"
                                  "约定宏达公司向蓝海公司"
                                  "出售船用减摇鳍4套。判决蓝海公司向宏达公司支付货款66万美元及利息。")
    firms = [n for n, (t, _) in got.items() if t == "Company"]
    assert "宏达公司" not in firms and not any(n.startswith(("约定", "判决")) for n in firms)
    full = next(n for n in firms if n.endswith("宏达船舶配套有限公司"))
    assert got[full][1].count("宏达公司") == 3
    assert got["蓝海航运工程公司"][1].count("蓝海公司") == 3


def test_a_foreign_persons_surname_and_a_firms_first_word(zh_extractor: ChineseExtractor) -> None:
    # zh-x-0002: 克莱因 is 马蒂亚斯·克莱因; zh-x-0001: 维罗纳公司 is 维罗纳精密航空部件公司
    got = _entities(zh_extractor, "东岳理工大学校长赵立群向莱茵河谷工业大学教授马蒂亚斯·克莱因颁发聘书。"
                                  "克莱因去年入选山东省泰山学者海外特聘专家计划。")
    assert "克莱因" not in got and "克莱因" in got["马蒂亚斯·克莱因"][1]
    got = _entities(zh_extractor, "蜀航装备集团有限公司完成对意大利维罗纳精密航空部件公司的收购。据介绍，维罗纳公司主要生产"
                                  "钛合金起落架部件。")
    assert "维罗纳公司" not in got and "维罗纳公司" in got["维罗纳精密航空部件公司"][1]


def test_items_traded_are_technologies(zh_extractor: ChineseExtractor) -> None:
    def techs(text: str) -> set[str]:
        return {n for n, (t, _) in _entities(zh_extractor, text).items() if t == "Technology"}

    # zh-x-0003, zh-x-0022, zh-x-0033: the item of a contract, an export, a purchase (count and verb outside)
    assert "水轮机调速器" in techs("奥地利施泰尔涡轮机械公司与东汽动力装备有限公司签订了水轮机调速器供货合同。")
    assert "玻纤土工格栅" in techs("此外，华丰新材料通过上届对接会结识的代理商，已向越南出口首批玻纤土工格栅。")
    assert "医用直线加速器" in techs("今年上半年，远达医疗器械已从萨克森医疗技术公司采购了一批医用直线加速器。")
    # zh-x-0021: money provided is no item
    assert not techs("中国进出口银行为阿方提供了买方信贷。")


def test_a_bylines_reporter_is_a_person(zh_extractor: ChineseExtractor) -> None:
    # zh-x-0036: 高原 is a common word (plateau), a person in the byline
    got = _entities(zh_extractor, "新华社济南12月8日电（记者 高原）齐鲁重工装备集团有限公司8日宣布，已完成对意大利托里诺液压"
                                  "公司全部股权的收购。")
    assert got["高原"][0] == "Person"


def test_a_name_or_abbreviation_in_brackets_is_a_second_mention(zh_extractor: ChineseExtractor) -> None:
    # the guide: an acronym or translation in brackets after a name is a mention of it (docs/annotation.md 2.1)
    got = _entities(zh_extractor, "2016年，中航国际收购了英国航空零部件制造商加德纳航空航天控股有限公司（Gardner Aerospace）全部"
                                  "股权。Gardner Aerospace总部位于德比。")
    assert got["加德纳航空航天控股有限公司"][1].count("Gardner Aerospace") == 2  # the maker's description outside
    got = _entities(zh_extractor, "北京航空航天大学（北航）与中航国际（英国）投资有限公司签约，北航校长出席。")
    assert got["北京航空航天大学"][1].count("北航") == 2
    assert "中航国际（英国）投资有限公司" in got  # a place in brackets is part of a name, no abbreviation
