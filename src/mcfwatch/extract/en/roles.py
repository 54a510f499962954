"""Posts told by role nouns and titles: "Y, director of X", "X's founder, Y", "Huawei CEO Ren Zhengfei",
"President Xi Jinping of the People's Republic of China", "P joined X's board" (docs/annotation.md, position).

A mixin of ``relations.SentenceRules`` (it reads ``self.r`` and ``self.subjects`` from there).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.lexicon import ROLE_NOUNS
from mcfwatch.extract.en.relations_util import _children, _conf, prep_objects


class RoleRules(ABC):
    """Rules for posts told by nouns; the relation finder that mixes them in supplies its arguments."""

    r: Resolver

    @abstractmethod
    def subjects(self, verb: Token) -> tuple[list[Arg], bool]: ...

    def _role(self, tok: Token) -> list[Found]:
        """"the Deputy Mayor and also a member of X", "Y, director of X", "X, who is a professor at Y"."""
        objs = prep_objects(tok, {"of", "at"})
        if not objs:  # "the President and Principal of Queen Mary", "Chairman and CEO of X": the "of" is shared
            objs = [t for c in tok.children if c.dep_ == "conj" and (c.is_title or c.lemma_.lower() in ROLE_NOUNS)
                    and not any(d.dep_ == "det" for d in c.children)  # not "Deputy Mayor and also a member of X"
                    for t in prep_objects(c, {"of", "at"})]
        orgs = [a for t in objs for a in self.r.entities(t)]
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
