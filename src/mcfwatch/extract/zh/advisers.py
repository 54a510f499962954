"""Helpers of a deal told after it. A deal's financial adviser helped the side that made the deal (docs/annotation.md 4.7, facilitation: the helper
is the source): 本次交易由中信证券股份有限公司担任独立财务顾问 / 本轮融资由华盛资本担任独家财务顾问. The side is the
buyer or the company that raised the money: the last body before the document's first 收购/并购/融资/交易 in its
sentence that is not its object (对X的收购). In corpus/train + corpus/extra zh.jsonl the 5 gold facilitations whose
evidence names a 财务顾问 all run from the adviser to that side.

该项目/此次合作/上述交易由X牵线促成: X helped the first firm, university or organisation named before it in its sentence,
else in the sentence before (the project's owner, the firm that signed); a person named in X (X负责人Y) is the helper. 13 such frames in corpus/train + corpus/extra zh.jsonl,
all 13 in the evidence of gold facilitations (14).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mcfwatch.extract.zh.funding import GIVERS, RECEIVERS
from mcfwatch.extract.zh.items import Item

_ADVISER = re.compile(r"担任(?:本次|此次)?(?:交易|收购|并购|融资)?的?(?:独家|独立|联合|牵头)?财务顾问")
_DEAL = re.compile(r"收购|并购|融资|交易")
_OBJECT = re.compile(r"(?:对|向|从)\s*$")
_STOPS = "。！？\n"
_REFERENCE = re.compile(r"(?:其|它|该|本|我)|(?:公司|集团)$")  # a pronoun or bare noun: the side is named


def helped(text: str, items: Sequence[Item], s: int, e: int) -> list[tuple[Item, Item]]:
    """(helper, the side it helped) for each 由X担任财务顾问 and 该项目由X牵线 in the sentence [s, e)."""
    out = _after_the_deal(text, items, s, e)
    for hit in _ADVISER.finditer(text, s, e):
        by = text.rfind("由", s, hit.start())  # 由(荷兰)北海资本公司担任: the last body after 由
        adviser = next((it for it in reversed(items) if by >= 0 and by < it.start and it.end <= hit.start()
                        and it.type in RECEIVERS), None)
        side = _dealer(text, items, hit.start())
        if adviser is not None and side is not None and side.entity != adviser.entity:
            out.append((adviser, side))
    return out


def _dealer(text: str, items: Sequence[Item], before: int) -> Item | None:
    """The side of the first deal the text speaks of before ``before``; a headline (a first line without 关于)
    is skipped: it shortens names (中国电科旗下企业收购荷兰雷达公司)."""
    first_line = text.find("\n")
    start = first_line + 1 if first_line > 0 and "关于" not in text[:first_line] else 0
    for deal in _DEAL.finditer(text, start, before):
        sent = max(text.rfind(ch, 0, deal.start()) for ch in _STOPS) + 1
        side = next((it for it in reversed(items) if sent <= it.start and it.end <= deal.start()
                     and it.type in RECEIVERS and not _REFERENCE.match(text, it.start, it.end)
                     and not _OBJECT.search(text, sent, _glued_start(items, it))), None)
        if side is not None:
            return side
    return None


def _glued_start(items: Sequence[Item], it: Item) -> int:
    """Where ``it`` starts with the places glued before it (对荷兰代尔夫特雷达系统公司: at 荷兰)."""
    start = it.start
    while (glued := next((x for x in items if x.end == start and x.type == "Place"), None)) is not None:
        start = glued.start
    return start


_THIS_DEAL = re.compile(r"(?:该|此|上述|这一?|本)(?:个|次|批)?(?:项目|合作|合同|订单|交易|签约)[^，。由]{0,3}由")
_SIDES = {"Company", "University", "Organization"}  # a public body is the helper, or the foreign side
_BROKERED = re.compile(r"牵线|促成|撮合|居间|介绍|对接|推动|协调|推荐")


def _after_the_deal(text: str, items: Sequence[Item], s: int, e: int) -> list[tuple[Item, Item]]:
    out: list[tuple[Item, Item]] = []
    for hit in _THIS_DEAL.finditer(text, s, e):
        verb = _BROKERED.search(text, hit.end(), e)
        if verb is None or re.search(r"[，,；;]", text[hit.end() : verb.start()]):
            continue
        named = [it for it in items if hit.end() <= it.start and it.end <= verb.start() and it.type in GIVERS]
        helper = next((it for it in named if it.type == "Person"), named[0] if named else None)
        prev = max(text.rfind(ch, 0, max(s - 1, 0)) for ch in _STOPS) + 1
        sides = [it for it in items if it.type in _SIDES and not _REFERENCE.match(text, it.start, it.end)]
        side = next((it for it in sides if s <= it.start and it.end <= hit.start()), None) or next(
            (it for it in sides if prev <= it.start and it.end <= s), None)
        if helper is not None and side is not None and side.entity != helper.entity:
            out.append((helper, side))
    return out
