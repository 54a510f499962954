"""Chinese pathway relations from triggers, clause structure and resolved anaphors.

Works on simplified text with typed items (entity mentions and resolved anaphors). Chinese drops
subjects across clauses, so a trigger's source is the last agent before it in its clause, else the
sentence's subject, else the previous sentence's topic. Nothing is produced from a plan, a refusal or
a negotiation (triggers.MODALITY), nor from what someone was invited to do. Dates and partners the clause
leaves to the discourse come from discourse.py (``inherited`` / ``elided`` mark them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mcfwatch.extract.zh import advisers, organizers
from mcfwatch.extract.zh import attendance as at
from mcfwatch.extract.zh import discourse as dc
from mcfwatch.extract.zh import funding as fd
from mcfwatch.extract.zh import holdings as hd
from mcfwatch.extract.zh import parties as pt
from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.dates import DateMention


@dataclass(frozen=True, slots=True)
class Item:
    start: int
    end: int
    entity: str     # entity id
    type: str
    name: str


@dataclass(frozen=True, slots=True)
class RelCand:
    type: str
    source: str
    target: str
    start: int      # evidence span: the sentence
    end: int
    subtype: str | None = None
    date: str | None = None
    date_end: str | None = None
    subject: str | None = None
    inherited: bool = False  # the date comes from the discourse, not the clause
    elided: bool = False     # the partner comes from the signer's previous agreement


_SENT = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_CLAUSE_SEP = re.compile(r"[，,：:]")
_TARGET_TYPES = {
    "visit": {"Place", "Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Event"},
    "participation": {"Event", "Program"},
    "organizer": {"Event", "Program"},
    "mcf_link": {"Program", "Event"},
}


def sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _clause_bounds(text: str, s: int, e: int, p: int) -> tuple[int, int]:
    cs = s
    for m in _CLAUSE_SEP.finditer(text, s, e):
        if m.start() < p:
            cs = m.end()
        else:
            return cs, m.start()
    return cs, e


def _blocked(text: str, cs: int, p: int, items: list[Item], invited_from: int | None) -> bool:
    if invited_from is not None and invited_from < p:  # what someone was invited to do
        return True
    before = pt.mask(text, cs, p, items)
    return bool(tg.MODALITY.search(before) or tg.WILL.search(before))


def _head(first: Item, items: list[Item]) -> Item:
    """A place glued to the next name is its modifier (爱尔兰科克郡, 德国杜塞尔多夫市): take the name."""
    nxt = next((it for it in items if it.start == first.end), None)
    return nxt if first.type == "Place" and nxt is not None else first


def _coordinated(text: str, first: Item, after: list[Item]) -> list[Item]:
    """``first`` and the items joined to it by 和/、/及/与."""
    first = _head(first, after)
    out, prev = [first], first
    for it in after:
        if it.start <= prev.start:
            continue
        if tg.CONNECTORS.match(text[prev.end : it.start]):
            it = _head(it, after)
            out.append(it)
            prev = it
        else:
            break
    return out


def _date_for(dates: list[DateMention], s: int, e: int, p: int, fallback: DateMention | None) -> DateMention | None:
    inside = [d for d in dates if s <= d.start < e]
    before = [d for d in inside if d.start < p]
    if before:
        return before[-1]
    return inside[0] if inside else fallback


def _subtype(text: str, cs: int, ce: int, s: int) -> str:
    for name, rx in tg.SUBTYPES:
        if rx.search(text, cs, ce):
            return name
    for name, rx in tg.SUBTYPES:
        if rx.search(text, s, cs):
            return name
    return "other"


class _Sentence:
    """Relations of one sentence; ``topic`` carries the subject to the next sentence."""

    def __init__(self, text: str, s: int, e: int, items: list[Item], topic: Item | None) -> None:
        self.text, self.s, self.e, self.items = text, s, e, items
        agents = [it for it in items if it.type in tg.AGENTIVE  # not the partner of 与X签订 (subject dropped)
                  and not tg.PARTNER.search(text[max(s, it.start - 2) : it.start]) and not self.sold_by(it)]
        self.subject = agents[0] if agents else topic
        self.party_a: Item | None = None  # first party of the sentence's last agreement

    def agent_before(self, cs: int, p: int) -> Item | None:
        cands = [it for it in self.items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE
                 and not tg.PARTNER.search(self.text[max(cs, it.start - 2) : it.start])
                 and not tg.BY.search(self.text[max(cs, it.start - 1) : it.start]) and not self.sold_by(it)]
        return cands[-1] if cands else None

    def sold_by(self, it: Item) -> bool:
        """从(美国)X: where something comes from (A从X引进), not who acts."""
        start = it.start
        while (glued := next((x for x in self.items if x.end == start and x.type == "Place"), None)) is not None:
            start = glued.start
        return self.text[max(self.s, start - 1) : start] in ("从", "自")

    def source(self, cs: int, p: int) -> Item | None:
        return self.agent_before(cs, p) or (self.subject if self.subject and self.subject.start < p else None)


def extract_relations(text: str, items: list[Item], dates: list[DateMention]) -> list[RelCand]:
    """All relations stated in ``text`` (simplified), with the sentence as evidence."""
    out: list[RelCand] = []
    items = [it for it in items if text[it.start : it.end] not in _TRIGGER_WORDS]  # 所属 tagged as a name
    topic: Item | None = None
    last_date: DateMention | None = None
    episode: dc.Episode | None = None
    issuers = fd.issuers(text, items)
    out += [RelCand("organizer", a.entity, b.entity, *_sentence_of(text, a.start)) for a, b in organizers.listed(text, items)]
    for s, e in sentences(text):
        sent_items = [it for it in items if s <= it.start and it.end <= e]
        sent = _Sentence(text, s, e, sent_items, topic)
        in_sent = [d for d in dates if s <= d.start < e]
        told = [dc.Told(r.type, r.source, r.target, r.date, r.date_end) for r in out]
        inherit = dc.referred_date(text[s:e], told, last_date)
        ongoing = dc.open_episode(text, episode, s, bool(in_sent))
        rels, episode = _sentence_relations(sent, dates, inherit, ongoing, told)
        out += rels
        if not tg.MODALITY.search(pt.mask(text, s, e, sent_items)):
            given = fd.in_sentence(text, items, s, e) + fd.listed(text, items, s, e, issuers)
            out += [RelCand("funding", a.entity, b.entity, s, e) for a, b in given]
            out += [RelCand("facilitation", a.entity, b.entity, s, e) for a, b in advisers.helped(text, items, s, e)]
        if sent.subject is not None:
            topic = sent.subject
        if in_sent:
            last_date = in_sent[-1]
    return out


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    return next(((s, e) for s, e in sentences(text) if s <= at < e), (at, at))


# a trigger word a tagger took for a name (中国航发所属X: 所属 tagged Organization): a word, not a party
_TRIGGER_WORDS = frozenset({"所属", "下属", "旗下", "下辖"})


def _sentence_relations(sent: _Sentence, dates: list[DateMention], inherit: DateMention | None,
                        ongoing: dc.Episode | None, told: list[dc.Told]) -> tuple[list[RelCand], dc.Episode | None]:
    """The sentence's relations, and the episode of dated agreements it speaks of (for the next sentence)."""
    text, s, e, items = sent.text, sent.s, sent.e, sent.items
    hits = sorted((m.start(), m.end(), rtype) for rtype, rx in tg.TRIGGERS.items() for m in rx.finditer(text, s, e)
                  if not any(it.start <= m.start() < it.end for it in items
                             if rtype != "mcf_link" or not text.startswith("军民融合", m.start())))
    invited = next((p for p, _, r in hits if r == "invitation"), None)
    out: list[RelCand] = _appositions(sent, dates)
    out += [RelCand("ownership", a.entity, b.entity, s, e) for a, b in pt.units(text, items)]
    episode_date: DateMention | None = None
    parties: set[str] = set()
    for p, pe, rtype in hits:
        cs, ce = _clause_bounds(text, s, e, p)
        if rtype != "invitation" and _blocked(text, cs, p, items, invited):
            continue
        after = [it for it in items if it.start >= pe and it.end <= ce]
        d = _date_for(dates, s, e, p, inherit)
        inherited = d is not None and d is inherit
        if rtype == "meeting" and pt.JOINED.search(text[max(cs, p - 3) : p]):
            pairs = pt.joined(sent.items, cs, p, told)
        elif rtype == "invitation":
            pairs = pt.invited(text, items, s, e, cs, ce, p, pe, told, sent.source(cs, p))
        else:
            pairs = _pairs(sent, rtype, p, pe, cs, ce, after)
        if rtype == "agreement" and not pairs:
            out += _elided(sent, dates, p, pe, cs, ce, told)
        for src, tgt, sub, subject in pairs:
            if src.entity == tgt.entity:
                continue
            dd, inh = d, inherited
            if dd is None and rtype == "agreement" and ongoing is not None and dc.carries_on(
                    pt.mask(text, s, p, items), text[s:e], {src.entity, tgt.entity}, ongoing):
                dd, inh = ongoing.date, True
            out.append(RelCand(rtype, src.entity, tgt.entity, s, e, sub,
                               dd.date if dd else None, dd.date_end if dd else None, subject, inherited=inh))
            if rtype == "agreement" and dd is not None:
                episode_date = episode_date or dd
                parties |= {src.entity, tgt.entity}
        if rtype == "agreement" and not pairs and d is not None:
            episode_date = episode_date or d  # "签署了三份合同": agreements spoken of, parties left to what follows
    episode = dc.Episode(e, episode_date, frozenset(parties)) if episode_date is not None else None
    return out, episode


