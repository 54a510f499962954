"""Relation rules over the dependency parse: a trigger (verb or noun) plus its arguments.

For every sentence, each trigger token gets its parties from the parse (subject, object,
prepositional objects, passive agent, possessor, coordination), through ``Resolver`` for pronouns,
definite descriptions, titles and "officials of X". ``is_stated`` drops plans, negations and
the like. The result is a list of ``Found`` (entity ids, not yet relations).

``SentenceRules`` finds a verb's subjects and objects and runs the rules: verb triggers (``verbs.py``), noun
triggers (``nouns.py``), role nouns and titles (``roles.py``), agreements signed for an organisation
(``signers.py``) and the rule families of their own modules (ownership, mcf links, trade, money, ...).
The types each relation's parties may be: ``slots.py``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver, conjuncts
from mcfwatch.extract.en.attendees import Attendees
from mcfwatch.extract.en.brokers import Brokers
from mcfwatch.extract.en.contracts import (
    LICENSING,
    MAKING_VERBS,
    SIGNING,
    TIE_NOUNS,
    WINNING_VERBS,
    contract_for,
    contract_won,
    licensed,
    made_together,
    tied_by_role,
)
from mcfwatch.extract.en.eventroles import EventRoles
from mcfwatch.extract.en.found import Found
from mcfwatch.extract.en.hosting import Hosting
from mcfwatch.extract.en.jointly import JointlyRules
from mcfwatch.extract.en.lexicon import (
    AGREEMENT_VERBS,
    MEETING_BETWEEN_NOUNS,
    NOUN_TRIGGERS,
    ROLE_NOUNS,
    VERB_TRIGGERS,
)
from mcfwatch.extract.en.mcflinks import McfLinks
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.money import MoneyRules
from mcfwatch.extract.en.nouns import NOUN_KIND, NounRules, agreement_kind
from mcfwatch.extract.en.ownership import Ownership
from mcfwatch.extract.en.parts import (
    GROUP_VERBS,
    PART_VERBS,
    PARTICIPANT_NOUNS,
    RECRUIT_VERBS,
    TRAVEL_VERBS,
    as_participant,
    came_for,
    invited_by,
    listed_participants,
    may_take_part,
    recruited_under,
    taking_part,
    took_part_listed,
)
from mcfwatch.extract.en.positions import SurfacePositions
from mcfwatch.extract.en.relations_util import _children, prep_objects
from mcfwatch.extract.en.roles import RoleRules
from mcfwatch.extract.en.signers import SignerRules
from mcfwatch.extract.en.slots import ACTORS, DOBJ_TARGET, FLOW_VERBS, PREPS, SOURCES, TARGETS, WANT
from mcfwatch.extract.en.trade import TradeRules
from mcfwatch.extract.en.twinning import Twinning
from mcfwatch.extract.en.verbs import VerbRules


class SentenceRules(NounRules, VerbRules, RoleRules, SignerRules):
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
        self.told_from: dict[int, int] = {}  # sentence start token -> len(history) when it was read
        self.found_here: list[Found] = []  # the findings of the sentence being read, so far
        self.agreements: list[tuple[int, str, str, str]] = []
        self.employer: dict[str, str] = {}  # person -> the organisation of the last post told

    # ------------------------------------------------------------------ subjects
    def subjects(self, verb: Token) -> tuple[list[Arg], bool]:
        """(subject args, passive?) of a verb, through conj/xcomp/relcl/acl when it has none itself."""
        tok, passive = verb, False
        active = verb.tag_ != "VBN"  # "was founded in 1990 and sold to Y": "sold" is passive too
        for _ in range(4):
            subj = _children(tok, {"nsubj"})
            if subj:
                return self.r.entities(subj[0]), False
            patients = _children(tok, {"nsubjpass"}) if tok is not verb and active else []
            # "X was recruited by Y in 2015 and joined the Z Plan": X joined; "the delegation was led by X and came":
            # the delegation's leader
            told = (self.r.entities(patients[0]) or self.r.leaders_of(patients)) if patients else []
            if told:
                return told, False
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
        if rtype in DOBJ_TARGET:
            toks += _children(tok, {"dobj", "nsubjpass"} if tok.pos_ in {"VERB", "AUX"} else set())
        toks += prep_objects(tok, PREPS.get(rtype, set()))
        out: list[Arg] = []
        want = WANT.get(rtype)
        for t in toks:
            for a in self.r.entities(t, want=want):
                if all(a.entity != b.entity for b in out):
                    out.append(a)
        return out

    # ------------------------------------------------------------------ the sentence
    def run(self, sent: Span) -> list[Found]:
        found: list[Found] = []
        self.found_here = found  # extended in place below
        self.told_from[sent.start] = len(self.history)
        toks = list(sent)
        lemmas = [t.lemma_.lower() for t in toks]  # read once: the ownership and mcf_link rules take them too
        for tok, lemma in zip(toks, lemmas, strict=True):
            pos = tok.pos_  # read once per token; every rule of this loop wants a verb or a noun
            if pos not in {"VERB", "AUX", "NOUN", "PROPN"}:
                continue
            if pos == "NOUN" and lemma in VERB_TRIGGERS and tok.dep_ == "xcomp" and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                pos = "VERB"  # "conspired to export ... to Y", tagged a noun: the parse's "to" and xcomp make it a verb
            if pos in {"VERB", "AUX"} and lemma in VERB_TRIGGERS:
                self._note_holder(tok)
                if is_stated(tok):
                    found += self._verb(tok, VERB_TRIGGERS[lemma])
            elif pos in {"NOUN", "PROPN"} and lemma in NOUN_TRIGGERS and is_stated(tok):
                found += self._noun(tok, NOUN_TRIGGERS[lemma])
            if pos in {"NOUN", "PROPN"} and lemma in MEETING_BETWEEN_NOUNS:
                found += self._between(tok)
            elif pos == "VERB" and lemma in {"lead", "head"}:
                found += self._note_leader(tok)
            if pos == "VERB" and lemma in AGREEMENT_VERBS:
                self._note_holder(tok)
            if pos == "VERB" and lemma in SIGNING and is_stated(tok):  # contracts.py
                found += made_together(self.r, tok, self.subjects) if lemma in MAKING_VERBS else []
                found += contract_won(self.r, tok, self.subjects) if lemma in WINNING_VERBS else []
                found += contract_for(self.r, tok, self.subjects)
            if pos in {"NOUN", "PROPN"} and lemma in ROLE_NOUNS and is_stated(tok):
                found += self._role(tok)
            elif lemma == "board" and pos == "NOUN" and is_stated(tok):
                found += self._board(tok)
            if pos == "VERB" and lemma in FLOW_VERBS and is_stated(tok):
                found += self._flows(tok, lemma)
            if pos == "VERB" and lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children) \
                    and is_stated(tok):  # "took on two British engineers as researchers"
                found += self._recruitment(tok, *self.subjects(tok))
            if pos == "VERB" and lemma in TRAVEL_VERBS and prep_objects(tok, {"for"}) and is_stated(tok):
                found += came_for(self.r, tok, *self.subjects(tok))  # "travelled to X for the Y Forum"
            if pos == "NOUN" and lemma in TIE_NOUNS:  # "its Shenzhen distributor, Y"
                found += tied_by_role(self.r, tok)
            if pos == "NOUN" and lemma in PARTICIPANT_NOUNS:  # "X was an exhibitor at Y"
                found += as_participant(self.r, tok)
            if pos == "VERB" and lemma == "include" and is_stated(tok):
                found += listed_participants(self.r, tok)
            if pos == "NOUN" and lemma == "invitation":
                found += invited_by(self.r, tok, self.subjects)
            if pos == "VERB" and lemma in LICENSING and is_stated(tok):  # "X licensed four patents to Y"
                found += licensed(self.r, tok, self.subjects)
            if pos == "VERB" and lemma in GROUP_VERBS and is_stated(tok):  # "30 firms took part, including X"
                found += took_part_listed(self.r, tok, lemma)
            if pos == "VERB" and lemma in PART_VERBS and may_take_part(tok, lemma) and is_stated(tok):
                found += taking_part(self.r, tok, lemma, *self.subjects(tok))
            if pos == "VERB" and lemma in RECRUIT_VERBS and prep_objects(tok, {"through", "under", "via"}) \
                    and is_stated(tok):
                found += recruited_under(self.r, tok, any(c.dep_ == "nsubjpass" for c in tok.children))
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


    def _typed(self, f: Found) -> bool:
        types = self.r.table.types
        if f.source == f.target:
            return False
        if types.get(f.target) not in TARGETS.get(f.type, ACTORS):
            return False
        src_ok = SOURCES.get(f.type, ACTORS | {"Event", "Program"} if f.type == "funding" else ACTORS)
        return types.get(f.source) in src_ok


__all__ = ["Found", "SentenceRules", "agreement_kind", "conjuncts"]
