"""Session 22 Chinese readings: who owns whom in filings and press releases (zh/holdings.py: 公司全资子公司X, a
holdings list, A是B控股的, A由B控股; 所属 tagged as a name), the helper of 由X促成 and the side it helped, money given
to each listed receiver, the founded lab that is no side of 签署共建…协议, and no visit to or recruitment by one's
own organisation, from where a recruit came, or between two hosts of one guest. Each sentence is written for the test, not taken from a document; docs/annotation.md section 4
gives the reading. Each assertion failed before the rule it tests."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from mcfwatch.extract.relmodel import crosssent_zh
from mcfwatch.extract.relmodel.candidates import Mention
from mcfwatch.extract.zh import ChineseExtractor, sieve
from mcfwatch.extract.zh.relations import Item, sentences
from mcfwatch.model import Document


@pytest.fixture(scope="module")
def rules(zh_extractor: ChineseExtractor) -> ChineseExtractor:
    """The hand rules alone, sharing the session's segmenter."""
    return ChineseExtractor(relations="rules", tagger=zh_extractor.tagger)


def facts(ext: ChineseExtractor, text: str) -> set[tuple[str, str, str]]:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2024-03-20")]))
    ex.check()
    names = {e.id: e.name for e in ex.entities}
    return {(r.type, names[r.source], names[r.target]) for r in ex.relations}


def owned(got: set[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return {(s[-6:], t[-6:]) for r, s, t in got if r == "ownership"}


def test_a_subsidiary_named_right_after_its_parent(rules: ChineseExtractor) -> None:
    got = facts(rules, "2023年6月，华东电子信息股份有限公司全资子公司华东微波技术有限公司与德国罗德公司签订了供货合同。")
    assert ("份有限公司", "术有限公司") in {(a[-5:], b[-5:]) for a, b in owned(got)}, got


def test_a_filings_list_of_holdings(rules: ChineseExtractor) -> None:
    text = ("星海光电股份有限公司主营光学元件。星海光电股份有限公司的主要子公司如下。\n"
            "星海精密光学有限公司，公司全资子公司，负责光学元件生产。\n南京星海激光技术有限公司，公司持股70%。")
    got = {(a, b) for r, a, b in facts(rules, text) if r == "ownership"}
    assert ("星海光电股份有限公司", "星海精密光学有限公司") in got, got
    assert ("星海光电股份有限公司", "南京星海激光技术有限公司") in got, got


def test_held_by_a_group(rules: ChineseExtractor) -> None:
    got = facts(rules, "鲁信航空装备有限公司是山东省国有资产监督管理委员会全资控股的国有企业。")
    assert ("ownership", "山东省国有资产监督管理委员会", "鲁信航空装备有限公司") in got, got
    got = facts(rules, "宝鸡星光电子有限公司由瑞士格劳宾登投资公司控股。")
    assert ("投资公司", "电子有限公司") in {(a[-4:], b[-6:]) for r, a, b in got if r == "ownership"}, got


def test_the_helper_of_a_partnership_helped_its_first_side(rules: ChineseExtractor) -> None:
    got = facts(rules, "华北精密机械公司与德国克劳斯玛菲集团的合作由河北省商务厅促成。")
    assert ("facilitation", "河北省商务厅", "华北精密机械公司") in got, got


def test_money_given_to_each_listed_receiver(rules: ChineseExtractor) -> None:
    got = facts(rules, "2021年，华晟科技有限公司向浙江大学、上海交通大学和电子科技大学捐赠共计1.5亿元。")
    assert {("funding", "华晟科技有限公司", u) for u in ("浙江大学", "上海交通大学", "电子科技大学")} <= got, got


def test_the_founded_lab_is_no_side_of_the_agreement(rules: ChineseExtractor) -> None:
    got = facts(rules, "江城理工大学校长王强会见了来宾，双方签署了共建“海洋工程联合实验室”协议。")
    assert not {f for f in got if f[0] == "agreement" and "海洋工程联合实验室" in f[1:]}, got


def test_no_visit_to_or_recruitment_by_ones_own_organisation(zh_extractor: ChineseExtractor) -> None:
    text = ("本网讯 6月10日，英国北沼大学副校长海伦·马什一行5人访问我校。"
            "北沼大学复合材料研究中心主任大卫·布朗教授受聘为我校兼职教授。")
    got = facts(zh_extractor, text)
    assert ("position", "海伦·马什", "北沼大学") in got, got
    assert ("visit", "海伦·马什", "北沼大学") not in got, got
    assert ("recruitment", "北沼大学", "大卫·布朗") not in got, got


def test_the_helper_is_no_side_of_the_pair() -> None:
    # 在X的牵线下，A访问B。双方签署…: 双方 are A and B, not X
    text = "在江苏省外办的牵线下，北沼大学代表团访问江南海事大学。双方签署了合作协议。"
    names = ("江苏省外办", "北沼大学代表团", "江南海事大学")
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, t)
                for n, t in zip(names, ("PublicBody", "Organization", "University"), strict=True)]
    new, _ = crosssent_zh.pair_candidates(text, mentions, sentences(text), 1, [])
    assert {frozenset((c.first.entity, c.second.entity)) for c in new} == {frozenset(names[1:])}


