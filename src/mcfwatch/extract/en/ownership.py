"""Ownership (owner -> owned) told by the words newswire uses for parents, units and stakes (docs/annotation.md 4.7).

- a unit named with its parent: "X's School of Y", "its College of Z", "the university's Laboratory of ...",
  "the School of Y of X", "the Institute for Y at X", "CETC 54th Research Institute" (two names side by side);
- a unit noun: "Y, a unit / an arm / a division / part of X", "which is part of X", "a CSSC subsidiary",
  "X's venture arm, Y", "the AVIC unit";
- "Y belongs to X", "Y is (40 percent / wholly / majority-) owned by X", "a company 51 percent owned by X";
- stakes and completed acquisitions: "X holds 49 percent of Y", "X took a 22 percent stake in Y", "X bought
  12 percent of Y", "in which X holds 18 percent", "X completed its acquisition of Y", "the acquisition of Y
  by X", "Y's controlling shareholder is X", "the owner of Y".
Both parties must be organisations (a person may own a company: "the owner of Y", a stake), never a place;
plans and negations are left out by ``modality.is_stated`` and by a blocked or proposed takeover.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.relations_util import pairs, prep_objects

Subjects = Callable[[Token], tuple[list[Arg], bool]]

# the head word of a named unit of a university, a group or a government body ("School of Aeronautics",
# "54th Research Institute", "Key Laboratory of ...", "Defence Export Controls branch")
UNIT_WORDS = {"school", "college", "department", "faculty", "institute", "laboratory", "lab", "laboratories",
              "centre", "center", "office", "academy", "division", "branch", "bureau", "committee", "establishment",
              "base", "subcommittee", "institution", "workstation", "station", "unit", "arm", "subsidiary"}
# nouns saying the one is a unit of the other: "Y, a unit of X", "X's venture arm, Y"
UNIT_NOUNS = {"unit", "arm", "division", "part", "subsidiary", "branch", "subunit", "offshoot", "spinout", "spinoff",
              "spin-out", "spin-off"}
# "Y, a spin-out company of X", "a spin-off firm of X" (the parse splits "spin-out" into compounds)
SPUN_HEADS = {"company", "firm", "venture", "startup", "start-up", "business"}
STAKE_WORDS = {"percent", "per", "%", "stake", "share", "shares", "majority", "interest", "equity", "cent"}
HOLDER_NOUNS = {"shareholder", "owner", "co-owner", "stakeholder"}
STAKE_VERBS = {"hold", "own", "take", "acquire", "buy", "purchase", "have", "keep", "retain", "control"}
TAKEOVER_NOUNS = {"acquisition", "takeover", "purchase", "buyout"}
DONE_VERBS = {"complete", "finalize", "finalise", "close", "conclude", "make"}
CALLED_OFF = {"block", "reject", "veto", "abandon", "cancel", "scrap", "oppose", "review", "approve", "seek",
              "propose", "plan", "announce", "consider", "investigate", "halt", "stop", "prevent", "clear"}
NOT_DONE = {"proposed", "planned", "attempted", "failed", "abortive", "possible", "potential", "blocked",
            "pending", "rumoured", "rumored", "hostile"}
# the head of a named unit told by a common noun with its parent: "Y, a research institute of X", "Y is the
# Shenzhen campus of X", "a CETC institute", "X's investment fund, Y" (beside the unit nouns above)
UNIT_HEADS = {"institute", "institution", "laboratory", "lab", "centre", "center", "academy", "school", "college",
              "faculty", "department", "campus", "fund", "bureau", "office"}
# what follows "Institute of" / "Academy of" in the name of a university or an academy of its own, not a unit
# ("Beijing Institute of Technology", "China Academy of Engineering Physics"); any field ending in "science(s)" is
# one too ("Chinese Academy of Sciences", "Chinese Academy of Fishery Sciences", "Academy of Military Science"), and
# a society's "Institute of ... Engineers"
TOP_LEVEL = {"technology", "science and technology", "engineering", "engineering physics", "engineering and technology",
             "fine arts", "arts", "music"}
TOP_LEVEL_ENDS = ("science", "sciences", "engineers")
# divesting presupposes owning, whatever governs it (docs/annotation.md 5: a sold-off subsidiary is a fact now ended):
# "CFIUS ordered Beijing Kunlun Tech to divest Grindr", "X divested its stake in Y", "X will divest itself of Y"
DIVEST_WORDS = {"divest", "divests", "divested", "divesting"}
TRIGGERS = UNIT_NOUNS | UNIT_HEADS | STAKE_WORDS | TAKEOVER_NOUNS | HOLDER_NOUNS | SPUN_HEADS | \
    {"belong", "own", "control", "hold"}
OWNERS = ORGS
PERSON_OWNERS = ORGS | {"Person"}
PARENTS = ORGS - {"Organization"}  # a parent named beside or after its unit


def one_line(doc: Doc, *tokens: int) -> bool:
    """No line break between the tokens (a list of bullet lines is often parsed as one sentence)."""
    lo, hi = min(tokens), max(tokens)
    return "\n" not in doc[lo:hi + 1].text


def _spun(tok: Token) -> bool:
    """"a spin-out company", "a spin-off firm": the parse's compounds "spin" and "out" / "off" before the noun."""
    words = {t.lower_ for c in tok.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i
             for t in c.subtree}
    return "spin" in words and bool(words & {"out", "off"}) or bool(words & {"spinout", "spinoff", "spin-out",
                                                                              "spin-off"})


