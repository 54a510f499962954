"""An agreement signed by 双方/两市/两校 (docs/annotation.md 1.4: a relation told through a word for the pair is between
the two it stands for): the two bodies the sentence names before the pair word (A与B…，双方: those it joins), else
the two the sentence before names, a place before a name being its modifier (美国俄亥俄州代顿市: 代顿市). Not:
根据双方签署的协议 (an agreement told before), 双方商定续签 (agreed to sign). The rules alone are read."""

from __future__ import annotations

import pytest

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document


@pytest.fixture(scope="module")
def rules() -> ChineseExtractor:
    return ChineseExtractor(relations="rules")


def agreements(ext: ChineseExtractor, text: str) -> set[frozenset[str]]:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2023-03-30")]))
    ex.check()
    names = {e.id: e.name for e in ex.entities}
    return {frozenset((names[r.source], names[r.target])) for r in ex.relations if r.type == "agreement"}


@pytest.mark.parametrize(("text", "pair"), [
    ("3月12日，南洋理工大学副校长陈美玲一行应邀访问南京航空航天大学。校长李强会见了来宾，双方就共建联合实验室进行了交流，"
     "并签署了合作谅解备忘录。", {"南洋理工大学", "南京航空航天大学"}),
    ("美国俄亥俄州代顿市代表团访问株洲市。双方当天签署了缔结友好城市关系协议书。", {"代顿市", "株洲市"}),
    ("省投资促进局促成了南京电气集团与德国弗莱堡能源技术研究所的合作，双方于7月签署了技术合作协议。",
     {"南京电气集团", "弗莱堡能源技术研究所"}),
])
def test_the_pair_word_stands_for_two_bodies(rules: ChineseExtractor, text: str, pair: set[str]) -> None:
    assert frozenset(pair) in agreements(rules, text)


@pytest.mark.parametrize("text", [
    "南京航空航天大学与南洋理工大学开展合作多年。根据双方签署的协议，实验室依托机械工程学院建设。",
    "副校长王明会见德国卡尔斯鲁厄理工学院国际处处长伊娃·施瓦茨，双方商定续签合作协议。",
])
def test_no_agreement_signed_here(rules: ChineseExtractor, text: str) -> None:
    assert agreements(rules, text) == set()


def test_pair_word_of_an_earlier_clause_and_talks_about_building(rules: ChineseExtractor) -> None:
    """双方就共建X进行了交流 is talk about building X (no agreement of 共建); 并签署了… drops its subject, 双方's."""
    text = ("3月12日，南洋理工大学副校长林美玲一行5人应邀访问江城科技大学。校长潘立群会见了来宾，双方就共建联合研究生院"
            "进行了交流，并签署了合作谅解备忘录。")
    assert agreements(rules, text) == {frozenset({"南洋理工大学", "江城科技大学"})}
    talked = "南洋理工大学与江城科技大学就共建联合研究生院进行了广泛交流。"
    assert agreements(rules, talked) == set()


def meetings(ext: ChineseExtractor, text: str) -> set[frozenset[str]]:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2023-03-30")]))
    names = {e.id: e.name for e in ex.entities}
    return {frozenset((names[r.source], names[r.target])) for r in ex.relations if r.type == "meeting"}


@pytest.mark.parametrize(("text", "pair"), [
    ("3月12日，南洋理工大学副校长林美玲一行应邀访问江城科技大学。校长潘立群会见了来宾。", {"潘立群", "林美玲"}),
    ("英国克兰菲尔德大学副校长西蒙·普莱斯率代表团访问东海大学。校长梁卫东在行政楼会见了代表团一行。",
     {"梁卫东", "西蒙·普莱斯"}),
])
def test_the_host_meets_the_visitors_told_before(rules: ChineseExtractor, text: str, pair: set[str]) -> None:
    """X会见了来宾/代表团一行: the visitors the text told of (a delegation's meeting is its leader's, 4.1)."""
    assert frozenset(pair) in meetings(rules, text)


def test_hosts_listed_with_their_titles_each_meet_the_guest(rules: ChineseExtractor) -> None:
    """校党委书记X、校长Y会见了Z: X and Y each meet Z (the guest is not met by the last host only)."""
    got = meetings(rules, "5月10日，校党委书记张建国、校长李振华会见了英国帝国理工学院教授约翰·史密斯。")
    assert {frozenset({"张建国", "约翰·史密斯"}), frozenset({"李振华", "约翰·史密斯"})} <= got
    assert frozenset({"张建国", "李振华"}) not in got
