"""Parties told across clauses (session 28): the bare nouns and pronouns of relmodel/crosssent_zh.py after a grant's
verb (给予工作站), the school a bare 学校 means when a recruit's former university is named too, 其 after 为/向 (not
the clause's subject), and two phrasings of the session-27 usertry report (a real 2011 news text on 中国商飞 and
庞巴迪): founders who put in capital own what they set up (由A、B…共同出资组建, docs/annotation.md 4.7), and technical
support given is no funding (4.13). Each assertion failed on main 986c123."""

from __future__ import annotations

import pytest

from mcfwatch.extract.relmodel import crosssent_zh
from mcfwatch.extract.relmodel.candidates import Mention
from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.extract.relmodel.scorer import METHOD as MODEL
from mcfwatch.extract.zh import ChineseExtractor, sieve
from mcfwatch.extract.zh.items import Item
from mcfwatch.model import Relation, Span
from tests.extract_zh.conftest import relation_pairs


def _refs(doc: TrainDoc) -> list[tuple[str, str, str]]:
    """(reference text, the name it stands for, the 8 characters after it) of ``doc`` on its gold mentions."""
    name = {m.entity: doc.text[m.start:m.end] for m in sorted(doc.mentions, key=lambda m: m.end - m.start)}
    return [(doc.text[r.start:r.end], name[r.entity], doc.text[r.end:r.end + 8])
            for r in crosssent_zh.chinese(doc.text, doc.mentions)]


def _at(text: str, name: str, entity: str, etype: str, after: int = 0) -> Mention:
    start = text.index(name, after)
    return Mention(start, start + len(name), entity, etype)


def _doc(corpus: list[TrainDoc], doc_id: str) -> TrainDoc:
    return next(d for d in corpus if d.id == doc_id)


def test_the_school_is_the_recruiter_not_where_the_recruit_came_from(corpus: list[TrainDoc]) -> None:
    # 西北工业大学从美国佐治亚理工学院全职引进李俊峰教授…此前在佐治亚理工学院任教十年。学校为其配套科研启动经费800万元。
    refs = _refs(_doc(corpus, "zh-w-0017"))
    assert ("学校", "西北工业大学", "为其配套科研启动") in refs
    assert ("其", "李俊峰", "配套科研启动经费") in refs
    # 母校武昌科技大学微电子学院…学校为其配套科研经费600万元: a 学院 named after its 大学 is a school of it
    assert ("学校", "武昌科技大学", "为其配套科研经费") in _refs(_doc(corpus, "zh-w-0157"))


def test_its_after_a_preposition_is_not_the_clauses_subject(corpus: list[TrainDoc]) -> None:
    # 宁波大学引进旅美学者黄海博士，聘任其为…特聘教授；宁波市科技局为其团队提供启动资金200万元: the recruit both times,
    # not the university that recruits him nor the bureau
    refs = {after: n for r, n, after in _refs(_doc(corpus, "zh-w-0026")) if r == "其"}
    assert refs["团队提供启动资金"] == "黄海" and refs["为信息科学与工程"] == "黄海", refs


def test_bare_nouns_after_a_grants_verb_and_works_stations(corpus: list[TrainDoc]) -> None:
    # 6月，在工作站协助下，金陵智行机器人有限公司与…签订了技术入股协议: the works station named before
    assert ("工作站", "硅谷工作站", "协助下，金陵智行") in _refs(_doc(corpus, "zh-w-0094"))
    # 正是在管委会的牵线下，公司与西南科技大学共建了…
    assert ("管委会", "绵阳科技城管委会", "的牵线下，公司与") in _refs(_doc(corpus, "zh-w-0113"))
    # 青岛市科学技术局每年给予每个工作站运行经费30万元 (给予 + the bare noun; an ordinary grant notice)
    text = "青岛市驻德国慕尼黑海外引才工作站去年引进专家12名。青岛市科学技术局给予工作站运行经费30万元。"
    ms = [_at(text, "青岛市驻德国慕尼黑海外引才工作站", "station", "Organization"), _at(text, "青岛市科学技术局", "bureau", "PublicBody")]
    got = [(text[r.start:r.end], r.entity) for r in crosssent_zh.chinese(text, ms)]
    assert ("工作站", "station") in got, got


