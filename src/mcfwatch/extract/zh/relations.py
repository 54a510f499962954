"""Chinese pathway relations from triggers, clause structure and resolved anaphors.

Works on simplified text with typed items (entity mentions and resolved anaphors, ``items``). Chinese drops
subjects across clauses, so a trigger's source is the last agent before it in its clause, else the
sentence's subject, else the previous sentence's topic (``sentence``). Nothing is produced from a plan, a refusal
or a negotiation (triggers.MODALITY), nor from what someone was invited to do. Dates and partners the clause
leaves to the discourse come from discourse.py (``inherited`` / ``elided`` mark them).

Here: the walk over sentences and triggers, and which reading each trigger gets. The readings live in modules
named for them: ``agreements`` (two parties), ``giving`` (export, funding), ``facilitation``, ``ownership``,
``positions``, ``mcf``; the frames the trigger walk misses in ``funding``, ``advisers``, ``organizers``.
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import advisers, organizers
from mcfwatch.extract.zh import agreements as ag
from mcfwatch.extract.zh import attendance as at
from mcfwatch.extract.zh import discourse as dc
from mcfwatch.extract.zh import facilitation as fa
from mcfwatch.extract.zh import funding as fd
from mcfwatch.extract.zh import parties as pt
from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.dates import DateMention, date_for
from mcfwatch.extract.zh.giving import founders, given
from mcfwatch.extract.zh.items import Item, Pair, RelCand, clause_bounds, sentence_of, sentences
from mcfwatch.extract.zh.mcf import linked
from mcfwatch.extract.zh.ownership import ownership
from mcfwatch.extract.zh.positions import appositions, position
from mcfwatch.extract.zh.sentence import Sentence, coordinated

__all__ = ["Item", "RelCand", "extract_relations", "sentences"]

_TARGET_TYPES = {
    "visit": {"Place", "Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Event"},
    "participation": {"Event", "Program"},
    "organizer": {"Event", "Program"},
    "mcf_link": {"Program", "Event"},
}
# a trigger word a tagger took for a name (中国航发所属X: 所属 tagged Organization): a word, not a party
_TRIGGER_WORDS = frozenset({"所属", "下属", "旗下", "下辖"})


# ownership words that name a standing tie (B旗下的A), not an act: a plan around them (拟收购B旗下的A, 将向B旗下A转让)
# leaves the tie a fact
_STANDING = frozenset({"旗下", "下属", "所属", "下辖", "子公司", "全资子公司", "母公司"})


_INVITE_LATER = re.compile(r"(?:将|拟|计划|准备|打算|希望|有意)(?:要|会)?\s*$")


def _blocked(text: str, cs: int, ce: int, p: int, pe: int, items: list[Item], invited_from: int | None) -> bool:
    if text[p:pe] in _STANDING:
        return False
    if invited_from is not None and invited_from < p:  # what someone was invited to do
        return True
    before = pt.mask(text, cs, p, items)
    if "就" in before and tg.TALKS_AFTER.match(text, pe, ce):
        return True  # A与B就合资建厂进行了初步洽谈: what they talked about (docs/annotation.md 5)
    return bool(tg.MODALITY.search(before) or tg.WILL.search(before))


def extract_relations(text: str, items: list[Item], dates: list[DateMention]) -> list[RelCand]:
    """All relations stated in ``text`` (simplified), with the sentence as evidence."""
    out: list[RelCand] = []
    items = [it for it in items if text[it.start : it.end] not in _TRIGGER_WORDS]  # 所属 tagged as a name
    topic: Item | None = None
    last_date: DateMention | None = None
    episode: dc.Episode | None = None
    issuers = fd.issuers(text, items)
    lead: list[list[Item]] = []
    kinds = {it.entity: it.type for it in items}  # each entity's type, for a party told in another sentence
    previous: list[list[Item]] = []
    recent: list[list[Item]] = []
    out += [RelCand("organizer", a.entity, b.entity, *sentence_of(text, a.start)) for a, b in organizers.listed(text, items)]
    starts: list[int] = []  # the starts of the two sentences before this one
    for s, e in sentences(text):
        sent_items = [it for it in items if s <= it.start and it.end <= e]
        sent = Sentence(text, s, e, sent_items, topic)
        in_sent = [d for d in dates if s <= d.start < e]
        told = [dc.Told(r.type, r.source, r.target, r.date, r.date_end) for r in out]
        inherit = dc.referred_date(text[s:e], told, last_date)
        ongoing = dc.open_episode(text, episode, s, bool(in_sent))
        since = starts[0] if starts else s
        near = [t for r, t in zip(out, told, strict=True) if r.start >= since]  # told in the two sentences before
        rels, episode = _sentence_relations(sent, dates, inherit, ongoing, told, previous, kinds, near)
        starts = [*starts[-1:], s]
        out += rels
        for host, event, p, pe in organizers.in_sentence(sent, [it for its in (*lead, *recent) for it in its]):
            cs, ce = clause_bounds(text, s, e, p)
            if not _blocked(text, cs, ce, p, pe, sent_items, None):
                d = date_for(dates, s, e, p, inherit)
                out.append(RelCand("organizer", host.entity, event.entity, s, e, None, d.date if d else None,
                                   d.date_end if d else None, inherited=d is not None and d is inherit))
        if not tg.SENTENCE_MODALITY.search(pt.mask(text, s, e, sent_items)):
            given_ = fd.in_sentence(text, items, s, e) + fd.listed(text, items, s, e, issuers)
            out += [RelCand("funding", a.entity, b.entity, s, e) for a, b in given_]
            out += [RelCand("facilitation", a.entity, b.entity, s, e) for a, b in advisers.helped(text, items, s, e)]
        previous = [*previous[-1:], sent_items]  # the names of the two sentences before the next
        if len(lead) < 2:  # the document's headline and lead
            lead.append(sent_items)
        else:
            recent = [*recent[-1:], sent_items]  # the names of the sentence or two before the next
        if sent.subject is not None:
            topic = sent.subject
        if in_sent:
            last_date = in_sent[-1]
    return out


def _sentence_relations(sent: Sentence, dates: list[DateMention], inherit: DateMention | None,
                        ongoing: dc.Episode | None, told: list[dc.Told],
                        before: list[list[Item]], kinds: dict[str, str],
                        near: list[dc.Told]) -> tuple[list[RelCand], dc.Episode | None]:
    """The sentence's relations, and the episode of dated agreements it speaks of (for the next sentence)."""
    text, s, e, items = sent.text, sent.s, sent.e, sent.items
    hits = sorted((m.start(), m.end(), rtype) for rtype, rx in tg.TRIGGERS.items() for m in rx.finditer(text, s, e)
                  if not any(it.start <= m.start() < it.end for it in items
                             if rtype != "mcf_link" or not text.startswith("军民融合", m.start())))
    invited = next((p for p, _, r in hits if r == "invitation"), None)
    out: list[RelCand] = appositions(sent)
    out += [RelCand("ownership", a.entity, b.entity, s, e) for a, b in pt.units(text, items)]
    episode_date: DateMention | None = None
    parties: set[str] = set()
    for p, pe, rtype in hits:
        cs, ce = clause_bounds(text, s, e, p)
        if rtype != "invitation" and _blocked(text, cs, ce, p, pe, items, invited):
            continue
        if rtype == "invitation" and _INVITE_LATER.search(pt.mask(text, cs, p, items)):
            continue  # 将邀请/拟邀请/希望邀请: not (yet) invited (docs/annotation.md 4.10)
        after = [it for it in items if it.start >= pe and it.end <= ce]
        d = date_for(dates, s, e, p, inherit)
        inherited = d is not None and d is inherit
        if rtype == "meeting" and pt.JOINED.search(text[max(cs, p - 3) : p]):
            pairs = pt.joined(sent.items, cs, p, told)
        elif rtype == "invitation":
            pairs = pt.invited(text, items, s, e, cs, ce, p, pe, told, sent.source(cs, p))
        else:
            pairs = _pairs(sent, rtype, p, pe, cs, ce, after)
        if rtype == "meeting" and not pairs:  # 校长X会见了来宾: the visitors told before
            pairs = ag.received(sent, p, pe, cs, near, kinds)
        if rtype == "agreement" and not pairs:
            out += ag.elided(sent, dates, p, pe, cs, ce, told) or ag.both_sides(sent, before, dates, p, cs, ce)
        if rtype == "funding":  # 由A、B共同出资组建: the founders own it too
            out += [RelCand("ownership", a.entity, b.entity, s, e, None, d.date if d else None,
                            d.date_end if d else None, inherited=inherited) for a, b, _, _ in founders(sent, p, cs, after)]
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


