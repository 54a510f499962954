"""Two-party relations of a Chinese trigger (agreements and meetings): A与B签署 (the partner after 与/同/和/跟), A签署…
B (the first agents after the verb), A、B和C共同组建 (each pair of founders), and an agreement whose partner the
clause leaves to the discourse (又与其签署: the signer's previous partner, ``discourse.previous_partner``).
"""

from __future__ import annotations

import re
from itertools import pairwise

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
    # a title's two parties sign only when the sentence names no partner (双方签署了《A与B…备忘录》; not
    # 商务部与东盟秘书处签署《中国与东盟…协议》 nor A公司与B公司签订《C与D联合实验室共建协议》)
    if rtype == "agreement" and not partners and len(listed) < 3 and (named := titled(sent, pe)):
        return [(named[0], named[1], subtype(text, cs, ce, sent.s), None)]
    if partners:
        first = pt.unit_of(sent.text, sent.items, partners[0])
        before_partner = [it for it in sent.items if cs <= it.start and it.end <= partners[0].start
                          and not (it.type == "Place" and (rtype == "meeting" or text[it.start - 1 : it.start] == "在"))]
        # (马斯克访华期间，先后与部长A、部长B会面: the subject before the partner, not a name listed after it)
        a = before_partner[-1] if before_partner else (sent.party_a or sent.source(cs, partners[0].start))
        bs = coordinated(text, first, [it for it in sent.items if first.start < it.start < p])
    elif agents_after and not pt.FOUNDED.match(text, p):  # what is founded (共建Y) is no party
        a = sent.agent_before(cs, p) or sent.party_a or sent.source(cs, p)
        bs = coordinated(text, agents_after[0], agents_after)
    else:
        return []
    if a is None:
        return []
    hosts = [a]
    if rtype == "meeting":  # a place meets no one (会见美国国务卿布林肯: 布林肯)
        bs = [pt.person_after(sent.text, sent.items, b) for b in bs]
        bs = [b for b in bs if b.type != "Place"]
        if len(bs) == 1:  # 会见了埃及总统塞西、卡塔尔埃米尔塔米姆: each listed, each with its title
            bs = _listed_guests(sent, bs[0], p if partners else ce)
        if a.type == "Place":
            return []
        hosts = _cohosts(sent, a, cs)
    else:
        a, bs = pt.body_of(text, sent.items, a), [pt.body_of(text, sent.items, b) for b in bs]
        hosts = [a]
    sent.party_a = a
    sub = subtype(text, cs, ce, sent.s) if rtype == "agreement" else None
    return [(h, b, sub, None) for h in hosts for b in bs if b.entity != h.entity]


_TITLE = re.compile(r"了?\s*《([^》]{4,80})》")
_TITLE_AND = re.compile(r"与|和|同")


def titled(sent: Sentence, pe: int) -> tuple[Item, Item] | None:
    """The two parties an agreement's title names right after its verb (双方签署了《临川市人民政府与因戈尔施塔特市政府
    建立友好交流城市关系备忘录》, 签订《A和B战略合作协议》): a title says who signed when the sentence names no
    partner (two mayors who met), or None.""" 
    m = _TITLE.match(sent.text, pe)
    if m is None:
        return None
    inside = [it for it in sent.items if m.start(1) <= it.start and it.end <= m.end(1)
              and (it.type in tg.AGENTIVE - {"Person"} or it.type == "Place")]
    for a, b in pairwise(inside):
        if a.entity != b.entity and _TITLE_AND.fullmatch(sent.text, a.end, b.start):
            return a, b
    return None


_COHOST = re.compile(r"\s*、[^，,。；;□、]{0,10}")  # 校党委书记X、校长Y会见了Z: X meets Z too


def _cohosts(sent: Sentence, a: Item, cs: int) -> list[Item]:
    """The persons listed with 、 (each with its title) right before the host ``a`` of a meeting, and ``a``."""
    out, cur = [a], a
    if a.type != "Person":
        return out
    for it in reversed([it for it in sent.items if cs <= it.start and it.end <= a.start]):
        if it.type == "Person" and _COHOST.fullmatch(sent.text, it.end, cur.start):
            out.insert(0, it)
            cur = it
        elif it.end > cur.start - 12 and it.type != "Person":
            continue  # the body in a title (校党委书记, 中国航发董事长)
        else:
            break
    return out


def _listed_guests(sent: Sentence, first: Item, end: int) -> list[Item]:
    """``first`` and the persons listed after it with 、 before ``end``, each with its title (and its body or
    country: 外交部部长秦刚、商务部部长王文涛, 埃及总统塞西、卡塔尔埃米尔塔米姆), as ``_cohosts`` reads hosts."""
    out, cur = [first], first
    if first.type != "Person":
        return out
    for it in sent.items:
        if it.start < cur.end or it.end > end or it.type != "Person":
            continue
        if not _COHOST.fullmatch(pt.mask(sent.text, cur.end, it.start, sent.items).replace("□", "")):
            break
        out.append(it)
        cur = it
    return out


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


# 双方/两校/两市…(当天/还/就X合作)签署: the pair word is the subject right before the trigger (no name between)
_PAIR_SUBJECT = re.compile(r"(?:双方|两校|两所大学|两所高校|两国(?!元首)|两市|两城|两地|两省|两家企业|两家公司)"
                           r"[^，,。；;□]{0,12}$")
