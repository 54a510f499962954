"""Facilitation and funding as official and case-report Chinese tells them (docs/annotation.md 4.4, 4.13): every body
listed with 、 right after the verb is helped or funded (X帮助A、B、C三家企业, 资助A、B等高校), but 促成A与B签约 helps A
only (B is the partner); X将Y介绍给Z and X介绍Y与Z相识 help Z to a contact; A的引进得到了X的全程协助 is X helping A.
The rules alone are read (``relations="rules"``)."""

from __future__ import annotations

import pytest

from mcfwatch.extract.zh import ChineseExtractor
from tests.extract_zh.conftest import relation_pairs


@pytest.fixture(scope="module")
def rules() -> ChineseExtractor:
    return ChineseExtractor(relations="rules")


def facts(ext: ChineseExtractor, text: str, rtype: str) -> set[tuple[str, str]]:
    return relation_pairs(ext, text, rtype, published="2022-06-30")


def test_each_listed_after_the_verb_is_helped(rules: ChineseExtractor) -> None:
    got = facts(rules, "江苏省国防科工办帮助南京精密铸造有限公司、无锡天宇电缆有限公司、常州新材科技股份有限公司三家企业"
                       "通过武器装备质量管理体系认证。", "facilitation")
    assert got == {("江苏省国防科工办", "南京精密铸造有限公司"), ("江苏省国防科工办", "无锡天宇电缆有限公司"),
                   ("江苏省国防科工办", "常州新材科技股份有限公司")}


def test_the_partner_after_yu_is_not_helped(rules: ChineseExtractor) -> None:
    got = facts(rules, "市商务局促成苏州海德泵业公司与德国科尔特公司签约。", "facilitation")
    assert got == {("市商务局", "苏州海德泵业公司")}


def test_each_listed_after_the_verb_is_funded(rules: ChineseExtractor) -> None:
    got = facts(rules, "国家自然科学基金委员会每年出资2亿元，资助浙江大学、东南大学和南京航空航天大学等高校开展基础研究。",
                "funding")
    assert got == {("国家自然科学基金委员会", "浙江大学"), ("国家自然科学基金委员会", "东南大学"),
                   ("国家自然科学基金委员会", "南京航空航天大学")}


@pytest.mark.parametrize(("text", "expected"), [
    ("经查，张某还将其同事李某介绍给境外间谍人员彼得。", ("张某", "彼得")),
    ("钟某回国后又介绍同单位的吴某与理查德相识。", ("钟某", "理查德")),
    ("陈明的引进得到了合肥高新区管委会人才服务专员的全程协助。", ("合肥高新区管委会", "陈明")),
    ("转型之初，东方精工得到了成都市经济和信息化委员会的大力帮助。", ("成都市经济和信息化委员会", "东方精工")),
])
def test_introduced_to_a_contact_and_helped_as_told_after(rules: ChineseExtractor, text: str,
                                                         expected: tuple[str, str]) -> None:
    assert facts(rules, text, "facilitation") == {expected}
