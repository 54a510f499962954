"""Each relation type on a real-style sentence, negation and modality, anaphors."""

from __future__ import annotations

import pytest

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document


def facts(ext: ChineseExtractor, text: str) -> set[tuple[str, str, str]]:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2020-12-22")]))
    ex.check()
    names = {e.id: e.name for e in ex.entities}
    return {(r.type, names[r.source], names[r.target]) for r in ex.relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019年3月，西安市经贸代表团访问了德国和法国。", {("visit", "西安市经贸代表团", "德国"),
                                                           ("visit", "西安市经贸代表团", "法国")}),
        ("北京理工大学与慕尼黑工业大学签署了合作备忘录。", {("agreement", "北京理工大学", "慕尼黑工业大学")}),
        ("深圳市与都柏林市于2017年结为友好城市。", {("agreement", "深圳市", "都柏林市")}),
        ("华为公司协助该大学获得了一份合同。", set()),
        ("深圳市代表团与剑桥大学副校长举行了会谈。", {("meeting", "深圳市代表团", "剑桥大学")}),
        ("2020年5月，北京航空航天大学举办了无人机创新论坛。",
         {("organizer", "北京航空航天大学", "无人机创新论坛")}),
        ("长城科技公司是华宇集团的全资子公司。", {("ownership", "华宇集团", "长城科技公司")}),
        ("华宇集团控股长城科技公司。", {("ownership", "华宇集团", "长城科技公司")}),
        ("长城科技公司向伊朗出口了一批无人机。", {("export", "长城科技公司", "伊朗")}),
        ("哈尔滨工程大学通过千人计划引进了李明教授。", {("recruitment", "哈尔滨工程大学", "李明")}),
        ("国家自然科学基金委员会资助了合肥光电研究所。",
         {("funding", "国家自然科学基金委员会", "合肥光电研究所")}),
        ("王伟担任中国电子科技集团公司第十四研究所所长。",
         {("position", "王伟", "中国电子科技集团公司第十四研究所")}),
        ("保定市政府邀请科克郡官员访问保定市。", {("invitation", "保定市政府", "科克郡")}),
    ],
)
def test_relation_types(zh_extractor: ChineseExtractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    got = facts(zh_extractor, text)
    assert expected <= got, got
    if not expected:
        assert not got


@pytest.mark.parametrize(
    "text",
    [
        "西安市经贸代表团计划于明年访问德国。",
        "西安市经贸代表团拟访问德国。",
        "西安市经贸代表团将访问德国。",
        "北京理工大学未与慕尼黑工业大学签署合作协议。",
        "北京理工大学没有与慕尼黑工业大学签署合作协议。",
        "北京理工大学正在与慕尼黑工业大学洽谈签署合作协议。",
        "长城科技公司否认向伊朗出口无人机。",
    ],
)
def test_modality_and_negation_give_nothing(zh_extractor: ChineseExtractor, text: str) -> None:
    assert not {f for f in facts(zh_extractor, text) if f[0] in ("visit", "agreement", "export")}


def test_invited_action_is_not_a_fact(zh_extractor: ChineseExtractor) -> None:
    got = facts(zh_extractor, "保定市政府邀请科克郡官员访问保定市并参加国际企业家峰会。")
    assert not {f for f in got if f[0] in ("visit", "participation")}


def test_company_anaphor_resolves_to_the_company(zh_extractor: ChineseExtractor) -> None:
    text = "华宇集团是一家民营企业。2018年，该公司与剑桥大学签署了联合实验室协议。"
    assert ("agreement", "华宇集团", "剑桥大学") in facts(zh_extractor, text)


def test_delegation_anaphor(zh_extractor: ChineseExtractor) -> None:
    text = "2019年6月，保定市代表团访问了爱尔兰。访问期间，该代表团会见了科克大学校长。"
    got = facts(zh_extractor, text)
    assert ("meeting", "保定市代表团", "科克大学") in got
