"""Facilitation, funding and plans in the grammar of official Chinese (issue 8, session 24): 在X(的)推动/协调…下,
X为A牵线, X推动A与B签署, 得益于X的推动 (docs/annotation.md 4.4); 由X出资设立, 向<描述>B投资 (4.13); 将与/将向/有望 as
plans (section 5); a body that hosts the event is its organiser, not a broker (4.9). The rules alone are read here
(``relations="rules"``), so that what the model adds does not hide what the rules do.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from mcfwatch.extract.relmodel.scorer import METHOD as MODEL
from mcfwatch.extract.zh import ChineseExtractor, sieve
from mcfwatch.extract.zh.items import Item
from mcfwatch.model import Document


@dataclass
class Finding:
    type: str
    source: str
    target: str
    confidence: float
    method: str


@pytest.fixture(scope="module")
def rules() -> ChineseExtractor:
    return ChineseExtractor(relations="rules")


def facts(ext: ChineseExtractor, text: str) -> set[tuple[str, str, str]]:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2020-12-22")]))
    ex.check()
    names = {e.id: e.name for e in ex.entities}
    return {(r.type, names[r.source], names[r.target]) for r in ex.relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在苏州市商务局的大力推动下，常州天马机械有限公司与德国舒勒集团签署了技术许可协议。",
         ("facilitation", "苏州市商务局", "常州天马机械有限公司")),
        ("在苏州市商务局协调下，常州天马机械有限公司与德国舒勒集团签署了技术许可协议。",
         ("facilitation", "苏州市商务局", "常州天马机械有限公司")),
        ("江苏省商务厅为常州天马机械有限公司与德国舒勒集团牵线，双方签署了技术许可协议。",
         ("facilitation", "江苏省商务厅", "常州天马机械有限公司")),
        ("中国驻德国大使馆经商处推动常州天马机械有限公司与德国舒勒集团签署技术许可协议。",
         ("facilitation", "中国驻德国大使馆", "常州天马机械有限公司")),
        ("常州天马机械有限公司与德国舒勒集团的合作得益于中国驻德国大使馆经商处的积极推动。",
         ("facilitation", "中国驻德国大使馆", "常州天马机械有限公司")),
        ("合肥量子信息研究院由合肥市人民政府出资5亿元设立。", ("funding", "合肥市人民政府", "合肥量子信息研究院")),
        ("华宇集团向无人机企业长城科技有限公司投资3亿元。", ("funding", "华宇集团", "长城科技有限公司")),
        ("中国航空工业集团有限公司拟收购华宇集团旗下的长城科技有限公司。", ("ownership", "华宇集团", "长城科技有限公司")),
    ],
)
def test_stated_facts(rules: ChineseExtractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(rules, text)


def test_founders_each_fund_what_they_found(rules: ChineseExtractor) -> None:
    got = facts(rules, "由四川省财政厅、成都高新投资集团有限公司共同出资设立的四川航空产业投资基金完成首期募集。")
    funders = {(s, t) for r, s, t in got if r == "funding"}
    assert len(funders) == 2 and {s for s, _ in funders} == {"四川省财政厅", "成都高新投资集团有限公司"}, got
    assert len({t for _, t in funders}) == 1 and "投资基金" in next(iter(funders))[1]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("江苏省商务厅将为常州天马机械有限公司牵线搭桥。", "facilitation"),  # docs/annotation.md 4.4 ✘ (future)
        ("长城科技有限公司将向巴基斯坦出口一批无人机。", "export"),
        ("北京理工大学将与慕尼黑工业大学签署合作协议。", "agreement"),
        ("北京理工大学有望与慕尼黑工业大学签署合作协议。", "agreement"),
        ("中国船舶集团有限公司由国务院国有资产监督管理委员会履行出资人职责。", "funding"),  # 出资人: the owner's role
    ],
)
def test_plans_and_roles_give_nothing(rules: ChineseExtractor, text: str, kind: str) -> None:
    assert not {f for f in facts(rules, text) if f[0] == kind}


def test_a_plan_leaves_a_standing_tie(rules: ChineseExtractor) -> None:
    """将 before a noun marks the object (将下属A、B合并重组): the group's tie to its unit stands."""
    got = facts(rules, "中国兵器工业集团有限公司将下属北方光电股份有限公司、长城精密机械有限公司合并重组。")
    assert {("ownership", "中国兵器工业集团有限公司", "北方光电股份有限公司"),
            ("ownership", "中国兵器工业集团有限公司", "长城精密机械有限公司")} <= got


def test_a_dated_signing_is_no_plan(rules: ChineseExtractor) -> None:
    assert ("agreement", "北京理工大学", "慕尼黑工业大学") in facts(
        rules, "北京理工大学于2019年与慕尼黑工业大学签署合作协议。")


def test_a_host_brokers_nothing() -> None:
    """The model's facilitation from a body the sentence names as the event's host goes (the lead's probe)."""
    text = "论坛由江苏省商务厅主办、南京市贸促会承办，常州天马公司与德国舒勒集团在会上签署了协议。"
    items = [Item(text.find(n), text.find(n) + len(n), e, t, n) for n, e, t in
             [("江苏省商务厅", "a", "PublicBody"), ("南京市贸促会", "b", "Organization"),
              ("常州天马公司", "c", "Company"), ("舒勒集团", "d", "Company")]]
    found = [(Finding("facilitation", "a", "c", 0.3, MODEL), 0), (Finding("facilitation", "b", "c", 0.3, MODEL), 0),
             (Finding("agreement", "c", "d", 0.6, MODEL), 0)]
    assert sieve.keep(text, items, found, lambda s: (0, len(text))) == [False, False, True]
    other = "在江苏省商务厅的推动下，常州天马公司与德国舒勒集团签署了协议。"
    moved = [Item(other.find(it.name), other.find(it.name) + len(it.name), it.entity, it.type, it.name)
             for it in items if it.name in other]
    assert sieve.keep(other, moved, found[:1], lambda s: (0, len(other))) == [True]
    brokered = text.replace("在会上", "在会上经撮合")  # the host brokered, in so many words
    assert sieve.keep(brokered, items, found[:1], lambda s: (0, len(brokered))) == [True]


def test_two_partners_of_one_signer_signed_nothing_together() -> None:
    """A还与B签订了…协议，并与C签署了…协议: the model's B–C agreement goes; A–B and A–C stay."""
    text = "立中集团还与英国布鲁内尔大学签订了联合实验室项目协议，并与意大利HT&L公司签署了战略投资协议。"
    items = [Item(text.find(n), text.find(n) + len(n), e, t, n) for n, e, t in
             [("立中集团", "a", "Company"), ("英国", "uk", "Place"), ("布鲁内尔大学", "b", "University"),
              ("意大利", "it", "Place"), ("HT&L公司", "c", "Company")]]
    found = [(Finding("agreement", "b", "c", 0.45, MODEL), 0), (Finding("agreement", "a", "b", 0.6, MODEL), 0),
             (Finding("agreement", "a", "c", 0.6, MODEL), 0)]
    assert sieve.keep(text, items, found, lambda s: (0, len(text))) == [False, True, True]
