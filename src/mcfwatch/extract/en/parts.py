"""Taking part and invitations told by verbs and phrases other than "attend", "participate", "invite".

Taking part, told by verbs other than "attend" or "participate" (docs/annotation.md 4.8):
"[Chen] was selected for the [Thousand Talents Plan]", "[Reyes] spoke at the [Forum]", "[X] took part in the
[Expo]", "[Cole] gave a lecture at the [Conference]". The target is an event or a programme.
Invitations told by the noun: "at the invitation of [X], [Y] visited" (``invited_by``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.items import ITEM_HEADS
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.nouns import membership_body
from mcfwatch.extract.en.relations_util import _children, pairs, prep_objects
from mcfwatch.extract.en.techwords import says_technology

SELECT_VERBS = {"select", "choose", "admit", "shortlist"}
SPEAK_VERBS = {"speak", "lecture", "exhibit", "compete", "perform", "show", "display", "showcase", "unveil",
               "demonstrate"}  # "showed its drones at the Zhuhai Airshow"
GIVE_VERBS = {"give", "deliver", "present", "make"}
# showing goods: at the show the passage reports when none is named
SHOW_VERBS = {"show", "display", "exhibit", "showcase", "unveil", "demonstrate"}
TALK_NOUNS = {"talk", "lecture", "keynote", "speech", "presentation", "address", "paper", "report"}
SPOKEN = {"talk", "lecture", "keynote", "speech", "address"}  # given only to an audience (not a report, a paper)
# what a maker shows at a show besides named technology and items: "its latest products", "a prototype", "a
# full-scale mock-up", "the new model" (docs/annotation.md 4.8: exhibiting is taking part)
SHOWN_GOODS = {"product", "products", "prototype", "prototypes", "mock-up", "mock-ups", "mockup", "mockups", "model",
               "models", "replica", "replicas", "exhibit", "exhibits", "solution", "solutions", "device", "devices",
               "lineup", "line-up", "portfolio", "variant", "variants", "version", "versions"}
# verbs whose direct object is the event or programme taken part in: "both men addressed the conference", "X won the
# contest", "X won the Friendship Award"
OBJECT_VERBS = {"address", "win"}
# public acts done "at" an event, which the doer took part in: "Airbus signed five agreements at the ILA Berlin Air
# Show", "COMAC announced 300 orders at the Zhuhai Airshow", "launched its new drone at IDEX"
AT_VERBS = {"sign", "ink", "conclude", "announce", "launch", "debut", "premiere"}  # not "introduce" (a person to
# another: "introduced de Vries to Tianyuan at the China International Machine Tool Show", en-w-0058)
# sending people to an event is taking part in it: "The office sent a recruiting delegation to the fair", "the PLA
# Eastern Theater Command sent observers to the Challenge" (the event only: people sent to a country are a visit)
SEND_VERBS = {"send", "dispatch"}
SENT_PEOPLE = {"delegation", "delegate", "team", "observer", "representative", "official", "contingent", "mission",
               "staff", "employee", "engineer", "expert", "scientist", "researcher"}
PART_VERBS = SELECT_VERBS | SPEAK_VERBS | GIVE_VERBS | OBJECT_VERBS | AT_VERBS | SEND_VERBS | {"take"}
# verbs of bringing someone in, with the programme it was done "through" or "under" (docs/annotation.md 4.8, 4.12)
RECRUIT_VERBS = {"recruit", "hire", "appoint", "bring", "employ", "engage", "attract", "headhunt", "select", "name",
                 "admit", "invite"}
_TARGETS = {"Event", "Program"}


def _where(r: Resolver, toks: list[Token]) -> list[Arg]:
    return [a for t in toks for a in r.entities(t, want=frozenset(_TARGETS)) if r.table.types.get(a.entity) in _TARGETS]

def _event_here(r: Resolver, tok: Token) -> list[Arg]:
    """The event named last in this sentence or the two before (not further: the event must be the passage's
    subject), for a verb of taking part that names none."""
    start = (r.before(tok.sent, 2) or [tok.sent])[0].start
    last = r._last_of(tok.i, {"Event"}, since=start)
    return [Arg(last, "resolved", tok.i)] if last else []


def _phrase(obj: Token) -> list[Token]:
    """A noun phrase without its prepositional phrases and clauses ("strong growth in 2023" -> "strong growth")."""
    out: list[Token] = []
    stack = [obj]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ not in {"prep", "relcl", "acl", "advcl", "punct", "appos"}]
    return sorted(out, key=lambda t: t.i)


# a model designation: "C919", "J-20", "MQ-9B", "Z-10ME" (not a quarter, a year or an illness: "Q3", "COVID-19")
_DESIGNATION = re.compile(r"^(?!Q[1-4]$|COVID|H[12]N)[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Za-z]{0,3}$")


def shows_goods(obj: Token) -> bool:
    """The object of a verb of showing names goods: a technology word or an item's head in the noun phrase, a model
    designation ("C919"), or a maker's word for what it shows ("products", "a prototype", "a mock-up"): "displayed a
    C919 cabin mock-up", never "showed strong growth in 2023", "demonstrated its commitment", "displayed confidence"."""
    words = _phrase(obj)
    if any(t.lower_ in SHOWN_GOODS or t.lower_ in ITEM_HEADS for t in words if t.pos_ in {"NOUN", "PROPN"}):
        return True
    # the phrase up to its head, in text order: a two-sense head is no modifier ("showed strong signals")
    return any(_DESIGNATION.match(t.text) for t in words) or says_technology([t for t in words if t.i <= obj.i])