def _elided(sent: _Sentence, dates: list[DateMention], p: int, pe: int, cs: int, ce: int,
            told: list[dc.Told]) -> list[RelCand]:
    """又与其签署了经贸合作备忘录 / 此后又签署了一份备忘录: another agreement with the signer's previous partner."""
    text, items = sent.text, sent.items
    if not dc.is_another(pt.mask(text, cs, ce, items), pt.mask(text, cs, p, items)):
        return []
    if any(it.type in tg.AGENTIVE or it.type == "Place" for it in items
           if it.start >= pe and it.end <= ce and not _is_pronoun(text, it)):
        return []  # a partner is named after the trigger: not elided
    named = [it for it in items if sent.s <= it.start and it.end <= p and not _is_pronoun(text, it)
             and (it.type in tg.AGENTIVE or it.type == "Place")
             and not tg.PARTNER.search(text[max(sent.s, it.start - 2) : it.start])]
    last = next((r for r in reversed(told) if r.type == "agreement"), None)
    signer = named[-1].entity if named else (last.source if last else None)
    partner = dc.previous_partner(signer, told) if signer else None
    if signer is None or partner is None or partner == signer:
        return []
    d = _date_for(dates, sent.s, sent.e, p, None)  # its own date only: "another" is a new event
    return [RelCand("agreement", signer, partner, sent.s, sent.e, _purpose_subtype(text, cs, ce, sent.s),
                    d.date if d else None, d.date_end if d else None, elided=True)]


