"""Candidates with their features, for extraction and for training (one function each per language, shared).

English: one pass over the parsed ``Doc``; Chinese: one pass over the simplified text. A training candidate's
labels are the gold relations between its two entities whose evidence lies in its sentence; a relation between
them told elsewhere in the document makes that label unknown here (neither positive nor negative).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from mcfwatch.extract.relmodel import crosssent, crosssent_zh, features_en, features_zh, pairwords_en
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
# Training default per language (extraction follows the model's record). 5-fold document CV, relation F1 of the
# model alone: ZH 0.441 -> 0.454 with the main event carried (organizer recall 0.19 -> 0.37, participation
# 0.30 -> 0.42); EN 0.426 -> 0.421 (participation 0.11 -> 0.16, others a little lower), so English does not.
CARRY_EVENT = {"en": False, "zh": True}
# References as mentions (``crosssent``: "the fair", "it"; ``crosssent_zh``: 公司, 代表团, 其) in training, by language; extraction
# follows the model's record (hyperparameter ``references``). 5-fold document CV on corpus/train, relation
# P/R/F1: ZH model .57/.40/.47 -> .57/.42/.49, both .53/.39/.45 -> .52/.42/.46; EN (on b246c08) model
# .66/.37/.48 -> .65/.42/.51, both .75/.32/.45 -> .75/.34/.47 (organizer recall .24 -> .41).
REFERENCES = {"en": True, "zh": True}
# English: the further reference kinds of ``crosssent.KINDS_EN`` (a filing's "the Company", "the defendant", "we",
# a passive transfer's unnamed exporter), in training; extraction follows the model's record (hyperparameter
# ``ref_kinds``: a model trained without them gets none, so its candidates stay as they were). Off by default, as
# the shipped model was trained (so the dev CV folds refit as it was): with all four, candidate recall on the 852
# training documents .837 -> .856 (export .857 -> .913) for 4.5% more candidates, but a retrain with them (session
# 26, alpha 3e-5, oof micro F1 .642) read on the blind split model .45, both .53, end to end 14/40, against the
# shipped model's .46, .53, 18/40. ``python -m mcfwatch.extract.relmodel.train en --ref-kinds all`` trains with them.
REF_KINDS_EN: frozenset[str] = frozenset()
# English: a pair of entities whose closest mentions include a reference ("withdrew from it", "its institute") is
# a candidate through its two closest named mentions as well, if the sentence names both (``candidates.pairs``).
NAMED_TOO = True
# Chinese pair words (双方, 两校 ...) as candidates of the two parties they stand for (``crosssent_zh``), in
# training; extraction follows the model's record (hyperparameter ``pair_words``).
PAIR_WORDS = True
# English pair words ("the two universities", "both sides": ``pairwords_en``), likewise.
PAIR_WORDS_EN = True
# English: a sentence that says someone took part without naming the event ("Bell Helicopter and Russian
# Helicopters also took part", "Governor Ye attended the signing", "The local firm has exhibited twice") gets the
# document's main event as a carried party (feature ``cue_event``), though ``CARRY_EVENT`` is off for English:
# the event is named in the heading or the first sentence only. The words are the participation triggers of the
# training annotations' evidence (docs/annotation.md 4.5), not the broader list words ("include", "partner").
EN_EVENT_CUES = frozenset({"attend", "participate", "exhibit", "exhibitor", "participant", "attendee", "delegate",
                           "showcase", "booth", "pavilion"})


def _ref_features(cand: Candidate) -> list[str]:
    """Which party is a reference rather than a name, and what kind."""
    out = []
    for k, m in (("1", cand.first), ("2", cand.second)):
        if m.ref:
            out += [f"ref{k}", f"ref{k}={m.ref}", f"ref{k}|{cand.first.type}|{cand.second.type}"]
    return out


def _main(ordered: list[Mention], types: set[str] = AGENTS | {"Event"}) -> Mention | None:
    """The document's main entity: its most mentioned agent or event (the first such mention)."""
    counts = Counter(m.entity for m in ordered if m.type in types)
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    return next(m for m in ordered if m.entity == top)


def _carried(topic: Mention | None, main: Mention | None, event: Mention | None) -> tuple[Mention, ...]:
    """Entities of earlier sentences paired with each sentence's mentions: the last topic, the main entity and
    the document's main event ("Representatives of 120 employers took part"), if any."""
    return tuple(m for m in (topic, main, event) if m is not None)


def took_part(sent: Span) -> bool:
    """Whether an English sentence says someone took part (``EN_EVENT_CUES``, or "take part")."""
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in EN_EVENT_CUES or (lemma == "take" and any(c.lower_ == "part" for c in t.children)):
            return True
    return False


