"""Friendship-city ties told by the noun (docs/annotation.md 4.3, agreement/friendship_city: sister or friendly cities,
states, provinces):

- "[A] and [B] have been sister cities since 2009", "[A] and [B] became friendship cities";
- "[A]'s sister city, [B]", "[B], [A]'s partner city since 2015", "[B] is a sister city of [A]";
- by the verb: "[A] is twinned with [B]", "[B], which [A] has been paired with since 2012", "[A] and [B] were
  twinned in 1985"; not "paired" in a passage on aid ("paired with Kashgar under the counterpart assistance
  programme": China's domestic pairing assistance).
Each tie is one agreement between the two places (or their governments).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import Found
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.relations_util import _children, _conf, prep_objects

TIE_WORDS = {"sister", "twin", "partner", "friendship", "friendly", "twinned", "sister-city"}
PLACE_NOUNS = {"city", "cities", "state", "states", "province", "provinces", "town", "towns", "county", "counties",
               "region", "regions", "municipality", "prefecture"}
PARTIES = {"Place", "PublicBody"}
TIE_VERBS = {"twin", "pair"}
# China's domestic pairing assistance ("Shanghai has been paired with Kashgar under the counterpart assistance
# programme", "paired for poverty alleviation"): "pair" in a passage that speaks of aid is no friendship tie
AID_WORDS = frozenset({"counterpart", "assistance", "aid", "poverty", "alleviation", "relief", "targeted",
                       "rejuvenation", "revitalization", "revitalisation"})
# the aid words that mark the whole passage as pairing assistance when they come a sentence or two before "paired"
# (the others, "relief", "aid", "targeted", there speak of something else: "... sent disaster relief. In 2012 the
# two cities were paired")
PASSAGE_AID_WORDS = frozenset({"counterpart", "poverty", "alleviation"})


def is_tie(tok: Token) -> bool:
    """"sister city", "friendship cities", "twin town", "partner province"."""
    return tok.lemma_.lower() in PLACE_NOUNS | {"city"} and any(
        c.dep_ in {"amod", "compound"} and c.lower_ in TIE_WORDS for c in tok.children)


class Twinning:
    """The friendship-city rules of one sentence (``run``)."""

    def __init__(self, resolver: Resolver) -> None:
        self.r = resolver

    def _places(self, toks: list[Token]) -> list[Arg]:
        return self.r.typed(toks, PARTIES)

    def _tie(self, tok: Token) -> list[Found]:
        own = self._places(_children(tok, {"poss"}) + prep_objects(tok, {"of", "with"}))
        other: list[Arg] = []
        head = tok.head
        if tok.dep_ == "appos":  # "B, A's sister city"
            other = self._places([head])
        elif tok.dep_ in {"attr", "oprd"} and head.pos_ in {"AUX", "VERB"}:  # "A and B have been sister cities"
            other = self._places(_children(head, {"nsubj", "nsubjpass"}))
        other += self._places([c for c in tok.children if c.dep_ == "appos"])  # "A's sister city, B"
        other = [a for a in other if all(a.entity != b.entity for b in own)]
        if own and other:
            pairs = [(a, b) for a in own for b in other]
        elif len(other) >= 2 and tok.dep_ in {"attr", "oprd"} and tok.tag_ == "NNS":
            pairs = [(other[0], other[1])]
        else:
            return []
        verb = head if head.pos_ in {"AUX", "VERB"} else tok
        if not is_stated(verb):
            return []
        return [Found("agreement", a.entity, b.entity, tok.i, _conf(a, b), "friendship_city") for a, b in pairs
                if a.entity != b.entity]

    def _tie_verb(self, tok: Token) -> list[Found]:
        """"A is twinned with B", "which A has been paired with", "A and B were twinned": places only."""
        own = self._places(_children(tok, {"nsubj", "nsubjpass"}))
        other = [a for a in self._places(prep_objects(tok, {"with"})) if all(a.entity != b.entity for b in own)]
        if own and other:
            pairs = [(a, b) for a in own for b in other]
        elif len(own) == 2 and not prep_objects(tok, {"with"}):
            pairs = [(own[0], own[1])]
        else:
            return []
        if not is_stated(tok) or tok.lemma_.lower() == "pair" and self._aid(tok):
            return []
        return [Found("agreement", a.entity, b.entity, tok.i, _conf(a, b), "friendship_city") for a, b in pairs
                if a.entity != b.entity]

    def _aid(self, tok: Token) -> bool:
        """The sentence of a "pair" verb speaks of aid (counterpart assistance, poverty alleviation), or one of the two
        before it of counterpart or poverty-alleviation aid: no friendship tie."""
        return any(t.lower_ in AID_WORDS for t in tok.sent) or \
            any(t.lower_ in PASSAGE_AID_WORDS for s in self.r.before(tok.sent, 2) for t in s)

    def run(self, sent: Span, toks: list[Token], lemmas: list[str]) -> list[Found]:
        """The friendship-city ties a sentence tells by the noun (``lemmas``: its tokens' lower-case lemmas)."""
        out: list[Found] = []
        for tok, lemma in zip(toks, lemmas, strict=True):
            if lemma in PLACE_NOUNS and tok.pos_ in {"NOUN", "PROPN"} and is_tie(tok):
                out += self._tie(tok)
            elif lemma in TIE_VERBS and tok.pos_ == "VERB":
                out += self._tie_verb(tok)
        return out
