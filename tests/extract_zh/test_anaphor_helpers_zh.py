"""Helpers and funders told through a reference or an official phrasing (issue 8, session 25): 经我局牵线 / 在联盟的撮合下
/ 在商会的介绍下 (the body a bare head or 该局/我局 stands for: docs/annotation.md 1.4, a relation told through an
anaphor is between the entities it refers to), 穿针引线 / 从中斡旋 / 居间介绍 (4.4), B收到A拨付的资金 and A向B支付报酬
(4.13), A与B合资建设/成立合资公司/共同发起设立 (4.3: jointly set up). A contract's payment (支付货款) is no funding,
and talks about a joint venture (就合资建厂进行了洽谈) no agreement (section 5). The rules alone are read (``relations="rules"``), so that what
the model adds does not hide what the rules do.
"""

from __future__ import annotations

import pytest

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document


@pytest.fixture(scope="module")
def rules() -> ChineseExtractor:
    return ChineseExtractor(relations="rules")


def facts(ext: ChineseExtractor, text: str) -> set[tuple[str, str, str]]:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2021-06-30")]))
    ex.check()
    names = {e.id: e.name for e in ex.entities}
    return {(r.type, names[r.source], names[r.target]) for r in ex.relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("东莞市投资促进局今年积极开展海外招商。经我局牵线，东莞松湖精密模具有限公司与日本大阪精工株式会社签订了委托加工合同。",
         ("facilitation", "东莞市投资促进局", "东莞松湖精密模具有限公司")),
        ("长三角航空航天产业联盟成立于2018年。在联盟的撮合下，杭州钱塘复合材料股份有限公司与安徽长淮航电科技有限公司签订了供货合同。",
         ("facilitation", "长三角航空航天产业联盟", "杭州钱塘复合材料股份有限公司")),
        ("宁波市机械行业商会组织企业参加了展会。在商会的介绍下，宁波东钱湖模具有限公司结识了墨西哥北方汽车零部件公司。",
         ("facilitation", "宁波市机械行业商会", "宁波东钱湖模具有限公司")),
        ("在柳州市投资促进局的穿针引线下，柳州龙江汽车零部件有限公司与奥地利阿尔卑斯传动技术公司签订了合资协议。",
         ("facilitation", "柳州市投资促进局", "柳州龙江汽车零部件有限公司")),
        ("经东莞市外商投资企业协会从中斡旋，西格玛电子公司与东莞长安模具有限公司签订了合作协议书。",
         ("facilitation", "东莞市外商投资企业协会", "西格玛电子公司")),
        ("江南航空装备股份有限公司收到苏州市工业和信息化局拨付的技术改造补助资金1560万元。",
         ("funding", "苏州市工业和信息化局", "江南航空装备股份有限公司")),
        ("经查，境外间谍情报机关人员凯文先后向黄某明支付报酬共计14万美元。", ("funding", "凯文", "黄某明")),
        ("新加坡丰益国际集团与汉江港务集团合资建设粮油加工基地。", ("agreement", "丰益国际集团", "汉江港务集团")),
        ("日本纳博特斯克株式会社与潇湘液压件有限公司成立合资公司。", ("agreement", "纳博特斯克株式会社", "潇湘液压件有限公司")),
        ("陕西省军民融合产业投资基金由陕西省财政厅和陕西投资集团有限公司共同发起设立。",
         ("agreement", "陕西省财政厅", "陕西投资集团有限公司")),
    ],
)
def test_stated_facts(rules: ChineseExtractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(rules, text)


def test_via_adverb_keeps_the_helper(rules: ChineseExtractor) -> None:
    """经X居间介绍，A与B签订: X helped A (the adverb between the helper and 介绍 does not hide it)."""
    found = facts(rules, "经上海浦江商务咨询有限公司居间介绍，江苏宏远机电设备有限公司与波兰格但斯克金属制品公司签订设备买卖合同。")
    assert any(t == "facilitation" and "浦江商务咨询" in s and "宏远机电" in g for t, s, g in found)


def test_payment_for_goods_is_no_funding(rules: ChineseExtractor) -> None:
    """支付货款: the price under a contract (docs/annotation.md 4.13), not money given to fund the seller."""
    found = facts(rules, "法院判决蓝海航运工程公司向上海宏达船舶配套有限公司支付货款66万美元及利息。")
    assert not any(t == "funding" for t, _, _ in found)


def test_talks_about_a_venture_are_no_agreement(rules: ChineseExtractor) -> None:
    """A与B就合资建厂进行了初步洽谈: talks (docs/annotation.md 5), told after the act they are about."""
    found = facts(rules, "在罗马尼亚，西安西电华瑞变压器有限公司与多瑙河电力公司就合资建厂进行了初步洽谈。")
    assert not any(t == "agreement" for t, _, _ in found)


def test_whose_team_is_a_person(rules: ChineseExtractor) -> None:
    """为其团队提供经费: 其团队 is a person's team (the funded scientist), not the university the last sentence opened
    with."""
    found = facts(rules, "德国慕尼黑工业大学教授汉斯·克劳斯今年全职加盟芜湖博尔曼智能装备有限公司。"
                         "芜湖市人民政府为其团队提供科研经费80万元。")
    assert ("funding", "芜湖市人民政府", "汉斯·克劳斯") in found
    assert not any(t == "funding" and "大学" in g for t, _, g in found)


def test_whose_team_when_the_funder_opens_the_clause(rules: ChineseExtractor) -> None:
    """苏州大学引进陈明博士；苏州市科技局为其团队提供…: the clause's subject is the funder (a body), so 其团队 is the
    recruit's, not the person the sentence before spoke of (the subject was looked for among persons only)."""
    found = facts(rules, "考察期间，协会会长王立与苏州市人才发展集团签署了合作协议。"
                         "苏州大学引进旅美学者陈明博士，聘任其为电子信息学院特聘教授；苏州市科技局为其团队提供启动资金300万元。")
    assert ("funding", "苏州市科技局", "陈明") in found
    assert ("funding", "苏州市科技局", "王立") not in found


def test_a_place_helps_no_one() -> None:
    """在新加坡代表处的牵线下: the office helped, never the place its name opens with (the sieve drops a place
    helper whatever scored it)."""
    both = ChineseExtractor(relations="both")
    found = facts(both, "在新加坡代表处的牵线下，新加坡丰益国际集团与汉江港务集团合资建设粮油加工基地。")
    assert not any(t == "facilitation" and s == "新加坡" for t, s, _ in found)


def test_head_anaphors_are_not_ordinary_words() -> None:
    # review zh-extract 3: 该委托合同, 本委托书, 该局面, 该局限性, 自我局限, 该厂商 are no anaphors of a 委/局/厂
    from mcfwatch.extract.zh.triggers import ANAPHORS
    heads = [p for p, kind in ANAPHORS if kind in ("head:委员会|委", "head:局|厅", "head:厂")]
    for text in ("该委托合同", "本委托书", "该局面", "该局限性", "自我局限", "该厂商", "该厂家"):
        assert not [p.pattern for p in heads if p.search(text)], text
    for text in ("该局表示", "我局牵线", "本委员会", "该委会同", "该厂生产"):
        assert [p for p in heads if p.search(text)], text