def unit_name(name: str) -> bool:
    """A unit's name: its first or last word is a unit word ("Institute of Semiconductors", "X Research Centre"), or
    its head word before "of/for/on" is ("Nanjing Research Institute of Electronics Technology", "Hefei Institutes of
    Physical Science"), unless the name is that of a top-level body: a field ending as a university's or an
    academy's does ("Beijing Institute of Technology", "Chinese Academy of Agricultural Sciences"; not after
    "Research ..." nor with a plural head). The type is not read: the typer calls many research institutes
    universities ("Changchun Institute of Optics, Fine Mechanics and Physics"; dev CV: 11 ownerships lost)."""
    words = name.lower().replace(",", " ").split()
    if not words:
        return False
    k = next((i for i, w in enumerate(words) if w in {"of", "for", "on"}), 0)
    head = words[k - 1] if k > 0 else ""
    if head and not (head.endswith("s") and head[:-1] in UNIT_WORDS) and (k < 2 or words[k - 2] != "research"):
        field = " ".join(words[k + 1:])
        if field in TOP_LEVEL or field.endswith(TOP_LEVEL_ENDS):
            head = ""
    return (words[0] in UNIT_WORDS or words[-1] in UNIT_WORDS or head in UNIT_WORDS or
            head.endswith("s") and head[:-1] in UNIT_WORDS or
            (len(words) > 1 and words[0] in {"key", "state"} and words[1] in UNIT_WORDS))


