"""Agreements told as something set up or run together (docs/annotation.md 4.3: joint_lab "a joint lab, centre,
institute or programme set up, co-run, run jointly with, opened with, launched with"):

- "a lab co-run by [X] and [Y]", "[X] and [Y] co-founded the institute" -> X - Y;
- "[X] runs the centre jointly with [Y]", "[X] established the school together with [Y]", "[X] opened / launched /
  set up a laboratory with [Y]" (the thing set up is a lab, centre, institute, programme and the like);
- "the centre, run jointly with [Y]": the other party is the centre's possessor or the subject of the verb that
  names the centre ("[X] opened a centre, run jointly with [Y]");
- "a joint laboratory of [X] and [Y]", "[X] and [Y]'s joint venture";
- "[X] teamed up with [Y]" (cooperation).
Plans and denials stay out (``is_stated``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.names import country_name
from mcfwatch.extract.en.relations_util import _children, _conf, prep_objects

Subjects = Callable[[Token], tuple[list[Arg], bool]]

# what is set up together: a lab, a centre, a programme ... (head nouns; an entity named so counts too)
JOINT_NOUNS = {"lab", "laboratory", "centre", "center", "institute", "school", "college", "programme", "program",
               "academy", "platform", "base", "venture", "hub", "facility", "project", "course", "degree", "park",
               "incubator", "company", "firm", "station", "campus", "initiative", "partnership",
               "consortium", "alliance", "department", "faculty", "studio", "unit", "office", "clinic", "fund"}
SETUP_VERBS = {"run", "operate", "open", "launch", "set", "establish", "found", "build", "create", "form", "start",
               "manage", "develop", "inaugurate", "unveil", "co-found", "cofound"}
TOGETHER = {"jointly", "together"}
APART = {"each", "respectively", "separately", "independently", "both"}  # "A and B each set up a lab": no joint one
FOUND_VERBS = {"set", "establish", "found", "launch", "create", "form", "co-found", "cofound"}
TRIGGERS = SETUP_VERBS | JOINT_NOUNS | {"team", "agree", "work"}
# who works "with" whom as a cooperation: research bodies and firms, not an office a firm deals with
WORKERS = {"Company", "Organization", "University"}  # not a military unit: "works closely with the PLA Navy" is an mcf_link
# what a party agreed to do with another that makes the agreement a deal ("agreed to buy / supply / set up")
DEAL_VERBS = {"supply", "sell", "provide", "deliver", "ship", "export", "buy", "purchase", "license", "lease", "import",
              "source", "order", "acquire", "invest", "take", "set", "establish", "build", "develop", "form", "create",
              "open", "launch", "cooperate", "collaborate", "partner", "work", "produce", "manufacture", "assemble"}
_LABS = {"lab", "laboratory", "centre", "center", "institute", "school", "college", "academy", "platform", "hub",
         "facility", "station", "campus", "department", "faculty", "studio", "unit", "clinic", "programme", "program",
         "course", "degree", "incubator", "base", "park"}


def _co(tok: Token) -> bool:
    """Written "co-run", "co-founded" (one token, ``coprefix``) or "cofounded"."""
    low = tok.lower_
    return low.startswith("co-") or low.startswith("cofound")


class JointlyRules:
    """The joint set-up rules of one sentence (``run``)."""

    def __init__(self, resolver: Resolver, subjects: Subjects) -> None:
        self.r = resolver
        self.subjects = subjects

    def _orgs(self, toks: list[Token]) -> list[Arg]:
        return self.r.typed(toks, ORGS)

    def _thing(self, verb: Token) -> Token | None:
        """What the verb sets up: its object, its passive subject or the noun its participle hangs off."""
        cands = _children(verb, {"dobj", "nsubjpass"})
        if verb.dep_ in {"acl", "relcl"}:
            cands.append(verb.head)
        elif verb.dep_ == "conj" and not cands:  # "opened a centre, run jointly with Y" (read as two verbs)
            cands = _children(verb.head, {"dobj", "nsubjpass"})
        if verb.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            return None
        together = _co(verb) or any(c.dep_ == "advmod" and c.lower_ in TOGETHER for c in verb.children)
        for c in cands:  # co-run or run jointly: whatever is run ("co-runs an antenna test range")
            if self._joint_thing(c) or (together and c.pos_ == "NOUN"):
                return c
        return None

    def _joint_thing(self, tok: Token) -> bool:
        if tok.lemma_.lower() in JOINT_NOUNS:
            return True
        eid = self.r.table.entity_of(tok)
        name = self.r.table.names.get(eid or "", "").lower().split()
        return eid is not None and self.r.table.types.get(eid) in {"University", "Organization", "Program", "Company"} \
            and bool(set(name) & _LABS)

    def _owner_of(self, thing: Token, verb: Token) -> list[Arg]:
        """The party that a thing named without its owner belongs to: its possessor ("X's centre", "the campus of
        X"), or the subject of the verb whose object it is ("X opened a centre, run jointly with Y")."""
        poss = _children(thing, {"poss"})
        if poss:
            return self._orgs(poss)
        of = self._orgs(prep_objects(thing, {"of"}))  # "the Shenzhen campus of HIT, established with Y"
        if of:
            return of
        if thing.dep_ in {"dobj", "attr"} and thing.head.i != verb.i:
            return [a for a in self.subjects(thing.head)[0] if self.r.table.types.get(a.entity) in ORGS]
        if not (thing.dep_ == "nsubjpass" or verb.head.i == thing.i):
            return []
        # "The centre was opened in 2016 with Leike": the organisation the sentence before is about
        prev = self.r.before(verb.sent, 1)
        for e in self.r.subjects.get(prev[0].start, []) if prev else []:
            if self.r.table.types.get(e) in ORGS - {"MilitaryUnit"}:
                return [Arg(e, "resolved", thing.i)]
        return []

    def _verb(self, tok: Token, lemma: str) -> list[Found]:
        thing = self._thing(tok)
        together = _co(tok) or any(c.dep_ == "advmod" and c.lower_ in TOGETHER for c in tok.children)
        if thing is None and lemma in FOUND_VERBS and _children(tok, {"nsubjpass"}) and \
                len(self._orgs([p for a in _children(tok, {"agent"}) for p in _children(a, {"pobj"})])) >= 2:
            thing, together = _children(tok, {"nsubjpass"})[0], True  # "Guokeyuan was set up by A and B"
            if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
                return []
        if thing is None or not is_stated(tok):
            return []
        # "runs a joint laboratory with Y", "runs a joint centre for optical remote sensing with Y": "joint" says together
        joint = any(c.dep_ in {"amod", "compound"} and c.lower_ == "joint" for c in thing.children)
        together = together or joint
        withs = prep_objects(thing, {"with"}) if thing.head.i == tok.i else []
        if joint and thing.head.i == tok.i:
            withs += [t for t in thing.subtree if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.i != thing.i]
        partners = self._orgs(prep_objects(tok, {"with"}) + withs)
        partners += [a for c in tok.children if c.dep_ == "advmod" and c.lower_ in TOGETHER
                     for a in self._orgs(prep_objects(c, {"with"}))]
        if not together and not partners and lemma in FOUND_VERBS | {"open", "build"} and tok.tag_ != "VBN" \
                and thing.tag_ in {"NN", "NNP"} and not any(t.lower_ in APART for t in tok.sent):
            # "Kelso and NJUST established the Kelso–NJUST Laboratory in 2017": two named founders of one thing
            # (not of several: "Huawei and ZTE have established R&D centres in Europe")
            together = len([a for a in self.subjects(tok)[0] if self.r.table.types.get(a.entity) in ORGS
                            and a.how == "direct"]) >= 2
        if not together and not partners:
            return []
        if lemma in {"run", "manage", "develop", "operate"} and not together:
            return []  # "runs the lab with funding from ...": only with "jointly", "together" or "co-"
        subj, passive = self.subjects(tok)
        own = self.r.table.entity_of(thing)
        subj = [a for a in subj if self.r.table.types.get(a.entity) in ORGS and a.entity != own]
        if not subj and (tok.dep_ in {"acl", "relcl"} or passive) and partners:
            subj = self._owner_of(thing, tok)
        pairs: list[tuple[Arg, Arg]] = []
        if partners:
            pairs = [(s, p) for s in subj for p in partners]
        elif len(subj) >= 2:  # "co-run by X and Y", "X and Y co-founded"
            pairs = [(subj[0], s) for s in subj[1:]]
        kind = "joint_lab" if thing.lemma_.lower() in _LABS or self.r.table.entity_of(thing) else "cooperation"
        return [Found("agreement", a.entity, b.entity, tok.i, _conf(a, b), kind) for a, b in pairs
                if a.entity != b.entity]

    def _noun(self, tok: Token) -> list[Found]:
        """"a joint laboratory of X and Y", "X and Y's joint venture"."""
        if not any(c.dep_ in {"amod", "compound"} and c.lower_ == "joint" for c in tok.children):
            return []
        parties = self._orgs(prep_objects(tok, {"of", "between", "by"}) + _children(tok, {"poss"}))
        if len(parties) != 2 or not is_stated(tok):  # "joint ventures between A and B and C and D": not one pair
            return []
        kind = "joint_lab" if tok.lemma_.lower() in _LABS else "cooperation"
        a = parties[0]
        return [Found("agreement", a.entity, b.entity, tok.i, _conf(a, b), kind) for b in parties[1:]
                if a.entity != b.entity]

    def _team_up(self, tok: Token) -> list[Found]:
        """"X teamed up with Y"."""
        if not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children) or not is_stated(tok):
            return []
        partners = self._orgs(prep_objects(tok, {"with"}))
        subj = self.subjects(tok)[0]
        return [Found("agreement", s.entity, p.entity, tok.i, _conf(s, p), "cooperation") for s in subj
                for p in partners if s.entity != p.entity and self.r.table.types.get(s.entity) in ORGS]

    def _worked_with(self, tok: Token) -> list[Found]:
        """"Brunel University has worked with the National University of Defense Technology on maglev research since
        2017": two research bodies or firms that work together cooperate (a person who works with a body holds a post
        there: ``verbs._position_verb``)."""
        partners = [a for a in self.r.typed(prep_objects(tok, {"with"}), WORKERS)]
        if not partners or not is_stated(tok):
            return []
        subj = [a for a in self.subjects(tok)[0] if self.r.table.types.get(a.entity) in WORKERS]
        return [Found("agreement", s.entity, p.entity, tok.i, _conf(s, p), "cooperation") for s in subj
                for p in partners if s.entity != p.entity]

    def _agreed(self, tok: Token) -> list[Found]:
        """"X agreed to supply fertilizer to Y", "agreed to buy castings from Y", "agreed with Y to set up a joint lab"
        (docs/annotation.md 4.3: "agreed to buy" = a signed deal)."""
        deals = [v for v in _children(tok, {"xcomp"}) if v.lemma_.lower() in DEAL_VERBS]
        with_tok = prep_objects(tok, {"with"})
        if not deals and not with_tok:
            return self._agreed_together(tok)
        if not is_stated(tok):
            return []
        partners = self._orgs(with_tok)
        kind = "cooperation"
        for v in deals:
            lemma = v.lemma_.lower()
            partners += self._orgs(prep_objects(v, {"with"}))
            if lemma in {"supply", "sell", "provide", "deliver", "ship", "export"}:
                partners += self._orgs(prep_objects(v, {"to"}) + _children(v, {"dative"}))
                kind = "contract"
            elif lemma in {"buy", "purchase", "license", "lease", "import", "source", "order"}:
                partners += self._orgs(prep_objects(v, {"from"}))
                kind = "contract"
            elif lemma in {"acquire", "invest", "take"}:
                partners += self._orgs(_children(v, {"dobj"}) + prep_objects(v, {"in"}))
                kind = "investment"
            elif any(self._joint_thing(d) for d in _children(v, {"dobj"})):
                kind = "joint_lab"
        subj = [a for a in self.subjects(tok)[0] if self.r.table.types.get(a.entity) in ORGS | {"Person", "Place"}]
        seen: set[str] = set()
        out: list[Found] = []
        for s in subj:
            for p in partners:
                if s.entity != p.entity and p.entity not in seen:
                    seen.add(p.entity)
                    out.append(Found("agreement", s.entity, p.entity, tok.i, _conf(s, p), kind))
        return out

    def _town(self, a: Arg) -> bool:
        """A city or region that twins with another ("Ballymore and Kilbarry agreed to ..."), not a country: "The US
        and China agreed to resume talks" is diplomacy, no cooperation agreement."""
        return self.r.table.types.get(a.entity) == "Place" and country_name(self.r.table.names[a.entity]) is None

    def _agreed_together(self, tok: Token) -> list[Found]:
        """"In 2019 Queen Mary and Northwestern Polytechnical University agreed to add a programme", "the two
        universities agreed to expand the school": parties that agree together to do something made an agreement
        with each other (not "A and B agreed that ...": an opinion shared; not "A agreed to X" alone)."""
        acts = _children(tok, {"xcomp"})
        if not acts or prep_objects(tok, {"with"}) or not is_stated(tok):
            return []
        subj = [a for a in self.subjects(tok)[0] if (self.r.table.types.get(a.entity) in ORGS or self._town(a))
                and a.how == "direct"]  # named: "Both sides agreed to maintain this channel" is a readout's talk
        if len(subj) < 2:
            return []
        kind = "joint_lab" if any(v.lemma_.lower() in FOUND_VERBS | {"build"} and self._joint_thing(d)
                                  for v in acts for d in _children(v, {"dobj"})) else "cooperation"  # "to set up a lab"
        first = subj[0]
        return [Found("agreement", first.entity, o.entity, tok.i, _conf(first, o), kind) for o in subj[1:]
                if o.entity != first.entity]

    def run(self, sent: Span, toks: list[Token], lemmas: list[str]) -> list[Found]:
        """The agreements a sentence tells as joint set-ups (``lemmas``: its tokens' lower-case lemmas)."""
        out: list[Found] = []
        for tok, lemma in zip(toks, lemmas, strict=True):
            if lemma not in TRIGGERS:
                continue
            if tok.pos_ == "VERB" and lemma in SETUP_VERBS:  # "co-run" reads as "run" (coprefix)
                out += self._verb(tok, lemma)
            elif tok.pos_ == "VERB" and lemma == "team":
                out += self._team_up(tok)
            elif tok.pos_ == "VERB" and lemma == "work":
                out += self._worked_with(tok)
            elif tok.pos_ == "VERB" and lemma == "agree":
                out += self._agreed(tok)
            elif tok.pos_ in {"NOUN", "PROPN"} and lemma in JOINT_NOUNS:
                out += self._noun(tok)
        return out
