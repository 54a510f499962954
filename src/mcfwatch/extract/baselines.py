"""The two baselines every extraction score is printed next to.

1. Bare NER: the pinned spaCy model's own entities (labels mapped to mcfwatch types), no relations. English
   only: Chinese has no bare model of its own in the package.
2. Co-occurrence: mcfwatch's entities, and a relation of each trigger type for every pair of entities in a
   sentence holding a trigger word of that type (English lemmas from the rule lexicon, Chinese trigger
   patterns).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from mcfwatch.model import Document, Entity, Extraction, Relation


def bare_entities(docs: list[Document]) -> Iterator[Extraction]:
    from mcfwatch.extract.en.entities import NER_LABELS, clean_span
    from mcfwatch.extract.en.model import load_bare

    nlp = load_bare()
    for doc, sdoc in zip(docs, nlp.pipe([d.text for d in docs]), strict=True):
        ex = Extraction(document=doc)
        seen: dict[tuple[str, str], Entity] = {}
        for ent in sdoc.ents:
            etype = NER_LABELS.get(ent.label_)
            span = clean_span(ent)
            if etype is None or span is None:
                continue
            key = (span.text.lower(), etype)
            if key not in seen:
                seen[key] = Entity(id=f"b{len(seen)}", name=span.text, type=etype)
            seen[key].mentions.append(ex.span(span.start_char, span.end_char))
        ex.entities = list(seen.values())
        yield ex


def _en_triggers() -> dict[str, str]:
    from mcfwatch.extract.en.lexicon import NOUN_TRIGGERS, VERB_TRIGGERS

    return {**VERB_TRIGGERS, **{k: v for k, v in NOUN_TRIGGERS.items() if v != "member"}, "member": "mcf_link"}


def cooccurrence(extractions: Iterable[Extraction], lang: str) -> Iterator[Extraction]:
    """Relations between every pair of entities in a sentence with a trigger word, over given entities."""
    if lang == "en":
        from mcfwatch.extract.en.model import load_bare

        nlp = load_bare()
        triggers = _en_triggers()
    for ex in extractions:
        out = Extraction(document=ex.document, entities=ex.entities)
        text = ex.document.text
        spans = [(m.start, m.end, e.id) for e in ex.entities for m in e.mentions]
        if lang == "en":
            with nlp.select_pipes(disable=["ner"]):
                sdoc = nlp(text)
            sents = [(s.start_char, s.end_char, {triggers[t.lemma_.lower()] for t in s if t.lemma_.lower() in triggers})
                     for s in sdoc.sents]
        else:
            from mcfwatch.extract.zh import triggers as tg
            from mcfwatch.extract.zh.normalise import simplify
            from mcfwatch.extract.zh.relations import sentences

            simple = simplify(text)
            sents = [(s, e, {r for r, rx in tg.TRIGGERS.items() if rx.search(simple, s, e)})
                     for s, e in sentences(simple)]
        for s, e, rtypes in sents:
            inside = sorted({eid for a, b, eid in spans if s <= a and b <= e})
            ev = out.span(s, e)
            for rtype, (a, b) in itertools.product(sorted(rtypes), itertools.combinations(inside, 2)):
                out.add_relation(Relation(type=rtype, source=a, target=b, evidence=ev, confidence=0.3))
        yield out