def _at_in_clause(verb: Token) -> list[Token]:
    """The objects of "at" in the verb's own clause, also where the parse hangs "at" on an object ("signed five
    agreements with European partners at the ILA Berlin Air Show"), not under another verb."""
    out: list[Token] = []
    for t in verb.subtree:
        if t.dep_ != "prep" or t.lower_ != "at":
            continue
        h = t.head
        while h.i != verb.i and h.pos_ not in {"VERB", "AUX"} and h.dep_ != "ROOT":
            h = h.head
        if h.i == verb.i:
            out += [p for p in t.children if p.dep_ == "pobj"]
    return out


def may_take_part(tok: Token, lemma: str) -> bool:
    """A cheap test before the modality check: "take" holds "part", "give"/"make" a talk."""
    if lemma == "take":
        return any(d.lower_ == "part" for d in tok.children)
    if lemma in GIVE_VERBS:
        return any(d.dep_ == "dobj" and d.lemma_.lower() in TALK_NOUNS for d in tok.children)
    if lemma in SEND_VERBS:
        return any(d.dep_ == "dobj" and d.lemma_.lower() in SENT_PEOPLE for d in tok.children)
    return True


def taking_part(r: Resolver, tok: Token, lemma: str, subj: list[Arg], passive: bool) -> list[Found]:
    """Participation of the verb's subject (the selected: its patient) in the event or programme it names."""
    where: list[Arg] = []
    who = subj
    if lemma in SELECT_VERBS:
        who = [a for d in _children(tok, {"nsubjpass"} if passive else {"dobj"}) for a in r.entities(d)]
        where = _where(r, prep_objects(tok, {"for", "to", "into"}))
    elif passive:
        return []
    elif lemma in SPEAK_VERBS:
        where = _where(r, prep_objects(tok, {"at", "in", "to", "during"}))
        if not where and lemma in SHOW_VERBS and any(shows_goods(d) for d in _children(tok, {"dobj"})):
            # "COMAC displayed a C919 cabin mock-up", in a report of a show (not "showed strong growth")
            where = _event_here(r, tok)
            who = [a for a in who if r.table.types.get(a.entity) in ORGS]
    elif lemma in AT_VERBS:
        where = [a for a in _where(r, _at_in_clause(tok)) if r.table.types.get(a.entity) == "Event"]
    elif lemma == "take" and any(d.lower_ == "part" for d in _children(tok, {"dobj"})):
        where = _where(r, prep_objects(tok, {"in"}) + [p for d in _children(tok, {"dobj"}) for p in prep_objects(d, {"in"})])
    elif lemma in OBJECT_VERBS:
        where = _where(r, _children(tok, {"dobj"}))
    elif lemma in SEND_VERBS:
        sent = [d for d in _children(tok, {"dobj"}) if d.lemma_.lower() in SENT_PEOPLE]
        to = [p for d in _children(tok, {"dative"}) if d.lower_ == "to" for p in _children(d, {"pobj"})]
        to += prep_objects(tok, {"to"}) + [p for d in sent for p in prep_objects(d, {"to"})]
        where = [a for a in _where(r, to) if r.table.types.get(a.entity) == "Event"]
    elif lemma in GIVE_VERBS:
        talks = [d for d in _children(tok, {"dobj"}) if d.lemma_.lower() in TALK_NOUNS]
        if talks:
            where = _where(r, prep_objects(tok, {"at", "to", "during"}) + [p for d in talks for p in prep_objects(d, {"at"})])
            if not where and not prep_objects(tok, {"to"}) and not any(p for d in talks for p in prep_objects(d, {"to"})) \
                    and (lemma in {"give", "deliver"} or any(d.lemma_.lower() in SPOKEN for d in talks)):
                # "A and B gave keynote addresses", in a report of a forum (not "made a presentation to investors",
                # "presented its annual report")
                where = _event_here(r, tok)
    who = who + [a for a in r.leaders_of(_children(tok, {"nsubj"})) if all(a.entity != w.entity for w in who)]
    return pairs("participation", who, where, tok.i)


