"""Screening precision (session 26): no false "listed" flag hidden by candidate crowding, and none from two
names that share only a kind of body (理工大学), a trade (电信 telecom) or a sound against a known name.
Queries are the Chinese organisation names of the training corpora and the off-list benchmark names that
benchmarks/list_names_zh.py --audit screens; entries are the shipped lists'."""

from __future__ import annotations

import pytest

from mcfwatch.resolve import screen
from mcfwatch.resolve.features import Context, han_match, kind_mismatch
from mcfwatch.resolve.names import parse
from mcfwatch.resolve.screen import CANDIDATES, default_screener


def _ctx() -> Context:
    return Context(lambda w: 1.0, lambda n: frozenset(), lambda c: c)


@pytest.mark.parametrize(("query", "other"), [
    ("长沙理工大学", "长春理工大学"),   # Changsha vs Changchun University of Science and Technology
    ("东京大学", "南京大学"),           # Tokyo vs Nanjing University
    ("米兰理工大学", "兰州理工大学"),   # Politecnico di Milano vs Lanzhou University of Technology
    ("英国石油", "中国石油"),           # BP vs PetroChina
])
def test_names_that_share_only_their_kind_of_body_are_not_alike(query: str, other: str) -> None:
    assert han_match(parse(query), parse(other), _ctx())[0] == 0


@pytest.mark.parametrize(("query", "other"), [
    ("中电科", "中国电科"), ("国防科技大学", "国防科学技术大学"), ("航天科工集团", "中国航天科工集团")])
def test_short_and_long_forms_of_one_name_still_agree(query: str, other: str) -> None:
    assert han_match(parse(query), parse(other), _ctx())[0] >= 0.5


@pytest.mark.parametrize("query", ["长沙理工大学", "东京大学", "米兰理工大学", "德国电信", "英国电信", "新加坡电信",
                                   "信息工程学院", "威尔士航空工程公司", "航空宇航学院", "牛津大学",
                                   # a city is no firm named after it, nor a listed person of that name
                                   "里昂市", "京都市", "都灵市", "米兰市", "尼斯市",
                                   # a university is no company; two countries are two bodies
                                   "南洋理工大学", "内蒙古工业大学", "四川航空股份有限公司", "韩国航空航天工业"])
def test_corpus_and_offlist_names_are_not_listed(query: str) -> None:
    hits = screen(query).hits
    assert not hits, [(h.entry_name, h.list_id, h.score, sorted(h.features)) for h in hits]


@pytest.mark.parametrize(("query", "entry_id"), [
    ("中国电信", "us-dod-1260h:china-telecom-corporation-limited"),
    ("上海交通大学", "aspi-unitracker:shanghai-jiaotong-university"),
    ("哈尔滨工业大学", "aspi-unitracker:harbin-institute-of-technology"),
    ("中电科", "aspi-unitracker:china-electronics-technology-group-corporation"),
    ("卡巴斯基实验室", "us-bis-entity-list:ao-kaspersky-lab"),  # on the Entity List; crowded out before
])
def test_listed_bodies_are_still_found(query: str, entry_id: str) -> None:
    assert entry_id in {h.entry_id for h in screen(query).hits}


def test_a_kind_of_body_said_in_chinese_differs_from_the_english_one() -> None:
    assert kind_mismatch(parse("信息工程学院"), parse("Information Engineering University"), _ctx())[0] == 1.0
    assert kind_mismatch(parse("哈尔滨工业大学"), parse("Harbin Institute of Technology"), _ctx())[0] == 0  # 工业大学 reads both


def test_one_body_published_on_many_lists_does_not_crowd_out_another() -> None:
    """长沙理工大学 shares 理工大学 with twenty universities; 南京理工大学, printed by four lists, used to take five of
    the twenty candidates and push NUDT's former name "Changsha Institute of Technology" out, so whether
    NUDT was compared at all depended on how many lists print another university's name."""
    s = default_screener()
    found = s.index.candidate_names(parse("长沙理工大学"), limit=CANDIDATES)
    names = [s.index.names[p].name for p in found]
    assert "Changsha Institute of Technology" in {n.original for n in names}
    assert len({n.key for n in names}) <= CANDIDATES
    nanjing = [p for p, n in zip(found, names, strict=True) if n.original == "南京理工大学"]
    assert len(nanjing) >= 3  # every entry that prints the name, compared once
    assert found == s.index.candidate_names(parse("长沙理工大学"), limit=CANDIDATES)  # stable


def test_what_a_query_says_it_is() -> None:
    from mcfwatch.resolve.screen import query_shape

    assert query_shape("里昂市") == "place" and query_shape("强生公司") == "body"
    assert query_shape("Leon Technology Co., Ltd.") == "body" and query_shape("商汤") == ""
    assert query_shape("Milan Dimitrov") == ""


@pytest.mark.parametrize("query", ["里昂市", "京都市", "深圳市", "广东省", "阳谷县", "香港"])
def test_a_city_province_or_county_is_a_place(query: str) -> None:
    from mcfwatch.resolve.screen import query_shape

    assert query_shape(query) == "place"


@pytest.mark.parametrize("query", ["华润万家超市", "家乐福超市", "中国移动营业门市", "宁波夜市", "大都市", "智慧城市"])
def test_a_shop_or_a_market_that_ends_in_shi_is_no_place(query: str) -> None:
    """超市 supermarket, 门市 retail sales, 夜市 night market, 都市/城市 city as a common noun (review s26 item 2)."""
    from mcfwatch.resolve.screen import query_shape

    assert query_shape(query) != "place"


def test_each_name_of_a_party_says_what_it_is() -> None:
    """One name that is a city (深圳市, a mis-merged alias) does not make the party's other names a city: 商汤
    still finds SenseTime through the lists' rendering (review s26 item 2; the first name's shape ruled them all)."""
    alone = {h.entry_id for h in screen("商汤").hits}
    assert alone
    assert alone <= {h.entry_id for h in screen(["深圳市", "商汤"]).hits}