def test_this_bureau_is_the_latest_named(corpus: list[TrainDoc]) -> None:
    text = ("市商务局与市投资促进局联合举办推介会。会上，市投资促进局介绍了招商政策。"
            "该局还与德国施密特公司签署了合作备忘录。")
    ms = [_at(text, "市商务局", "commerce", "PublicBody"), _at(text, "市投资促进局", "invest", "PublicBody"),
          _at(text, "市投资促进局", "invest", "PublicBody", 10), _at(text, "德国施密特公司", "schmidt", "Company")]
    got = [(text[r.start:r.end], r.entity) for r in crosssent_zh.chinese(text, ms)]
    assert ("该局", "invest") in got, got


_COMAC = ("中国商飞成立于2008年，由国务院国有资产监督管理委员会、上海国盛（集团）有限公司、中国航空工业集团公司、中国铝业公司、"
          "宝钢集团有限公司和中国中化集团公司共同出资组建，总部设在上海，负责C919大型客机和ARJ21新支线飞机的研制。")


def _facts(ext: ChineseExtractor, text: str, rtype: str) -> set[tuple[str, str]]:
    return relation_pairs(ext, text, rtype, published="2011-03-25")


@pytest.fixture(scope="module")
def rules(zh_extractor: ChineseExtractor) -> ChineseExtractor:
    return ChineseExtractor(relations="rules", tagger=zh_extractor.tagger)


def test_founders_who_put_in_capital_own_and_fund_the_sentences_subject(rules: ChineseExtractor) -> None:
    own = _facts(rules, _COMAC, "ownership")
    funds = _facts(rules, _COMAC, "funding")
    for founder in ("国务院国有资产监督管理委员会", "中国中化集团公司", "宝钢集团有限公司"):
        assert any(a == founder and b.startswith("中国商") for a, b in own), own
        assert any(a == founder and b.startswith("中国商") for a, b in funds), funds


def test_technical_support_given_is_no_funding(zh_extractor: ChineseExtractor) -> None:
    text = ("中国商用飞机有限责任公司与加拿大庞巴迪公司签署长期战略合作框架协议。"
            "有加拿大学者指出，庞巴迪公司向中国商用飞机有限责任公司提供的技术支持可能涉及敏感的航空技术。")
    assert not _facts(zh_extractor, text, "funding")
    # the sieve: the model's funding goes where no money is named, stays where money is (研发资金)
    s = text.index("有加拿大")
    for said, kept in (("技术支持", False), ("研发资金", True)):
        t = text.replace("技术支持", said)
        items = [Item(t.find(n, s), t.find(n, s) + len(n), e, "Company", n)
                 for n, e in (("庞巴迪公司", "b"), ("中国商用飞机有限责任公司", "c"))]
        found = [(Relation("funding", "b", "c", Span(s, len(t), t[s:]), confidence=0.41, method=MODEL), s)]
        assert sieve.keep(t, items, found, lambda k, n=len(t): (k, n)) == [kept]


def test_an_agreements_title_names_its_parties(rules: ChineseExtractor) -> None:
    # two mayors met and "双方" signed a memorandum whose title names the two governments (an ordinary twin-city
    # report): the governments are the parties, not a mayor and each government
    text = ("在因戈尔施塔特，临川市市长高建军与因戈尔施塔特市市长马蒂亚斯·鲍尔举行会谈，双方签署了《临川市人民政府与"
            "因戈尔施塔特市政府建立友好交流城市关系备忘录》。")
    assert _facts(rules, text, "agreement") == {("临川市人民政府", "因戈尔施塔特市政府")}


def test_guests_listed_with_their_titles_each_met_the_host(rules: ChineseExtractor) -> None:
    # corpus/train zh-w-0117 and zh-w-0109 phrasings: the subject of an earlier clause met each listed guest, and the
    # guests did not meet one another
    text = "马斯克访华期间，先后与外交部部长秦刚、商务部部长王文涛、工业和信息化部部长金壮龙会面。"
    assert _facts(rules, text, "meeting") == {("马斯克", "秦刚"), ("马斯克", "王文涛"), ("马斯克", "金壮龙")}
    text = "习近平还分别会见了埃及总统塞西、卡塔尔埃米尔塔米姆等阿拉伯国家领导人。"
    assert _facts(rules, text, "meeting") == {("习近平", "塞西"), ("习近平", "塔米姆")}
