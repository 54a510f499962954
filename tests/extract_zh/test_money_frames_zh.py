"""Session 23 Chinese readings: a filing's bare 公司 is the company that files it (relmodel/crosssent_zh.announcer),
money put in by a fund's shareholders, a round's lead and followers, and a notice's list of grants (zh/funding.py),
a deal's financial adviser (zh/advisers.py), and 洽谈会 as an event, not a negotiation (zh/triggers.MODALITY).
Each sentence is written for the test, not taken from a document; docs/annotation.md section 4 gives the reading.
Each assertion failed on the code before the rule it tests."""

from __future__ import annotations

import pytest

from mcfwatch.extract.relmodel import crosssent_zh
from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh import triggers as tg
from tests.extract_zh.conftest import relation_pairs


@pytest.fixture(scope="module")
def rules(zh_extractor: ChineseExtractor) -> ChineseExtractor:
    """The hand rules alone, sharing the session's segmenter."""
    return ChineseExtractor(relations="rules", tagger=zh_extractor.tagger)


def facts(ext: ChineseExtractor, text: str, rtype: str) -> set[tuple[str, str]]:
    return relation_pairs(ext, text, rtype, published="2024-03-20")


def _bare_company(doc: TrainDoc) -> set[str]:
    """The names the bare 公司 of ``doc`` (gold mentions) is bound to."""
    name = {m.entity: doc.text[m.start:m.end] for m in sorted(doc.mentions, key=lambda m: m.end - m.start)}
    return {name[r.entity] for r in crosssent_zh.chinese(doc.text, doc.mentions) if doc.text[r.start:r.end] == "公司"}


def test_a_filings_bare_company_is_the_filer_not_the_target(corpus: list[TrainDoc]) -> None:
    # 恒宇智控关于终止收购德国施泰因精密机械公司股权…的澄清公告: the target is named more often than the filer
    doc = next(d for d in corpus if d.id == "zh-w-0230")
    assert _bare_company(doc) == {"恒宇智控"}
    # 华东电子信息股份有限公司（以下简称“公司”）: declared
    doc = next(d for d in corpus if d.id == "zh-w-0003")
    assert _bare_company(doc) == {"华东电子信息股份有限公司"}


def test_no_filer_without_a_title_declaration_or_signature(corpus: list[TrainDoc]) -> None:
    doc = next(d for d in corpus if d.id == "zh-w-0048")  # a news story about a fair
    assert crosssent_zh.announcer(doc.text, doc.mentions) is None


def test_shareholders_of_a_fund_fund_it(rules: ChineseExtractor) -> None:
    got = facts(rules, "江南航空产业投资基金总规模50亿元，其中江南省财政厅出资10亿元，江南高新投资集团有限公司出资15亿元。",
                "funding")
    assert {(a[-3:], b[-4:]) for a, b in got} >= {("财政厅", "投资基金"), ("限公司", "投资基金")}, got


def test_a_rounds_lead_and_followers_fund_the_company_that_raised_it(rules: ChineseExtractor) -> None:
    got = facts(rules, "9月5日，北京星穹空间技术有限公司宣布完成3亿元B轮融资。本轮由中关村科创投资集团领投，"
                       "深圳前海创新投资集团有限公司跟投。", "funding")
    assert {(a[-4:], b[-4:]) for a, b in got} >= {("投资集团", "有限公司"), ("有限公司", "有限公司")}, got
    assert all(b.endswith("星穹空间技术有限公司") for _, b in got), got


def test_a_notices_grants_come_from_its_issuers(rules: ChineseExtractor) -> None:
    text = ("江南省发展和改革委员会、江南省国防科学技术工业办公室关于下达2021年度省军民融合发展专项资金的通知\n"
            "各有关单位：\n经研究，现将专项资金下达如下。\n"
            "江南天元精密锻造有限公司“航空锻件生产线建设”项目，支持资金900万元。\n")
    got = facts(rules, text, "funding")
    assert {(a[-4:], b[-6:]) for a, b in got} == {("革委员会", "锻造有限公司"), ("业办公室", "锻造有限公司")}, got


