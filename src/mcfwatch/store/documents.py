"""Writing documents: each in exactly one transaction with its entities' names, mentions and relations, so a
crash leaves no half-written document; on PostgreSQL under advisory locks on what decides its ids."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import DatabaseError, IntegrityError

from mcfwatch.errors import StoreError
from mcfwatch.model import Extraction
from mcfwatch.model.keys import is_acronym, name_key
from mcfwatch.store import locks
from mcfwatch.store import tables as t
from mcfwatch.store.engine import db_error
from mcfwatch.store.ids import entity_id_for, entity_key, mention_id_for, relation_id_for
from mcfwatch.store.opening import bump_generation, now
from mcfwatch.store.reads import CanonicalReads


class DocumentWrites(CanonicalReads):
    """Documents in, with the entity each name joins."""

    def has_document(self, sha256: str) -> str | None:
        try:
            with self.engine.connect() as conn:
                row = conn.execute(select(t.documents.c.id).where(t.documents.c.sha256 == sha256)).first()
        except DatabaseError as exc:
            raise StoreError(f"{self.url}: cannot read the store ({db_error(exc, self.target)})") from None
        return row[0] if row else None

    def add_extraction(self, ex: Extraction) -> bool:
        """Store one document with everything extracted from it, atomically. False if already stored.

        A database failure (full disk, read-only file, lock) is a StoreError: the caller stops, since every
        later document would fail the same way."""
        ex.check()
        try:
            try:
                return self._add_extraction(ex)
            except IntegrityError:  # a concurrent writer took an id first: redo, now seeing its rows
                return self._add_extraction(ex)
        except DatabaseError as exc:
            where = ex.document.path or ex.document.id
            raise StoreError(f"{self.url}: cannot store {where} ({db_error(exc, self.target)})") from None

    def _add_extraction(self, ex: Extraction) -> bool:
        doc = ex.document
        with self.write_engine.begin() as conn:
            locks.lock_in_transaction(conn, identity_locks(ex))
            known = conn.execute(select(t.documents.c.id, t.documents.c.sha256)
                                 .where((t.documents.c.sha256 == doc.sha256) | (t.documents.c.id == doc.id))).all()
            if any(row[1] == doc.sha256 for row in known):
                return False
            doc_id = f"{doc.id}-{doc.sha256[:8]}" if known else doc.id  # same record id, other text: keep both
            conn.execute(
                insert(t.documents).values(
                    id=doc_id, sha256=doc.sha256, path=doc.path, url=doc.url, title=doc.title,
                    language=doc.language, published=doc.published, source=doc.source,
                    format=doc.format, text=doc.text, ingested_at=now(),
                )
            )
            local_to_global: dict[str, str] = {}
            content: dict[str, str] = {}
            seen: set[str] = set()
            mentions: list[dict[str, Any]] = []
            relations: list[dict[str, Any]] = []
            for ent in ex.entities:
                gid = self._entity_for(conn, ent.name, ent.type, [ent.name, *ent.aliases])
                local_to_global[ent.id] = gid
                content[ent.id] = entity_key(ent.name, ent.type)
                for m in ent.mentions:
                    mid = mention_id_for(doc.sha256, m.start, m.end, ent.type)
                    if mid not in seen:
                        seen.add(mid)
                        mentions.append({"id": mid, "document_id": doc_id, "entity_id": gid, "local_id": ent.id,
                                         "start": m.start, "end": m.end, "text": m.text})
            for rel in ex.relations:
                ev = rel.evidence
                rid = relation_id_for(doc.sha256, rel.type, rel.subtype, content[rel.source], content[rel.target],
                                      rel.date, ev.start, ev.end)
                if rid not in seen:
                    seen.add(rid)
                    relations.append({
                        "id": rid, "document_id": doc_id, "type": rel.type, "subtype": rel.subtype,
                        "source_id": local_to_global[rel.source], "target_id": local_to_global[rel.target],
                        "date": rel.date, "date_end": rel.date_end, "subject": rel.subject,
                        "confidence": rel.confidence, "method": rel.method,
                        "ev_start": ev.start, "ev_end": ev.end, "ev_text": ev.text})
            # one statement each (executemany): on PostgreSQL every statement is a round trip
            for table, rows in ((t.mentions, mentions), (t.relations, relations)):
                if rows:
                    conn.execute(insert(table), rows)
            bump_generation(conn)
        return True

    def _entity_for(self, conn: Connection, name: str, etype: str, all_names: list[str]) -> str:
        """The stored entity of this type that already carries one of these names, else a new one.

        The entity's own content id wins; otherwise the first (by id) carrying one of the names. A bare
        acronym never joins two entities: NPU is a university in Xi'an and a school in Fremont.
        """
        own = entity_id_for(name, etype)
        if conn.execute(select(t.entities.c.id).where(t.entities.c.id == own)).first():
            gid = own
        else:
            keys = sorted({name_key(n) for n in all_names if name_key(n) and not is_acronym(n)})
            row = conn.execute(
                select(t.entities.c.id)
                .join(t.names, t.names.c.entity_id == t.entities.c.id)
                .where(t.names.c.key.in_(keys), t.entities.c.type == etype)
                .order_by(t.entities.c.id)
                .limit(1)
            ).first() if keys else None
            gid = str(row[0]) if row else own
            if gid == own:
                conn.execute(insert(t.entities).values(id=gid, name=name, type=etype, created_at=now()))
        existing = {r[0] for r in conn.execute(select(t.names.c.name).where(t.names.c.entity_id == gid))}
        for n in all_names:
            if n not in existing and name_key(n):
                origin = "mention" if n == name else "alias"
                conn.execute(insert(t.names).values(entity_id=gid, name=n, key=name_key(n), origin=origin))
                existing.add(n)
        return gid


def identity_locks(ex: Extraction) -> set[int]:
    """What decides a document's ids: its hash and record id, and every name key it stores (store/locks.py)."""
    keys = {locks.key_of("document", ex.document.sha256), locks.key_of("document-id", ex.document.id)}
    for ent in ex.entities:
        keys |= {locks.key_of("name", name_key(n)) for n in (ent.name, *ent.aliases) if name_key(n)}
    return keys
