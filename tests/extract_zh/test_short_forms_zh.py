"""A firm named later by its first word and a word of its trade is that firm (zh/short_forms.py), a declared short
name wins over a place inside it (zh/declared.py), and a title's first character stays out of a body's name
(zh/ner.py). Sentences from corpus/extra/zh.jsonl and corpus/train/zh.jsonl (document ids below), whose gold marks
each short name asserted here as a mention of the firm."""

from __future__ import annotations

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh.short_forms import core
from mcfwatch.model import Document


def _entities(ex: ChineseExtractor, text: str) -> dict[str, tuple[str, list[str]]]:
    doc = next(ex.extract_many([Document(text=text, id="t", language="zh")]))
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in doc.entities}


def test_a_core_leaves_out_the_legal_form_and_a_bracketed_place() -> None:
    assert core("齐鲁重工装备集团有限公司") == "齐鲁重工装备"
    assert core("太原重型锻压机械厂有限公司") == "太原重型锻压机械"
    assert core("东洋精机（无锡）有限公司") == "东洋精机"


def test_a_firms_first_word_and_trade_is_the_firm_not_a_place(zh_extractor: ChineseExtractor) -> None:
    # zh-x-0073: 太原重锻 (the tagger reads 太原 as the city); zh-x-0102: 江淮重卡
    got = _entities(zh_extractor, "太原重型锻压机械厂有限公司始建于1958年。此后，太原重锻又陆续向塞尔维亚和土耳其出口了锻压设备。")
    firm = next(n for n, (t, _) in got.items() if t == "Company" and n.endswith("太原重型锻压机械厂有限公司"))
    assert "太原重锻" in got[firm][1] and "太原" not in got
    got = _entities(zh_extractor, "代表团参观了安徽江淮重型卡车有限公司和合肥轨道交通装备有限公司。江淮重卡已向埃塞俄比亚出口自卸车1200辆。")
    firm = next(n for n in got if n.endswith("江淮重型卡车有限公司"))
    assert "江淮重卡" in got[firm][1] and "江淮" not in got


def test_a_place_that_opens_a_firms_name_stays_a_place(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0030: 绵阳科技城 is a place, though 绵阳科技城发展投资（集团）有限公司 opens with it
    got = _entities(zh_extractor, "走进位于绵阳科技城的四川九天精测科技有限公司。绵阳科技城发展投资（集团）有限公司出资2亿元。")
    assert got["绵阳科技城"][0] == "Place"


def test_a_short_name_two_firms_share_is_left_alone(zh_extractor: ChineseExtractor) -> None:
    # zh-x-0062: 东洋精机 is the Japanese parent here, not its Wuxi subsidiary
    got = _entities(zh_extractor, "市长汪海会见了日本东洋精机株式会社社长山田浩二。东洋精机2005年在无锡设立全资子公司东洋精机（无锡）"
                                  "有限公司。")
    assert got["东洋精机株式会社"][0] == "Company"
    assert "东洋精机" not in got["东洋精机（无锡）有限公司"][1]


def test_a_declared_short_name_wins_over_a_place_inside_it(zh_extractor: ChineseExtractor) -> None:
    # zh-x-0004: 江陵重机 after 帮助, where the tagger reads 江陵 as a place
    got = _entities(zh_extractor, "江陵重型机械股份有限公司（以下简称“江陵重机”）研制的首台盾构机通过验收。项目洽谈期间，湖南省商务厅"
                                  "多次协调，帮助江陵重机与外方完成技术谈判。")
    firm = next(n for n in got if n.endswith("江陵重型机械股份有限公司"))
    assert got[firm][1].count("江陵重机") == 2 and "江陵" not in got


def test_a_country_or_a_city_named_elsewhere_stays_a_place(zh_extractor: ChineseExtractor) -> None:
    # corpus/extra/zh.jsonl zh-x-0231 (克罗地亚 opens 克罗地亚里耶卡造船厂), zh-x-0144 (阿布扎比 opens a firm and a fair)
    got = _entities(zh_extractor, "宁波东海船舶电气有限公司与克罗地亚里耶卡造船厂签署了供货合同。东海船舶电气此前已向克罗地亚出口配电设备。")
    assert got["克罗地亚"][0] == "Place"
    got = _entities(zh_extractor, "为期5天的阿布扎比国际防务展23日落幕，阿布扎比国家展览公司承办。展会在阿布扎比举行。")
    assert got["阿布扎比"][0] == "Place"
