"""Off-list names screening took for listed bodies (session 27 audit): a short name that says only a place and
one common word is no body's own (中国通信科技集团 is not CCCC's "China Communications Group"), and a kind of
body must agree (高丽大学 Korea University is not 高麗航空 Air Koryo; 贵州航空工程学院 is not "Guizhou Aviation
Tech"). The listed bodies are still found by their own names."""

from __future__ import annotations

import pytest

from mcfwatch.resolve import screen
from mcfwatch.resolve.features import NONE, Context, kind_mismatch, one_common_word
from mcfwatch.resolve.names import parse

_CTX = Context(lambda w: 1.0, lambda n: frozenset(), lambda c: c)


@pytest.mark.parametrize(("query", "not_this"), [
    ("中国通信科技集团", "China Communications Construction"),
    ("China Communications Technology Group", "China Communications Construction"),
    ("高丽大学", "Air Koryo"),
    ("Korea University", "Air Koryo"),
    ("贵州航空工程学院", "Guizhou Aviation Technical Development"),
])
def test_an_off_list_name_is_not_flagged_as_a_listed_body(query: str, not_this: str) -> None:
    result = screen(query)
    assert not [h for h in result.hits if not_this.lower() in h.entry_name.lower()]


@pytest.mark.parametrize(("query", "listed"), [
    ("China Communications Construction Company", "China Communications Construction"),
    ("China Communications Group Co., Ltd.", "China Communications Construction"),  # the alias itself
    ("Air Koryo", "Air Koryo"),
    ("高麗航空", "Air Koryo"),
    ("Guizhou Aviation Technical Development Co., Ltd.", "Guizhou Aviation Technical Development"),
    ("中国电子科技集团", "China Electronics Technology"),
    ("中国电子", "China Electronics Corporation"),
    ("哈尔滨工业大学", "Harbin Institute of Technology"),
])
def test_the_listed_bodies_are_still_found_by_their_names(query: str, listed: str) -> None:
    assert [h for h in screen(query).hits if listed.lower() in h.entry_name.lower()]


def test_one_common_word_and_a_place_is_no_match() -> None:
    score, detail = one_common_word(parse("中国通信科技集团"), parse("CHINA COMMUNICATIONS GROUP CO. LTD"), _CTX)
    assert score == 1.0 and "communication" in detail


@pytest.mark.parametrize(("a", "b"), [
    ("中国电信", "China Telecom"),                      # the whole name agrees
    ("伊利诺伊大学", "University of Illinois"),          # a part read by sound (伊利诺伊): the alignment cannot see it
    ("Huawei Technologies", "华为技术有限公司"),          # a proper name is shared
    ("Zhejiang University", "浙江大学医学院"),           # a unit of it (sub_unit says so)
])
def test_a_shared_name_or_a_whole_name_is_not_one_common_word(a: str, b: str) -> None:
    assert one_common_word(parse(a), parse(b), _CTX) == NONE


def test_a_university_is_not_the_airline_of_its_place() -> None:
    score, detail = kind_mismatch(parse("高丽大学"), parse("高麗航空"), _CTX)
    assert score == 1.0 and detail == "university vs aviation"
    assert kind_mismatch(parse("贵州航空工程学院"), parse("Guizhou Aviation Tech"), _CTX)[0] == 1.0
    # a name that says no trade where the other says its kind is no mismatch: Northwestern Polytechnical (NWPU)
    assert kind_mismatch(parse("西北工业大学"), parse("Northwestern Polytechnical"), _CTX) == NONE