class Ownership:
    """The ownership rules of one sentence (``run``), with the resolver of the document."""

    def __init__(self, resolver: Resolver, subjects: Subjects) -> None:
        self.r = resolver
        self.subjects = subjects
        self.runs: list[tuple[int, int, str]] = []  # (start, end, entity) of organisation mentions in the document
        for i, eid in sorted(resolver.table.token_entity.items()):
            if self.runs and self.runs[-1][1] == i and self.runs[-1][2] == eid:
                self.runs[-1] = (self.runs[-1][0], i + 1, eid)
            elif resolver.table.types.get(eid) in ORGS:
                self.runs.append((i, i + 1, eid))

    # ------------------------------------------------------------------ helpers
    def _type(self, eid: str) -> str | None:
        return self.r.table.types.get(eid)

    def _is_unit(self, eid: str) -> bool:
        """The entity's name is that of a unit (``unit_name``)."""
        return unit_name(self.r.table.names.get(eid, ""))

    def _args(self, tok: Token) -> list[Arg]:
        """The entities tok stands for; a common noun standing for a named appositive or head ("Y, a company
        51 percent owned by X")."""
        out = self.r.entities(tok)
        if not out and tok.dep_ == "appos":
            out = self.r.entities(tok.head)
        if not out:
            out = [a for c in tok.children if c.dep_ == "appos" for a in self.r.entities(c)]
        return out

    def _possessor(self, tok: Token, want: set[str]) -> list[Arg]:
        """The organisations a possessor stands for (a pronoun or a definite description: of the types wanted); a pronoun or a definite description ("its",
        "the university's") never stands for a unit here (a unit sits in its parent, not the other way)."""
        return [a for a in self.r.entities(tok, want=frozenset(want)) if self._type(a.entity) in ORGS and
                (a.how == "direct" or (self._type(a.entity) in want and not self._is_unit(a.entity)))]

    def _found(self, owners: list[Arg], owned: list[Arg], trigger: int, people: bool = False) -> list[Found]:
        ok = PERSON_OWNERS if people else OWNERS
        return pairs("ownership", [o for o in owners if self._type(o.entity) in ok],
                     [y for y in owned if self._type(y.entity) in ORGS], trigger,
                     lambda o, y: one_line(self.r.doc, trigger, o.token, y.token))

    # ------------------------------------------------------------------ the sentence
    def run(self, sent: Span, toks: list[Token], lemmas: list[str]) -> list[Found]:
        """The ownership findings of a sentence (``toks``: its tokens, ``lemmas``: their lower-case lemmas)."""
        out: list[Found] = []
        for tok, lemma in zip(toks, lemmas, strict=True):
            if tok.dep_ == "poss":
                out += self._possessive(tok)
            if tok.lower_ in DIVEST_WORDS:  # the parser's lemma may be "div"
                out += self._divested(tok)
            if lemma not in TRIGGERS:
                continue
            pos = tok.pos_
            if pos in {"NOUN", "PROPN", "SYM"} and lemma in STAKE_WORDS:
                out += self._stake(tok)
            if pos == "VERB" and lemma == "belong" and is_stated(tok):
                owners = [a for t in prep_objects(tok, {"to"}) for a in self.r.entities(t)]
                out += self._found(owners, self.subjects(tok)[0], tok.i)
            elif (lemma in {"own", "control"} or lemma == "hold" and self._staked(tok)) and \
                    tok.dep_ in {"acomp", "amod", "acl"} and is_stated(tok):
                out += self._owned_by(tok)
            elif pos in {"NOUN", "PROPN"} and (lemma in UNIT_NOUNS or lemma in SPUN_HEADS and _spun(tok)) \
                    and is_stated(tok):
                out += self._unit_noun(tok, lemma)
            elif pos == "NOUN" and lemma in UNIT_HEADS and self.r.table.entity_of(tok) is None and \
                    (tok.dep_ in {"appos", "attr"} or any(c.dep_ == "appos" for c in tok.children)) and is_stated(tok):
                out += self._unit_noun(tok, lemma)  # "Y, a research institute of X", "X's investment fund, Y"
            elif pos == "NOUN" and lemma in TAKEOVER_NOUNS and is_stated(tok):
                out += self._takeover(tok)
            elif pos == "NOUN" and lemma in HOLDER_NOUNS and is_stated(tok):
                out += self._holder(tok, lemma)
        out += self._side_by_side(sent)
        out += self._unit_of(sent, toks)
        return out

    def _divested(self, verb: Token) -> list[Found]:
        """"X divested Y", "ordered X to divest Y", "X divested its stake in Y", "divest itself of Y": X owned Y."""
        owners, passive = self.subjects(verb)
        if passive:
            return []
        if verb.dep_ in {"xcomp", "ccomp"}:  # "ordered X to divest Y": the object of the order divests
            ordered = [a for d in verb.head.children if d.dep_ == "dobj" and d.i < verb.i for a in self._args(d)]
            owners = ordered or owners
        objs = [d for d in verb.children if d.dep_ == "dobj"]
        owned = [a for d in objs if d.lower_ not in {"itself", "themselves"} for a in self._args(d)]
        owned += [a for d in objs for t in prep_objects(d, {"in", "of"}) for a in self._args(t)]
        owned += [a for t in prep_objects(verb, {"of"}) for a in self._args(t)]
        return self._found(owners, owned, verb.i)

    def _possessive(self, tok: Token) -> list[Found]:
        """"CETC's 54th Research Institute", "its School of Aeronautics", "the university's laboratory X"."""
        head = tok.head
        owned = [Arg(e, "direct", head.i) for e in [self.r.table.entity_of(head)] if e]
        if not owned or not all(self._is_unit(a.entity) for a in owned):
            return []
        if self.r.table.entity_of(tok) == owned[0].entity:
            return []
        unit_type = self._type(owned[0].entity) or ""
        want = {unit_type, "Company"} if unit_type != "University" else {"University", "Company", "PublicBody"}
        return self._found(self._possessor(tok, want | {"MilitaryUnit"}), owned, head.i)

    def _unit_noun(self, tok: Token, lemma: str) -> list[Found]:
        """"Y, a unit of X", "Y is part of X", "which is itself part of X", "X's venture arm, Y", "a CSSC
        subsidiary", "the AVIC unit headquartered in Nanchang"."""
        if lemma == "part" and (tok.dep_ not in {"attr", "appos", "npadvmod", "conj", "advcl", "oprd"}
                                or tok.head.lemma_.lower() in {"take", "play", "form"}):
            return []
        owners = [a for t in prep_objects(tok, {"of"}) for a in self.r.entities(t)]
        owners += [a for c in tok.children if c.dep_ in {"poss", "compound", "nmod"}
                   for a in self._possessor(c, ORGS - {"Organization"})]
        if not owners:
            return []
        owned = [a for c in tok.children if c.dep_ == "appos" for a in self.r.entities(c)]
        if tok.dep_ == "appos":
            owned += self.r.entities(tok.head)
        elif tok.dep_ in {"attr", "npadvmod", "oprd"} and tok.head.lemma_ in {"be", "become", "remain"}:
            owned += self.subjects(tok.head)[0]
        elif tok.dep_ == "conj" and tok.head.dep_ == "appos":  # "Y, then part of X"
            owned += self.r.entities(tok.head.head)
        return self._found(owners, [a for a in owned if all(a.entity != o.entity for o in owners)], tok.i)

    @staticmethod
    def _staked(tok: Token) -> bool:
        """"62 percent held by X": a stake beside the participle (the noun it hangs off, or its modifier)."""
        return tok.head.lemma_.lower() in STAKE_WORDS or any(
            c.lemma_.lower() in STAKE_WORDS for c in tok.children if c.dep_ in {"npadvmod", "advmod"})

    def _owned_by(self, tok: Token) -> list[Found]:
        """"Y is 40 percent owned by X" (the parse makes "owned" an adjectival complement, or a clause on the
        "percent" the copula's attribute), "a company wholly owned by X", "Y: ...; wholly owned by X" (hung on the
        line's verb), "62 percent held by X"."""
        owners = [a for t in prep_objects(tok, {"by"}) for a in self._args(t)]
        if not owners:
            return []
        head = tok.head
        while head.lemma_.lower() in STAKE_WORDS and head.dep_ in {"appos", "npadvmod", "nummod"}:
            head = head.head  # "a company 51 percent owned by X"
        if head.lemma_.lower() in STAKE_WORDS and head.dep_ in {"attr", "acomp"} and \
                head.head.lemma_.lower() in {"be", "remain", "become"}:
            owned = self.subjects(head.head)[0]  # "Quanxin is 45 percent owned by X"
        elif tok.dep_ == "acomp":
            owned = self.subjects(head)[0]
        elif head.i == tok.head.i and head.pos_ in {"VERB", "AUX"}:  # "...; wholly owned by X", hung on the verb
            owned, passive = self.subjects(head)
            owned = [] if passive else owned
        else:
            owned = self._args(head)
        return self._found(owners, owned, tok.i, people=True)

    def _stake(self, tok: Token) -> list[Found]:
        """"X holds 49 percent of Y", "took a 22 percent stake in Y", "bought 12 percent of the company", "in
        which X holds 18 percent"."""
        if tok.lemma_.lower() in {"share", "shares", "interest", "equity", "majority"} and \
                not any(c.like_num or c.lower_ in {"controlling", "majority", "minority"} for c in tok.subtree):
            return []  # "shares of" alone is no stake in a company; "a 30 percent share" is
        if tok.lemma_.lower() == "stake" or tok.like_num or any(c.like_num for c in tok.children):
            pass
        else:
            return []
        verb = tok.head
        while verb.dep_ in {"compound", "nummod", "amod", "quantmod", "dobj", "pobj", "prep", "npadvmod"} and \
                verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in STAKE_VERBS or not is_stated(verb):
            return []
        if tok.i <= verb.i:
            return []  # the stake is the verb's object, after it
        owners, passive = self.subjects(verb)
        if passive:
            return []
        owned = [a for t in prep_objects(tok, {"of", "in"}) for a in self._args(t)]
        if not owned:
            owned = [a for t in prep_objects(verb, {"in", "of"}) for a in self._args(t)]
        if not owned:  # "in which X holds 18 percent": the noun the relative clause hangs off
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "which" for p in c.children) and \
                        verb.dep_ == "relcl":
                    owned = [Arg(e, "direct", verb.head.i) for e in [self.r.table.entity_of(verb.head)] if e]
        return self._found(owners, owned, verb.i, people=True)

    def _takeover(self, tok: Token) -> list[Found]:
        """"X completed its acquisition of Y", "the acquisition of Y by X", "X's takeover of Y"."""
        if any(c.lower_ in NOT_DONE for c in tok.children):
            return []
        gov = tok.head if tok.dep_ in {"dobj", "nsubjpass", "nsubj", "pobj"} else None
        if gov is not None and gov.lemma_.lower() in CALLED_OFF:
            return []
        owned = [a for t in prep_objects(tok, {"of"}) for a in self._args(t)]
        by = prep_objects(tok, {"by"})
        owners = [a for t in by for a in self.r.entities(t)]
        owned += [a for t in by for o in prep_objects(t, {"of"}) for a in self._args(o)]  # "by X of Y"
        owners += [a for c in tok.children if c.dep_ == "poss" for a in self._possessor(c, ORGS)]
        if not owners and gov is not None and tok.dep_ == "dobj" and gov.lemma_.lower() in DONE_VERBS:
            owners = self.subjects(gov)[0]
        return self._found(owners, owned, tok.i)

    def _holder(self, tok: Token, lemma: str) -> list[Found]:
        """"Y's controlling shareholder is X", "X, the largest shareholder of Y", "Linda Yao, owner of Y"."""
        owned = [a for t in prep_objects(tok, {"of", "in"}) for a in self.r.entities(t)]
        owned += [a for c in tok.children if c.dep_ == "poss" for a in self._possessor(c, {"Company"})]
        owners: list[Arg] = []
        if tok.dep_ == "appos":
            owners = self.r.entities(tok.head)
        elif tok.dep_ == "attr" and tok.head.lemma_ == "be":
            owners = self.subjects(tok.head)[0]
        elif tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            owners = [a for c in tok.head.children if c.dep_ == "attr" for a in self.r.entities(c)]
        owners += [a for c in tok.children if c.dep_ == "appos" for a in self.r.entities(c)]
        return self._found(owners, owned, tok.i, people=True)

    def _runs(self, sent: Span) -> list[tuple[int, int, str]]:
        """(start, end, entity) of the organisation mentions in the sentence, in order."""
        lo = bisect_left(self.runs, (sent.start, 0, ""))
        out: list[tuple[int, int, str]] = []
        for run in self.runs[lo:]:
            if run[0] >= sent.end:
                break
            out.append(run)
        return out

    def _side_by_side(self, sent: Span) -> list[Found]:
        """"CETC 54th Research Institute", "Chinese Academy of Sciences Institute of Computing Technology": a
        unit's name right after its parent's."""
        out: list[Found] = []
        runs = self._runs(sent)
        for (_, a_end, a), (b_start, _, b) in pairwise(runs):
            if a_end != b_start or a == b:
                continue
            if self._type(a) in PARENTS and self._is_unit(b) and (not self._is_unit(a) or self._type(a) != self._type(b)):
                out.append(Found("ownership", a, b, b_start, 0.75))
        return out

    def _unit_of(self, sent: Span, toks: list[Token]) -> list[Found]:
        """"the Committee on Financial Services of the House of Representatives", "the Institute for Digital
        Infrastructure at Uppsala Polytechnic": a unit's name, then "of/at" and its parent."""
        out: list[Found] = []
        runs = self._runs(sent)
        for (_, u_end, unit), (p_start, _, parent) in pairwise(runs):
            if p_start - u_end > 2:
                continue
            gap = [t.lower_ for t in toks[u_end - sent.start:p_start - sent.start]]
            if gap not in (["of"], ["at"], ["of", "the"], ["at", "the"]) or parent == unit or not self._is_unit(unit):
                continue
            if gap[0] == "at" and self._type(parent) != "University":
                continue
            if self._type(parent) in PARENTS:
                out.append(Found("ownership", parent, unit, u_end, 0.75))
        return out
