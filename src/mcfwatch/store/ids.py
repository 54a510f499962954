"""Content ids: every id the store gives out derives from what it names, never from a position or a counter.

- entity:   the entity type and the name key of the name it was first stored under;
- mention:  the document's SHA-256, the character span and the entity type;
- relation: the document's SHA-256, the relation (type, subtype, date, its two ends by type and name key,
  ordered for symmetric relations) and the evidence span.
Re-ingesting a document, in any store and in any order with other documents, gives the same ids; a new
document never changes an id already given out.
"""

from __future__ import annotations

import hashlib
import json

from mcfwatch.model import SCHEMA
from mcfwatch.model.keys import name_key


def _digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:16]


def entity_id_for(name: str, etype: str) -> str:
    return "ent-" + hashlib.sha256(f"{etype}|{name_key(name)}".encode()).hexdigest()[:16]


def mention_id_for(document_sha256: str, start: int, end: int, etype: str) -> str:
    return "men-" + _digest(document_sha256, start, end, etype)


def entity_key(name: str, etype: str) -> str:
    """An extracted entity as content: its type and name key."""
    return f"{etype}|{name_key(name)}"


def relation_id_for(
    document_sha256: str, rtype: str, subtype: str | None, source: str, target: str,
    date: str | None, start: int, end: int,
) -> str:
    """source and target are entity_key()s of the two ends."""
    if not SCHEMA.relation_types[rtype].directed and target < source:
        source, target = target, source
    return "rel-" + _digest(document_sha256, rtype, subtype, source, target, date, start, end)