# verbs of travel whose "for" names what the trip was for: "travelled to Beijing for the Dialogue", "visited Weifang
# for the Kite Festival", "came at her invitation for the Biennale"
TRAVEL_VERBS = {"travel", "come", "go", "fly", "visit", "arrive", "return", "head"}


def came_for(r: Resolver, tok: Token, subj: list[Arg], passive: bool) -> list[Found]:
    """Taking part in the event a trip was for (docs/annotation.md 4.8): "X travelled to Beijing for the Y
    Dialogue" -> X -> Y."""
    where = [a for a in _where(r, prep_objects(tok, {"for"})) if r.table.types.get(a.entity) == "Event"]
    if not where or passive:
        return []
    who = [a for a in subj if r.table.types.get(a.entity) in ORGS | {"Person"}]
    who += [a for a in r.leaders_of(_children(tok, {"nsubj"})) if all(a.entity != w.entity for w in who)]
    return pairs("participation", who, where, tok.i)


def met_at(r: Resolver, verb: Token) -> list[Arg]:
    """The event a meeting took place at, which those who met took part in (docs/annotation.md 4.8): "met X at the
    G20 summit", "met during the Boao Forum", "met on the sidelines of the Munich Security Conference"."""
    toks = prep_objects(verb, {"at", "during"})
    toks += [q for t in prep_objects(verb, {"on"}) if t.lemma_.lower() in {"sideline", "margin", "sidelines", "margins"}
             for q in prep_objects(t, {"of"})]
    return [a for t in toks for a in r.entities(t) if r.table.types.get(a.entity) == "Event"]


