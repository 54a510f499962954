"""Pair matching on the traps from the research notes, with the features that explain each verdict."""

from __future__ import annotations

import pytest

from mcfwatch.resolve import DEFAULT_THRESHOLD, compare
from mcfwatch.resolve.algorithm import FEATURES
from mcfwatch.resolve.knowledge import Knowledge
from mcfwatch.resolve.matcher import Matcher, default_matcher

DIFFERENT = [
    ("Nanjing University", "Nanjing University of Aeronautics and Astronautics"),
    ("南京大学", "南京航空航天大学"),
    ("Nanjing University", "南京航空航天大学"),
    ("Harbin Institute of Technology", "Harbin Engineering University"),
    ("哈尔滨工业大学", "哈尔滨工程大学"),
    ("Beijing Institute of Technology", "Beijing University of Technology"),
    ("China Aerospace Science and Technology Corporation", "China Aerospace Science and Industry Corporation"),
    ("CASC", "CASIC"),
    ("CETC", "CEC"),
    ("China Electronics Technology Group Corporation", "China Electronics Corporation"),
    ("the 14th Research Institute of CETC", "the 38th Research Institute of CETC"),
    ("中国电子科技集团公司第十四研究所", "中国电子科技集团公司第三十八研究所"),
    ("CAEP 9th Research Institute", "CAEP 6th Research Institute"),
    ("张伟", "张薇"),
    ("HT&L Fitting", "High Technologies, Ltd. (HTL)"),
]

SAME = [
    ("Northwestern Polytechnical University", "西北工业大学"),
    ("NWPU", "Northwestern Polytechnical University"),
    ("Xibei Gongye Daxue", "西北工业大学"),
    # the Entity List gives "Northwestern Polytechnic University" as an alias: lists are authoritative
    ("Northwestern Polytechnical University", "Northwestern Polytechnic University"),
    ("the 14th Research Institute of CETC", "中国电子科技集团公司第十四研究所"),
    ("Lizhong Group", "立中集团"),
    ("Lizhong Group", "Hebei Lizhong"),
    ("Huawei Technologies Co., Ltd.", "华为技术有限公司"),
    ("Beihang University", "Beijing University of Aeronautics and Astronautics"),
    ("北航", "Beihang University"),
    ("Zhang Wei", "张伟"),
    ("Wei Zhang", "张伟"),
    ("张伟", "張偉"),
    ("Shanghai Jiao Tong University", "Shanghai Jiaotong University"),
    ("CETC", "China Electronics Technology Group Corporation"),
]


@pytest.mark.parametrize(("left", "right"), DIFFERENT)
def test_traps_do_not_match(left: str, right: str) -> None:
    c = compare(left, right)
    assert c.score < DEFAULT_THRESHOLD, (c.score, c.features)


@pytest.mark.parametrize(("left", "right"), SAME)
def test_true_pairs_match_with_features(left: str, right: str) -> None:
    c = compare(left, right)
    assert c.match(), (c.score, c.features)
    assert c.features and all(0 <= h.score <= 1 for h in c.features.values())


def test_numbers_block_siblings_and_say_so() -> None:
    c = compare("the 14th Research Institute of CETC", "the 38th Research Institute of CETC")
    assert "number_mismatch" in c.features
    assert c.features["number_mismatch"].detail == "[14] vs [38]"


def test_sub_unit_is_related_not_identical() -> None:
    c = compare("School of Aeronautics, Northwestern Polytechnical University", "Northwestern Polytechnical University")
    assert c.relation == "sub-unit"
    assert not c.match()


def test_without_list_knowledge_the_names_alone_still_decide_traps() -> None:
    bare = Matcher(Knowledge.from_sources([], table=False), default_matcher().vocabulary)
    assert not bare.compare("Nanjing University", "Nanjing University of Aeronautics and Astronautics").match()
    assert not bare.compare("Harbin Institute of Technology", "Harbin Engineering University").match()
    assert not bare.compare(
        "China Aerospace Science and Technology Corporation", "China Aerospace Science and Industry Corporation"
    ).match()
    assert bare.compare("Xibei Gongye Daxue", "西北工业大学").match()
    assert bare.compare("the 14th Research Institute of CETC", "中国电子科技集团公司第十四研究所").match()


def test_every_feature_explains_itself_in_one_line() -> None:
    for feat in FEATURES:
        assert feat.explanation and "\n" not in feat.explanation
        assert feat.role in {"match", "cap", "penalty"}


def test_scores_are_symmetric_enough() -> None:
    for left, right in SAME[:5] + DIFFERENT[:5]:
        assert compare(left, right).match() == compare(right, left).match()
