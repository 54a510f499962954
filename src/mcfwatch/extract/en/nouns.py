"""Relation rules whose trigger is a noun: agreements, meetings "between A and B", ownership,
participation, funding and membership nouns, and who holds the act a noun names.

A mixin of ``relations.SentenceRules`` (it reads ``self.r``, ``self.subjects``, ``self.objects``,
``self.holder`` and ``self.agreements`` from there). "another memo" with no partner named takes the partner of
the signer's previous agreement (method ``rule+ellipsis``, lower confidence).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from spacy.tokens import Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.extents import MEMBER_HEADS, member_head
from mcfwatch.extract.en.found import Found
from mcfwatch.extract.en.lexicon import ANOTHER_WORDS, MCF_PROGRAM, NOUN_TRIGGERS
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.relations_util import _children, _conf, prep_objects

ELLIPSIS_CONFIDENCE = 0.6
NOUN_KIND = {"memorandum": "memo", "mou": "memo"}
# leaving an agreement tells that it was made (docs/annotation.md 4.3): "withdrew from", "pulled out of"
LEFT_VERBS = {"withdraw", "pull", "exit", "retreat", "step", "back", "drop", "opt"}


def _is_another(tok: Token) -> bool:
    """"another memo", "a second agreement", "a further contract"."""
    return any(c.dep_ in {"det", "amod"} and c.lower_ in ANOTHER_WORDS for c in tok.children)


class NounRules(ABC):
    """Rules for relations told by nouns; the relation finder that mixes them in supplies its arguments."""

    r: Resolver
    holder: str | None
    agreements: list[tuple[int, str, str, str]]  # (trigger, party, party, noun kind) of agreements told so far

    @abstractmethod
    def subjects(self, verb: Token) -> tuple[list[Arg], bool]: ...

    @abstractmethod
    def objects(self, tok: Token, rtype: str) -> list[Arg]: ...

    # ------------------------------------------------------------------ nouns
    def _noun(self, tok: Token, rtype: str) -> list[Found]:
        if rtype == "agreement":
            return self._agreement_noun(tok)
        if rtype == "funding":  # "a grant from X" to the holder
            funders = [a for t in prep_objects(tok, {"from", "by"}) for a in self.r.entities(t)]
            return [Found("funding", f.entity, h.entity, tok.i, _conf(f, h))
                    for f in funders for h in self._noun_holder(tok)]
        if rtype == "participation":  # "his Thousand Talents participation", "participation in X"
            targets = [Arg(e, "direct", c.i) for c in tok.children if c.dep_ == "compound"
                       for e in [self.r.table.entity_of(c)] if e]
            targets += [a for t in prep_objects(tok, {"in", "at"}) for a in self.r.entities(t)]
            return [Found("participation", h.entity, t.entity, tok.i, _conf(h, t))
                    for h in self._noun_holder(tok) for t in targets]
        if rtype == "ownership" and tok.lemma_.lower() == "parent":  # "Y, the parent company of X"
            if tok.dep_ in {"compound", "amod", "nmod"}:
                tok = tok.head
            owned = [a for t in prep_objects(tok, {"of"}) for a in self.r.entities(t)]
            owned += self.r.entities(_children(tok, {"poss"})[0]) if _children(tok, {"poss"}) else []
            owners = [a for c in tok.children if c.dep_ == "appos" for a in self.r.entities(c)]
            if tok.dep_ == "appos":
                owners += self.r.entities(tok.head)
            return [Found("ownership", o.entity, y.entity, tok.i, _conf(o, y)) for o in owners for y in owned]
        if rtype == "member":
            return self._member(tok)
        if rtype == "ownership":  # "Y, a subsidiary of X"
            owned = self._noun_holder(tok)
            owners = [a for t in prep_objects(tok, {"of"}) for a in self.r.entities(t)]
            return [Found("ownership", o.entity, y.entity, tok.i, _conf(o, y)) for o in owners for y in owned]
        parties = self._noun_holder(tok)
        others = self.objects(tok, rtype)
        return [Found(rtype, a.entity, b.entity, tok.i, _conf(a, b)) for a in parties for b in others]

    def _between(self, tok: Token) -> list[Found]:
        """"engagements between President Biden and President Xi": a meeting of exactly two parties."""
        doc = tok.doc
        for j in range(tok.i + 1, min(tok.i + 6, tok.sent.end)):
            if doc[j].lower_ == "between":
                break
            if doc[j].is_punct and doc[j].text != ",":
                return []
        else:
            return []
        parties: list[Arg] = []
        k = j + 1
        while k < tok.sent.end and len(parties) < 3:
            t = doc[k]
            eid = self.r.table.entity_of(t)
            if eid is not None:
                if not parties or parties[-1].entity != eid:
                    parties.append(Arg(eid, "direct", k))
            elif t.lower_ == "and" and len(parties) == 1:
                pass
            elif t.text == "," and parties:
                return []  # "meetings between A, B, C and their counterparts": not one pair
            elif not (t.is_title or t.text == "," or t.lower_ in {"the", "our", "his", "her", "their", "you", "know"}):
                if len(parties) >= 2:
                    break
                if t.lower_ != "and":
                    return []
            k += 1
        if len(parties) != 2 or not is_stated(tok):
            return []
        a, b = parties
        return [Found("meeting", a.entity, b.entity, tok.i, _conf(a, b))]

    def _noun_holder(self, tok: Token) -> list[Arg]:
        """Who the act named by a noun belongs to: possessor, appositive head, or the governing verb's subject."""
        poss = _children(tok, {"poss"})
        if poss:
            return self.r.entities(poss[0])
        first = tok
        while first.dep_ == "conj":
            first = first.head
        if first.dep_ == "appos":
            return self.r.entities(first.head)
        if first.dep_ in {"dobj", "attr", "oprd"} and first.head.pos_ in {"VERB", "AUX"}:
            return self.subjects(first.head)[0]
        if first.dep_ == "pobj" and first.head.head.pos_ in {"VERB", "AUX"} and first.head.lower_ in {"in", "of", "as"}:
            return self.subjects(first.head.head)[0]
        if first.dep_ == "pobj" and first.head.lower_ in {"from", "of"} and \
                first.head.head.lemma_.lower() in LEFT_VERBS:  # "X withdrew from its agreement with Y" (it happened)
            return self.subjects(first.head.head)[0]
        return []

    def _agreement_noun(self, tok: Token) -> list[Found]:
        partners = self._with_parties(tok)
        between = [a for t in prep_objects(tok, {"between", "among"}) for a in self.r.entities(t)]
        subtype, subject = agreement_kind(tok)
        if len(between) >= 2:
            a, b = between[0], between[1]
            return [Found("agreement", a.entity, b.entity, tok.i, _conf(a, b), subtype, subject)]
        if not partners:
            return self._elliptical_agreement(tok, subtype, subject)
        holders = self._noun_holder(tok)
        if not holders and self.holder is not None and self._refers_back(tok):
            holders = [Arg(self.holder, "resolved", tok.i)]
        return [Found("agreement", h.entity, p.entity, tok.i, _conf(h, p), subtype, subject)
                for h in holders for p in partners]

    def _elliptical_agreement(self, tok: Token, subtype: str, subject: str | None) -> list[Found]:
        """"After that, it signed another memo to ...": one more agreement with the partner of the signer's
        previous one (the counterparty is left out, not unknown). Marked as inferred: lower confidence."""
        if not _is_another(tok):
            return []
        out: list[Found] = []
        for h in self._noun_holder(tok):
            partner = self.previous_partner(h.entity, tok.lemma_.lower())
            if partner is not None:
                out.append(Found("agreement", h.entity, partner, tok.i, ELLIPSIS_CONFIDENCE, subtype, subject,
                                 method="rule+ellipsis"))
        return out

    def previous_partner(self, holder: str, lemma: str) -> str | None:
        """The other party of the holder's most recent agreement told before (one named by the same noun first)."""
        mine = [(kind, b if a == holder else a) for _, a, b, kind in reversed(self.agreements) if holder in (a, b)]
        same = [p for kind, p in mine if kind == NOUN_KIND.get(lemma, lemma)]
        candidates = same or [p for _, p in mine]
        return candidates[0] if candidates else None

    @staticmethod
    def _refers_back(tok: Token) -> bool:
        """"One of the contracts", "the other two included an agreement": the agreements spoken of before."""
        sent_words = {t.lower_ for t in tok.sent}
        return bool(sent_words & {"one", "other", "another", "two", "three", "first", "second", "these", "those",
                                  "the"})

    def _with_parties(self, tok: Token) -> list[Arg]:
        toks = prep_objects(tok, {"with"})
        if not toks:  # "an agreement for a project with X" (not into another agreement noun)
            for d in tok.subtree:
                if d.i != tok.i and d.lemma_.lower() in NOUN_TRIGGERS and d.dep_ == "conj":
                    break
                if d.dep_ == "prep" and d.lower_ == "with" and d.head.i != tok.i:
                    toks += _children(d, {"pobj"})
        head = tok
        while head.dep_ in {"pobj", "prep"} and head.head.i != head.i:
            head = head.head
        if not toks and head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_ == "be":
            toks = prep_objects(head.head, {"with"})  # "One of the contracts was with X"
        if not toks and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            toks = prep_objects(tok.head, {"with"})  # "signed a memo ... with X"
        return [a for t in toks for a in self.r.entities(t)]

    def _member(self, tok: Token) -> list[Found]:
        targets = [a for t in prep_objects(tok, {"of", "in"}) for a in self.r.entities(t)]
        out: list[Found] = []
        members = self._noun_holder(tok)
        for t in targets:
            ttype = self.r.table.types.get(t.entity)
            name = self.r.table.names.get(t.entity, "")
            for m in members:
                if ttype == "MilitaryUnit" or (ttype == "Program" and name == MCF_PROGRAM):
                    out.append(Found("mcf_link", m.entity, t.entity, tok.i, _conf(m, t)))
                elif ttype in {"Program", "Event"} or (ttype == "Organization" and membership_body(name)):
                    out.append(Found("participation", m.entity, t.entity, tok.i, _conf(m, t)))
        return out


