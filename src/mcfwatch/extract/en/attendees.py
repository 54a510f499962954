"""Participants named in an "including" list (docs/annotation.md 4.8):

- "30 firms took part, including [A] and [B]", "last year's edition drew 300 exhibitors, including [A] and [B]",
  "Participants came from 22 universities, including [A], [B] and [C]", "exhibitors such as [A]" -> A, B, C take
  part in the event the sentence names, else the one the document named last before.
The list must hang on a word for those taking part (exhibitors, participants ...) or on a group (firms,
universities ...) that the sentence says took part, came, attended or was drawn.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.parts import PARTICIPANT_NOUNS
from mcfwatch.extract.en.relations_util import pairs, prep_objects

EVENTS = frozenset({"Event"})
GROUP_NOUNS = {"firm", "company", "university", "institution", "organisation", "organization", "delegation", "team",
               "enterprise", "business", "institute", "school", "college", "city", "exhibitor", "participant",
               "recruiter", "group", "body", "agency", "government", "manufacturer", "maker", "supplier", "country"}
# what the group did: it took part (its subject), or the event drew it (its object)
PART_VERBS = {"take", "attend", "participate", "exhibit", "come", "join", "gather", "travel", "send"}
DRAW_VERBS = {"draw", "attract", "bring", "gather", "welcome", "host", "include", "have", "feature"}
LIST_PREPS = {"including", "include", "like"}
MEMBERS = ORGS | {"Person", "Place"}


class Attendees:
    """The "including" lists of one sentence (``run``)."""

    def __init__(self, resolver: Resolver) -> None:
        self.r = resolver

    def _group_took_part(self, group: Token) -> Token | None:
        """The verb by which the sentence says the group took part, or None."""
        head = group.head
        if group.dep_ == "pobj" and head.lower_ == "from" and head.head.lemma_.lower() == "come":
            return head.head  # "Participants came from 22 universities, including ..."
        if group.dep_ in {"nsubj", "nsubjpass"} and head.lemma_.lower() in PART_VERBS:
            return head
        if group.dep_ == "dobj" and head.lemma_.lower() in DRAW_VERBS:
            return head
        if group.lemma_.lower() in PARTICIPANT_NOUNS and head.pos_ in {"VERB", "AUX"}:
            return head
        return None

    def _list(self, prep: Token) -> list[Found]:
        group = prep.head
        if group.lemma_.lower() not in GROUP_NOUNS | PARTICIPANT_NOUNS:
            return []
        verb = self._group_took_part(group)
        if verb is None or verb.pos_ not in {"VERB", "AUX"} or not is_stated(verb):
            return []
        if verb.lemma_.lower() == "take" and not any(c.lower_ == "part" for c in verb.children):
            return []
        members = self.r.typed([c for c in prep.children if c.dep_ == "pobj"], MEMBERS)
        events = self.r.typed(prep_objects(verb, {"at", "in", "to"}) + prep_objects(group, {"at", "in"}) +
                              [c for c in verb.children if c.dep_ in {"nsubj", "dobj"} and c is not group], EVENTS)
        if not events:
            events = self.r.last_named(prep.i, EVENTS, prep.i)
        places = group.lemma_.lower() in {"city", "country"}  # "delegations from 24 cities, including ..."
        members = [m for m in members if places or self.r.table.types.get(m.entity) != "Place"]
        return pairs("participation", members, events, prep.i)

    def run(self, sent: Span, toks: list[Token], lemmas: list[str]) -> list[Found]:
        """The participants a sentence lists (``lemmas``: its tokens' lower-case lemmas)."""
        out: list[Found] = []
        for tok, lemma in zip(toks, lemmas, strict=True):
            if tok.dep_ == "prep" and (lemma in LIST_PREPS or tok.lower_ == "as" and
                                       any(c.lower_ == "such" for c in tok.children)):
                out += self._list(tok)
        return out
