"""The name layer: normalisers are small pure functions; a parsed name carries every form features compare."""

from __future__ import annotations

import pytest

from mcfwatch.resolve.names import gloss, parse, variants_of
from mcfwatch.resolve.normalize import compact, fold, numbers, pinyin, to_simplified, zh_numeral


def test_fold_handles_case_width_punctuation() -> None:
    assert fold("ＨＴ＆Ｌ Fitting, Co.") == "ht and l fitting co"
    assert fold("Xi'an Jiaotong") == "xian jiaotong"


def test_simplified_and_pinyin() -> None:
    assert to_simplified("西北工業大學") == "西北工业大学"
    assert pinyin("西北工业大学") == "xi bei gong ye da xue"
    assert pinyin("西北工业大学", spaced=False) == "xibeigongyedaxue"
    assert pinyin("西安", tones=True) == "xi1 an1"
    assert compact("Xīběi Gōngyè Dàxué") == "xibeigongyedaxue"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 14th Research Institute of CETC", {14}),
        ("中国电子科技集团公司第十四研究所", {14}),
        ("中国电子科技集团公司第三十八研究所", {38}),
        ("CASC Fourth Academy", {4}),
        ("No. 201 Research Institute", {201}),
        ("Nanjing University", set()),
    ],
)
def test_numbers(text: str, expected: set[int]) -> None:
    assert numbers(text) == frozenset(expected)


def test_zh_numeral() -> None:
    assert [zh_numeral(x) for x in ("十四", "三十八", "二〇一", "百", "12")] == [14, 38, 201, 100, 12]


def test_legal_forms_are_set_aside_in_both_scripts() -> None:
    assert parse("Huawei Technologies Co., Ltd.").key == parse("Huawei Technologies").key
    assert parse("华为技术有限公司").han == "华为技术"
    assert parse("立中集团").han == "立中"


def test_gloss_reads_chinese_word_by_word() -> None:
    slots, runs = gloss("南京航空航天大学")
    readings = [" ".join(s[0] for s in slots)]
    assert readings == ["nanjing university aeronautics astronautics"]
    assert runs == frozenset()
    assert gloss("张伟")[1] == frozenset({"张伟"})  # unknown characters are kept to tell homophones apart


def test_acronym_expands_inside_a_name() -> None:
    readings = parse("the 14th Research Institute of CETC").readings
    assert ("research", "institute", "china", "electronics", "technology") in readings


def test_variants_split_packed_names() -> None:
    v = variants_of("Northwestern Polytechnical University（NPU） (西北工業大學)")
    assert v[1:] == ("Northwestern Polytechnical University", "NPU", "西北工業大學")
    # a bracketed acronym of the parent is not a name of the unit
    assert "CASIC" not in variants_of(
        "No.35 Research Institute of the Third Academy of China Aerospace Science and Industry Corporation (CASIC)"
    )


def test_a_brand_printed_in_capitals_is_not_an_acronym() -> None:
    """The Entity List prints iFlytek as "IFLYTEK": the known-names table writes it as a word, so it is
    not capped as a bare acronym (科大讯飞 finds it at 1.0); DJI and NWPU stay acronyms."""
    from mcfwatch.resolve import screen

    assert not parse("IFLYTEK").acronym and not parse("HUAWEI").acronym
    assert parse("DJI").acronym and parse("NWPU").acronym
    hits = {h.entry_id: h.score for h in screen("科大讯飞").hits}
    assert hits.get("us-bis-entity-list:iflytek") == 1.0