def membership_body(name: str) -> bool:
    """An organisation one takes part in as a member: its head word says alliance, association, council, ...
    (extents.MEMBER_HEADS), not "union" or "committee": "a member of the European Union", "a member of the Standing
    Committee" (a state, a seat)."""
    return member_head(name) in MEMBER_HEADS


def agreement_kind(tok: Token) -> tuple[str, str | None]:
    """Subtype and subject of an agreement noun from its own words, its "for/on/of" phrase and its purpose
    ("another memo to establish economic and trade cooperation": what it establishes names its kind)."""
    words = {t.lemma_.lower() for t in tok.subtree if t.dep_ != "relcl"} | {tok.lemma_.lower()}
    near = " ".join(t.lower_ for t in tok.subtree)
    purpose = _purpose(tok)
    if purpose is not None:
        aim = {t.lemma_.lower() for t in purpose.subtree}
        kind = _content_kind(aim, " ".join(t.lower_ for t in purpose.subtree))
        if kind is not None:
            return kind, _subject(tok) or _phrase(purpose)
    lemma = tok.lemma_.lower()
    subtype = _content_kind(words, near)
    if subtype in {"friendship_city", "joint_lab", "investment"}:
        pass
    elif lemma in {"memo", "memorandum", "mou"}:
        subtype = "mou"
    elif lemma == "contract":
        subtype = "contract"
    elif subtype is None:
        subtype = "cooperation" if lemma == "partnership" else "other"
    return subtype, _subject(tok)


