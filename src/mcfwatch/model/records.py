"""The records that flow through the pipeline.

Invariant: a Relation cannot exist without Evidence, and Evidence.text is always
exactly ``document.text[start:end]``. Extractors build records through
``Extraction.add_relation`` which checks this; the store refuses records that break it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from mcfwatch.errors import EvidenceError
from mcfwatch.model.schema import SCHEMA


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Document:
    """A text with its metadata. ``id`` is the corpus record id, or derived from the content hash."""

    text: str
    path: str | None = None
    title: str | None = None
    language: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    id: str = ""
    sha256: str = ""
    format: str = "txt"

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = sha256_text(self.text)
        if not self.id:
            self.id = "doc-" + self.sha256[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "language": self.language,
            "published": self.published,
        }


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Entity:
    """An entity as found in one document (resolution across documents happens later)."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    listings: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "listings": list(self.listings),
        }


@dataclass(slots=True)
class Relation:
    type: str
    source: str
    target: str
    evidence: Span
    subtype: str | None = None
    date: str | None = None
    date_end: str | None = None
    subject: str | None = None
    confidence: float = 0.5
    method: str = "rule"

    def key(self) -> tuple[str, str | None, str, str, str | None]:
        s, t = self.source, self.target
        if not SCHEMA.relation_types[self.type].directed and t < s:
            s, t = t, s
        return (self.type, self.subtype, s, t, self.date)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "subtype": self.subtype,
            "source": self.source,
            "target": self.target,
            "date": self.date,
            "date_end": self.date_end,
            "subject": self.subject,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence.to_dict(),
        }


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(entity_id)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.document.text[start:end])

    def add_relation(self, rel: Relation) -> bool:
        """Add a relation after checking its type, parties and evidence; drop exact duplicates."""
        rtype = SCHEMA.relation_type(rel.type)
        if rel.subtype is not None and rtype.subtypes and rel.subtype not in rtype.subtypes:
            raise ValueError(f"relation {rel.type} has no subtype {rel.subtype!r}")
        ev = rel.evidence
        if self.document.text[ev.start : ev.end] != ev.text:
            raise EvidenceError(f"evidence span {ev.start}:{ev.end} does not match document {self.document.id}")
        if rel.source == rel.target:
            return False
        for other in self.relations:
            if other.key() == rel.key():
                return False
        self.relations.append(rel)
        return True

    def check(self) -> None:
        """Raise EvidenceError if any mention or evidence span disagrees with the text."""
        text = self.document.text
        for ent in self.entities:
            for m in ent.mentions:
                if text[m.start : m.end] != m.text:
                    raise EvidenceError(f"mention {m} of {ent.name!r} does not match document {self.document.id}")
        ids = {e.id for e in self.entities}
        for rel in self.relations:
            if rel.source not in ids or rel.target not in ids:
                raise EvidenceError(f"relation {rel.type} names an unknown entity in {self.document.id}")
            if text[rel.evidence.start : rel.evidence.end] != rel.evidence.text:
                raise EvidenceError(f"relation evidence does not match document {self.document.id}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
        }
