"""Who organised an event and who took part in it, told outside a verb's arguments (docs/annotation.md 4.8, 4.9):

- label lines: "Organisers: [A] and [B]", "Hosts: ...", "Exhibitors: ...", "Participants: ..." -> each named
  organises / takes part in the event the line names, else the event the document named last before it;
- "[X] was among the 40 companies at the [Expo]", "[X] was one of the exhibitors at the [Expo]" -> participation;
- "the [Forum], held under the auspices of [X]" -> organizer X -> the forum;
- doing something at an event: "[X] met Y at the [G20 summit]", "[X] signed a contract with Y at the [Fair]",
  "[X] interviewed 60 candidates at the [Talent Fair]" -> X takes part in it (the one met or signed with: not
  always, on the training documents, so not at all);
- "[A] and [B] also took part" (no event named) -> the event the document named last (``parts.took_part_unnamed``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.parts import took_part_unnamed
from mcfwatch.extract.en.relations_util import _children, pairs, prep_objects

EVENTS = frozenset({"Event", "Program"})
PARTIES = ORGS | {"Person", "Place"}
# label word (lower case, singular or plural) -> the relation its list gives
LABELS = {"organiser": "organizer", "organizer": "organizer", "co-organiser": "organizer", "co-organizer": "organizer",
          "host": "organizer", "co-host": "organizer", "sponsor": "organizer", "organisers": "organizer",
          "organizers": "organizer", "co-organisers": "organizer", "co-organizers": "organizer", "hosts": "organizer",
          "co-hosts": "organizer", "sponsors": "organizer", "exhibitors": "participation",
          "participants": "participation", "exhibitor": "participation", "participant": "participation",
          "attendees": "participation", "speakers": "participation", "delegations": "participation",
          "panellists": "participation", "panelists": "participation", "delegates": "participation",
          "guests": "participation", "lecturers": "participation", "presenters": "participation"}
STAND_NOUNS = {"stand", "booth", "pavilion"}
STAND_VERBS = {"have", "take", "book", "run", "occupy", "set"}
GUESTS = {"guest", "exhibitor", "participant", "attendee", "speaker", "delegate", "panelist", "panellist"}
MEMBER_NOUNS = GUESTS | {"company", "firm", "exhibitor", "participant", "university", "institution", "enterprise",
                "organisation", "organization", "delegation", "exhibitors", "speaker", "attendee", "sponsor",
                "supplier", "manufacturer", "group", "business", "vendor", "entity", "body", "guest", "partner"}


def _line_start(before: Span) -> bool:
    """Nothing but a bullet between the line's start (or the sentence's) and the label."""
    toks = list(before)
    while toks and toks[-1].text in {"-", "•", "*", "–"}:
        toks.pop()
    return not toks or "\n" in toks[-1].text_with_ws


Subjects = Callable[[Token], tuple[list[Arg], bool]]
# verbs whose doing at an event is not taking part in it: organising it, or the event's own verbs
NOT_TAKING_PART = {"hold", "host", "organise", "organize", "sponsor", "launch", "open", "close", "end", "begin", "start",
                   "take", "stage", "convene", "run", "be", "have", "say", "tell", "announce", "report", "invite",
                   "plan", "expect", "hope", "return", "leave"}


class EventRoles:
    """The event-role rules of one sentence (``run``)."""

    def __init__(self, resolver: Resolver, subjects: Subjects) -> None:
        self.r = resolver
        self.subjects = subjects

    def _type(self, eid: str) -> str | None:
        return self.r.table.types.get(eid)

    def _events(self, toks: list[Token]) -> list[Arg]:
        return [a for t in toks for a in self.r.entities(t, want=EVENTS) if self._type(a.entity) in EVENTS]

    def _label_line(self, sent: Span) -> list[Found]:
        """"Organisers: A and B" (a line of its own, or the start of a sentence)."""
        doc = sent.doc
        out: list[Found] = []
        for k in range(sent.start, min(sent.end - 1, sent.start + 6)):
            rtype = LABELS.get(doc[k].lower_)
            if rtype is None or doc[k + 1].text != ":" or not _line_start(doc[sent.start:k]):
                continue
            end = k + 2  # to the line's end, the sentence's full stop or the next label ("Host: A. Organisers: B")
            while end < min(len(doc), k + 80) and "\n" not in doc[end].text and doc[end].text != "." and \
                    not (end + 1 < len(doc) and doc[end + 1].text == ":"):
                end += 1
            if any(doc[i].pos_ in {"VERB", "AUX"} for i in range(k + 2, end)):
                break  # "Sponsors: the NSFC has funded the conference": a sentence, not a list
            named: list[str] = []
            for i in range(k + 2, end):
                eid = self.r.table.entity_of(doc[i])
                if eid is not None and eid not in named and self._type(eid) in PARTIES:
                    named.append(eid)
            events = [e for i in range(k, end) for e in [self.r.table.entity_of(doc[i])]
                      if e is not None and self._type(e) in EVENTS]
            event = events[0] if events else self.r._last_of(k, EVENTS)
            if event is not None:
                out += [Found(rtype, e, event, k, 0.75) for e in named if e != event]
            break
        return out

    def _among(self, tok: Token) -> list[Found]:
        """"X was among the 40 companies at the Expo", "X was one of the exhibitors at the Expo"."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"among", "of"} or tok.lemma_.lower() not in MEMBER_NOUNS:
            return []
        events = self._events(prep_objects(tok, {"at", "in", "attending"}))
        if not events and tok.lemma_.lower() in GUESTS:  # "Among the guests were X": the event told before
            events = self.r.last_named(tok.i, {"Event"}, tok.i)
        if not events:
            return []
        holder = tok.head.head
        if tok.head.lower_ == "of":  # "one of the exhibitors at"
            if holder.lower_ != "one" or holder.dep_ not in {"attr", "appos"}:
                return []
            verb = holder.head
            who = self.r.entities(verb) if holder.dep_ == "appos" else \
                [a for s in _children(verb, {"nsubj"}) for a in self.r.entities(s)]
        elif holder.pos_ in {"AUX", "VERB"} and holder.lemma_ == "be":
            verb = holder
            who = [a for s in _children(verb, {"nsubj"}) for a in self.r.entities(s)]
        else:
            return []
        if not is_stated(verb):
            return []
        return pairs("participation", [w for w in who if self._type(w.entity) in PARTIES], events, tok.i)

    def _stand(self, tok: Token) -> list[Found]:
        """"X had a stand at the Expo", "X took a booth in the security zone" (the event told before)."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.lemma_.lower() not in STAND_VERBS or not is_stated(verb):
            return []
        events = self._events(prep_objects(verb, {"at", "in"}) + prep_objects(tok, {"at", "in"}))
        if not events:
            events = self.r.last_named(tok.i, {"Event"}, tok.i)
        who = [a for a in self.subjects(verb)[0] if self._type(a.entity) in PARTIES - {"Place"}]
        return pairs("participation", who, events, tok.i)

    def _auspices(self, tok: Token) -> list[Found]:
        """"the Forum, held under the auspices of X" -> organizer X -> the forum."""
        if tok.dep_ != "pobj" or tok.head.lower_ != "under":
            return []
        sponsors = [a for t in prep_objects(tok, {"of"}) for a in self.r.entities(t) if self._type(a.entity) in ORGS]
        verb = tok.head.head
        if not sponsors or not is_stated(verb):
            return []
        events = self._events([verb.head] if verb.dep_ in {"acl", "relcl"} else _children(verb, {"nsubjpass", "nsubj"}))
        return pairs("organizer", sponsors, events, tok.i)

    def _at_event(self, tok: Token) -> list[Found]:
        """"X met Y at the G20 summit", "X signed a contract with Y at the fair": X (and Y) take part in it."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"at", "during"}:
            return []
        verb = tok.head.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() in NOT_TAKING_PART:
            return []
        events = self._events([tok])
        if not events or not is_stated(verb):
            return []
        who, passive = self.subjects(verb)
        if passive:
            return []
        return pairs("participation", [w for w in who if self._type(w.entity) in ORGS | {"Person"}], events, tok.i)

    def run(self, sent: Span, toks: list[Token], lemmas: list[str]) -> list[Found]:
        """The organisers and participants a sentence tells this way (``lemmas``: its lower-case lemmas)."""
        out = self._label_line(sent)
        for tok, lemma in zip(toks, lemmas, strict=True):
            if lemma in MEMBER_NOUNS:
                out += self._among(tok)
            elif lemma == "auspex" or tok.lower_ == "auspices":
                out += self._auspices(tok)
            elif lemma == "take" and tok.pos_ == "VERB":
                out += took_part_unnamed(self.r, tok, self.subjects)
            elif lemma in STAND_NOUNS:
                out += self._stand(tok)
            if tok.dep_ == "pobj" and tok.pos_ in {"PROPN", "NOUN"}:
                out += self._at_event(tok)
        return out