# …, the pair word opening an earlier clause of the sentence (what was discussed may name things)
_PAIR_CARRIED = re.compile(_PAIR_SUBJECT.pattern.replace("[^，,。；;□]{0,12}$", "[^。；;]{0,40}$"))
_BODIES = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit"}
_SIDES = _BODIES | {"Place"}
_PAIR_BODIES: dict[str, set[str]] = {
    "两校": {"University"}, "两所大学": {"University"}, "两所高校": {"University"}, "两国": {"Place"},
    "两家企业": {"Company"}, "两家公司": {"Company"}, "两市": _SIDES, "两城": _SIDES, "两地": _SIDES, "两省": _SIDES,
}


def both_sides(sent: Sentence, before: list[list[Item]], dates: list[DateMention], p: int, cs: int,
               ce: int) -> list[RelCand]:
    """双方签署了合作备忘录 (docs/annotation.md 1.4: a relation told through a word for the pair is between the two it
    stands for): the first two bodies named in the sentence before the pair word, else in the sentence before it.
    For 双方 a place is a side only where no two bodies are named, and then beside another place (代顿市代表团访问株洲市)
    or joined to its partner (与淮安市): 访问法国，与空客…，双方 is the visitor and 空客, 访问图卢兹，双方 no pair; a helper (在X的牵线下) is no side."""
    text = sent.text
    m, base = _PAIR_SUBJECT.search(pt.mask(text, cs, p, sent.items)), cs
    if m is None and not any(cs <= it.start < p for it in sent.items):
        # 双方就X进行了交流，并签署了…: the clause drops its subject, the pair word of an earlier clause
        m, base = _PAIR_CARRIED.search(pt.mask(text, sent.s, p, sent.items)), sent.s
    if m is None or text.startswith("的", _trigger_end(text, p)) or "商定" in m.group():
        return []  # 根据双方签署的协议: an agreement told before, not signed here; 双方商定续签: agreed to sign
    at = base + m.start()
    word = next((w for w in _PAIR_BODIES if text.startswith(w, at)), "")

    def bodies(items: list[Item], end: int, types: set[str]) -> list[Item]:
        seen: dict[str, Item] = {}
        for it in items:
            glued = it.type == "Place" and any(x.start == it.end for x in items)  # 美国亚利桑那州: a modifier
            if it.end <= end and it.type in types and it.entity not in seen and not is_pronoun(text, it) \
                    and not glued and not _HELPED_BY.search(text, max(0, it.start - 2), it.start):
                seen[it.entity] = it
        found = list(seen.values())
        # A与B…，双方: the two the sentence joins
        joined = next((k for k, it in enumerate(found) if k and tg.PARTNER.search(text[max(0, it.start - 2) : it.start])), None)
        if joined is not None:
            return found[joined - 1 : joined + 1]
        if not word and len({it.type == "Place" for it in found[:2]}) > 1:
            return []  # 访问图卢兹，双方: the place visited is no side
        return found

    found: list[Item] = []
    for types in ([_PAIR_BODIES[word]] if word else [_BODIES, _SIDES]):
        found = bodies(sent.items, at, types)
        if len(found) < 2 and before:
            found = bodies(before[-1], sent.s, types)
        if len(found) >= 2:
            break
    if len(found) < 2:
        return []
    a, b = found[0], found[1]
    if a.end == b.start:
        return []  # 西安交通大学机械学院: a body and its unit, one side
    d = date_for(dates, sent.s, sent.e, p, None)
    return [RelCand("agreement", a.entity, b.entity, sent.s, sent.e, subtype(text, cs, ce, sent.s),
                    d.date if d else None, d.date_end if d else None)]


_HELPED_BY = re.compile(r"(?:在|经|由)$")


def _trigger_end(text: str, p: int) -> int:
    m = tg.TRIGGERS["agreement"].match(text, p)
    return (m.end() if m else p) + (1 if text.startswith("了", m.end() if m else p) else 0)


# X会见了来宾/代表团一行/两位客人: the guests the text told of as visiting (or invited), not named here
_GUESTS = re.compile(r"(?:了)?\s*((?:(?:两|三|几)位)?(?:来宾|来访客人|客人|外宾|代表团|来访代表团|访问团|客人一行)(?:一行)?)"
                     r"(?=[，,。；;并\s]|$)")


def received(sent: Sentence, p: int, pe: int, cs: int, told: list[dc.Told], types: dict[str, str]) -> list[Pair]:
    """The host (the agent before the verb) meets the persons the text told of as visiting or invited (docs/annotation.md
    4.1: a delegation's meeting is its leader's; 1.4: a relation told through a reference is between the entities it
    refers to): the visitors of the latest visit, else the invitees of the latest invitation, when persons. ``told``
    holds only what the sentence or the two before it told (a digest's earlier story has other guests); each guest's
    item is the word that refers to them (来宾)."""
    text = sent.text
    gm = _GUESTS.match(text, pe)
    if gm is None:
        return []
    host = sent.agent_before(cs, p)
    if host is None or host.type != "Person":
        return []
    for rtype, side in (("visit", "source"), ("invitation", "target")):
        latest = [r for r in told if r.type == rtype]
        if latest:
            last = latest[-1]
            guests = [getattr(r, side) for r in latest if (r.source if rtype == "invitation" else r.target)
                      == (last.source if rtype == "invitation" else last.target)]
            people = list(dict.fromkeys(g for g in guests if types.get(g) == "Person" and g != host.entity))
            if people:
                return [(host, Item(gm.start(1), gm.end(1), g, "Person", ""), None, None) for g in people]
    return []