def _is_pronoun(text: str, it: Item) -> bool:
    return text[it.start : it.end] in dc.PRONOUNS


def _purpose_subtype(text: str, cs: int, ce: int, s: int) -> str:
    """What the agreement is for (经贸合作 -> cooperation) before its form (备忘录 -> mou)."""
    for name, rx in tg.SUBTYPES:
        if name in dc.PURPOSE_KINDS and rx.search(text, cs, ce):
            return name
    return _subtype(text, cs, ce, s)


def _pairs(sent: _Sentence, rtype: str, p: int, pe: int, cs: int, ce: int,
           after: list[Item]) -> list[tuple[Item, Item, str | None, str | None]]:
    text = sent.text
    src = sent.source(cs, p)
    allowed = _TARGET_TYPES.get(rtype)
    typed_after = [it for it in after if allowed is None or it.type in allowed]
    if rtype == "mcf_link":
        return _mcf(sent, p, pe, cs)
    if rtype in ("agreement", "meeting"):
        return _two_party(sent, rtype, p, pe, cs, ce, after)
    if rtype == "organizer":
        by = [it for it in sent.items if cs <= it.start and it.end <= p and tg.BY.search(text[max(cs, it.start - 1) : it.start])]
        if by:
            src = by[-1]
    if rtype == "position":
        return _position(sent, p, cs, after)
    if rtype == "ownership":
        return _ownership(sent, p, pe, cs, after)
    if rtype == "export" and pt.IMPORT.match(text, p):
        return pt.imported(text, sent.items, cs, ce, p, pe, lambda q: sent.agent_before(cs, q))
    if rtype in ("export", "funding"):
        return _given(sent, rtype, p, pe, cs, after)
    if rtype == "recruitment":  # a recruit is a person (the recruiter's own or a former employer is not)
        typed_after = [it for it in typed_after if it.type == "Person"]
    if rtype == "facilitation" and (by := [it for it in sent.items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE
                                           and tg.BY.search(text[max(cs, it.start - 1) : it.start])]):
        # A与B的合作由X促成: X helped A, the first side named (not a person whose hiring X helped)
        helped = next((it for it in sent.items if cs <= it.start and it.end <= by[-1].start and it.type in tg.AGENTIVE), None)
        return [(by[-1], helped, None, None)] if helped is not None and helped.type != "Person" else []
    if rtype == "facilitation" and text[p:pe] in ("介绍", "推荐") and not text.startswith("下", pe):
        masked = pt.mask(text, cs, p, sent.items)
        via = [m.start() for m in _VIA.finditer(masked) if _VIA_REST.fullmatch(masked, m.end())]
        if not via:
            return []
        # Y经X介绍，与Z…: X helped Y; 经X推荐，A引进…: X helped who opens the next clause
        typed_after = [it for it in sent.items if cs <= it.start and it.end <= cs + via[-1] and it.type in tg.AGENTIVE][-1:]
    if rtype == "facilitation" and _FOR_UNNAMED.search(text, cs, p):
        return []  # 为公司引荐了Z: the company helped is not named here, Z is who it met
    if rtype == "participation" and (listed := at.attendees(text, sent.items, cs, p)):
        event = typed_after[0] if typed_after else at.drawn_to(text, sent.items, sent.s, listed[0])
        return [(it, event, None, None) for it in listed] if event is not None else []
    if rtype == "facilitation" and not typed_after:  # 在X的牵线下，A与B签订…: the helped party opens the next clause
        typed_after = [it for it in sent.items if it.start >= ce and it.type in tg.AGENTIVE
                       and _OPENS.fullmatch(pt.mask(text, ce, it.start, sent.items))][:1]
    if src is None or not typed_after:
        return []
    if rtype in ("participation",) and not typed_after:
        return []
    first = pt.unit_of(text, sent.items, typed_after[0]) if rtype == "visit" else typed_after[0]  # X下属Y: Y visited
    targets = _coordinated(text, first, typed_after) if rtype in ("visit", "recruitment") else [first]
    return [(src, t, None, None) for t in targets]