def as_participant(r: Resolver, noun: Token) -> list[Found]:
    """Taking part told by a participant's noun (docs/annotation.md 4.8: "participated as an exhibitor"): "X was an
    exhibitor at the Paris Air Show", "X was among the speakers at Y", "X became a delegate to Y", "X, a keynote
    speaker at Y, said"."""
    where = _where(r, prep_objects(noun, {"at", "of", "in", "to"}))
    if not where:
        return []
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "among":
        verb = verb.head
    elif noun.dep_ not in {"attr", "appos"}:
        return []
    if noun.dep_ == "appos":
        who = r.entities(verb)
        stated = verb.head if verb.head.pos_ in {"VERB", "AUX"} else None
    elif verb.lemma_.lower() in {"be", "become"}:
        who = [a for s in _children(verb, {"nsubj"}) for a in r.entities(s)]
        stated = verb
    else:
        return []
    if stated is not None and not is_stated(stated):
        return []
    who = [a for a in who if r.table.types.get(a.entity) in ORGS | {"Person"}]
    return pairs("participation", who, where, noun.i)


def recruited_under(r: Resolver, tok: Token, passive: bool) -> list[Found]:
    """"[HIT] recruited [Dr Zhang] through the [Thousand Talents Plan]", "[Sun] was recruited in 2016 through the
    [Tianfu Talent Plan]", "brought in [Leah Grant] under the [Hundred Talents Program]": the recruit takes part in
    the programme."""
    programmes = [a for a in _where(r, prep_objects(tok, {"through", "under", "via"}))
                  if r.table.types.get(a.entity) == "Program"]
    if not programmes:
        return []
    who = [a for d in _children(tok, {"nsubjpass"} if passive else {"dobj"}) for a in r.entities(d)
           if r.table.types.get(a.entity) in ORGS | {"Person"}]
    return pairs("participation", who, programmes, tok.i)


def took_part_unnamed(r: Resolver, tok: Token, subjects: Callable[[Token], tuple[list[Arg], bool]]) -> list[Found]:
    """"Sichuan University and UESTC also took part" (no event named): the event the document named last."""
    if not any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children) or prep_objects(tok, {"in", "at"}):
        return []
    last = r._last_of(tok.i, {"Event"})
    who, passive = subjects(tok)
    if last is None or passive or not is_stated(tok):
        return []
    return [Found("participation", w.entity, last, tok.i, 0.75) for w in who
            if r.table.types.get(w.entity) in ORGS | {"Person"} and w.entity != last]


# verbs of taking part whose group subject a list names ("30 firms took part, including A and B")
GROUP_VERBS = {"attend", "participate", "exhibit", "take"}


def _listed(tok: Token) -> list[Token]:
    """The tokens a list hung on ``tok`` names: "including A and B", "such as A", "among them A and B"."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"including", "like"}:
            out += [q for p in _children(c, {"pobj"}) for q in (p, *p.conjuncts)]
        elif c.dep_ == "amod" and c.lower_ == "such":  # "such as A"
            out += [q for a in c.children if a.lower_ == "as" for p in _children(a, {"pobj"}) for q in (p, *p.conjuncts)]
        elif c.dep_ in {"dep", "appos", "npadvmod", "attr"} and any(
                a.lower_ == "among" and any(p.lower_ == "them" for p in a.children) for a in c.children):
            out += [c, *c.conjuncts]  # "eight foreign companies exhibited, among them A and B"
        elif c.dep_ == "prep" and c.lower_ == "among" and any(p.lower_ == "them" for p in c.children):
            out += [q for d in _children(tok, {"dobj", "dep", "appos"}) for q in (d, *d.conjuncts)]  # (parsed so)
    return out


def took_part_listed(r: Resolver, tok: Token, lemma: str) -> list[Found]:
    """Taking part told of a group the sentence then lists (docs/annotation.md 4.8): "30 firms took part, including
    A and B", "More than 600 companies attended, including A", "eight foreign companies exhibited, among them A and
    B", "with 120 European companies taking part, including A": each listed party takes part in the event the verb
    names ("in/at X", "attended X"), else the event named last in this sentence or the two before."""
    if lemma == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children):
        return []
    group = [s for s in _children(tok, {"nsubj"}) if s.tag_ == "NNS" and r.table.entity_of(s) is None]
    if not group:
        return []
    who = [a for t in _listed(tok) + _listed(group[0]) + [x for d in _children(tok, {"dobj"}) for x in _listed(d)]
           for a in r.entities(t) if r.table.types.get(a.entity) in ORGS | {"Person"}]
    if not who:
        return []
    where = [a for a in _where(r, prep_objects(tok, {"in", "at"}) + _children(tok, {"dobj"}))
             if r.table.types.get(a.entity) == "Event"] or _event_here(r, tok)
    return pairs("participation", who, where, tok.i)


def invited_by(r: Resolver, tok: Token, subjects: Callable[[Token], tuple[list[Arg], bool]]) -> list[Found]:
    """"At the invitation of [X], [Y] visited ...", "came at its invitation" -> invitation X -> Y
    (docs/annotation.md 4.10): the inviter is the noun's "of" object or possessor, the invitee the subject of
    the verb (or the noun) the phrase hangs off."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"at", "on", "upon", "by"}:
        return []
    inviters = [a for t in prep_objects(tok, {"of", "from"}) + _children(tok, {"poss"}) for a in r.entities(t)]
    gov = tok.head.head
    if gov.pos_ in {"VERB", "AUX"}:
        if not is_stated(gov):
            return []
        invitees = subjects(gov)[0]
    elif gov.pos_ in {"NOUN", "PROPN"}:
        invitees = r.entities(gov)
    else:
        return []
    return pairs("invitation", inviters, invitees, tok.i)


