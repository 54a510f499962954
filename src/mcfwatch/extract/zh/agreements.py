"""Two-party relations of a Chinese trigger (agreements and meetings): A与B签署 (the partner after 与/同/和/跟), A签署…
B (the first agents after the verb), A、B和C共同组建 (each pair of founders), and an agreement whose partner the
clause leaves to the discourse (又与其签署: the signer's previous partner, ``discourse.previous_partner``).
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import discourse as dc
from mcfwatch.extract.zh import parties as pt
from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.dates import DateMention, date_for
from mcfwatch.extract.zh.items import Item, Pair, RelCand
from mcfwatch.extract.zh.sentence import Sentence, coordinated, is_pronoun

_FOUNDING = re.compile(r"共建|共同(?:建设|组建|设立|成立|创办)|联合(?:建设|成立|组建|设立)|建立|成立|设立|组建")


def subtype(text: str, cs: int, ce: int, s: int) -> str:
    """The agreement's subtype: the first of ``triggers.SUBTYPES`` in the clause, else before it in the sentence."""
    for name, rx in tg.SUBTYPES:
        if rx.search(text, cs, ce):
            return name
    for name, rx in tg.SUBTYPES:
        if rx.search(text, s, cs):
            return name
    return "other"


def two_party(sent: Sentence, rtype: str, p: int, pe: int, cs: int, ce: int, after: list[Item]) -> list[Pair]:
    text = sent.text
    listed = pt.listed_before(sent.text, sent.items, cs, p) if rtype == "agreement" else []
    if len(listed) >= 3:  # 由A、B和C共同组建: each pair of founders
        kind = subtype(text, cs, ce, sent.s)
        return [(x, y, kind, None) for i, x in enumerate(listed) for y in listed[i + 1:] if x.entity != y.entity]
    agents_after = [it for it in after if (it.type in tg.AGENTIVE or (it.type == "Place" and rtype == "agreement"))
                    and not _FOUNDING.search(pt.mask(text, pe, it.start, sent.items))]  # 签署共建X实验室协议: X no side
    partners = [it for it in sent.items if cs <= it.start and it.end <= p and not is_pronoun(text, it)
                and tg.PARTNER.search(text[max(cs, it.start - 2) : it.start])]
    if partners:
        first = pt.unit_of(sent.text, sent.items, partners[0])
        before_partner = [it for it in sent.items if cs <= it.start and it.end <= partners[0].start
                          and not (it.type == "Place" and (rtype == "meeting" or text[it.start - 1 : it.start] == "在"))]
        a = before_partner[-1] if before_partner else (sent.party_a or sent.source(cs, p))
        bs = coordinated(text, first, [it for it in sent.items if first.start < it.start < p])
    elif agents_after and not pt.FOUNDED.match(text, p):  # what is founded (共建Y) is no party
        a = sent.agent_before(cs, p) or sent.party_a or sent.source(cs, p)
        bs = coordinated(text, agents_after[0], agents_after)
    else:
        return []
    if a is None:
        return []
    if rtype == "meeting":  # a place meets no one (会见美国国务卿布林肯: 布林肯)
        bs = [pt.person_after(sent.text, sent.items, b) for b in bs]
        bs = [b for b in bs if b.type != "Place"]
        if a.type == "Place":
            return []
    else:
        a, bs = pt.body_of(text, sent.items, a), [pt.body_of(text, sent.items, b) for b in bs]
    sent.party_a = a
    sub = subtype(text, cs, ce, sent.s) if rtype == "agreement" else None
    return [(a, b, sub, None) for b in bs if b.entity != a.entity]


def elided(sent: Sentence, dates: list[DateMention], p: int, pe: int, cs: int, ce: int,
           told: list[dc.Told]) -> list[RelCand]:
    """又与其签署了经贸合作备忘录 / 此后又签署了一份备忘录: another agreement with the signer's previous partner."""
    text, items = sent.text, sent.items
    if not dc.is_another(pt.mask(text, cs, ce, items), pt.mask(text, cs, p, items)):
        return []
    if any(it.type in tg.AGENTIVE or it.type == "Place" for it in items
           if it.start >= pe and it.end <= ce and not is_pronoun(text, it)):
        return []  # a partner is named after the trigger: not elided
    named = [it for it in items if sent.s <= it.start and it.end <= p and not is_pronoun(text, it)
             and (it.type in tg.AGENTIVE or it.type == "Place")
             and not tg.PARTNER.search(text[max(sent.s, it.start - 2) : it.start])]
    last = next((r for r in reversed(told) if r.type == "agreement"), None)
    signer = named[-1].entity if named else (last.source if last else None)
    partner = dc.previous_partner(signer, told) if signer else None
    if signer is None or partner is None or partner == signer:
        return []
    d = date_for(dates, sent.s, sent.e, p, None)  # its own date only: "another" is a new event
    return [RelCand("agreement", signer, partner, sent.s, sent.e, _purpose_subtype(text, cs, ce, sent.s),
                    d.date if d else None, d.date_end if d else None, elided=True)]


def _purpose_subtype(text: str, cs: int, ce: int, s: int) -> str:
    """What the agreement is for (经贸合作 -> cooperation) before its form (备忘录 -> mou)."""
    for name, rx in tg.SUBTYPES:
        if name in dc.PURPOSE_KINDS and rx.search(text, cs, ce):
            return name
    return subtype(text, cs, ce, s)
