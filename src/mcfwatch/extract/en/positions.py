"""Positions read from the surface of a sentence, where the parse of long title chains is unreliable.

Patterns (P a person mention, ORG an organisation mention, ROLE a phrase holding a role word):
- right of P: "P, ROLE of/at/with ORG", "P of the ORG", "P with CNN", "P from Defense One",
  "P, a ORG ROLE" ("Simon Ang, a University of Arkansas scientist"), "P, FBI Washington Field Office."
  (an affiliation closing the sentence); "P and P2 of ORG" gives both.
- left of P: "ORG ROLE P" ("FBI Deputy Director David Bowdich", "former Emory University professor X"),
  "ROLE of ORG, ..., P" inside a title chain that ends at P.
- "ORG, a company founded by P": P's position at ORG (founder).
A country is the target only for head-of-state and government titles ("President Xi Jinping of China").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.lexicon import ROLE_NOUNS

# add(person, org, role tokens, trigger token index): records one position held.
AddPosition = Callable[[str, str, list[Token], int], None]

ROLES = ROLE_NOUNS | {
    "prosecutor", "attorney", "judge", "chair", "researcher", "scientist", "professor", "founder", "reporter",
    "correspondent", "editor", "journalist", "commissioner", "undersecretary", "honorable", "investigator",
}
HEAD_TITLES = {"president", "premier", "minister", "king", "queen", "chancellor", "ambassador", "leader", "emperor"}
_CHAIN_WORDS = {"of", "the", "and", ",", "in", "for", "acting", "former", "deputy", "assistant", "vice", "senior",
                "charge", "special", "chief", "general", "&", "’s", "'s"}
_DIRECT_PREPS = {"of", "with", "from", "at"}
_FOUNDED = {"founded", "established", "co-founded", "cofounded", "created"}


class SurfacePositions:
    def __init__(self, resolver: Resolver) -> None:
        self.r = resolver

    def _mentions(self, sent: Span) -> list[tuple[int, int, str]]:
        """(start, end, entity) runs of tokens inside mentions, in order."""
        out: list[tuple[int, int, str]] = []
        te = self.r.table.token_entity
        i = sent.start
        while i < sent.end:
            eid = te.get(i)
            if eid is None:
                i += 1
                continue
            j = i
            while j < sent.end and te.get(j) == eid:
                j += 1
            out.append((i, j, eid))
            i = j
        return out

    def _type(self, eid: str) -> str | None:
        return self.r.table.types.get(eid)

    def _target_ok(self, eid: str, role: list[Token]) -> bool:
        etype = self._type(eid)
        if etype in ORGS:
            return True
        return etype == "Place" and any(t.lemma_.lower() in HEAD_TITLES for t in role)

    @staticmethod
    def _role_words(toks: list[Token]) -> list[Token]:
        return [t for t in toks if t.lemma_.lower() in ROLES or t.lower_ in ROLES]

    def run(self, sent: Span) -> list[Found]:
        doc = sent.doc
        ments = self._mentions(sent)
        at = {s: (s, e, eid) for s, e, eid in ments}
        out: list[Found] = []
        people = [(s, e, eid) for s, e, eid in ments if self._type(eid) == "Person"]

        def org_at(i: int) -> tuple[int, int, str] | None:
            """The mention starting at i (after an optional "the"), through "ORG’s ORG" to the last one."""
            if i < sent.end and doc[i].lower_ == "the":
                i += 1
            m = at.get(i)
            while m is not None and m[1] + 1 < sent.end and doc[m[1]].lower_ in {"’s", "'s"} and m[1] + 1 in at:
                m = at[m[1] + 1]
            return m

        def add(person: str, org: str, role: list[Token], trig: int) -> None:
            if person != org and self._target_ok(org, role):
                text = " ".join(t.text for t in role) or None
                out.append(Found("position", person, org, trig, 0.8, subject=text))

        for ps, pe, pid in people:
            if pid in self.r.titles:  # "the Secretary of the Treasury": a title, not a named person
                continue
            left_role = self._left_chain(sent, ps, ments, add, pid)
            # right of P: skip "and P2" coordination
            j = pe
            while j + 1 < sent.end and doc[j].lower_ == "and" and j + 1 in at and self._type(at[j + 1][2]) == "Person":
                j = at[j + 1][1]
            k = j + 1 if j < sent.end and doc[j].text == "," else j
            # "P, a ORG ROLE"
            k2 = k + 1 if k < sent.end and doc[k].lower_ in {"a", "an", "another", "the"} else k
            k2 = k2 + 1 if k2 < sent.end and doc[k2].lower_ == "former" else k2
            m = org_at(k2)
            if m is not None and m[1] < sent.end and self._role_words([doc[m[1]]]) and k2 != j:
                add(pid, m[2], [doc[m[1]]], m[1])
                continue
            # "P, ROLE ... of ORG" or "P of ORG"
            role: list[Token] = []
            x = k
            while x < sent.end and len(role) < 9 and x not in at and doc[x].lower_ not in _DIRECT_PREPS:
                t = doc[x]
                if not (t.is_title or t.lower_ in _CHAIN_WORDS or t.lower_ in ROLES or t.lower_ in {"a", "an"}):
                    break
                role.append(t)
                x += 1
            if x < sent.end and doc[x].lower_ in _DIRECT_PREPS and (not role or self._role_words(role)):
                if not role and (k != j):  # "P, of ORG" is not a pattern
                    pass
                else:
                    m = org_at(x + 1)
                    if m is not None:
                        add(pid, m[2], role or left_role, x)
                        continue
            # "P, ORG." closing the sentence, also "P, Domestic Operations, ORG’s ORG."
            if k != j:
                y = k
                skipped = 0
                while y < sent.end and y not in at and skipped < 4 and (doc[y].is_title or doc[y].text == ","):
                    y += 1
                    skipped += 1
                m = org_at(y)
                if m is not None and (m[1] >= sent.end or doc[m[1]].is_punct and doc[m[1]].text != ",") \
                        and self._type(m[2]) in ORGS:
                    add(pid, m[2], left_role, y)
        out += self._founded(sent, ments)
        return out

    def _left_chain(self, sent: Span, ps: int, ments: list[tuple[int, int, str]], add: AddPosition,
                    pid: str) -> list[Token]:
        """Scan the title chain that ends at the person; add its "ORG ROLE" and "ROLE of ORG" pairs."""
        doc = sent.doc
        starts = {s: (s, e, eid) for s, e, eid in ments}
        ends = {e: (s, e, eid) for s, e, eid in ments}
        i = ps
        chain: list[int] = []
        while i > sent.start:
            t = doc[i - 1]
            if i in ends and self._type(ends[i][2]) != "Person":
                chain = list(range(ends[i][0], ends[i][1])) + chain
                i = ends[i][0]
                continue
            if i in ends:  # another named person: "A's Vice-Chancellor, X, and B's president, Y" (Y's chain is B's)
                break
            if t.is_title or t.is_upper or t.lower_ in _CHAIN_WORDS or t.lower_ in ROLES or t.lower_ == "former":
                chain.insert(0, i - 1)
                i -= 1
                continue
            break
        role_toks = [doc[c] for c in chain if c not in self.r.table.token_entity]
        if not self._role_words(role_toks):
            return []
        for c in chain:
            if c in starts and c not in (ps,):
                s, e, eid = starts[c]
                nxt: list[Token] = []
                for x in range(e, min(e + 3, ps)):  # the role words right after the body, no comma between
                    if x in self.r.table.token_entity or doc[x].is_punct:
                        break
                    nxt.append(doc[x])
                prev = doc[s - 1] if s > sent.start else None
                prev2 = doc[s - 2] if s - 1 > sent.start else None
                if nxt and self._role_words(nxt[:2]):
                    add(pid, eid, nxt[:2], c)
                elif prev is not None and prev.lower_ in {"of", "at"} and prev2 is not None:
                    role = [prev2] if self._role_words([prev2]) else []
                    if not role and prev2.lower_ == "the" and s - 2 > sent.start:
                        role = self._role_words([doc[s - 3]])
                    if role:
                        add(pid, eid, role, c)
        return self._role_words(role_toks)[-1:]

    def _founded(self, sent: Span, ments: list[tuple[int, int, str]]) -> list[Found]:
        doc = sent.doc
        out: list[Found] = []
        for t in sent:
            if t.lower_ in _FOUNDED and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "by":
                person = next((m for m in ments if m[0] == t.i + 2 and self._type(m[2]) == "Person"), None)
                org = next((m for m in reversed(ments) if m[1] <= t.i and t.i - m[1] <= 8
                            and self._type(m[2]) in ORGS), None)
                if person and org:
                    out.append(Found("position", person[2], org[2], t.i, 0.8, subject="founder"))
        return out