def _given(sent: _Sentence, rtype: str, p: int, pe: int, cs: int,
           after: list[Item]) -> list[tuple[Item, Item, str | None, str | None]]:
    """Export and funding: the receiver is marked by 向/为/给/对 before the verb (A向B出口, A向B捐赠), else it
    follows the verb (出口至B, 出口B、C, 资助B; funding: the first agent after it, 出资2亿元支持B); the giver is the
    agent before the receiver or the verb; B获得A资助 reads the other way."""
    text = sent.text
    if text.startswith("获", p):  # B获得A资助: the funder follows
        giver = next((it for it in after if it.type in tg.AGENTIVE), None)
        got = sent.source(cs, p)
        return [(giver, got, None, None)] if giver and got else []
    to = [it for it in sent.items if cs <= it.start < p and _TO.search(text[max(cs, it.start - 1) : it.start])]
    if not to and "投资" in text[p:pe]:
        return []  # 投资3亿元 without 向B: what is built, not whom it funds
    stop = to[0].start if to else p
    src = sent.agent_before(cs, stop)
    if src is None and _GENERIC.search(pt.mask(text, cs, stop, sent.items)):
        return []  # 公司向B出口: an unnamed giver, not the sentence's first name (a dateline's agency, a spokesman)
    src = src or sent.source(cs, stop)
    if src is None:
        return []
    src = pt.unit_of(sent.text, sent.items, src)
    if to:
        targets = _coordinated(text, to[0], [it for it in sent.items if to[0].start < it.start < p])
    else:
        near = [it for it in after if _AFTER_VERB.fullmatch(pt.mask(text, pe, it.start, sent.items))]
        targets = _coordinated(text, near[0], after) if near else []
    if rtype == "funding":  # 出资2亿元支持B: the first agent after the verb
        targets = [t for t in targets or after if t.type in tg.AGENTIVE]
    return [(src, t, None, None) for t in targets[:1 if rtype == "funding" and not to else None]]  # 向A、B捐赠: each


