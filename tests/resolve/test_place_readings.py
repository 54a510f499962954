"""A romanised name that keeps a place's English name ("Harbin Gongye Daxue") reads as the pinyin of the
Chinese name: the English name is read as its characters' pinyin through CC-CEDICT (resolve/place_readings.py)."""

from __future__ import annotations

import pytest

from mcfwatch.resolve import screen
from mcfwatch.resolve.features import NONE, Context, romanisation_match
from mcfwatch.resolve.names import parse
from mcfwatch.resolve.place_readings import derive, readings, table

_CTX = Context(lambda w: 1.0, lambda n: frozenset(), lambda c: c)


def test_the_shipped_table_is_what_cc_cedict_derives() -> None:
    """data/name_pinyin.tsv (read at run time) is derive() of cedict_names.tsv: regenerate it with
    `python -m mcfwatch.resolve.place_readings > src/mcfwatch/resolve/data/name_pinyin.tsv`."""
    assert table() == derive()


@pytest.mark.parametrize(("word", "reading"), [
    ("harbin", "haerbin"),     # 哈尔滨 Harbin
    ("canton", "guangzhou"),   # 广州 Guangzhou / Canton
    ("amoy", "xiamen"),        # 厦门 Amoy
    ("tsinghua", "qinghua"),   # 清华大学 Tsinghua University: the part before the kind
    ("peking", "beijing"),     # 北京大学 Peking University
])
def test_english_names_of_chinese_places_read_as_their_pinyin(word: str, reading: str) -> None:
    assert reading in table()[word]


def test_personal_names_are_no_reading() -> None:
    """CC-CEDICT's personal names ('@' rows: 汉斯 Hans) are parts of a person's name, never a place to read."""
    assert "hans" not in table()


@pytest.mark.parametrize(("query", "expected"), [
    # the English city name and pinyin words: the Entity List, 1286, Seven Sons, ASPI, CA NRO and JP EUL entries
    ("Harbin Gongye Daxue", "Harbin Institute of Technology"),
    ("Harbin Gongcheng Daxue", "Harbin Engineering University"),
    # all pinyin (these matched before too)
    ("Haerbin Gongye Daxue", "Harbin Institute of Technology"),
    ("Xibei Gongye Daxue", "Northwestern Polytechnical University"),
    ("Beijing Hangkong Hangtian Daxue", "Beihang University"),
])
def test_a_mixed_romanisation_finds_the_listed_university(query: str, expected: str) -> None:
    result = screen(query)
    assert expected in {h.entry_name for h in result.hits}
    assert len({h.list_id for h in result.hits}) >= 6
    assert all(h.score >= 0.9 for h in result.hits)


def test_the_mixed_and_the_pinyin_spelling_find_the_same_entries() -> None:
    mixed = {h.entry_id for h in screen("Harbin Gongye Daxue").hits}
    assert mixed and mixed == {h.entry_id for h in screen("Haerbin Gongye Daxue").hits}


def test_the_match_says_which_word_was_read() -> None:
    score, detail = romanisation_match(parse("Harbin Gongcheng Daxue"), parse("哈尔滨工程大学"), _CTX)
    assert score == pytest.approx(0.95)
    assert "harbin = haerbin" in detail


@pytest.mark.parametrize("words", [
    ("harbin", "institute", "technology"),  # an English name: the rest is no pinyin
    ("harbin",),                             # a place alone is read by the dictionary, not as a romanisation
    ("canton", "tower"),
    ("gongye", "daxue"),                     # no English name in it
])
def test_english_names_are_not_read_as_romanisations(words: tuple[str, ...]) -> None:
    assert readings(words) == []


def test_a_place_read_as_pinyin_must_still_spell_the_chinese_name() -> None:
    """Harbin Gongcheng Daxue is 哈尔滨工程大学, not 哈尔滨工业大学 (gongcheng is not gongye)."""
    assert romanisation_match(parse("Harbin Gongcheng Daxue"), parse("哈尔滨工业大学"), _CTX) == NONE
    assert romanisation_match(parse("Canton Gongye Daxue"), parse("哈尔滨工业大学"), _CTX) == NONE


@pytest.mark.parametrize(("query", "expected"), [
    # usertry s27: the pinyin of 中国航空工业集团 was "not listed" while Xibei Gongye Daxue was found
    ("Zhongguo Hangkong Gongye Jituan", "Aviation Industry Corporation of China"),
    ("Zhongguo Hangkong Gongye Jituan Youxian Gongsi", "Aviation Industry Corporation of China"),
])
def test_the_pinyin_of_a_chinese_legal_form_is_set_aside_as_the_form_is(query: str, expected: str) -> None:
    """集团有限公司 is set aside from the Chinese name's pinyin, so Jituan Youxian Gongsi is from the romanised one."""
    assert expected in {h.entry_name for h in screen(query).hits}


def test_a_legal_form_pinyin_alone_is_kept() -> None:
    from mcfwatch.resolve.features import without_form_pinyin

    assert without_form_pinyin(("zhongguo", "hangkong", "gongye", "jituan", "youxian", "gongsi")) == "zhongguohangkonggongye"
    assert without_form_pinyin(("gongsi",)) == "gongsi"
    assert without_form_pinyin(("huawei", "technology")) == "huaweitechnology"


def test_the_written_form_pinyin_is_the_pinyin_of_the_chinese_forms() -> None:
    from mcfwatch.resolve.features import FORM_PINYIN
    from mcfwatch.resolve.names import chinese_forms
    from mcfwatch.resolve.normalize import pinyin

    assert {pinyin(f, spaced=False) for f in chinese_forms() if len(f) >= 2} == FORM_PINYIN