def english(sdoc: Doc, mentions: list[Mention], keep: Callable[[str, str], bool] | None = None,
            carry_event: bool | None = None, references: bool | None = None,
            pair_words: bool | None = None, ref_kinds: frozenset[str] | None = None) -> list[Example]:
    """Every candidate of the document with its features; ``keep`` (first type, second type) prunes pairs before
    they are featurised (extraction passes the type pairs the model can return); ``carry_event``: the main event
    is carried into every sentence (None: ``CARRY_EVENT``; extraction passes the model's record); ``references``:
    likewise for ``crosssent`` references (None: ``REFERENCES``); ``pair_words``: likewise for
    ``pairwords_en`` (None: ``PAIR_WORDS_EN``); ``ref_kinds``: the ``crosssent.KINDS_EN`` references
    (None: ``REF_KINDS_EN``)."""
    out = []
    main = _main(sorted(mentions, key=lambda m: m.start))
    if REFERENCES["en"] if references is None else references:
        mentions = mentions + crosssent.english(sdoc, mentions, REF_KINDS_EN if ref_kinds is None else ref_kinds)
    ordered = sorted(mentions, key=lambda m: m.start)
    carry = CARRY_EVENT["en"] if carry_event is None else carry_event
    event = _main(ordered, {"Event"}) if carry else None
    both = PAIR_WORDS_EN if pair_words is None else pair_words
    cue_event = None if carry else _main(ordered, {"Event"})
    topic: Mention | None = None  # the first agent of the last sentence that had one
    sents = list(sdoc.sents)
    for i, sent in enumerate(sents):
        s, e = sent.start_char, sent.end_char
        carried = _carried(topic, main, event)
        if cue_event is not None and took_part(sent):
            carried = (*carried, cue_event)
        cands = pairs(mentions, s, e, carried=carried, named_too=NAMED_TOO)
        if both:
            cands += pairwords_en.pair_candidates(sents, i, ordered, cands)
        for cand in cands:
            if keep is not None and not keep(cand.first.type, cand.second.type):
                continue
            feats, anchor = features_en.features(sdoc, cand)
            feats += _ref_features(cand)
            if main is not None and cand.first.entity == main.entity and cand.first.start < s:
                feats.append("carried_main")
            if event is not None and cand.first.entity == event.entity and cand.first.start < s:
                feats += ["carried_event", f"carried_event|{cand.second.type}"]
            elif cue_event is not None and cand.first.entity == cue_event.entity and cand.first.start < s:
                feats += ["cue_event", f"cue_event|{cand.second.type}"]
            out.append(Example(cand, feats, anchor))
        topic = next((m for m in ordered if s <= m.start and m.end <= e and m.type in AGENTS), None) or topic
    return out


def chinese(text: str, mentions: list[Mention], carry_event: bool | None = None,
            references: bool | None = None, pair_words: bool | None = None) -> list[Example]:
    """Every candidate of the (simplified) text with its features; ``carry_event``, ``references``,
    ``pair_words``: see ``CARRY_EVENT``, ``REFERENCES``, ``PAIR_WORDS`` (None: those; extraction passes the
    model's record)."""
    from mcfwatch.extract.zh.relations import sentences
    from mcfwatch.extract.zh.triggers import AGENTIVE

    out = []
    topic: Mention | None = None  # the subject of the last sentence that had one
    main = _main(sorted(mentions, key=lambda m: m.start))
    if REFERENCES["zh"] if references is None else references:
        mentions = mentions + crosssent_zh.chinese(text, mentions)
    ordered = sorted(mentions, key=lambda m: m.start)
    carry = CARRY_EVENT["zh"] if carry_event is None else carry_event
    event = _main(ordered, {"Event"}) if carry else None
    both = PAIR_WORDS if pair_words is None else pair_words
    spans = sentences(text)
    for i, (s, e) in enumerate(spans):
        cands = pairs(mentions, s, e, carried=_carried(topic, main, event))
        after: set[tuple[str, str]] = set()
        if both:
            extra, after = crosssent_zh.pair_candidates(text, ordered, spans, i, cands)
            cands += extra
        for cand in cands:
            feats = features_zh.features(text, cand) + _ref_features(cand)
            if (cand.first.entity, cand.second.entity) in after:
                feats.append("both_after")
            if main is not None and cand.first.entity == main.entity:
                feats.append("carried_main" if cand.first.start < s else "main")
            if event is not None and cand.first.entity == event.entity and cand.first.start < s:
                feats += ["carried_event", f"carried_event|{cand.second.type}"]
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


def candidate_recall_by_type(docs: list[TrainDoc], examples: list[Example]) -> dict[str, tuple[int, int]]:
    """Per relation type, (gold relations some candidate of their evidence sentence carries, gold relations) over
    ``docs`` (``examples``: their labelled candidates): a relation that is never a candidate is never found, whatever
    the classifier (English export on gold mentions, session 24: 564 of 646; the misses are mostly an exporter
    outside the sentence, "The machine was shipped to Penang", "we shipped our first units to ...")."""
    by_group: dict[str, list[Example]] = {}
    for ex in examples:
        by_group.setdefault(ex.group, []).append(ex)
    counts: dict[str, list[int]] = {}
    for doc in docs:
        exs = by_group.get(doc.group, [])
        for r in doc.relations:
            c = counts.setdefault(r.type, [0, 0])
            c[0] += any(label_of(r.type, r.source, r.target, ex.cand.first.entity, ex.cand.second.entity) in ex.labels
                        for ex in exs)
            c[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(counts.items())}


def candidate_recall(doc: TrainDoc, examples: list[Example]) -> tuple[int, int]:
    """(gold relations some candidate of their evidence sentence carries, gold relations)."""
    hit = 0
    for r in doc.relations:
        if any(label_of(r.type, r.source, r.target, ex.cand.first.entity, ex.cand.second.entity) in ex.labels
               for ex in examples):
            hit += 1
    return hit, len(doc.relations)
