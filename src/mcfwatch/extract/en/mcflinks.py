"""mcf_link (party -> military body or the military-civil fusion programme) told by work done for the military
(docs/annotation.md 4.5 and the judgement calls: "supplies the PLA", "a state-owned group on which the PLA relies"):

- work for a military body: "builds radars for the PLA", "carries out research for the PLA Navy", "develops
  turbines for PLA Navy destroyers", "makes harnesses for the PLA Navy's frigates";
- supplying it: "supplies the PLA Rocket Force", "a supplier of missiles to the PLA", "counts the PLA Army among
  its customers";
- being relied on: "X, a conglomerate on which the PLA relies", "the PLA relies on X";
- a military-civil fusion title: "named X a military-civil fusion enterprise", "X was designated a military-civil
  fusion demonstration university", "X, a military-civil fusion base".
A contract with a military body is an agreement, not an mcf_link (the agreement rules tell it).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.lexicon import MCF_PROGRAM
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.ownership import one_line
from mcfwatch.extract.en.relations_util import _children, pairs, prep_objects

Subjects = Callable[[Token], tuple[list[Arg], bool]]

# verbs of work done for someone: "builds X for the PLA", "carries out research for the PLA"
WORK_VERBS = {"build", "make", "develop", "design", "produce", "manufacture", "conduct", "carry", "do", "perform",
              "undertake", "test", "research", "work", "repair", "maintain", "overhaul", "equip", "supply", "provide",
              "power", "construct", "assemble", "engineer", "fabricate", "create"}
SUPPLY_VERBS = {"supply", "equip", "arm", "serve", "support"}
SUPPLIER_NOUNS = {"supplier", "contractor", "vendor", "provider", "manufacturer", "maker", "producer"}
# the head noun of a military-civil fusion title: "a military-civil fusion (demonstration / key) enterprise"
MCF_HEADS = {"enterprise", "base", "university", "company", "firm", "unit", "zone", "park", "demonstration",
             "project", "pilot", "list", "institution", "school", "college", "entity", "supplier", "champion"}
TITLE_VERBS = {"name", "designate", "list", "select", "recognize", "recognise", "certify", "admit", "accredit",
               "label", "rate", "award", "approve", "choose", "add", "include"}
PARTIES = ORGS
WORKING = WORK_VERBS | SUPPLY_VERBS
TRIGGERS = WORKING | SUPPLIER_NOUNS | {"rely", "count"}


class McfLinks:
    """The mcf_link rules of one sentence (``run``)."""

    def __init__(self, resolver: Resolver, subjects: Subjects) -> None:
        self.r = resolver
        self.subjects = subjects
        names = resolver.table.names  # the roots of the programme's mentions ("a military-civil fusion enterprise")
        self.mcf_roots = {i: e for i, e in resolver.table.roots.items() if names.get(e) == MCF_PROGRAM}

    def _type(self, eid: str) -> str | None:
        return self.r.table.types.get(eid)

    def _military(self, tok: Token) -> list[Arg]:
        """The military bodies a phrase names: itself, or its possessor or compound ("the PLA Navy's frigates",
        "PLA Navy destroyers")."""
        found = [a for a in self.r.entities(tok) if self._type(a.entity) == "MilitaryUnit"]
        if not found:
            found = [Arg(e, "direct", c.i) for c in tok.children if c.dep_ in {"poss", "compound", "nmod"}
                     for e in [self.r.table.entity_of(c)] if e and self._type(e) == "MilitaryUnit"]
        return found

    def _links(self, parties: list[Arg], bodies: list[Arg], trigger: int) -> list[Found]:
        return pairs("mcf_link", [p for p in parties if self._type(p.entity) in PARTIES], bodies, trigger,
                     lambda p, b: one_line(self.r.doc, trigger, p.token, b.token))

    def run(self, sent: Span, toks: list[Token], lemmas: list[str]) -> list[Found]:
        """The mcf_link findings of a sentence (``toks``: its tokens, ``lemmas``: their lower-case lemmas)."""
        out: list[Found] = [f for i, e in self.mcf_roots.items() if sent.start <= i < sent.end
                            for f in self._titled(sent.doc[i], e)]
        for tok, lemma in zip(toks, lemmas, strict=True):
            if lemma not in TRIGGERS:
                continue
            pos = tok.pos_
            if pos == "VERB" and lemma in WORKING:
                out += self._work_for(tok, lemma)
            elif pos == "VERB" and lemma == "rely" and is_stated(tok):
                out += self._relied_on(tok)
            elif pos == "VERB" and lemma == "count" and is_stated(tok):
                out += self._customers(tok)
            elif pos == "NOUN" and lemma in SUPPLIER_NOUNS and is_stated(tok):
                out += self._supplier(tok)
        return out

    def _work_for(self, verb: Token, lemma: str) -> list[Found]:
        """"builds radars for the PLA", "carries out research for the PLA Navy", "supplies the PLA Rocket Force"."""
        fors = prep_objects(verb, {"for", "to"} if lemma in {"supply", "provide"} else {"for"})
        fors += [p for d in _children(verb, {"dobj"}) for p in prep_objects(d, {"for"})]
        bodies = [b for t in fors for b in self._military(t)]
        if lemma in SUPPLY_VERBS:
            bodies += [b for d in _children(verb, {"dobj"}) for b in self._military(d)]
        if not bodies or not is_stated(verb):
            return []
        subj, passive = self.subjects(verb)
        return [] if passive else self._links(subj, bodies, verb.i)

    def _relied_on(self, verb: Token) -> list[Found]:
        """"X, a conglomerate on which the PLA relies", "the PLA relies on X for ..."."""
        bodies = [b for s in _children(verb, {"nsubj"}) for b in self._military(s)]
        if not bodies:
            return []
        parties: list[Arg] = []
        for p in prep_objects(verb, {"on", "upon"}):
            if p.lower_ in {"which", "whom"} and verb.dep_ == "relcl":
                head = verb.head
                parties += self.r.entities(head) or (self.r.entities(head.head) if head.dep_ == "appos" else [])
            else:
                parties += self.r.entities(p)
        for c in verb.children:  # "on which" attached to the verb as a prep whose object is "which"
            if c.dep_ == "prep" and c.lower_ in {"on", "upon"} and not _children(c, {"pobj"}) and verb.dep_ == "relcl":
                parties += self.r.entities(verb.head)
        return self._links(parties, bodies, verb.i)

    def _customers(self, verb: Token) -> list[Found]:
        """"X counts the PLA Army among its customers"."""
        if not any(p.lemma_.lower() in {"customer", "client", "buyer", "user"} for p in prep_objects(verb, {"among"})):
            return []
        bodies = [b for d in _children(verb, {"dobj"}) for b in self._military(d)]
        return self._links(self.subjects(verb)[0], bodies, verb.i) if bodies else []

    def _supplier(self, tok: Token) -> list[Found]:
        """"CASIC is the main supplier of air-defence missiles to the PLA", "X, a contractor for the PLA Navy"."""
        bodies = [b for t in prep_objects(tok, {"to", "for", "of"}) for b in self._military(t)]
        bodies += [b for c in tok.children if c.dep_ in {"compound", "nmod", "poss"} for b in self._military(c)]
        if not bodies:
            return []
        return self._links(self._predicated(tok), bodies, tok.i)

    def _predicated(self, noun: Token) -> list[Arg]:
        """What a noun is said of: "X is a N", "X, a N", "named X a N", "X was designated (as) a N"."""
        while noun.dep_ == "conj":
            noun = noun.head
        head = noun.head
        if noun.dep_ == "appos":
            return self.r.entities(head)
        if noun.dep_ == "attr" and head.lemma_ in {"be", "become", "remain"}:
            return self.subjects(head)[0]
        if noun.dep_ == "pobj" and head.lower_ in {"as", "among", "to", "on", "into"}:
            noun, head = head, head.head
        if noun.dep_ in {"oprd", "prep", "dobj", "xcomp", "ccomp"} and head.pos_ in {"VERB", "AUX"} and \
                head.lemma_.lower() in TITLE_VERBS | {"be", "become"}:
            objs = [d for d in _children(head, {"dobj", "nsubjpass"}) if d.i != noun.i]
            if objs:
                return self.r.entities(objs[0])
            return self.subjects(head)[0]
        return []

    def _titled(self, tok: Token, mcf: str) -> list[Found]:
        """"named X a military-civil fusion enterprise", "X, a military-civil fusion base"."""
        head = tok
        while head.dep_ in {"compound", "amod", "nmod", "npadvmod"} and head.head.i != head.i and \
                head.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
            head = head.head
            if head.lemma_.lower() in MCF_HEADS:
                break
        if head.i == tok.i or head.lemma_.lower() not in MCF_HEADS or not is_stated(head):
            return []
        while head.head.i != head.i and head.head.pos_ == "NOUN" and head.dep_ in {"compound", "amod", "nmod"}:
            head = head.head  # "military-civil fusion demonstration enterprise": up to "enterprise"
        if head.lemma_.lower() == "list":  # "admitted to the list of military-civil fusion key enterprises"
            return []
        return self._links(self._predicated(head), [Arg(mcf, "direct", tok.i)], head.i)
