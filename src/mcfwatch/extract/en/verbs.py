"""Relation rules whose trigger is a verb: visits, meetings, agreements, posts, exports, recruitment, organising
and taking part, told by the verb's subject and objects ("X visited Y", "X signed an agreement with Y", "X hired
Y", "X sold sensors to Y"); money and goods that flow (``flows.py``); who leads a delegation and who holds the
agreements spoken of.

A mixin of ``relations.SentenceRules`` (it reads ``self.r``, ``self.subjects``, ``self.objects``, ``self.holder``
and ``_with_parties`` from there and ``nouns.NounRules``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from spacy.tokens import Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.exports import (
    caused_by,
    convicted,
    export_objects,
    exporter_in_context,
    not_guilty,
    transit,
)
from mcfwatch.extract.en.exports import item as export_item
from mcfwatch.extract.en.flows import (
    BUY_VERBS,
    RECEIVE_VERBS,
    bought_by,
    bought_from,
    co_organisers,
    is_money,
    money_into,
    received_goods,
    received_money,
)
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.lexicon import NOUN_TRIGGERS, ROLE_NOUNS
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.nouns import agreement_kind
from mcfwatch.extract.en.parts import met_at
from mcfwatch.extract.en.relations_util import _children, _conf, pairs, prep_objects
from mcfwatch.extract.en.slots import DOBJ_TARGET, WANT


class VerbRules(ABC):
    """Rules for relations told by verbs; the relation finder that mixes them in supplies its arguments."""

    r: Resolver
    holder: str | None
    history: list[Found]  # the document's findings before this sentence
    told_from: dict[int, int]  # sentence start token -> len(history) when that sentence was read
    found_here: list[Found]  # this sentence's findings so far

    @abstractmethod
    def subjects(self, verb: Token) -> tuple[list[Arg], bool]: ...

    @abstractmethod
    def objects(self, tok: Token, rtype: str) -> list[Arg]: ...

    @abstractmethod
    def _with_parties(self, tok: Token) -> list[Arg]: ...

    def _named_before(self, tok: Token) -> list[Arg]:
        """The event or programme named last before a participle set off by a comma, in its sentence: "attended the
        Hefei Irish Culture Week, organised by X", "the Summit was held in Nanjing, co-hosted by X and Y"."""
        for i in range(tok.i - 2, tok.sent.start - 1, -1):
            e = self.r.table.entity_of(tok.doc[i])
            if e is not None and self.r.table.types.get(e) in {"Event", "Program"}:
                return [Arg(e, "resolved", i)]
        return []

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
                              for o in self.r.entities(t, want=WANT["visit"])]
                    people = [a for a in leaders if self.r.table.types.get(a.entity) == "Person"]
                    events = [a for a in places if self.r.table.types.get(a.entity) == "Event"]  # a fair: taking part
                    out += pairs("visit", people, [a for a in places if a not in events], tok.i)
                    out += pairs("participation", people, events, tok.i)
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


    def _verb(self, tok: Token, rtype: str) -> list[Found]:
        onward: list[Found] = []
        subj, passive = self.subjects(tok)
        lemma = tok.lemma_.lower()
        if rtype == "agreement":
            return self._agreement_verb(tok, subj, lemma)
        if rtype == "position":
            return self._position_verb(tok, subj, lemma, passive)
        objs = self.objects(tok, rtype)
        if passive and rtype in DOBJ_TARGET:
            patients = _children(tok, {"nsubjpass"})
            if not patients and tok.dep_ in {"acl", "relcl"}:
                patients = [tok.head]  # "the conference organized by X"
                if rtype == "organizer" and tok.head.dep_ == "appos" and self.r.table.entity_of(tok.head) is None:
                    patients = [tok.head.head]  # "the Seminar, an event hosted by X": the named event only
            # "Organised by X, the fair drew ...": measured for organizer only
            if not patients and rtype == "organizer" and tok.dep_ == "advcl" and tok.tag_ == "VBN" \
                    and tok.i < tok.head.i:
                patients = _children(tok.head, {"nsubj", "nsubjpass"})  # "Organised by X, the fair drew ..."
            if not patients and tok.dep_ == "conj" and tok.head.pos_ == "VERB":  # "was organised by X and hosted by Y"
                patients = _children(tok.head, {"nsubjpass"}) or ([tok.head.head] if tok.head.dep_ in {"acl", "relcl"} else [])
            objs = [a for p in patients for a in self.r.entities(p, want=WANT.get(rtype))] or objs
            if rtype == "organizer" and not objs and tok.tag_ == "VBN" and tok.dep_ in {"acl", "advcl"} \
                    and tok.i > tok.sent.start and tok.doc[tok.i - 1].text == ",":
                objs = self._named_before(tok)  # "attended the X Week, organised by Y" (hung on the verb)
        if rtype == "export":  # "to X", "through the distributor X", "sent the institute 64 files" (exports.py)
            if not_guilty(tok):
                return []
            objs, onward = export_objects(self.r, tok, lemma)
            held = convicted(self.r, tok)  # "convicted X of exporting", "X pleaded guilty to shipping"
            if held:
                subj, passive = held, False
            cause = caused_by(tok) if not subj else None
            if cause is not None:  # "X caused the amplifiers to be exported to Y", "he had the parts shipped to Y"
                subj, passive = self.subjects(cause)
            goods = tok.head
            if not objs and passive and tok.dep_ == "acl" and goods.dep_ == "dobj" and is_stated(goods.head):
                objs = self.subjects(goods.head)[0]  # "Y commissioned two frigates delivered by X"
            if not subj and objs:  # "the kits were shipped to Chengdu", "the company shipped" (exports.py)
                subj = exporter_in_context(self.r, tok, self.found_here, self.history, self.told_from)
                objs = [o for o in objs if not transit(self.r, o)] if subj else objs
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
        if rtype == "participation" and not passive:  # "a delegation, led by X, attended": X too
            subj = subj + [a for a in self.r.leaders_of(_children(tok, {"nsubj"})) if all(a.entity != s.entity for s in subj)]
        if rtype == "participation" and not objs and not passive and lemma in {"attend", "participate", "exhibit"}:
            last = self.r._last_of(tok.i, {"Event"})  # "Cruz attended.", "X exhibited for the first time"
            objs = [Arg(last, "resolved", tok.i)] if last else []
        if rtype == "meeting" and objs and any(self.r.table.types.get(s.entity) == "Person" for s in subj):
            objs = [self._chain_person(o) for o in objs]
        if rtype == "meeting" and lemma == "meet" and not passive:  # "met X at the G20 summit": both took part
            # (named parties only: dev CV, a pronoun's or a description's antecedent was wrong 5 times in 7)
            onward = pairs("participation", [a for a in subj + objs if a.how == "direct" and
                                             self.r.table.types.get(a.entity) in ORGS | {"Person"}],
                           [a for a in met_at(self.r, tok) if a.how == "direct"], tok.i)
        if rtype == "meeting" and not objs and len(subj) >= 2 and not passive:
            a, b = subj[0], subj[1]  # "Mr. Sullivan and Director Wang met four times"
            return [Found("meeting", a.entity, b.entity, tok.i, _conf(a, b)), *onward]
        if rtype == "recruitment":
            return self._recruitment(tok, subj, passive)
        out: list[Found] = onward if rtype in {"export", "meeting"} else []
        item = export_item(tok) if rtype == "export" else None
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

    def _flows(self, tok: Token, lemma: str) -> list[Found]:
        """Money received or put in, goods bought from a seller (``flows.py``)."""
        subj, passive = self.subjects(tok)
        if lemma in BUY_VERBS and tok.tag_ in {"VBN", "VBD"} and (passive or tok.dep_ == "acl"):
            if tok.dep_ == "acl" and not passive:  # "Y inducted drones bought from X": Y, the goods' holder
                holder = tok.head
                subj = self.subjects(holder.head)[0] if holder.dep_ == "dobj" and is_stated(holder.head) else []
            return bought_by(self.r, tok, subj)
        if passive:
            return []
        out: list[Found] = []
        if lemma in RECEIVE_VERBS:
            out += received_money(self.r, tok, subj)
        if lemma in {"receive", "get", "take"}:
            out += received_goods(self.r, tok, subj)
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
        out = pairs("recruitment", subj, recruited, tok.i)
        out += pairs("participation", recruited, programs, tok.i)
        if not subj:  # "recruited by the Thousand Talents Program" (agent) is in subj already when passive
            pass
        return out

    def _agreement_verb(self, tok: Token, subj: list[Arg], lemma: str) -> list[Found]:
        out: list[Found] = []
        dobj = _children(tok, {"dobj"})
        if dobj and dobj[0].lemma_.lower() in NOUN_TRIGGERS:
            if lemma in {"sign", "conclude", "ink"} and len(subj) >= 2 and not self._with_parties(dobj[0]) and \
                    not prep_objects(dobj[0], {"between", "among"}):  # "A's president X and B's CEO Y signed the deal"
                a, b = subj[0], subj[1]
                subtype, subject = agreement_kind(dobj[0])
                return [Found("agreement", a.entity, b.entity, tok.i, _conf(a, b), subtype, subject)]
            if prep_objects(dobj[0], {"with"}):  # "signed agreements with A in 2016 and with B in 2018": the second
                subtype, subject = agreement_kind(dobj[0])  # "with" hung off the verb's "in", beside the noun's
                out += [Found("agreement", s.entity, p.entity, tok.i, _conf(s, p), subtype, subject)
                        for t in prep_objects(tok, {"with"}) for p in self.r.entities(t) for s in subj]
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
