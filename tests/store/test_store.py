"""The store: one transaction per document, idempotent ingest, evidence that cannot be forged."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, text

from mcfwatch.errors import EvidenceError, StoreError
from mcfwatch.ingest import read_file
from mcfwatch.model import Document, Entity, Extraction, Relation, Span
from mcfwatch.store import Store
from mcfwatch.store import tables as t


def seed_extraction(seed_path: Path) -> Extraction:
    (doc,) = read_file(seed_path)
    assert isinstance(doc, Document)
    ex = Extraction(document=doc)
    text_ = doc.text

    def ent(eid: str, name: str, etype: str) -> Entity:
        start = text_.index(name)
        return Entity(id=eid, name=name, type=etype, mentions=[Span(start, start + len(name), name)])

    ex.entities = [ent("e1", "Lizhong Group", "Company"), ent("e2", "Brunel University", "University")]
    sentence = "The other two included an agreement for a joint development laboratory project with Brunel University in the UK"
    s = text_.index(sentence)
    ex.add_relation(
        Relation(type="agreement", subtype="joint_lab", source="e1", target="e2",
                 evidence=Span(s, s + len(sentence), sentence), date="2018-11", confidence=0.8)
    )
    return ex


def test_roundtrip_and_idempotence(db: str, seed_path: Path) -> None:
    store = Store(db)
    ex = seed_extraction(seed_path)
    assert store.add_extraction(ex) is True
    assert store.add_extraction(ex) is False  # same content hash: nothing written twice
    assert store.counts() == {"documents": 1, "entities": 2, "mentions": 2, "relations": 1}
    (rel,) = store.relations()
    assert rel["source_name"] == "Lizhong Group" and rel["target_name"] == "Brunel University"
    doc = store.document(rel["document_id"])
    assert doc["text"][rel["ev_start"] : rel["ev_end"]] == rel["ev_text"]


def test_entities_merge_by_name_across_documents(db: str, seed_path: Path) -> None:
    store = Store(db)
    store.add_extraction(seed_extraction(seed_path))
    other = Document(text="Lizhong Group opened a plant in Tianjin.", id="other")
    ex = Extraction(document=other, entities=[Entity("x", "Lizhong Group", "Company", mentions=[Span(0, 13, "Lizhong Group")])])
    store.add_extraction(ex)
    (found,) = store.find("lizhong group")
    assert len(store.mentions(found.id)) == 2


def test_forged_evidence_is_refused(seed_path: Path) -> None:
    ex = seed_extraction(seed_path)
    with pytest.raises(EvidenceError):
        ex.add_relation(Relation(type="meeting", source="e1", target="e2", evidence=Span(0, 5, "Hello")))


def test_failure_mid_document_leaves_no_half_written_document(
    db: str, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(db)
    first = Document(text="Brunel University is in Uxbridge.", id="first")
    store.add_extraction(Extraction(document=first, entities=[Entity("a", "Brunel University", "University", mentions=[Span(0, 17, "Brunel University")])]))
    before = store.counts()

    real_insert = insert

    def failing_insert(table):  # type: ignore[no-untyped-def]
        if table is t.relations:
            raise RuntimeError("simulated crash while writing relations")
        return real_insert(table)

    monkeypatch.setattr("mcfwatch.store.documents.insert", failing_insert)
    with pytest.raises(RuntimeError):
        store.add_extraction(seed_extraction(seed_path))
    assert store.counts() == before  # the seed's document, names and mentions were rolled back
    monkeypatch.undo()
    assert store.add_extraction(seed_extraction(seed_path)) is True


def test_unknown_schema_version_is_a_clear_error(db: str) -> None:
    Store(db).close()
    store = Store(db)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value='999' WHERE key='schema_version'"))
    store.close()
    with pytest.raises(StoreError, match="schema version 999 is newer"):
        Store(db)


def test_missing_folder_for_db(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "s.db")
