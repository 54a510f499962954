"""Who is invited (docs/annotation.md 4.10): a place before the guests it qualifies (邀请日本、韩国企业, 来自美国的学者) is
where they come from, not the invitee, while a place's delegation is the place's; 将邀请/拟邀请 is a plan. Rules alone."""

from __future__ import annotations

import pytest

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document


@pytest.fixture(scope="module")
def rules() -> ChineseExtractor:
    return ChineseExtractor(relations="rules")


def invitations(ext: ChineseExtractor, text: str) -> set[tuple[str, str]]:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2023-06-30")]))
    names = {e.id: e.name for e in ex.entities}
    return {(names[r.source], names[r.target]) for r in ex.relations if r.type == "invitation"}


@pytest.mark.parametrize("text", [
    "去年，浙江省商务厅邀请日本、韩国企业参加了在杭州举办的世界数字经济大会。",
    "学校邀请了来自美国、英国、德国等国家的40余位青年学者来校交流。",
    "湖北省商务厅将邀请德国企业参加9月举办的中部投资贸易博览会。",
])
def test_no_place_invitee_and_no_plan(rules: ChineseExtractor, text: str) -> None:
    assert invitations(rules, text) == set()


def test_a_place_delegation_is_invited(rules: ChineseExtractor) -> None:
    got = invitations(rules, "应无锡市人民政府邀请，德国巴伐利亚州经贸代表团10月来锡考察。")
    assert got == {("无锡市人民政府", "巴伐利亚州")}
