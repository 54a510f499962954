"""Relation rules over the dependency parse: a trigger (verb or noun) plus its arguments.

For every sentence, each trigger token gets its parties from the parse (subject, object,
prepositional objects, passive agent, possessor, coordination), through ``Resolver`` for pronouns,
definite descriptions, titles and "officials of X". ``is_stated`` drops plans, negations and
the like. The result is a list of ``Found`` (entity ids, not yet relations).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver, conjuncts
from mcfwatch.extract.en.attendees import Attendees
from mcfwatch.extract.en.brokers import Brokers
from mcfwatch.extract.en.eventroles import EventRoles
from mcfwatch.extract.en.flows import (
    BUY_VERBS,
    RECEIVE_VERBS,
    bought_from,
    co_organisers,
    is_money,
    money_into,
    received_money,
)
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.hosting import Hosting
from mcfwatch.extract.en.jointly import JointlyRules
from mcfwatch.extract.en.lexicon import (
    AGREEMENT_VERBS,
    MEETING_BETWEEN_NOUNS,
    NOUN_TRIGGERS,
    ROLE_NOUNS,
    TITLE_HEADS,
    VERB_TRIGGERS,
)
from mcfwatch.extract.en.mcflinks import McfLinks
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.money import MoneyRules
from mcfwatch.extract.en.nouns import NOUN_KIND, NounRules, agreement_kind
from mcfwatch.extract.en.ownership import Ownership
from mcfwatch.extract.en.parts import PART_VERBS, invited_by, listed_participants, may_take_part, taking_part
from mcfwatch.extract.en.positions import SurfacePositions
from mcfwatch.extract.en.relations_util import _children, _conf, prep_objects
from mcfwatch.extract.en.trade import TradeRules
from mcfwatch.extract.en.twinning import Twinning

ACTORS = ORGS | {"Person", "Place"}
TARGETS: dict[str, set[str]] = {
    "visit": ORGS | {"Place", "Event"},
    "meeting": ACTORS,
    "agreement": ACTORS,
    "facilitation": ACTORS,
    "participation": {"Event", "Program", "Organization"},
    "organizer": {"Event", "Program"},
    "invitation": ACTORS,
    "export": ACTORS,
    "recruitment": {"Person"} | ORGS,
    "funding": ACTORS | {"Program", "Event"},
    "ownership": ORGS,
    "position": ORGS | {"Place"},
    "mcf_link": {"MilitaryUnit", "Program", "Event"},
}
SOURCES: dict[str, set[str]] = {"position": {"Person"}}
_PREPS: dict[str, set[str]] = {
    "visit": {"to"}, "meeting": {"with"}, "agreement": {"with"}, "participation": {"in", "at", "into"},
    "export": {"to"}, "invitation": set(), "facilitation": set(), "organizer": set(), "recruitment": {"into"},
    "funding": set(), "ownership": set(), "position": {"for", "at", "with", "in", "by"},
}
FLOW_VERBS = RECEIVE_VERBS | BUY_VERBS | {"put", "invest"}
_WANT = {k: frozenset(v) for k, v in TARGETS.items()}  # what a reference in the target slot may stand for
_SURFACE_BUYERS = ORGS - {"MilitaryUnit"}
# export verbs that hand something "to" a party only ("passed the drawings to X", "carried it to China")
HANDED = {"pass", "carry", "hand", "email", "forward"}
_DOBJ_TARGET = {"visit", "meeting", "facilitation", "participation", "organizer", "invitation", "recruitment",
                "funding", "ownership"}


class SentenceRules(NounRules):
    """The rules, run over one sentence at a time, in document order."""

    def __init__(self, resolver: Resolver) -> None:
        self.r = resolver
        self.holder: str | None = None  # who secured/signed the agreements spoken of ("one of the contracts")
        self.surface = SurfacePositions(resolver)
        self.owners = Ownership(resolver, self.subjects)
        self.mcf = McfLinks(resolver, self.subjects)
        self.jointly = JointlyRules(resolver, self.subjects)
        self.money = MoneyRules(resolver, self.subjects)
        self.event_roles = EventRoles(resolver, self.subjects)
        self.twinning = Twinning(resolver)
        self.trade = TradeRules(resolver, self.subjects)
        self.brokers = Brokers(resolver, self.subjects)
        self.hosting = Hosting(resolver, self.subjects)
        self.attendees = Attendees(resolver)
        self.history: list[Found] = []  # what the rules found so far, in document order (for the brokers)
        self.agreements: list[tuple[int, str, str, str]] = []
        self.employer: dict[str, str] = {}  # person -> the organisation of the last post told

    # ------------------------------------------------------------------ subjects
    def subjects(self, verb: Token) -> tuple[list[Arg], bool]:
        """(subject args, passive?) of a verb, through conj/xcomp/relcl/acl when it has none itself."""
        tok, passive = verb, False
        for _ in range(4):
            subj = _children(tok, {"nsubj"})
            if subj:
                return self.r.entities(subj[0]), False
            if _children(tok, {"nsubjpass", "auxpass", "agent"}):
                passive = True
                agents = [p for a in _children(tok, {"agent"}) for p in _children(a, {"pobj"})]
                return ([x for a in agents for x in self.r.entities(a)], True)
            if tok.dep_ == "xcomp":  # object control: "helped X to secure", else subject control
                dobj = _children(tok.head, {"dobj"})
                if dobj:
                    return self.r.entities(dobj[0]), False
                tok = tok.head
                continue
            if tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"}:
                tok = tok.head
                continue
            if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                tok = tok.head  # "X and Y flew great lengths to meet": the purpose clause's subject
                continue
            if tok.dep_ in {"relcl", "acl"} and tok.head.pos_ in {"NOUN", "PROPN"}:
                return self.r.entities(tok.head), passive
            break
        return self._fallback_subject(verb), passive

    def _fallback_subject(self, verb: Token) -> list[Arg]:
        """No subject in the parse: the nearest preceding mention that is not a prepositional object."""
        for t in reversed(list(verb.sent)[: verb.i - verb.sent.start]):
            if t.dep_ in {"pobj", "poss", "compound", "dobj"} or t.i >= verb.i:
                continue
            args = self.r._one(t, 3)
            args = [a for a in args if self.r.table.types.get(a.entity) in ACTORS - {"Place"}]
            if args:
                return [Arg(a.entity, "fallback", a.token) for a in args]
        return []

    def objects(self, tok: Token, rtype: str) -> list[Arg]:
        toks: list[Token] = []
        if rtype in _DOBJ_TARGET:
            toks += _children(tok, {"dobj", "nsubjpass"} if tok.pos_ in {"VERB", "AUX"} else set())
        toks += prep_objects(tok, _PREPS.get(rtype, set()))
        out: list[Arg] = []
        want = _WANT.get(rtype)
        for t in toks:
            for a in self.r.entities(t, want=want):
                if all(a.entity != b.entity for b in out):
                    out.append(a)
        return out

    # ------------------------------------------------------------------ the sentence
    def run(self, sent: Span) -> list[Found]:
        found: list[Found] = []
        toks = list(sent)
        lemmas = [t.lemma_.lower() for t in toks]  # read once: the ownership and mcf_link rules take them too
        for tok, lemma in zip(toks, lemmas, strict=True):
            if tok.pos_ in {"VERB", "AUX"} and lemma in VERB_TRIGGERS:
                self._note_holder(tok)
                if is_stated(tok):
                    found += self._verb(tok, VERB_TRIGGERS[lemma])
            elif tok.pos_ in {"NOUN", "PROPN"} and lemma in NOUN_TRIGGERS and is_stated(tok):
                found += self._noun(tok, NOUN_TRIGGERS[lemma])
            if tok.pos_ in {"NOUN", "PROPN"} and lemma in MEETING_BETWEEN_NOUNS:
                found += self._between(tok)
            elif tok.pos_ == "VERB" and lemma in {"lead", "head"}:
                found += self._note_leader(tok)
            if tok.pos_ == "VERB" and lemma in AGREEMENT_VERBS:
                self._note_holder(tok)
            if tok.pos_ in {"NOUN", "PROPN"} and lemma in ROLE_NOUNS and is_stated(tok):
                found += self._role(tok)
            elif lemma == "board" and tok.pos_ == "NOUN" and is_stated(tok):
                found += self._board(tok)
            if tok.pos_ == "VERB" and lemma in FLOW_VERBS and is_stated(tok):
                found += self._flows(tok, lemma)
            if tok.pos_ == "VERB" and lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children) \
                    and is_stated(tok):  # "took on two British engineers as researchers"
                found += self._recruitment(tok, *self.subjects(tok))
            if tok.pos_ == "VERB" and lemma == "include" and is_stated(tok):
                found += listed_participants(self.r, tok)
            if tok.pos_ == "NOUN" and lemma == "invitation":
                found += invited_by(self.r, tok, self.subjects)
            if tok.pos_ == "VERB" and lemma in PART_VERBS and may_take_part(tok, lemma) and is_stated(tok):
                found += taking_part(self.r, tok, lemma, *self.subjects(tok))
        found += self._person_titles(sent)
        found += self.surface.run(sent)
        found += self.owners.run(sent, toks, lemmas)
        found += self.mcf.run(sent, toks, lemmas)
        found += self.jointly.run(sent, toks, lemmas)
        found += self.money.run(sent, toks, lemmas)
        found += self.event_roles.run(sent, toks, lemmas)
        found += self.twinning.run(sent, toks, lemmas)
        found += self.trade.run(sent, toks, lemmas)
        found += self.hosting.run(sent, toks, lemmas)
        found += self.attendees.run(sent, toks, lemmas)
        found += self.brokers.run(sent, toks, lemmas, self.history + [f for f in found if self._typed(f)])
        found = self._signed_for([f for f in found if self._typed(f)])
        self.history += found
        doc = sent.doc
        self.agreements += [(f.trigger, f.source, f.target, NOUN_KIND.get(k, k)) for f in found if f.type == "agreement"
                            for k in [doc[f.trigger].lemma_.lower()]]
        return found

    def _signed_for(self, found: list[Found]) -> list[Found]:
        """An agreement signed by a person who holds a post at an organisation (told in this sentence or
        before: "X's president Y signed an MoU with Z") is the organisation's: the party becomes X."""
        types = self.r.table.types
        for f in found:
            if f.type == "position" and types.get(f.target) in ORGS:
                self.employer[f.source] = f.target
            elif f.type == "position":
                self.employer[f.source] = ""  # a post at a place ("President Xi of China"): stays the person's
        out: list[Found] = []
        for f in found:
            if f.type == "agreement":
                src = self._signer_org(f.source, f.trigger) if types.get(f.source) == "Person" else f.source
                tgt = self._signer_org(f.target, f.trigger) if types.get(f.target) == "Person" else f.target
                if (src, tgt) != (f.source, f.target) and src != tgt:
                    f = replace(f, source=src, target=tgt)
            out.append(f)
        return out

    def _signer_org(self, person: str, trigger: int) -> str:
        """The organisation a signer signed for: the post told so far; for a bare title ("President Wang Jianhua
        signed a memorandum with X" in a company's release) the company or university the sentence before is
        about (not a head of state's country: "President Trump's strategy has yielded agreements")."""
        if person in self.employer:
            return self.employer[person] or person
        sent = self.r.doc[trigger].sent
        titled = any(self.r.table.entity_of(t) == person and any(
            c.dep_ == "compound" and c.lemma_.lower() in TITLE_HEADS and self.r.table.entity_of(c) is None
            for c in t.children) for t in sent)
        starts = [x.start for x in self.r.sents if x.start < sent.start]
        before = self.r.subjects.get(starts[-1], []) if titled and starts else []
        org = next((e for e in before if self.r.table.types.get(e) in {"Company", "University"}), None)
        return org or person  # (the subject of the sentence before: "X signed five agreements. President Y signed")

    def _typed(self, f: Found) -> bool:
        types = self.r.table.types
        if f.source == f.target:
            return False
        if types.get(f.target) not in TARGETS.get(f.type, ACTORS):
            return False
        src_ok = SOURCES.get(f.type, ACTORS | {"Event", "Program"} if f.type == "funding" else ACTORS)
        return types.get(f.source) in src_ok

    def _note_leader(self, tok: Token) -> list[Found]:
        """Note who leads a delegation ("X led a delegation", "a delegation led by X", "The delegation was led by
        X": the delegation, the visitors, the guests then stand for X); "X led a delegation to A and B" is X's visit."""
        out: list[Found] = []
        for d in _children(tok, {"dobj"}):
            words = {d.lemma_.lower()} | {t.lemma_.lower() for t in d.subtree}
            if words & {"delegation", "delegate", "team"}:
                leaders = self.subjects(tok)[0]
                for a in leaders:
                    self.r.note_leader(d, a.entity)
                if is_stated(tok):
                    places = [o for t in prep_objects(tok, {"to"}) + prep_objects(d, {"to"})
                              for o in self.r.entities(t, want=_WANT["visit"])]
                    out += [Found("visit", a.entity, o.entity, tok.i, _conf(a, o)) for a in leaders for o in places
                            if self.r.table.types.get(a.entity) == "Person" and a.entity != o.entity]
        party = tok.head if tok.dep_ == "acl" else next(iter(_children(tok, {"nsubjpass"})), None)
        if party is not None and party.lemma_.lower() in {"delegation", "team", "group", "mission"}:
            for a in [x for ag in _children(tok, {"agent"}) for p in _children(ag, {"pobj"}) for x in self.r.entities(p)]:
                if self.r.table.types.get(a.entity) == "Person":
                    self.r.note_leader(party, a.entity)
        return out

    def _note_holder(self, tok: Token) -> None:
        objs = _children(tok, {"dobj"})
        if objs and objs[0].lemma_.lower() in {"contract", "agreement", "deal", "memo", "memorandum", "mou"}:
            subj = self.subjects(tok)[0]
            if subj and is_stated(tok):
                self.holder = subj[0].entity

    # ------------------------------------------------------------------ verbs
    def _verb(self, tok: Token, rtype: str) -> list[Found]:
        onward: list[Found] = []
        subj, passive = self.subjects(tok)
        lemma = tok.lemma_.lower()
        if rtype == "agreement":
            return self._agreement_verb(tok, subj, lemma)
        if rtype == "position":
            return self._position_verb(tok, subj, lemma, passive)
        objs = self.objects(tok, rtype)
        if passive and rtype in _DOBJ_TARGET:
            patients = _children(tok, {"nsubjpass"})
            if not patients and tok.dep_ in {"acl", "relcl"}:
                patients = [tok.head]  # "the conference organized by X"
            if not patients and tok.dep_ == "conj" and tok.head.pos_ == "VERB":  # "was organised by X and hosted by Y"
                patients = _children(tok.head, {"nsubjpass"}) or ([tok.head.head] if tok.head.dep_ in {"acl", "relcl"} else [])
            objs = [a for p in patients for a in self.r.entities(p, want=_WANT.get(rtype))] or objs
        if rtype == "export":  # "to X", "through the distributor X", "sent the institute 64 files"
            ways = {"to"} if lemma in HANDED else {"to", "through", "via"}  # "passed through Hong Kong": no export
            objs = [a for t in prep_objects(tok, ways) + _children(tok, {"dative"})
                    for a in self.r.entities(t, want=_WANT["export"])]
            objs += [a for d in _children(tok, {"dative"}) if d.pos_ == "ADP" for t in _children(d, {"pobj"})
                     for a in self.r.entities(t, want=_WANT["export"])  # "sells sensors to X" (not to the PLA:
                     if self.r.table.types.get(a.entity) in _SURFACE_BUYERS]  # an mcf_link, mcflinks.py)
            objs = objs or self._to_after(tok)
            through = [a for t in prep_objects(tok, {"through", "via"}) for a in self.r.entities(t, want=_WANT["export"])]
            ends = [o for o in objs if all(o.entity != m.entity for m in through)]
            middle = [m for m in through if self.r.table.types.get(m.entity) == "Company"]
            onward = [Found("export", m.entity, o.entity, tok.i, _conf(m, o)) for m in middle for o in ends
                      if m.entity != o.entity]  # "sold X to Y through a distributor, Z": Z shipped it on to Y
        if rtype == "visit" and lemma in {"visit", "tour"}:  # "visited Airbus in Toulouse": the city too (4.1)
            objs += [a for t in prep_objects(tok, {"in"}) + [p for d in _children(tok, {"dobj"}) for p in prep_objects(d, {"in"})]
                     for a in self.r.entities(t) if self.r.table.types.get(a.entity) == "Place"]
        if lemma in {"receive", "accept"}:  # money or posts received through a programme: taking part in it
            objs = [a for t in prep_objects(tok, {"through"}) for a in self.r.entities(t)
                    if self.r.table.types.get(a.entity) == "Program"]
        if rtype == "organizer" and lemma == "hold" and not passive:
            objs = [a for a in objs if self.r.table.types.get(a.entity) == "Event"]
        if rtype == "organizer" and lemma != "hold":
            subj = subj + [a for a in co_organisers(self.r, tok) if all(a.entity != s.entity for s in subj)]
        if rtype == "participation" and not objs and not passive and lemma in {"attend", "participate", "exhibit"}:
            last = self.r._last_of(tok.i, {"Event"})  # "Cruz attended.", "X exhibited for the first time"
            objs = [Arg(last, "resolved", tok.i)] if last else []
        if rtype == "meeting" and objs and any(self.r.table.types.get(s.entity) == "Person" for s in subj):
            objs = [self._chain_person(o) for o in objs]
        if rtype == "meeting" and not objs and len(subj) >= 2 and not passive:
            a, b = subj[0], subj[1]  # "Mr. Sullivan and Director Wang met four times"
            return [Found("meeting", a.entity, b.entity, tok.i, _conf(a, b))]
        if rtype == "recruitment":
            return self._recruitment(tok, subj, passive)
        out: list[Found] = onward if rtype == "export" else []
        item = self._item(tok) if rtype == "export" else None
        for s in subj:
            for o in objs:
                t = rtype
                if rtype == "facilitation" and lemma == "assist" and self.r.table.types.get(o.entity) == "MilitaryUnit":
                    t = "mcf_link"
                if rtype == "visit" and self.r.table.types.get(o.entity) == "Event":
                    t = "participation"  # visiting a fair or a show is taking part in it (docs/annotation.md 4.1)
                if lemma == "join" and self.r.table.types.get(s.entity) == "Person" and \
                        self.r.table.types.get(o.entity) in ORGS - {"Organization"}:
                    t = "position"  # a person joining a firm or a university works there
                out.append(Found(t, s.entity, o.entity, tok.i, _conf(s, o), subject=item))
        return out

    def _to_after(self, verb: Token) -> list[Arg]:
        """The party after "to" a few words on from an export verb, when the parse hangs it elsewhere ("has supplied
        brake parts to CRRC Zhuzhou Locomotive", parsed as an infinitive): no verb, clause mark or other "to" between;
        a firm or a body, not a military one (supplying the PLA is an mcf_link) nor a country (those the parse gets)."""
        doc = verb.doc
        for k in range(verb.i + 1, min(verb.i + 10, verb.sent.end - 1)):
            t = doc[k]
            if t.lower_ == "to":
                j = k + 1 + (doc[k + 1].lower_ == "the")
                eid = self.r.table.entity_of(doc[j]) if j < verb.sent.end else None
                if eid is not None and self.r.table.types.get(eid) in _SURFACE_BUYERS and \
                        self.r.table.entity_of(doc[k - 1]) is None and \
                        not any(d.lemma_.lower() in {"percent", "stake", "share", "company"} for d in _children(verb, {"dobj"})):
                    return [Arg(eid, "direct", j)]
                return []
            if t.pos_ in {"VERB", "AUX"} or t.text in {",", ";", ":", "(", "—"} or t.lower_ in {"which", "that", "who"}:
                return []
        return []

    def _flows(self, tok: Token, lemma: str) -> list[Found]:
        """Money received or put in, goods bought from a seller (``flows.py``)."""
        subj, passive = self.subjects(tok)
        if passive:
            return []
        out: list[Found] = []
        if lemma in RECEIVE_VERBS:
            out += received_money(self.r, tok, subj)
        if lemma in BUY_VERBS:
            out += bought_from(self.r, tok, subj)
        if lemma == "put" and any(is_money(d) for d in _children(tok, {"dobj"})):
            out += money_into(self.r, tok, subj, {"into"})
        if lemma == "invest":
            out += money_into(self.r, tok, subj, {"in", "into"})
        return out

    def _chain_person(self, arg: Arg) -> Arg:
        """A body that opens a title chain stands for the person the chain ends at ("met with Chinese
        Communist Party Politburo Member, Director of ..., and Foreign Minister Wang Yi")."""
        types = self.r.table.types
        if types.get(arg.entity) == "Person":
            return arg
        doc = self.r.doc
        for k in range(arg.token, min(arg.token + 25, len(doc))):
            t = doc[k]
            eid = self.r.table.entity_of(t)
            if eid is not None and types.get(eid) == "Person":
                return Arg(eid, arg.how, k)
            if eid is None and not (t.is_title or t.lower_ in {"of", "the", "and", ","} or t.lemma_.lower() in ROLE_NOUNS):
                break
            if t.sent.end <= k + 1:
                break
        return arg

    def _recruitment(self, tok: Token, subj: list[Arg], passive: bool) -> list[Found]:
        """"X recruited Y into the Thousand Talents Program": X -> Y recruitment, Y's participation."""
        recruited = [a for d in _children(tok, {"dobj", "nsubjpass"}) for a in self.r.entities(d)]
        if tok.lemma_.lower() in {"engage", "take"}:  # "engaged the consultant X", "took on X": people only
            recruited = [a for a in recruited if self.r.table.types.get(a.entity) == "Person"]
        programs = [a for t in prep_objects(tok, {"into", "to", "for"}) for a in self.r.entities(t)
                    if self.r.table.types.get(a.entity) in {"Program", "Organization", "Event"}]
        out = [Found("recruitment", s.entity, y.entity, tok.i, _conf(s, y)) for s in subj for y in recruited]
        out += [Found("participation", y.entity, p.entity, tok.i, _conf(y, p)) for y in recruited for p in programs]
        if not subj:  # "recruited by the Thousand Talents Program" (agent) is in subj already when passive
            pass
        return out

    def _item(self, tok: Token) -> str | None:
        for d in _children(tok, {"dobj"}):
            words = [t for t in d.subtree if t.dep_ not in {"det", "punct"} and not (t.dep_ == "prep" or
                                                                                     t.head.dep_ == "prep")]
            if words:
                return " ".join(t.text for t in words[:8])
        return None

    def _agreement_verb(self, tok: Token, subj: list[Arg], lemma: str) -> list[Found]:
        out: list[Found] = []
        dobj = _children(tok, {"dobj"})
        if dobj and dobj[0].lemma_.lower() in NOUN_TRIGGERS:
            if lemma in {"sign", "conclude", "ink"} and len(subj) >= 2 and not self._with_parties(dobj[0]) and \
                    not prep_objects(dobj[0], {"between", "among"}):  # "A's president X and B's CEO Y signed the deal"
                a, b = subj[0], subj[1]
                subtype, subject = agreement_kind(dobj[0])
                return [Found("agreement", a.entity, b.entity, tok.i, _conf(a, b), subtype, subject)]
            return out  # the noun rule handles "signed an agreement with X"
        subtype = {"invest": "investment", "cooperate": "cooperation", "collaborate": "cooperation",
                   "partner": "cooperation"}.get(lemma, "other")
        partners = [a for t in prep_objects(tok, {"with", "in" if lemma == "invest" else "with"})
                    for a in self.r.entities(t)]
        if lemma in {"sign", "conclude", "ink"} and len(subj) >= 2 and not partners:
            a, b = subj[0], subj[1]
            return [Found("agreement", a.entity, b.entity, tok.i, _conf(a, b), subtype)]
        for s in subj:
            for p in partners:
                out.append(Found("agreement", s.entity, p.entity, tok.i, _conf(s, p), subtype))
        return out

    def _position_verb(self, tok: Token, subj: list[Arg], lemma: str, passive: bool) -> list[Found]:
        out: list[Found] = []
        if lemma in {"work", "serve"}:
            for o in [a for t in prep_objects(tok, {"for", "at", "with", "in"}) for a in self.r.entities(t)]:
                for s in subj:
                    out.append(Found("position", s.entity, o.entity, tok.i, _conf(s, o)))
        else:  # employ / hire / appoint: org -> person; hiring and appointing are recruiting too (4.12)
            people = [a for d in _children(tok, {"dobj", "nsubjpass"}) for a in self.r.entities(d)]
            for s in subj:
                for p in people:
                    out.append(Found("position", p.entity, s.entity, tok.i, _conf(s, p)))
                    if lemma in {"hire", "appoint"} and self.r.table.types.get(p.entity) == "Person":
                        out.append(Found("recruitment", s.entity, p.entity, tok.i, _conf(s, p)))
        return out

    # ------------------------------------------------------------------ positions
    def _role(self, tok: Token) -> list[Found]:
        """"the Deputy Mayor and also a member of X", "Y, director of X", "X, who is a professor at Y"."""
        orgs = [a for t in prep_objects(tok, {"of", "at"}) for a in self.r.entities(t)]
        orgs += [Arg(e, "direct", c.i) for c in tok.children if c.dep_ == "compound"
                 for e in [self.r.table.entity_of(c)] if e]  # "CCP Politburo Member", "Huawei CEO"
        orgs += [Arg(e, "direct", c.i) for c in tok.children if c.dep_ == "poss"  # "Lanshi's founder, Gu Weidong"
                 for e in [self.r.table.entity_of(c)] if e]  # (not "its": on dev CV as many wrong as right)
        orgs = [a for a in orgs if self.r.table.types.get(a.entity) in ORGS]
        if not orgs:
            return []
        person: list[Arg] = []
        own = self.r.table.entity_of(tok)
        if own and self.r.table.types.get(own) == "Person":
            person = [Arg(own, "direct", tok.i)]
        else:
            first = tok
            while first.dep_ == "conj":
                first = first.head
                if self.r.table.types.get(self.r.table.entity_of(first) or "") == "Person" or self.r.title(first):
                    break
            if first is not tok or first.dep_ in {"conj", "appos"} or any(c.dep_ == "conj" for c in tok.children):
                person = [a for a in self.r._one(first, 3) if self.r.table.types.get(a.entity) == "Person"]
            if not person and first is not tok:
                person = self.r._one(first, 3)
            if person:
                pass
            elif first.dep_ == "appos":
                person = self.r._one(first.head, 3)
            elif first.dep_ == "attr" and first.head.lemma_ == "be":
                person = self.subjects(first.head)[0]
            elif first.dep_ == "nsubj" and first.head.lemma_ == "be":  # "Its chairman is Lu Haitao."
                person = [a for c in first.head.children if c.dep_ == "attr" for a in self.r.entities(c)]
            if not person:  # "the company's then chairman, Fei Rongsheng"
                person = [a for c in tok.children if c.dep_ == "appos" for a in self.r.entities(c)]
        role = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ in {"compound", "amod"} or t.i == tok.i)
        return [Found("position", p.entity, o.entity, tok.i, _conf(p, o), subject=role)
                for p in person if self.r.table.types.get(p.entity) == "Person" for o in orgs]

    def _board(self, tok: Token) -> list[Found]:
        """"P joined Brennan's board", "sits on the center's advisory board", "was appointed to the board of X"."""
        orgs = [a for c in tok.children if c.dep_ == "poss" for a in self.r.entities(c, want=frozenset(ORGS))]
        orgs += [a for t in prep_objects(tok, {"of"}) for a in self.r.entities(t)]
        orgs = [a for a in orgs if self.r.table.types.get(a.entity) in ORGS]
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in {"on", "to", "onto"} else tok.head
        if not orgs or verb.pos_ != "VERB" or verb.lemma_.lower() not in {"join", "sit", "serve", "appoint", "elect",
                                                                          "name", "remain", "stay", "nominate"}:
            return []
        people = [a for d in _children(verb, {"nsubjpass"}) for a in self.r.entities(d)] or self.subjects(verb)[0]
        return [Found("position", p.entity, o.entity, tok.i, _conf(p, o), subject="board member")
                for p in people if self.r.table.types.get(p.entity) == "Person" for o in orgs]

    def _person_titles(self, sent: Span) -> list[Found]:
        """"President Xi Jinping of the People's Republic of China", "Huawei CEO Ren Zhengfei"."""
        out: list[Found] = []
        for i, eid in self.r.table.roots.items():
            if not sent.start <= i < sent.end or self.r.table.types.get(eid) != "Person":
                continue
            root = self.r.doc[i]
            titles = [c for c in root.children if c.dep_ == "compound" and c.lemma_.lower() in ROLE_NOUNS]
            if not titles:
                continue
            for o in [a for t in prep_objects(root, {"of", "at"}) for a in self.r.entities(t)]:
                if self.r.table.types.get(o.entity) in ORGS | {"Place"}:
                    role = " ".join(t.text for t in titles)
                    out.append(Found("position", eid, o.entity, i, _conf(o), subject=role))
            for t in titles:
                for c in t.children:
                    if c.dep_ == "compound" and self.r.table.entity_of(c) and \
                            self.r.table.types.get(self.r.table.entity_of(c) or "") in ORGS:
                        out.append(Found("position", eid, self.r.table.entity_of(c) or "", i, 0.9, subject=t.text))
        return out


__all__ = ["Found", "SentenceRules", "agreement_kind", "conjuncts"]
