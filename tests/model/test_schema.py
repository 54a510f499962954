"""The data model is declared once (schema.yaml) and every layer derives from it."""

from __future__ import annotations

import pytest

from mcfwatch.model import ENTITY_TYPES, RELATION_TYPES, SCHEMA, Document, Extraction, Relation, Span

REQUIRED_ENTITY_TYPES = {
    "Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person", "Place", "Program", "Event", "Technology",
}
REQUIRED_RELATIONS = {
    "visit": True, "meeting": False, "agreement": False, "facilitation": True, "mcf_link": True, "position": True,
    "ownership": True, "participation": True, "organizer": True, "invitation": True, "export": True,
    "recruitment": True, "funding": True,
}


def test_entity_types() -> None:
    assert set(ENTITY_TYPES) == REQUIRED_ENTITY_TYPES


def test_relation_types_and_direction() -> None:
    assert set(RELATION_TYPES) == set(REQUIRED_RELATIONS)
    for name, directed in REQUIRED_RELATIONS.items():
        assert SCHEMA.relation_types[name].directed is directed, name
    assert SCHEMA.relation_types["agreement"].subtypes == (
        "contract", "mou", "joint_lab", "investment", "cooperation", "friendship_city", "other",
    )


def test_symmetric_relations_share_a_key() -> None:
    span = Span(0, 5, "Hello")
    a = Relation(type="meeting", source="e1", target="e2", evidence=span)
    b = Relation(type="meeting", source="e2", target="e1", evidence=span)
    c = Relation(type="visit", source="e2", target="e1", evidence=span)
    d = Relation(type="visit", source="e1", target="e2", evidence=span)
    assert a.key() == b.key() and c.key() != d.key()


def test_unknown_subtype_is_refused() -> None:
    ex = Extraction(document=Document(text="Hello world"))
    with pytest.raises(ValueError, match="subtype"):
        ex.add_relation(Relation(type="agreement", subtype="handshake", source="a", target="b", evidence=Span(0, 5, "Hello")))


def test_document_id_from_content_hash() -> None:
    a, b = Document(text="same text"), Document(text="same text", path="elsewhere.txt")
    assert a.id == b.id and a.sha256 == b.sha256 and a.id.startswith("doc-")