_GENERIC = re.compile(r"公司|集团|企业|学校|我校|本校|该院|研究院")
_VIA = re.compile(r"经(?![理济营费过验历])")  # 经(上海X公司业务经理)严某介绍: not 经理
_VIA_REST = re.compile(r"[^，,]*□的?")
_FOR_UNNAMED = re.compile(r"为(?:公司|企业|学校|我[市省校])$")
_OPENS = re.compile(r"[，,\s]*(?:[\d年月日上下午初底中旬去今]+[，,]?)?(?:我市|我省|本市)?□*(?:企业|公司)?")  # what opens a clause before its subject


_TO = re.compile(r"(?:向|为|给|对)\s*$")
_FOUNDING = re.compile(r"共建|共同(?:建设|组建|设立|成立|创办)|联合(?:建设|成立|组建|设立)|建立|成立|设立|组建")
_AFTER_VERB = re.compile(r"(?:了|到|至|往|给)?\s*")


def _two_party(sent: _Sentence, rtype: str, p: int, pe: int, cs: int, ce: int,
               after: list[Item]) -> list[tuple[Item, Item, str | None, str | None]]:
    text = sent.text
    listed = pt.listed_before(sent.text, sent.items, cs, p) if rtype == "agreement" else []
    if len(listed) >= 3:  # 由A、B和C共同组建: each pair of founders
        kind = _subtype(text, cs, ce, sent.s)
        return [(x, y, kind, None) for i, x in enumerate(listed) for y in listed[i + 1:] if x.entity != y.entity]
    agents_after = [it for it in after if (it.type in tg.AGENTIVE or (it.type == "Place" and rtype == "agreement"))
                    and not _FOUNDING.search(pt.mask(text, pe, it.start, sent.items))]  # 签署共建X实验室协议: X no side
    partners = [it for it in sent.items if cs <= it.start and it.end <= p and not _is_pronoun(text, it)
                and tg.PARTNER.search(text[max(cs, it.start - 2) : it.start])]
    if partners:
        first = pt.unit_of(sent.text, sent.items, partners[0])
        before_partner = [it for it in sent.items if cs <= it.start and it.end <= partners[0].start
                          and not (it.type == "Place" and (rtype == "meeting" or text[it.start - 1 : it.start] == "在"))]
        a = before_partner[-1] if before_partner else (sent.party_a or sent.source(cs, p))
        bs = _coordinated(text, first, [it for it in sent.items if first.start < it.start < p])
    elif agents_after and not pt.FOUNDED.match(text, p):  # what is founded (共建Y) is no party
        a = sent.agent_before(cs, p) or sent.party_a or sent.source(cs, p)
        bs = _coordinated(text, agents_after[0], agents_after)
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
    sub = _subtype(text, cs, ce, sent.s) if rtype == "agreement" else None
    return [(a, b, sub, None) for b in bs if b.entity != a.entity]


