"""Candidates with their features, for extraction and for training (one function each per language, shared).

English: one pass over the parsed ``Doc``; Chinese: one pass over the simplified text. A training candidate's
labels are the gold relations between its two entities whose evidence lies in its sentence; a relation between
them told elsewhere in the document makes that label unknown here (neither positive nor negative).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from mcfwatch.extract.relmodel import features_en, features_zh
from mcfwatch.extract.relmodel.candidates import Candidate, Mention, label_of, pairs
from mcfwatch.extract.relmodel.data import TrainDoc


@dataclass(slots=True)
class Example:
    cand: Candidate
    features: list[str]
    anchor: int  # English: token index standing for the trigger; Chinese: character offset of the sentence
    labels: set[str] = field(default_factory=set)
    unknown: set[str] = field(default_factory=set)
    subtypes: dict[str, str] = field(default_factory=dict)  # label -> agreement subtype
    group: str = ""


AGENTS = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person"}


def _main(ordered: list[Mention]) -> Mention | None:
    """The document's main entity: its most mentioned agent or event (the first such mention)."""
    counts = Counter(m.entity for m in ordered if m.type in AGENTS | {"Event"})
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    return next(m for m in ordered if m.entity == top)


def english(sdoc: Doc, mentions: list[Mention], keep: Callable[[str, str], bool] | None = None) -> list[Example]:
    """Every candidate of the document with its features; ``keep`` (first type, second type) prunes pairs before
    they are featurised (extraction passes the type pairs the model can return)."""
    out = []
    ordered = sorted(mentions, key=lambda m: m.start)
    main = _main(ordered)
    topic: Mention | None = None  # the first agent of the last sentence that had one
    for sent in sdoc.sents:
        s, e = sent.start_char, sent.end_char
        carried = tuple(m for m in (topic, main) if m is not None)
        for cand in pairs(mentions, s, e, carried=carried):
            if keep is not None and not keep(cand.first.type, cand.second.type):
                continue
            feats, anchor = features_en.features(sdoc, cand)
            if main is not None and cand.first.entity == main.entity and cand.first.start < s:
                feats.append("carried_main")
            out.append(Example(cand, feats, anchor))
        topic = next((m for m in ordered if s <= m.start and m.end <= e and m.type in AGENTS), None) or topic
    return out


def chinese(text: str, mentions: list[Mention]) -> list[Example]:
    from mcfwatch.extract.zh.relations import sentences
    from mcfwatch.extract.zh.triggers import AGENTIVE

    out = []
    topic: Mention | None = None  # the subject of the last sentence that had one
    ordered = sorted(mentions, key=lambda m: m.start)
    main = _main(ordered)
    for s, e in sentences(text):
        carried = tuple(m for m in (topic, main) if m is not None)
        for cand in pairs(mentions, s, e, carried=carried):
            feats = features_zh.features(text, cand)
            if main is not None and cand.first.entity == main.entity:
                feats.append("carried_main" if cand.first.start < s else "main")
            out.append(Example(cand, feats, s))
        subject = next((m for m in ordered if s <= m.start and m.end <= e and m.type in AGENTIVE), None)
        topic = subject or topic
    return out


def label(doc: TrainDoc, examples: list[Example]) -> list[Example]:
    """Attach the gold labels to a training document's candidates."""
    for ex in examples:
        ex.group = doc.group
        a, b = ex.cand.first.entity, ex.cand.second.entity
        for r in doc.relations:
            lab = label_of(r.type, r.source, r.target, a, b)
            if lab is None:
                continue
            if r.start < ex.cand.sent_end and ex.cand.sent_start < r.end:
                ex.labels.add(lab)
                if r.subtype:
                    ex.subtypes[lab] = r.subtype
            else:
                ex.unknown.add(lab)
        ex.unknown -= ex.labels
    return examples


def candidate_recall(doc: TrainDoc, examples: list[Example]) -> tuple[int, int]:
    """(gold relations some candidate of their evidence sentence carries, gold relations)."""
    hit = 0
    for r in doc.relations:
        if any(label_of(r.type, r.source, r.target, ex.cand.first.entity, ex.cand.second.entity) in ex.labels
               for ex in examples):
            hit += 1
    return hit, len(doc.relations)
