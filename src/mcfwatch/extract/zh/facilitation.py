"""Who helped whom at a Chinese facilitation trigger (docs/annotation.md 4.4: the helper is the source): X帮助/协助B,
A与B的合作由X促成 (X helped A), Y经X介绍/推荐 (X helped Y), 在X的牵线下，A与B签订… (X helped who opens the next clause),
X为A与B牵线 (X helped A), X推动A与B签署 (X helped A, the first named), A的签约得益于X的推动 (X helped A).
The frames told after a deal (由X担任财务顾问, 该项目由X牵线) are ``advisers``'.
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import parties as pt
from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.items import Item, Pair
from mcfwatch.extract.zh.sentence import Sentence, enumerated

_VIA = re.compile(r"经(?![理济营费过验历])")  # 经(上海X公司业务经理)严某介绍: not 经理
# 经X(居间/从中/多方)介绍: how X helped, between the helper and the verb
_VIA_REST = re.compile(r"[^，,]*□的?(?:居间|从中|多方|亲自|积极)?")
_FOR_UNNAMED = re.compile(r"为(?:公司|企业|学校|我[市省校])$")
# what opens a clause before its subject (我市 may be inside the name: 我市临川汇达…公司)
_OPENS = re.compile(r"[，,\s]*(?:[\d年月日上下午初底中旬去今]+[，,]?)?(?:我市|我省|本市|我|本)?□*(?:企业|公司)?")
# 为A(与B)牵线/引荐/搭桥: A is who is helped (为 marks the beneficiary)
_FOR_NAMED = re.compile(r"为(□+)(?:(?:与|和|同|、)□+)*(?:之间)?$")
_THANKS = "得益于"


# A(的引进/落地)(还/均)得到了X(…)的(全程/大力)协助: what stands between 得到 and the helper X
_GOT = re.compile(r"(?:得到|获得|受到)了?\s*$")
_ROLE = re.compile(r"[^，,。；;□]{0,8}")  # 介绍给境外间谍人员Z: a role before the contact
# X介绍Y与Z相识: Z is who X helped (to a contact)
_MET = re.compile(r"[^，。；]{1,20}?(?:与|和|同)(?P<z>[^，。；]{1,12}?)(?:相识|认识|结识|见面)")


def _introduced(sent: Sentence, p: int, pe: int, cs: int, after: list[Item]) -> list[Pair]:
    """X将Y介绍给Z / X介绍Y与Z相识: X (the agent before 将, else before the verb) helped Z (the contact)."""
    text = sent.text
    masked = pt.mask(text, cs, p, sent.items)
    ba = masked.rfind("将")
    helper = sent.agent_before(cs, cs + ba) if ba >= 0 else None
    helper = helper or sent.agent_before(cs, p) or sent.source(cs, p)
    if text.startswith("给", pe - 1):
        contact = next((it for it in after if _ROLE.fullmatch(pt.mask(text, pe, it.start, sent.items))), None)
    else:
        # on the masked words: a 和 inside the first name (王和平) splits no name
        met = _MET.match(pt.mask(text, pe, sent.e, sent.items))
        zs = pe + met.start("z") if met else pe
        contact = next((it for it in after if it.start == zs), None)
    if helper is None or contact is None or contact.type not in tg.AGENTIVE or helper.entity == contact.entity:
        return []
    return [(helper, contact, None, None)]


def helped(sent: Sentence, p: int, pe: int, cs: int, ce: int, after: list[Item]) -> list[Pair]:
    """(helper, helped) pairs of the facilitation trigger at [p, pe) in the clause [cs, ce)."""
    text = sent.text
    if text.startswith(_THANKS, p):  # X的成功得益于Y的积极推动: Y helped X (the subject, else the topic)
        helper = next((it for it in after if it.type in tg.AGENTIVE), None)
        side = sent.source(sent.s, p)
        return [(helper, side, None, None)] if helper is not None and side is not None else []
    if text.startswith("下", pe) and not text.startswith("的", p - 1) and "在" not in pt.mask(text, cs, p, sent.items):
        return []  # 推动下 outside 在X(的)…下
    src = sent.source(cs, p)
    typed_after = after
    if by := [it for it in sent.items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE
              and tg.BY.search(text[max(cs, it.start - 1) : it.start])]:
        # A与B的合作由X促成: X helped A, the first side named (not a person whose hiring X helped)
        first = next((it for it in sent.items if cs <= it.start and it.end <= by[-1].start and it.type in tg.AGENTIVE), None)
        return [(by[-1], first, None, None)] if first is not None and first.type != "Person" else []
    if text.startswith("给", pe - 1) or (text[p:pe] == "介绍" and _MET.match(text, pe)):
        return _introduced(sent, p, pe, cs, after)
    if text[p:pe] in ("介绍", "推荐") and not text.startswith("下", pe):
        masked = pt.mask(text, cs, p, sent.items)
        via = [m.start() for m in _VIA.finditer(masked) if _VIA_REST.fullmatch(masked, m.end())]
        if not via:
            return []
        # Y经X介绍，与Z…: X helped Y; 经X推荐，A引进…: X helped who opens the next clause
        typed_after = [it for it in sent.items if cs <= it.start and it.end <= cs + via[-1] and it.type in tg.AGENTIVE][-1:]
    if _FOR_UNNAMED.search(text, cs, p):
        return []  # 为公司引荐了Z: the company helped is not named here, Z is who it met
    if (named := _FOR_NAMED.search(pt.mask(text, cs, p, sent.items))):
        q = cs + named.start()
        first = next((it for it in sent.items if it.start == q + 1 and it.type in tg.AGENTIVE), None)
        helper = sent.agent_before(cs, q) or sent.source(cs, q)
        return [(helper, first, None, None)] if first is not None and helper is not None else []
    if src is not None and not typed_after and _GOT.search(pt.mask(text, cs, src.start, sent.items)):
        # A的引进得到了X的全程协助: X helped A, the body or person named before 得到 in the clause
        got = _GOT.search(pt.mask(text, cs, src.start, sent.items))
        helped_by = next((it for it in sent.items if cs <= it.start and it.end <= cs + (got.start() if got else 0)
                          and it.type in tg.AGENTIVE), None)
        return [(src, helped_by, None, None)] if helped_by is not None else []
    listed = typed_after is after  # X帮助A、B、C: each listed right after the verb is helped
    if not typed_after:  # 在X的牵线下，A与B签订…: the helped party opens the next clause
        typed_after = [it for it in sent.items if it.start >= ce and it.type in tg.AGENTIVE
                       and _OPENS.fullmatch(pt.mask(text, ce, it.start, sent.items))][:1]
    if src is None or not typed_after:
        return []
    helped_ = enumerated(text, typed_after[0], typed_after) if listed else typed_after[:1]
    return [(src, it, None, None) for it in helped_ if it.type in tg.AGENTIVE]