def _mcf(sent: _Sentence, p: int, pe: int, cs: int) -> list[tuple[Item, Item, str | None, str | None]]:
    if not sent.text.startswith("军民融合", p):  # X为解放军海军提供…: X serves the military body
        served = pt.served(sent.text, sent.items, cs, p)
        src = sent.agent_before(cs, served.start) if served else None
        src = src or (sent.source(cs, served.start) if served else None)
        return [(src, served, None, None)] if served and src and src.type not in ("MilitaryUnit", "Person") else []
    prog = next((it for it in sent.items if it.start <= p < it.end and it.type in ("Program", "Event")), None)
    if prog is None or prog.type != "Program":
        return []  # an MCF event gives participation/organizer relations instead
    if not re.search(r"成员|示范|参与|是|成为|属于|单位|企业|试点|纳入|认定|积极", sent.text[cs:p]):
        return []
    agents = [it for it in sent.items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE
              and sent.text[it.end : prog.start].strip()]  # not a modifier glued to it (中共军民融合)
    src = agents[0] if agents else (sent.subject if sent.subject and sent.subject.start < p else None)
    return [(src, prog, None, None)] if src else []


def _position(sent: _Sentence, p: int, cs: int, after: list[Item]) -> list[tuple[Item, Item, str | None, str | None]]:
    person = next((it for it in reversed(sent.items) if it.type == "Person" and it.end <= p), None)
    if person is None and sent.subject and sent.subject.type == "Person":
        person = sent.subject
    org = next((it for it in after if it.type in tg.AGENTIVE and it.type != "Person"), None)
    if person is None or org is None:
        return []
    role = tg.ROLE.search(sent.text, org.end, org.end + 12)
    return [(person, org, None, role.group(0) if role else None)]


def _ownership(sent: _Sentence, p: int, pe: int, cs: int, after: list[Item]) -> list[tuple[Item, Item, str | None, str | None]]:
    text = sent.text
    trig = text[p:pe]
    before = [it for it in sent.items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE]
    if trig in ("子公司", "全资子公司", "持股", "参股") and (found := hd.subsidiary_after(
            text, sent.items, cs, p, pe, sent.source(cs, p)) or hd.listed_holding(text, sent.items, sent.s, p)):
        return [(a, b, None, None) for a, b in found]
    if trig == "控股" and (found := hd.held_by(text, sent.items, cs, p, pe)):
        return [(a, b, None, None) for a, b in found]
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
        return [(before[-1], before[-2], None, None)] if len(before) >= 2 and trig == "下属" else []
    if trig in ("实际控制人", "控股股东"):
        return pt.controller(text, sent.items, before, after, sent.source(cs, p))
    src = sent.source(cs, p)
    tgt = next((it for it in after if it.type in tg.AGENTIVE), None)
    return [(src, tgt, None, None)] if src and tgt else []


_IS = re.compile(r"是|为|系|成为|属于")
_UNIT_GAP = re.compile(r"的?(?:\d+家)?")


def _listed(text: str, first: Item, after: list[Item]) -> list[Item]:
    """``first`` and the names listed after it with 、/和/及 (not 与: a partner)."""
    out = [first]
    for it in after:
        if it.start > out[-1].start:
            if text[out[-1].end : it.start] not in ("、", "和", "及", "以及"):
                break
            out.append(it)
    return out
_APPOSITION = re.compile(rf"^(?:{tg.ROLE.pattern}[、，]?)+$")


def _appositions(sent: _Sentence, dates: list[DateMention]) -> list[RelCand]:
    """中共沧州市委常委、副市长刘建国: the person holds the roles in the organisation before them."""
    out = []
    for org, person in zip(sent.items, sent.items[1:], strict=False):
        between = sent.text[org.end : person.start]
        if person.type == "Person" and org.type in tg.AGENTIVE - {"Person"} and _APPOSITION.match(between):
            out.append(RelCand("position", person.entity, org.entity, sent.s, sent.e, subject=between.rstrip("、，")))
    return out