def test_a_deals_financial_adviser_helped_the_buyer(rules: ChineseExtractor) -> None:
    text = ("华岳精工集团股份有限公司3月27日公告，公司以8000万欧元收购瑞士阿尔卑精密仪器公司100%股权的交易已完成交割。"
            "本次交易由中金公司担任财务顾问。")
    got = facts(rules, text, "facilitation")
    assert ("中金公司", "华岳精工集团股份有限公司") in got, got


def test_a_negotiation_fair_is_no_negotiation() -> None:
    assert tg.MODALITY.search("洽谈会由江西省人民政府与新加坡中华总商会共同主办") is None
    assert tg.MODALITY.search("双方正在洽谈合作") is not None


def test_who_brokered_this_project_helped_the_firm_that_made_it(rules: ChineseExtractor) -> None:
    text = "去年9月，江州星途动力科技有限公司与江州航天基地管委会签订了发动机总装基地投资协议，该项目由中国宇航学会牵线引进。"
    got = facts(rules, text, "facilitation")
    assert ("中国宇航学会", "江州星途动力科技有限公司") in got, got


def test_a_reports_bare_company_is_the_company_that_reports(corpus: list[TrainDoc]) -> None:
    # 航宇科技股份有限公司2021年年度报告（摘要）: its holdings list says 公司全资子公司 of each subsidiary
    doc = next(d for d in corpus if d.id == "zh-w-0097")
    assert _bare_company(doc) == {"航宇科技股份有限公司"}


def test_each_body_of_an_organiser_list_organises_the_event(rules: ChineseExtractor) -> None:
    text = ("2023中国（江宁）国际智能装备博览会\n主办单位：中国国际贸易促进委员会、工业和信息化部\n"
            "承办单位：江南省人民政府\n协办单位：江宁市人民政府\n")
    got = facts(rules, text, "organizer")
    assert {a for a, _ in got} >= {"工业和信息化部", "江南省人民政府", "江宁市人民政府"}, got
    assert all(b.endswith("智能装备博览会") for _, b in got), got


def test_a_renewed_agreement_is_an_agreement(rules: ChineseExtractor) -> None:
    got = facts(rules, "2023年5月，江南工业大学与代顿大学续签了学生交流协议。", "agreement")
    assert {frozenset(p) for p in got} == {frozenset({"江南工业大学", "代顿大学"})}, got


def test_each_body_of_a_list_takes_part(rules: ChineseExtractor) -> None:
    got = facts(rules, "江南航空航天大学、江东大学等30余所高校和江北电子研究所参加了2021江南军民融合发展高峰论坛。",
                "participation")
    assert {a for a, _ in got} == {"江南航空航天大学", "江东大学", "江北电子研究所"}, got


def test_the_event_that_drew_a_list_is_what_it_took_part_in(rules: ChineseExtractor) -> None:
    got = facts(rules, "2023江南无人系统装备展吸引了中国航天科工集团有限公司、中国兵器装备集团有限公司等单位参展。",
                "participation")
    assert {a for a, _ in got} == {"中国航天科工集团有限公司", "中国兵器装备集团有限公司"}, got
    assert all(b.endswith("无人系统装备展") for _, b in got), got


def test_the_parent_company_owns(rules: ChineseExtractor) -> None:
    for text in ("江南重工集团有限公司是江南精密机械有限公司的母公司。", "江南精密机械有限公司的母公司为江南重工集团有限公司。"):
        assert facts(rules, text, "ownership") == {("江南重工集团有限公司", "江南精密机械有限公司")}, text


def test_a_cue_right_before_the_verb_after_both_parties_is_modal() -> None:
    # A正在与B洽谈签署: the model reads the cue after B (relmodel/features_zh), not only between A and B
    assert tg.MODAL_DO.match("洽谈签署合作协议") is not None
    assert tg.MODAL_DO.match("签署了合作协议") is None and tg.MODAL_DO.match("洽谈，双方") is None
