"""Delegations received (docs/annotation.md 4.2 meeting: "received" counts as meeting; 4.1: a delegation "led by
X" stands for X).

- "[X] received / welcomed / met a delegation of / from [Y], led by its deputy director [Z]" -> meeting X — Y (a
  named body that sent the delegation, not a place: the place's people are not named) and X — Z (the leader).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.relations_util import _children, pairs, prep_objects

Subjects = Callable[[Token], tuple[list[Arg], bool]]

RECEIVE_VERBS = {"receive", "welcome", "meet", "greet"}
PARTY_NOUNS = {"delegation", "team", "group", "mission", "visitor", "guest"}
HOSTS = ORGS | {"Person"}


class Hosting:
    """The delegations received in one sentence (``run``)."""

    def __init__(self, resolver: Resolver, subjects: Subjects) -> None:
        self.r = resolver
        self.subjects = subjects

    def _leaders(self, party: Token) -> list[Arg]:
        """"a delegation ..., led by its chairman, Z": the people named after "led by" on the party or its sender."""
        leds = [c for t in [party] + prep_objects(party, {"from", "of"}) for c in t.children
                if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in {"lead", "head"}]
        agents = [p for v in leds for a in _children(v, {"agent"}) for p in _children(a, {"pobj"})]
        return self.r.typed(agents, {"Person"})

    def _received(self, verb: Token) -> list[Found]:
        parties = [d for d in _children(verb, {"dobj"}) if d.lemma_.lower() in PARTY_NOUNS]
        if not parties or not is_stated(verb):
            return []
        subj, passive = self.subjects(verb)
        hosts = [] if passive else [a for a in subj if self.r.table.types.get(a.entity) in HOSTS]
        guests: list[Arg] = []
        for party in parties:
            guests += self.r.typed(prep_objects(party, {"from", "of"}), ORGS) + self._leaders(party)
        return pairs("meeting", hosts, guests, verb.i)

    def run(self, sent: Span, toks: list[Token], lemmas: list[str]) -> list[Found]:
        """The meetings with delegations a sentence tells (``lemmas``: its tokens' lower-case lemmas)."""
        out: list[Found] = []
        for tok, lemma in zip(toks, lemmas, strict=True):
            if tok.pos_ == "VERB" and lemma in RECEIVE_VERBS:
                out += self._received(tok)
        return out
