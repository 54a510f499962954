"""Who gives to whom at a Chinese export or funding trigger (docs/annotation.md 4.11, 4.13: the giver is the source)."""

from __future__ import annotations

import re

from mcfwatch.extract.zh import parties as pt
from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.items import Item, Pair
from mcfwatch.extract.zh.sentence import Sentence, coordinated, enumerated

_GENERIC = re.compile(r"公司|集团|企业|学校|我校|本校|该院|研究院")
# 向/为/给/对 before the receiver, with what it is between them (向卫星互联网企业X投资, 向航空发动机零部件企业Y投资)
_TO = re.compile(r"(?:向(?:[^□，,。；;向为给对的]{0,8}?(?:企业|公司|单位|高校|院校|机构|基金|大学|银行|集团))?|为|给|对)\s*$")
_TO_LOOK = 12  # characters before a name read for its 向/为/给/对
# B由A出资设立 / 由A、B共同出资设立的C: A (and B) fund what is founded (C), else the body before 由
_FOUNDED = re.compile(r"(?:[\d.,]+\s*[万亿]?元)?(?:设立|组建|成立|举办|创办|建设|兴建)的?")
_AFTER_VERB = re.compile(r"(?:了|到|至|往|给)?\s*")


def given(sent: Sentence, rtype: str, p: int, pe: int, cs: int, after: list[Item]) -> list[Pair]:
    """Export and funding: the receiver is marked by 向/为/给/对 before the verb (A向B出口, A向B捐赠), else it
    follows the verb (出口至B, 出口B、C, 资助B; funding: the first agent after it, 出资2亿元支持B); the giver is the
    agent before the receiver or the verb; B获得A资助 reads the other way."""
    text = sent.text
    if text.startswith(("获", "收到"), p):  # B获得A资助, B收到A拨付的资金: the funder follows
        giver = next((it for it in after if it.type in tg.AGENTIVE), None)
        got = sent.source(cs, p)
        return [(giver, got, None, None)] if giver and got else []
    if rtype == "funding" and (by := _by(sent, p, cs, after)):
        return by
    to = [it for it in sent.items if cs <= it.start < p
          and _TO.search(pt.mask(text, max(cs, it.start - _TO_LOOK), it.start, sent.items))]
    if not to and ("投资" in text[p:pe] or text.startswith("支付", p)):
        return []  # 投资3亿元 / 支付N元 without 向B: what is built or bought, not whom it funds
    stop = to[0].start if to else p
    src = sent.agent_before(cs, stop)
    if src is None and _GENERIC.search(pt.mask(text, cs, stop, sent.items)):
        return []  # 公司向B出口: an unnamed giver, not the sentence's first name (a dateline's agency, a spokesman)
    src = src or sent.source(cs, stop)
    if src is None:
        return []
    src = pt.unit_of(sent.text, sent.items, src)
    if to:
        targets = coordinated(text, to[0], [it for it in sent.items if to[0].start < it.start < p])
    else:
        near = [it for it in after if _AFTER_VERB.fullmatch(pt.mask(text, pe, it.start, sent.items))]
        targets = coordinated(text, near[0], after) if near else []
    if rtype == "funding":  # 出资2亿元支持B: the first agent after the verb, not a co-funder (乙公司出资4000万元);
        # 资助A、B等高校: each listed right after the verb
        # (a first name that is no agent, a place or a programme, lists nothing: the joined agent after it funds)
        listed = [t for t in enumerated(text, near[0], after) if t.type in tg.AGENTIVE] if not to and near else []
        targets = [t for t in listed or targets or after if t.type in tg.AGENTIVE
                   and not (not targets and _funds_next(text, t.end))]
        if not to and not listed:
            targets = targets[:1]
    return [(src, _unit(t, sent.items), None, None) for t in targets]  # 向A、B捐赠: each


def _unit(it: Item, items: list[Item]) -> Item:
    """向北京航空航天大学宇航学院资助: the body glued right after a receiver is its unit, the one that receives."""
    nxt = next((x for x in items if x.start == it.end), None)
    return nxt if nxt is not None and nxt.type in tg.AGENTIVE and nxt.type != "Person" and it.type != "Place" else it


def _by(sent: Sentence, p: int, cs: int, after: list[Item]) -> list[Pair]:
    """由A(、B)(共同)出资…: A (and B) fund the body founded after the verb (由A出资设立的C), else the body the clause
    names before 由 (B由A出资组建); [] when 由 names no giver."""
    text = sent.text
    by = next((it for it in sent.items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE
               and tg.BY.search(text[max(cs, it.start - 1) : it.start])), None)
    if by is None:
        return []
    givers = coordinated(text, by, [it for it in sent.items if by.start < it.start and it.end <= p])
    founded = _FOUNDED.match(text, _past_sum(text, p))
    got = next((it for it in after if it.type in tg.AGENTIVE - {"Person"}), None) if founded and founded.end() > founded.start() else None
    if got is None or not _AFTER_VERB.fullmatch(pt.mask(text, founded.end() if founded else p, got.start, sent.items)):
        got = next((it for it in reversed(sent.items) if cs <= it.start and it.end <= by.start - 1
                    and it.type in tg.AGENTIVE - {"Person"}), None)
    if got is None and _OPENS.fullmatch(text, cs, by.start - 1) and sent.subject is not None \
            and sent.s <= sent.subject.start < cs and sent.subject.type in tg.AGENTIVE - {"Person"}:
        got = sent.subject  # X成立于2008年，由A、B共同出资组建: the clause goes on about the sentence's subject
    return [(g, got, None, None) for g in givers if got is not None and g.entity != got.entity]


_OPENS = re.compile(r"[\s，,]*(?:是|系|并|则|其)?")  # what may open a clause before its 由


def founders(sent: Sentence, p: int, cs: int, after: list[Item]) -> list[Pair]:
    """由A、B(共同)出资设立/组建的C, C由A出资组建: A and B put in the founding capital of C, so they own it as well as
    fund it (docs/annotation.md 4.7: founders who put in capital are shareholders though no share is stated)."""
    if not sent.text.startswith("出资", p) or _FOUNDED.match(sent.text, p + 2) is None:
        return []
    return _by(sent, p, cs, after)


_VERB_END = re.compile(r"出资|投资|注资|资助|拨款")


def _past_sum(text: str, p: int) -> int:
    """Where the funding verb at ``p`` ends."""
    m = _VERB_END.match(text, p)
    return m.end() if m else p


_AMOUNT_THEN = re.compile(r"\s*(?:(?:共同|也|亦|另|再|又|则)\s*)?")


def _funds_next(text: str, end: int) -> bool:
    """The name ending at ``end`` is followed by a funding verb of its own (甲公司出资6000万元、乙公司出资4000万元):
    a co-funder, never the receiver of the first."""
    m = _AMOUNT_THEN.match(text, end)
    return bool(tg.TRIGGERS["funding"].match(text, m.end() if m else end))
