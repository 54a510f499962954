"""The model as a scorer of one document's candidates, in each language's own finding type.

English yields ``Found`` (the rule type) with the token that stands for the trigger, so that dates,
coreference-free evidence (the sentence) and the date discourse machinery apply to it as to a rule's finding.
Chinese yields ``RelCand`` with the sentence as evidence and the date the sentence gives.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from mcfwatch.extract.en.entities import EntityTable
from mcfwatch.extract.en.found import Found
from mcfwatch.extract.relmodel import aligned, examples
from mcfwatch.extract.relmodel.candidates import Mention, allowed, to_relation
from mcfwatch.extract.relmodel.model import RelModel
from mcfwatch.extract.zh.dates import DateMention
from mcfwatch.extract.zh.relations import Item, RelCand

METHOD = "model"
# Two parties each brought in by "with" are the partners of a third, not of each other ("signed agreements with UK
# MQP Limited, Brunel University and HT&L Fitting"; "an agreement ... with Brunel University in the UK and a
# strategic investment agreement with HT&L Fitting"): no agreement or meeting between them.
SYMMETRIC_CO_LISTED = {"agreement", "meeting"}


def co_listed(features: list[str]) -> bool:
    """Whether both parties of a candidate hang from "with" (one list, or one "with" each)."""
    return "coord_head=with" in features or ("h1head=with" in features and "h2head=with" in features)


def _types(label: str, a: Mention, b: Mention) -> tuple[str, str]:
    return (b.type, a.type) if label.endswith("<") else (a.type, b.type)


def english(sdoc: Doc, table: EntityTable, model: RelModel,
            scale: dict[str, float] | None = None) -> list[tuple[Found, Span]]:
    """The model's findings in a parsed English document, each with its sentence. ``scale``: see
    ``RelModel.predict``."""
    return [(f, sent) for f, sent, _, _ in english_labelled(sdoc, table, model, scale)]


def english_labelled(sdoc: Doc, table: EntityTable, model: RelModel,
                     scale: dict[str, float] | None = None) -> list[tuple[Found, Span, str, float]]:
    """``english``'s findings with the model label each comes from (``visit>``, ``meeting``) and its unrounded
    probability, which the label's threshold is compared with (``floors_en`` re-scores them at other factors)."""
    mentions = aligned.table_mentions(sdoc, table, bool(model.meta["hyperparameters"].get("anaphors")))
    hyper = model.meta["hyperparameters"]
    exs = examples.english(sdoc, mentions, keep=model.any_shown, carry_event=bool(hyper.get("carry_event")),
                           references=bool(hyper.get("references")), pair_words=bool(hyper.get("pair_words")),
                           ref_kinds=frozenset(hyper.get("ref_kinds", ())))
    out: list[tuple[Found, Span, str, float]] = []
    for ex, hits in zip(exs, model.predict([e.features for e in exs], scale), strict=True):
        if "not_stated" in ex.features:
            continue  # the rules' modality check: plans, negations, allegations are no relation
        a, b = ex.cand.first, ex.cand.second
        partners = co_listed(ex.features)
        for label, p, sub in hits:
            rtype, src, tgt = to_relation(label, a.entity, b.entity)
            if partners and rtype in SYMMETRIC_CO_LISTED:
                continue
            if allowed(label, a.type, b.type) and model.shown(rtype, *_types(label, a, b)):
                out.append((Found(rtype, src, tgt, ex.anchor, round(p, 3), subtype=sub, method=METHOD),
                            sdoc[ex.anchor].sent, label, p))
    return out


def chinese(text: str, items: list[Item], dates: list[DateMention], model: RelModel,
            scale: dict[str, float] | None = None) -> list[tuple[RelCand, float]]:
    """The model's findings in a (simplified) Chinese document with their probabilities; the date is the
    sentence's first, if any. ``scale``: see ``RelModel.predict``."""
    return [(rc, round(p, 3)) for rc, _, p in chinese_labelled(text, items, dates, model, scale)]


def chinese_labelled(text: str, items: list[Item], dates: list[DateMention], model: RelModel,
                     scale: dict[str, float] | None = None) -> list[tuple[RelCand, str, float]]:
    """``chinese``'s findings with the model label each comes from and its unrounded probability, which the label's
    threshold is compared with (``floors_zh`` re-scores them at other factors)."""
    mentions = [Mention(it.start, it.end, it.entity, it.type) for it in items]
    hyper = model.meta["hyperparameters"]
    exs = examples.chinese(text, mentions, bool(hyper.get("carry_event")), bool(hyper.get("references")),
                           bool(hyper.get("pair_words")))
    out: list[tuple[RelCand, str, float]] = []
    for ex, hits in zip(exs, model.predict([e.features for e in exs], scale), strict=True):
        if "modal_between" in ex.features or "modal_before" in ex.features:
            continue
        a, b = ex.cand.first, ex.cand.second
        s, e = ex.cand.sent_start, ex.cand.sent_end
        date = next((d for d in dates if s <= d.start < e), None)
        for label, p, sub in hits:
            rtype, src, tgt = to_relation(label, a.entity, b.entity)
            if allowed(label, a.type, b.type) and model.shown(rtype, *_types(label, a, b)):
                out.append((RelCand(rtype, src, tgt, s, e, subtype=sub if rtype == "agreement" else None,
                                    date=date.date if date else None, date_end=date.date_end if date else None),
                            label, p))
    return out
