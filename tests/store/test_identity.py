"""The store owns identity: content ids, one fold of merges and decisions, lookups that follow merges,
and SQL views that show a plain SQL client what the CLI shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, text

from mcfwatch.errors import NotFoundError
from mcfwatch.model import Document, Entity, Extraction, Relation, Span
from mcfwatch.store import NewMerge, Store
from mcfwatch.store.engine import to_url


def _doc(text: str, doc_id: str, ents: list[tuple[str, str, str]], rels: list[tuple[str, str, str]] = ()) -> Extraction:  # type: ignore[assignment]
    """An extraction whose entities are found by name in text; relations quote the whole text."""
    entities = []
    for eid, name, etype in ents:
        start = text.index(name)
        entities.append(Entity(eid, name, etype, mentions=[Span(start, start + len(name), name)]))
    ex = Extraction(Document(text=text, id=doc_id, language="en"), entities=entities)
    for rtype, src, tgt in rels:
        ex.add_relation(Relation(rtype, src, tgt, Span(0, len(text), text), confidence=0.9))
    return ex


A = _doc("Lizhong Group signed an agreement with Brunel University.", "a",
         [("x1", "Lizhong Group", "Company"), ("x2", "Brunel University", "University")],
         [("agreement", "x1", "x2")])
B = _doc("Brunel University met Hebei Lizhong in Uxbridge.", "b",
         [("y1", "Brunel University", "University"), ("y2", "Hebei Lizhong", "Company")],
         [("meeting", "y1", "y2")])


def _ids(store: Store) -> tuple[set[str], set[str], set[str]]:
    ents = {e["id"] for e in store.entities()}
    rels = {r["id"] for r in store.relations()}
    mentions = {m["id"] for m in store.all_mentions()}
    return ents, rels, mentions


def test_stable_ids_do_not_depend_on_order_or_later_documents(new_db: Callable[[str], str]) -> None:
    one = Store(new_db("one"))
    one.add_extraction(A)
    before = _ids(one)
    one.add_extraction(B)  # a later document never changes an id already given out
    after = _ids(one)
    assert all(b <= a for b, a in zip(before, after, strict=True))
    two = Store(new_db("two"))  # the other order, in another store: the same ids
    two.add_extraction(B)
    two.add_extraction(A)
    assert _ids(two) == after
    assert all(m.startswith("men-") for m in after[2])


def test_lookup_by_id_follows_merges_and_says_so(db: str) -> None:
    store = Store(db)
    store.add_extraction(A)
    store.add_extraction(B)
    lizhong = store.find("Lizhong Group")[0].id
    hebei = store.find("Hebei Lizhong")[0].id
    assert lizhong != hebei
    store.add_merges([NewMerge(lizhong, hebei, 0.9, {}, "test")])
    got = store.entity(hebei)
    assert got.id == lizhong and got.requested_id == hebei and got.to_dict()["merged_into"] == lizhong
    assert set(got.names) >= {"Lizhong Group", "Hebei Lizhong"} and got.members == [lizhong, hebei]
    assert store.entity(lizhong).requested_id is None
    assert [e.id for e in store.find("Hebei Lizhong")] == [lizhong]
    with pytest.raises(NotFoundError):
        store.entity("ent-doesnotexist")


def test_merges_are_unique_by_pair(db: str) -> None:
    store = Store(db)
    store.add_extraction(A)
    store.add_extraction(B)
    a, b = store.find("Lizhong Group")[0].id, store.find("Hebei Lizhong")[0].id
    assert store.add_merges([NewMerge(a, b, 0.9, {}, "x")])[0] is not None
    assert store.add_merges([NewMerge(b, a, 0.9, {}, "y")]) == [None]  # either order: one row
    assert len(store.merges()) == 1


def _sql(db: str, query: str) -> set[tuple[object, ...]]:
    """Rows of a query by a client that knows nothing of mcfwatch (plain SQL on the database)."""
    engine = create_engine(to_url(db))
    try:
        with engine.connect() as conn:
            return {tuple(r) for r in conn.execute(text(query))}
    finally:
        engine.dispose()


def test_one_fold_for_python_readers_and_sql_views(db: str) -> None:
    store = Store(db)
    store.add_extraction(A)
    store.add_extraction(B)
    lizhong, hebei = store.find("Lizhong Group")[0].id, store.find("Hebei Lizhong")[0].id
    store.add_overlay("merge", f"{hebei}|{lizhong}", "confirm")  # an analyst folds them
    meeting = next(r["id"] for r in store.relations() if r["type"] == "meeting")
    store.add_overlay("edge", meeting, "reject")
    py_ents = {(e["id"], e["mentions"]) for e in store.entities()}
    py_rels = {(r["id"], r["source_id"], r["target_id"]) for r in store.relations()}
    assert len(py_ents) == 2 and len(py_rels) == 1
    sql_ents = _sql(db, "SELECT id, mentions FROM canonical_entities")
    sql_rels = _sql(db, "SELECT id, source_id, target_id FROM active_relations")
    assert sql_ents == py_ents and sql_rels == py_rels
    store.add_overlay("merge", f"{lizhong}|{hebei}", "split")  # the latest decision wins
    assert len(store.entities()) == 3
    assert _sql(db, "SELECT COUNT(*) FROM canonical_entities") == {(3,)}


def test_mention_documents_follow_the_fold_and_count_each_document_once(db: str) -> None:
    store = Store(db)
    store.add_extraction(A)
    store.add_extraction(B)
    c = _doc("Hebei Lizhong, also written Hebei Lizhong, exhibited.", "c", [("z1", "Hebei Lizhong", "Company")])
    second = c.document.text.index("Hebei Lizhong", 1)
    c.entities[0].mentions.append(Span(second, second + 13, "Hebei Lizhong"))
    store.add_extraction(c)
    lizhong, hebei = store.find("Lizhong Group")[0].id, store.find("Hebei Lizhong")[0].id
    docs = {d: store.mention_documents([d]) for d in (lizhong, hebei)}
    assert len(docs[lizhong]) == 1 and len(docs[hebei]) == 2  # two mentions in "c", one document
    store.add_overlay("merge", f"{hebei}|{lizhong}", "confirm")
    folded = docs[lizhong] | docs[hebei]
    assert store.mention_documents([lizhong]) == store.mention_documents([hebei]) == folded
    assert folded == {m["document_id"] for m in store.mentions(lizhong)}
    rows = {r["id"]: r["mentions"] for r in store.entity_rows()}
    assert rows[hebei] == 3 and rows[lizhong] == 1  # stored rows, not folded: what resolution compares