@dataclass(frozen=True)
class Said:
    type: str
    source: str
    target: str
    method: str


def _items(text: str, names: dict[str, str]) -> list[Item]:
    return sorted((Item(m.start(), m.end(), n, t, n) for n, t in names.items() for m in re.finditer(n, text)),
                  key=lambda it: it.start)


def test_where_a_recruit_comes_from_is_no_recruiter() -> None:
    text = "2018年，西岭大学从清华大学引进光学工程博士宋知远，从德国耶拿大学引进博士后米晓晨。"
    items = _items(text, {"西岭大学": "University", "清华大学": "University", "德国": "Place", "耶拿大学": "University",
                          "宋知远": "Person", "米晓晨": "Person"})
    found = [(Said("recruitment", a, b, "model"), 0) for a, b in
             (("西岭大学", "宋知远"), ("清华大学", "宋知远"), ("耶拿大学", "米晓晨"))]
    assert sieve.keep(text, items, found, lambda s: (0, len(text))) == [True, False, False]


def test_two_hosts_of_one_guest_did_not_meet_each_other() -> None:
    text = "国务院总理李强会见了耶伦，国务院副总理何立峰同耶伦举行会谈。"
    items = _items(text, {"李强": "Person", "耶伦": "Person", "何立峰": "Person"})
    found = [(Said("meeting", a, b, m), 0) for a, b, m in
             (("李强", "耶伦", "zh-rules"), ("何立峰", "耶伦", "zh-rules"), ("李强", "何立峰", "model"))]
    assert sieve.keep(text, items, found, lambda s: (0, len(text))) == [True, True, False]
    text = "省长许文海会见了德国莱茵化工集团首席执行官马库斯·霍夫曼和新加坡南洋港口集团总裁黄志成。"
    items = _items(text, {"许文海": "Person", "马库斯·霍夫曼": "Person", "黄志成": "Person"})
    found = [(Said("meeting", a, b, "model"), 0) for a, b in
             (("许文海", "马库斯·霍夫曼"), ("许文海", "黄志成"), ("马库斯·霍夫曼", "黄志成"))]
    assert sieve.keep(text, items, found, lambda s: (0, len(text))) == [True, True, False]


def test_introduced_through_a_helper(rules: ChineseExtractor) -> None:
    got = facts(rules, "方某经上海博通供应链管理有限公司业务经理严某介绍，与巴基斯坦卡拉奇精工贸易公司建立业务联系。")
    assert ("facilitation", "严某", "方某") in got, got
    got = facts(rules, "经江苏省商务厅推荐，金陵芯创集成电路有限公司全职引进了芯片设计专家吴家栋。")
    assert ("facilitation", "江苏省商务厅", "金陵芯创集成电路有限公司") in got, got
    assert not {f for f in facts(rules, "据介绍，金陵芯创集成电路有限公司今年销售额增长三成。") if f[0] == "facilitation"}
