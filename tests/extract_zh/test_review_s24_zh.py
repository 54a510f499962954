"""Findings of the end-of-session-24 code review, each on the sentence that showed it (Chinese extraction)."""

from __future__ import annotations

import pytest

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document

pytestmark = pytest.mark.slow


def facts(ext: ChineseExtractor, text: str) -> set[tuple[str, str, str]]:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2020-12-22")]))
    ex.check()
    names = {e.id: e.name for e in ex.entities}
    return {(r.type, names[r.source], names[r.target]) for r in ex.relations}


@pytest.fixture(scope="module")
def rules() -> ChineseExtractor:
    return ChineseExtractor(relations="rules")


def test_a_forecast_after_the_funding_keeps_it(rules: ChineseExtractor) -> None:
    text = "川江精工有限公司注册资本1亿元，其中华兴集团出资6000万元、东方资本出资4000万元，预计年产值10亿元。"
    found = facts(rules, text)
    assert ("funding", "华兴集团", "川江精工有限公司") in found
    assert ("funding", "东方资本", "川江精工有限公司") in found


def test_a_co_funder_is_no_receiver(rules: ChineseExtractor) -> None:
    text = "川江精工有限公司注册资本1亿元，其中华兴集团出资6000万元、东方资本出资4000万元。"
    assert ("funding", "华兴集团", "东方资本") not in facts(rules, text)


def test_a_role_word_inside_a_firms_name_stays(rules: ChineseExtractor) -> None:
    # 平台/合作伙伴 cut off only a role written before a name, not a firm's own word (航天云网平台科技有限公司)
    text = "航天云网平台科技有限公司与中关村平台服务有限公司签署了合作协议。"
    assert ("agreement", "航天云网平台科技有限公司", "中关村平台服务有限公司") in facts(rules, text)
