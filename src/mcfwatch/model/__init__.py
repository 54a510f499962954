"""The data model: entity and relation types (schema.yaml) and pipeline records."""

from mcfwatch.model.keys import is_acronym, name_key
from mcfwatch.model.records import Document, Entity, Extraction, Relation, Span, sha256_text
from mcfwatch.model.schema import ENTITY_TYPES, RELATION_TYPES, SCHEMA, EntityType, RelationType

__all__ = [
    "Document", "Entity", "Extraction", "Relation", "Span", "sha256_text",
    "ENTITY_TYPES", "RELATION_TYPES", "SCHEMA", "EntityType", "RelationType", "is_acronym", "name_key",
]
