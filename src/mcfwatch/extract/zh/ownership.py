"""Who owns whom at a Chinese ownership trigger (docs/annotation.md 4.7): B(的)子公司A, B旗下的A, A的母公司B, A隶属于B,
B下属(的)A, A的控股股东B, A被B收购. The frames of filings (holdings lists, 控股) are ``holdings``'; who stands around
控股股东/实际控制人 is ``parties.controller``.
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import holdings as hd
from mcfwatch.extract.zh import parties as pt
from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.items import Item, Pair
from mcfwatch.extract.zh.sentence import Sentence

_IS = re.compile(r"是|为|系|成为|属于")
_UNIT_GAP = re.compile(r"的?(?:\d+家)?")


def ownership(sent: Sentence, p: int, pe: int, cs: int, after: list[Item]) -> list[Pair]:
    text = sent.text
    trig = text[p:pe]
    before = [it for it in sent.items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE]
    if trig in ("子公司", "全资子公司", "持股", "参股") and (found := hd.subsidiary_after(
            text, sent.items, cs, p, pe, sent.source(cs, p)) or hd.listed_holding(text, sent.items, sent.s, p)):
        return [(a, b, None, None) for a, b in found]
    if trig == "控股" and (found := hd.held_by(text, sent.items, cs, p, pe)):
        return [(a, b, None, None) for a, b in found]
    if trig == "旗下" and before and after and _UNIT_GAP.fullmatch(text, pe, after[0].start):
        return [(before[-1], after[0], None, None)]  # (X收购)B旗下的A: B owns the name right after
    if trig in ("子公司", "全资子公司", "旗下"):  # A是B的子公司 / B旗下的A: the parent comes last before
        if len(before) >= 2 and (trig == "旗下" or _IS.search(text, before[-2].end, before[-1].start)):
            return [(before[-1], before[-2], None, None)]
        if trig == "旗下" and before and after:
            return [(before[-1], after[0], None, None)]
        return []
    if trig == "母公司":  # A的母公司(为)B, B是A的母公司
        if before and after and text.startswith("的", p - 1):
            return [(after[0], before[-1], None, None)]
        return [(before[-2], before[-1], None, None)] if len(before) >= 2 and _IS.search(text, before[-2].end, before[-1].start) else []
    if trig == "隶属于":
        return [(after[0], before[-1], None, None)] if before and after else []
    if trig in ("下属", "所属", "下辖"):  # B下属(的)A, A是B下属企业, B下辖A、C等
        if before and after and _UNIT_GAP.fullmatch(text, pe, after[0].start):
            return [(before[-1], it, None, None) for it in _listed(text, after[0], after)]
        # A是B下属企业; not A与B及其下属单位 (B's own units, no name: nothing of A)
        return [(before[-1], before[-2], None, None)] if (len(before) >= 2 and trig == "下属" and _IS.search(
            text, before[-2].end, before[-1].start)) else []
    if trig in ("实际控制人", "控股股东"):
        return pt.controller(text, sent.items, before, after, sent.source(cs, p))
    src = sent.source(cs, p)
    tgt = next((it for it in after if it.type in tg.AGENTIVE), None)
    return [(src, tgt, None, None)] if src and tgt else []


def _listed(text: str, first: Item, after: list[Item]) -> list[Item]:
    """``first`` and the names listed after it with 、/和/及 (not 与: a partner)."""
    out = [first]
    for it in after:
        if it.start > out[-1].start:
            if text[out[-1].end : it.start] not in ("、", "和", "及", "以及"):
                break
            out.append(it)
    return out