def _content_kind(words: set[str], near: str) -> str | None:
    """The kind of agreement its words name, if any."""
    if ("friendly" in words or "friendship" in words or "sister" in words) and ("city" in words or "cities" in near):
        return "friendship_city"
    if {"laboratory", "lab"} & words and "joint" in words:
        return "joint_lab"
    if "investment" in words or "invest" in words:
        return "investment"
    if {"cooperation", "partnership", "collaboration"} & words:
        return "cooperation"
    return None


def _purpose(tok: Token) -> Token | None:
    """The object of an agreement's purpose clause: "signed another memo to establish <economic cooperation>"."""
    clauses = [c for c in tok.children if c.dep_ == "acl"]
    if tok.dep_ == "dobj":
        clauses += [c for c in tok.head.children if c.dep_ in {"xcomp", "advcl"}]
    for v in clauses:
        if v.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            objs = _children(v, {"dobj"})
            if objs:
                return objs[0]
    return None


def _phrase(tok: Token) -> str | None:
    words = [t for t in tok.subtree if t.dep_ not in {"det", "punct", "poss"}][:8]
    return " ".join(t.text for t in words) or None


def _subject(tok: Token) -> str | None:
    """"on collaboration in the super grain refiner project" -> "super grain refiner"."""
    cands = [tok]
    head = tok
    while head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head.head
        cands.append(head)
    for w in _children(tok, {"prep"}):  # also the with-party's own phrase ("with X on collaboration in ...")
        for p in _children(w, {"pobj"}):
            cands.append(p)
    if head.dep_ in {"nsubj"} and head.head.lemma_ == "be":
        cands += [p for w in _children(head.head, {"prep"}) if w.lower_ == "with" for p in _children(w, {"pobj"})]
    for c in cands:
        for p in prep_objects(c, {"on", "for", "in"}):
            while p.lemma_.lower() in {"collaboration", "cooperation", "development", "research"}:
                nxt = prep_objects(p, {"in", "on", "of"})
                if not nxt:
                    break
                p = nxt[0]
            words = [t for t in p.subtree if t.i <= p.i and t.dep_ not in {"det", "punct", "poss", "case"}]
            if words and words[-1].lemma_.lower() in {"project", "program", "programme", "field", "area"}:
                words = words[:-1]
            text = " ".join(t.text for t in words)
            if text and not any(w.ent_type_ for w in words if w.ent_type_ in {"GPE", "ORG", "PERSON"}):
                return text
    return None
