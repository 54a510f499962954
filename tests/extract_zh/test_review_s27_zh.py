"""Review of session 27 (review/zh-extract.md items 1, 2, 3, 4, 5, 7, 8, 10): each test fails on main de1a641."""

from __future__ import annotations

import pytest

from mcfwatch.extract.zh import ChineseExtractor, boundaries, ner, technology
from tests.extract_zh.conftest import relation_pairs


@pytest.fixture(scope="module")
def rules(zh_rules: ChineseExtractor) -> ChineseExtractor:
    return zh_rules


_relations = relation_pairs


def _rules(ext: ChineseExtractor, text: str) -> dict[str, str]:
    tokens = ext.tagger.tag_many([text])[0]
    return {m.surface: m.type for m in ner.find_mentions(text, tokens, ext.gazetteer, [])}


def test_a_wrapped_line_glues_no_heading_and_leaves_the_mentions_alone() -> None:
    # a firm's profile page: the name on its own line, then the heading 公司简介
    text = "华为技术有限公司\n公司简介：华为成立于1987年。"
    ms = [ner.Mention(0, 8, "Company", "华为技术有限公司", "华为技术有限公司")]
    assert [m.name for m in ner.join_wrapped(text, ms)] == ["华为技术有限公司"]
    # a PDF's wrapped name joins once; the caller's mention is not changed, so a second run reads the same
    text = "中国航天科工集团\n有限公司\n集团新闻"
    ms = [ner.Mention(0, 8, "Company", "中国航天科工集团", "中国航天科工集团")]
    first = ner.join_wrapped(text, ms)
    assert [m.name for m in first] == ["中国航天科工集团有限公司"]
    assert ms[0].name == "中国航天科工集团" and ms[0].end == 8
    assert ner.join_wrapped(text, ms) == first
    assert [m.name for m in ner.join_wrapped(text, first)] == ["中国航天科工集团有限公司"]


def test_a_numbered_institute_is_no_count(zh_extractor: ChineseExtractor) -> None:
    # 三十一所, 十一所: defence institutes named by number (一所 after a numeral counts nothing)
    assert "三十一所" in _rules(zh_extractor, "航天科工三院三十一所研制的发动机通过验收。")
    assert "十一所" in _rules(zh_extractor, "中国航天科工集团六院十一所承担了该项目。")
    # 一所大学 still describes, names nothing
    assert not any("大学" in s for s in _rules(zh_extractor, "北京一所大学的教授参加了会议。"))


def test_a_place_visited_is_no_side_of_the_pair(rules: ChineseExtractor) -> None:
    assert _relations(rules, "中国商飞代表团访问法国，与空客举行会谈，双方签署了合作备忘录。", "agreement") == {
        ("中国商飞代表团", "空客")}
    assert _relations(rules, "中国商飞董事长访问法国图卢兹，双方签署了合作备忘录。", "agreement") == set()
    # two cities are the two sides (a sister-city agreement)
    got = _relations(rules, "美国俄亥俄州代顿市代表团访问株洲市。双方当天签署了缔结友好城市关系协议书。", "agreement")
    assert {frozenset(p) for p in got} == {frozenset({"代顿市", "株洲市"})}


def test_a_supply_chain_or_a_home_market_sells_nothing_abroad(zh_extractor: ChineseExtractor) -> None:
    def sold(text: str) -> list[str]:
        tokens = zh_extractor.tagger.tag_many([text])[0]
        return [text[a:b] for a, b in technology.produced_or_sold(text, tokens)]

    assert sold("天然气公司全力保障市场的天然气供应。") == []
    assert sold("公司的半导体材料供应链已经全面恢复。") == []
    assert sold("公司的电液伺服阀已批量供应德国。") == ["电液伺服阀"]


def test_an_introduction_reads_past_a_joiner_inside_a_name(rules: ChineseExtractor) -> None:
    # 和 inside 王和平 is no joiner: 李某 is the contact
    assert _relations(rules, "赵某介绍王和平与李某相识。", "facilitation") == {("赵某", "李某")}


def test_guests_are_those_of_a_visit_told_just_before(rules: ChineseExtractor) -> None:
    near = "3月12日，南洋理工大学副校长陈美玲一行应邀访问南京航空航天大学。校长李强会见了来宾。"
    assert ("李强", "陈美玲") in _relations(rules, near, "meeting")
    far = ("3月12日，南洋理工大学副校长陈美玲一行应邀访问南京航空航天大学。双方就合作进行了交流。学校还举办了讲座。"
           "会议由学院主持。下午，院长张伟会见了来宾。")
    assert ("张伟", "陈美玲") not in _relations(rules, far, "meeting")


def test_the_word_index_takes_an_empty_word() -> None:
    assert boundaries._indexed(frozenset({"", "与", "以及"}), {}, 0) == {"与": ["与"], "以": ["以及"]}
    assert boundaries._CONNECTORS_OR_JOINERS == boundaries.CONNECTORS | boundaries.JOINERS


def test_a_one_character_part_keeps_only_its_own_gap() -> None:
    # a notice's signature: two bodies, then the seal's one character
    text = "川江市科学技术局\u3000\u3000川江市财政局\u3000印"
    c = ner._Cand(0, len(text), "PublicBody", 1, [], "tagger")
    got = [(text[x.start : x.end], x.type) for x in ner._split_space(text, c)]
    assert got[0] == ("川江市科学技术局", "PublicBody") and len(got) == 2
    # a person's name padded to three characters' width stays whole
    c = ner._Cand(7, 10, "Person", 1, [], "tagger")
    assert [(x.start, x.end) for x in ner._split_space("出席会议的有：王\u3000伟、李明。", c)] == [(7, 10)]
    c = ner._Cand(0, 10, "PublicBody", 1, [], "tagger")
    assert [(x.start, x.end) for x in ner._split_space("川\u3000江市财政局的通知", c)] == [(0, 10)]