PARTICIPANT_NOUNS = {"exhibitor", "speaker", "participant", "attendee", "delegate", "guest", "panelist",
                     "panellist", "presenter", "keynote", "competitor", "entrant", "lecturer"}


def listed_participants(r: Resolver, tok: Token) -> list[Found]:
    """"Exhibitors included A, B and C", "Keynote speakers included X": each takes part in the event the
    subject names ("exhibitors at the X"), else the event the document named last before (4.8). "Its founding members
    include A, B", "Members of the X Alliance include A": each takes part in the alliance, association or programme
    ("of X", the possessor, else the one named last in this sentence or the two before)."""
    subj = [c for c in tok.children if c.dep_ == "nsubj" and c.lemma_.lower() in PARTICIPANT_NOUNS | {"member"}]
    if not subj:
        return []
    if subj[0].lemma_.lower() == "member":  # "Its 48 founding members include X", "Members of the alliance include"
        if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _NOT_MEMBERSHIP for c in subj[0].children):
            return []  # "Board members include X": seats (a position), not members of a body
        return pairs("participation", _members(r, tok), _bodies(r, subj[0]), tok.i)
    events = _where(r, prep_objects(subj[0], {"at", "of", "in"}))
    if not events:
        events = r.last_named(tok.i, _TARGETS - {"Program"}, tok.i)
    return pairs("participation", _members(r, tok), events, tok.i)


_NOT_MEMBERSHIP = frozenset({"board", "staff", "family", "team", "faculty", "crew", "cabinet", "council", "committee"})


def _members(r: Resolver, include: Token) -> list[Arg]:
    return [a for d in _children(include, {"dobj"}) for a in r.entities(d) if r.table.types.get(a.entity) in ORGS | {"Person"}]


def _bodies(r: Resolver, members: Token) -> list[Arg]:
    """The body "members" belong to: "of X", "X's" / "its" (an alliance, an association, a programme: 4.8)."""
    def body(e: str) -> bool:
        kind = r.table.types.get(e)
        return kind == "Program" or (kind == "Organization" and membership_body(r.table.names.get(e, "")))

    toks = prep_objects(members, {"of"}) + _children(members, {"poss"})
    if toks:
        return [a for t in toks for a in r.entities(t, want=frozenset({"Organization", "Program"})) if body(a.entity)]
    # "New members this year include X": the alliance or association named last, in this sentence or the two before
    start = (r.before(members.sent, 2) or [members.sent])[0].start
    last = next((e for _, e in r.mentions_back(members.i, start) if body(e)), None)
    return [Arg(last, "resolved", members.i)] if last else []
