"""Dates a relation's own clause does not give, taken from the discourse around it.

A relation's own date hangs off its trigger in the parse (``own_date``). When there is none:

1. **An event referred back to.** A definite event noun under "during/at/on ..." whose phrase governs the
   trigger ("During the official visit, it helped X", "at the summit") takes the date of the most recent
   dated relation of that kind told in an earlier sentence (``lexicon.EVENT_REFERENCES``); entities named in
   the phrase ("the visit to Italy") must be parties to it.
2. **An episode carried on.** An agreement in a sentence without a date whose subject is a partitive or
   definite reference to agreements ("One of the contracts was with X", "The other two included ...") takes
   the date of the agreements the sentence before introduced ("... to secure multiple contracts", dated by
   its own clause or by rule 1), and hands it on to the next such sentence.

What must stay true: an inherited date is the referred event's date as the text gives it (its range, not a
narrowed guess), the relation's confidence drops by ``INHERITED_PENALTY`` and its method says
``+discourse-date``, and nothing is dated that the text does not tie to a date. The Chinese extractor does
the same for 期间/其间 (``extract/zh/relations.py``), also keeping the range.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from mcfwatch.extract.dates import DateMatch
from mcfwatch.extract.en.entities import EntityTable
from mcfwatch.extract.en.found import Found
from mcfwatch.extract.en.lexicon import (
    DEFINITE_DETS,
    EVENT_REFERENCE_PREPS,
    EVENT_REFERENCES,
    NOUN_TRIGGERS,
    PARTITIVES,
)

INHERITED_PENALTY = 0.05
INHERITED_METHOD = "+discourse-date"
SentenceDates = list[tuple[DateMatch, Token]]


@dataclass(slots=True)
class Dated:
    found: Found
    sent: Span
    date: DateMatch | None
    inherited: bool = False


def _rank(tok: Token, trigger: Token) -> int | None:
    """How far above the trigger the verb that tok's phrase hangs off is (0: the trigger), or None."""
    chain = [trigger, *trigger.ancestors]
    gov = tok
    while gov.i != gov.head.i and gov.pos_ not in {"VERB", "AUX"} and gov.i != trigger.i:
        gov = gov.head
    return chain.index(gov) if gov in chain else None


def own_date(trigger: Token, dates: SentenceDates) -> DateMatch | None:
    """The date whose phrase hangs off the trigger or one of the verbs above it (nearest first)."""
    best: tuple[int, DateMatch] | None = None
    for dm, root in dates:
        rank = _rank(root, trigger)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, dm)
    return best[1] if best else None


def _event_key(t: Token) -> str | None:
    for key in (t.lemma_.lower(), t.lower_):
        if key in EVENT_REFERENCES:
            return key
    return None


def event_references(trigger: Token) -> list[Token]:
    """Definite event nouns under "during/at/on ..." whose phrase governs the trigger, nearest first."""
    refs: list[tuple[int, Token]] = []
    for t in trigger.sent:
        if t.dep_ != "pobj" or t.pos_ not in {"NOUN", "PROPN"} or _event_key(t) is None:
            continue
        if t.head.lower_ not in EVENT_REFERENCE_PREPS:
            continue
        if not any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE_DETS for c in t.children):
            continue  # "during a visit to X" tells a new event
        rank = _rank(t.head, trigger)
        if rank is not None:
            refs.append((rank, t))
    return [t for _, t in sorted(refs, key=lambda x: x[0])]


def _referent_date(ref: Token, told: list[Dated], table: EntityTable) -> DateMatch | None:
    """The date of the most recent dated relation told before that the event noun can stand for."""
    key = _event_key(ref)
    if key is None:
        return None
    kinds = EVENT_REFERENCES[key]
    named = {e for t in ref.subtree for e in [table.entity_of(t)] if e}
    for d in reversed(told):
        f = d.found
        parties = {f.source, f.target}
        if d.date is None or named - parties:
            continue
        if kinds is None:
            if not any(table.types.get(p) == "Event" and key in table.names.get(p, "").lower() for p in parties):
                continue
        elif f.type not in kinds:
            continue
        return d.date
    return None


def referred_date(tok: Token, told: list[Dated], table: EntityTable) -> DateMatch | None:
    for ref in event_references(tok):
        dm = _referent_date(ref, told, table)
        if dm is not None:
            return dm
    return None


def refers_to_agreements(sent: Span) -> bool:
    """The sentence's subject is a partitive or definite reference to agreements ("One of the contracts",
    "The other two", "The agreement")."""
    for s in (c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}):
        lemma = s.lemma_.lower()
        dets = {c.lower_ for c in s.children if c.dep_ in {"det", "poss"}}
        if NOUN_TRIGGERS.get(lemma) == "agreement":
            return bool(dets & DEFINITE_DETS)
        if lemma in PARTITIVES or s.pos_ == "NUM":
            of = [p for c in s.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            if of:
                return any(NOUN_TRIGGERS.get(p.lemma_.lower()) == "agreement" or p.lower_ in {"them", "these", "those"}
                           for p in of)
            return "the" in dets or any(c.lower_ == "other" for c in s.children)
    return False


def introduced_date(sent: Span, dates: SentenceDates, told: list[Dated], table: EntityTable) -> DateMatch | None:
    """The date of the agreements a sentence speaks of ("it helped X to secure multiple contracts")."""
    for t in sent:
        if t.pos_ in {"NOUN", "PROPN"} and NOUN_TRIGGERS.get(t.lemma_.lower()) == "agreement":
            dm = own_date(t, dates) or referred_date(t, told, table)
            if dm is not None:
                return dm
    return None


def date_relations(
    doc: Doc,
    sents: list[Span],
    sent_dates: dict[int, SentenceDates],
    found: list[tuple[Found, Span]],
    table: EntityTable,
    paragraph_of: dict[int, int],
) -> list[Dated]:
    """Every found relation with its date: its own, else one inherited from the discourse (in text order)."""
    by_sent: dict[int, list[Found]] = defaultdict(list)
    for f, sent in found:
        by_sent[sent.start].append(f)
    out: list[Dated] = []
    episode: tuple[int, DateMatch] | None = None  # (sentence start, date) of agreements just spoken of
    prev: Span | None = None
    for sent in sents:
        if not sent.text.strip():
            continue
        dates = sent_dates.get(sent.start, [])
        carries_on = (episode is not None and prev is not None and episode[0] == prev.start and not dates
                      and paragraph_of.get(prev.start) == paragraph_of.get(sent.start) and refers_to_agreements(sent))
        here: list[Dated] = []
        for f in by_sent.get(sent.start, []):
            if f.type == "position":
                here.append(Dated(f, sent, None))
                continue
            dm = own_date(doc[f.trigger], dates)
            if dm is not None:
                here.append(Dated(f, sent, dm))
                continue
            dm = referred_date(doc[f.trigger], out, table)
            if dm is None and carries_on and f.type == "agreement" and episode is not None:
                dm = episode[1]
            here.append(Dated(f, sent, dm, inherited=dm is not None))
        if carries_on and episode is not None:
            episode = (sent.start, episode[1])
        else:
            intro = introduced_date(sent, dates, out, table)
            episode = (sent.start, intro) if intro is not None else None
        out += here
        prev = sent
    return out
