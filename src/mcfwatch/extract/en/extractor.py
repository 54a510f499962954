"""English extractor: the spaCy pipeline (model + entity ruler), relation rules, dates, evidence.

One pipeline per process (``load_nlp`` is cached); documents go through ``nlp.pipe`` in batches.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from mcfwatch.extract.dates import DateMatch, find_dates
from mcfwatch.extract.en.args import Resolver
from mcfwatch.extract.en.dateline import datelines, in_dateline
from mcfwatch.extract.en.discourse import INHERITED_METHOD, INHERITED_PENALTY, date_relations
from mcfwatch.extract.en.doctext import text_of
from mcfwatch.extract.en.entities import build_table, mentions_of, retype_by_context
from mcfwatch.extract.en.merge import merge_variants
from mcfwatch.extract.en.model import load_nlp
from mcfwatch.extract.en.relations import Found, SentenceRules
from mcfwatch.extract.en.typer import Typer, retype
from mcfwatch.extract.en.typer import shipped as shipped_typer
from mcfwatch.extract.en.units import numbered_units
from mcfwatch.extract.en.vetoes import veto
from mcfwatch.extract.relmodel import combine, scorer
from mcfwatch.extract.relmodel.model import RelModel, shipped
from mcfwatch.model import Document, Entity, Extraction, Relation
from mcfwatch.model import Span as TextSpan
from mcfwatch.settings import EN_TYPES

TYPES_CHOICES = ("model", "rules")


def typer_for(types: str | None) -> Typer | None:
    """The entity typer for ``types`` (model: the shipped one; rules: none), default MCFWATCH_EN_TYPES."""
    choice = (types or EN_TYPES.get()).strip().lower()
    if choice not in TYPES_CHOICES:
        raise ValueError(f"MCFWATCH_EN_TYPES={choice!r}: expected one of {', '.join(TYPES_CHOICES)}")
    return shipped_typer() if choice == "model" else None

BATCH = 16


class EnglishExtractor:
    """``relations``: rules, model or both (default: the MCFWATCH_RELATIONS setting); ``model``: the relation
    model to use (default: the shipped one); ``types``: model or rules (default: MCFWATCH_EN_TYPES); ``ner``:
    tuned or base (default: MCFWATCH_EN_NER)."""

    def __init__(self, nlp: Language | None = None, relations: str | None = None,
                 model: RelModel | None = None, types: str | None = None, ner: str | None = None) -> None:
        self.nlp = nlp or load_nlp(ner)
        self.relations = combine.mode(relations)
        self.model = model if model is not None or self.relations == "rules" else shipped("en")
        self.typer = typer_for(types)

    def extract_many(self, docs: list[Document]) -> Iterator[Extraction]:
        texts = [d.text for d in docs]
        longest = max((len(t) for t in texts), default=0)
        if longest >= self.nlp.max_length:  # the pipeline sections long texts; a direct caller chose the size
            self.nlp.max_length = longest + 1
        for doc, sdoc in zip(docs, self.nlp.pipe(texts, batch_size=BATCH), strict=True):
            yield extract_parsed(doc, sdoc, self.relations, self.model, typer=self.typer)


def _sentence_dates(sent: Span, published: str | None) -> list[tuple[DateMatch, Token]]:
    out = []
    for dm in find_dates(sent.text, published):
        span = sent.doc.char_span(sent.start_char + dm.start, sent.start_char + dm.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.append((dm, span.root))
    return out


def _evidence(ex: Extraction, sent: Span) -> TextSpan:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    start = sent.start_char + lead
    end = sent.start_char + len(text.rstrip())
    return ex.span(start, end)


def extract_parsed(doc: Document, sdoc: Doc, relations: str = "rules", model: RelModel | None = None,
                   confident: float | None = None, typer: Typer | None = None) -> Extraction:
    """Entities and relations of one parsed document (``relations``: rules, model or both, see relmodel.combine;
    ``typer``: the entity typer, None for the head-noun rules' types; ``confident``: one floor for the model's own
    findings in ``both``, None for the per-type floors of ``combine.floors``)."""
    ex = Extraction(document=doc)
    lines = datelines(text_of(sdoc))
    mentions = [m for m in mentions_of(sdoc) if not in_dateline(m.start_char, m.end_char, lines)]
    if typer is not None:
        mentions = retype(sdoc, mentions, typer)
    table = build_table(sdoc, mentions)
    merge_variants(sdoc, table)
    retype_by_context(sdoc, table)
    resolver = Resolver(sdoc, table)
    rules = SentenceRules(resolver)
    found: list[tuple[Found, Span]] = [(f, sdoc[f.trigger].sent) for f in numbered_units(sdoc, table)]
    sent_dates: dict[int, list[tuple[DateMatch, Token]]] = {}
    for sent in resolver.sents:
        if not sent.text.strip():
            continue
        sent_dates[sent.start] = _sentence_dates(sent, doc.published)
        found += [(f, sent) for f in rules.run(sent)]
        resolver.sentence_done(sent)
    if relations != "rules" and model is not None:
        scale = combine.SCALES_EN if relations == "both" and confident is None else None
        found = combine.combine(found, scorer.english(sdoc, table, model, scale), relations, confident)
    found = veto(sdoc, found, table)  # what grammar rules out, whoever found it
    used: set[str] = set()
    for d in date_relations(sdoc, resolver.sents, sent_dates, found, table, resolver.paragraph_of):
        f, dm = d.found, d.date
        rel = Relation(
            type=f.type, source=f.source, target=f.target, evidence=_evidence(ex, d.sent),
            subtype=f.subtype if f.type == "agreement" else None,
            date=dm.date if dm else None, date_end=dm.date_end if dm else None, subject=f.subject,
            confidence=round(f.confidence - INHERITED_PENALTY, 3) if d.inherited else f.confidence,
            method=f.method + INHERITED_METHOD if d.inherited else f.method,
        )
        if ex.add_relation(rel):
            used.update({f.source, f.target})
    for rel in ex.relations:  # a party to a contract or an investment agreement is a company
        if rel.type == "agreement" and rel.subtype in {"contract", "investment"}:
            for eid in (rel.source, rel.target):
                if table.types.get(eid) == "Organization" and eid not in table.ruler_typed:
                    table.types[eid] = "Company"
    for eid, name in table.names.items():
        if eid in resolver.titles and eid not in used:
            continue  # a bare title is an entity only when it takes part in a relation
        spans = sorted(set(table.spans[eid]))
        ex.entities.append(Entity(
            id=eid, name=name, type=table.types[eid], aliases=list(dict.fromkeys(table.aliases[eid])),
            mentions=[ex.span(s, e) for s, e in spans],
        ))
    return ex