def _pairs(sent: Sentence, rtype: str, p: int, pe: int, cs: int, ce: int, after: list[Item]) -> list[Pair]:
    """The pairs the trigger ``rtype`` at [p, pe) gives in the clause [cs, ce): the reading of its type."""
    text = sent.text
    if rtype == "mcf_link":
        return linked(sent, p, cs)
    if rtype in ("agreement", "meeting"):
        return ag.two_party(sent, rtype, p, pe, cs, ce, after)
    if rtype == "position":
        return position(sent, p, after)
    if rtype == "ownership":
        return ownership(sent, p, pe, cs, after)
    if rtype == "export" and pt.IMPORT.match(text, p):
        return pt.imported(text, sent.items, cs, ce, p, pe, lambda q: sent.agent_before(cs, q))
    if rtype in ("export", "funding"):
        return given(sent, rtype, p, pe, cs, after)
    if rtype == "facilitation":
        return fa.helped(sent, p, pe, cs, ce, after)
    src = sent.source(cs, p)
    allowed = _TARGET_TYPES.get(rtype)
    typed_after = [it for it in after if allowed is None or it.type in allowed]
    if rtype == "organizer" and ((organizers.HOSTING.match(text, p) and organizers.hosts(sent, cs, p)[0])
                                 or organizers.held_at(sent, cs, p, pe)):
        return []  # hosts listed right before: ``organizers.in_sentence`` reads them; 在X举办的Y names none
    if rtype == "organizer":
        by = [it for it in sent.items if cs <= it.start and it.end <= p and tg.BY.search(text[max(cs, it.start - 1) : it.start])]
        if by:
            src = by[-1]
    if rtype == "recruitment":  # a recruit is a person (the recruiter's own or a former employer is not)
        typed_after = [it for it in typed_after if it.type == "Person"]
    if rtype == "participation" and (listed := at.attendees(text, sent.items, cs, p)):
        event = typed_after[0] if typed_after else at.drawn_to(text, sent.items, sent.s, listed[0])
        return [(it, event, None, None) for it in listed] if event is not None else []
    if src is None or not typed_after:
        return []
    first = pt.unit_of(text, sent.items, typed_after[0]) if rtype == "visit" else typed_after[0]  # X下属Y: Y visited
    targets = coordinated(text, first, typed_after) if rtype in ("visit", "recruitment") else [first]
    return [(src, t, None, None) for t in targets]
