"""Long texts through the NLP in sections, stitched back into one Extraction of the whole text.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and needs about 1 GB of memory per
100,000 characters; so a text longer than ``MCFWATCH_SECTION_CHARS`` is cut at paragraph ends (else line,
sentence or word ends) into sections, each extracted alone. What must stay true: every mention and
evidence span of the stitched Extraction indexes the whole document text (``text[start:end] == span.text``),
and an entity named the same way (same name, same type) in two sections is one entity.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mcfwatch.model import Document, Entity, Extraction

_SENTENCE_END = re.compile(r"[.!?。！？；;][\"'”’)\]]*\s+")
_PREFIX = re.compile(r"^[^\d]*")


def _cut(text: str, start: int, size: int) -> int:
    """Where the section starting at ``start`` ends: the last break in its second half, else ``start + size``."""
    end = start + size
    low = start + size // 2
    for sep in ("\n\n", "\n"):
        at = text.rfind(sep, low, end)
        if at != -1:
            return at + len(sep)
    last = None
    for m in _SENTENCE_END.finditer(text, low, end):
        last = m.end()
    if last is not None:
        return last
    at = text.rfind(" ", low, end)
    return at + 1 if at != -1 else end


def section_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """Contiguous (start, end) sections covering ``text``, each at most ``size`` characters."""
    if size <= 0:
        raise ValueError("section size must be positive")
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, size)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def split(doc: Document, size: int) -> list[tuple[int, Document]]:
    """(offset, section document) pairs; one pair holding ``doc`` itself when it is short enough."""
    if len(doc.text) <= size:
        return [(0, doc)]
    return [
        (s, replace(doc, text=doc.text[s:e], id=f"{doc.id}#section{i}", sha256=""))
        for i, (s, e) in enumerate(section_bounds(doc.text, size))
    ]


def stitch(doc: Document, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One Extraction of ``doc`` from the Extractions of its sections (offsets shifted, entities joined)."""
    if len(parts) == 1 and parts[0][1].document is doc:
        return parts[0][1]
    out = Extraction(document=doc)
    by_key: dict[tuple[str, str], Entity] = {}
    for offset, ex in parts:
        local: dict[str, str] = {}
        for ent in ex.entities:
            key = (ent.name.casefold(), ent.type)
            joined = by_key.get(key)
            if joined is None:
                prefix = _PREFIX.match(ent.id)
                joined = Entity(id=f"{prefix.group() if prefix else 'e'}{len(by_key) + 1}", name=ent.name, type=ent.type)
                by_key[key] = joined
                out.entities.append(joined)
            local[ent.id] = joined.id
            joined.aliases.extend(a for a in ent.aliases if a not in joined.aliases)
            joined.mentions.extend(out.span(m.start + offset, m.end + offset) for m in ent.mentions)
            joined.listings.extend(item for item in ent.listings if item not in joined.listings)
        for rel in ex.relations:
            ev = rel.evidence
            out.add_relation(replace(
                rel, source=local[rel.source], target=local[rel.target],
                evidence=out.span(ev.start + offset, ev.end + offset),
            ))
    for ent in out.entities:
        ent.mentions = sorted(set(ent.mentions), key=lambda m: (m.start, m.end))
    return out

