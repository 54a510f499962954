"""Writing documents: each in exactly one transaction with its entities' names, mentions and relations, so a
crash leaves no half-written document; on PostgreSQL under advisory locks on what decides its ids."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
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

log = logging.getLogger(__name__)


class DocumentWrites(CanonicalReads):
    """Documents in, with the entity each name joins."""

    def has_document(self, sha256: str) -> str | None:
        try:
            with self.engine.connect() as conn:
                row = conn.execute(select(t.documents.c.id).where(t.documents.c.sha256 == sha256)).first()
        except DatabaseError as exc:
            raise StoreError(f"{self.url}: cannot read the store ({db_error(exc, self.target)})") from None
        return row[0] if row else None

    def add_extraction(self, ex: Extraction, raw_sha256: str | None = None) -> bool:
        """Store one document with everything extracted from it, atomically. False if already stored.
        raw_sha256: the SHA-256 of the file's bytes it was read from (None for a JSON-lines record).

        A database failure (full disk, read-only file, lock) is a StoreError: the caller stops, since every
        later document would fail the same way."""
        ex.check()
        try:
            try:
                return self._add_extraction(ex, raw_sha256)
            except IntegrityError:  # a concurrent writer took an id first: redo, now seeing its rows
                return self._add_extraction(ex, raw_sha256)
        except DatabaseError as exc:
            where = ex.document.path or ex.document.id
            raise StoreError(f"{self.url}: cannot store {where} ({db_error(exc, self.target)})") from None

    def _add_extraction(self, ex: Extraction, raw_sha256: str | None) -> bool:
        doc = ex.document
        with self.write_engine.begin() as conn:
            locks.lock_in_transaction(conn, identity_locks(ex))
            known = conn.execute(select(t.documents.c.id, t.documents.c.sha256)
                                 .where((t.documents.c.sha256 == doc.sha256) | (t.documents.c.id == doc.id))).all()
            if any(row[1] == doc.sha256 for row in known):
                return False
            doc_id = f"{doc.id}-{doc.sha256[:8]}" if known else doc.id  # same record id, other text: keep both
            self._write_reading(conn, ex, doc_id, raw_sha256)
            bump_generation(conn)
        return True

    def _write_reading(self, conn: Connection, ex: Extraction, doc_id: str, raw_sha256: str | None) -> list[
            dict[str, Any]]:
        """Insert the document row under doc_id with its mentions and relations; returns the relation rows."""
        doc = ex.document
        conn.execute(
            insert(t.documents).values(
                id=doc_id, sha256=doc.sha256, path=doc.path, url=doc.url, title=doc.title,
                language=doc.language, published=doc.published, source=doc.source,
                format=doc.format, text=doc.text, ingested_at=now(), raw_sha256=raw_sha256,
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
        return relations

    # -- a file read again by a newer reader -------------------------------------------------------

    def note_raw(self, sha256: str, raw_sha256: str, path: str | None) -> None:
        """Record the file bytes a stored text was read from, on a row stored before revision 7 (raw NULL), when
        the file is the one the row was stored from (its path): a copy with the same text (a .txt of a .md, a
        re-saved file) must not pin the row to its bytes, or the original's later re-read finds no reading."""
        if not path:
            return
        missing = (t.documents.c.sha256 == sha256, t.documents.c.raw_sha256.is_(None),
                   t.documents.c.path == path)
        with self.engine.connect() as conn:  # read first: a folder ingested again writes nothing
            if conn.execute(select(t.documents.c.id).where(*missing)).first() is None:
                return
        with self.write_engine.begin() as conn:
            conn.execute(update(t.documents).where(*missing).values(raw_sha256=raw_sha256))

    def earlier_reading(self, raw_sha256: str, path: str | None, unchanged_since: str | None,
                        text: str | None = None) -> StoredReading | None:
        """The stored document read from the same file bytes (raw_sha256), else, on a row stored before the
        bytes were recorded, from the same path when the file has not changed since that row was stored
        (unchanged_since: the file's modification time, ISO UTC, compared with the row's ingested_at) AND the
        row's text is an older reading of this text (text: the new reading; `same_reading`). A path as typed is
        relative: `notes/report.pdf` in another folder, with an old mtime kept by unzip or cp -p, is another
        document, and its row must not be replaced."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents.c.id, t.documents.c.sha256)
                               .where(t.documents.c.raw_sha256 == raw_sha256).order_by(t.documents.c.id)).first()
            if row is not None:
                return StoredReading(str(row[0]), str(row[1]))
            if not (path and unchanged_since and text):
                return None
            found = conn.execute(select(t.documents.c.id, t.documents.c.sha256, t.documents.c.text)
                                 .where(t.documents.c.path == path, t.documents.c.raw_sha256.is_(None),
                                        t.documents.c.ingested_at >= unchanged_since)
                                 .order_by(t.documents.c.ingested_at.desc())).first()
        if found is None or not same_reading(str(found[2]), text):
            return None  # another document stored under the same path as typed: never replaced
        return StoredReading(str(found[0]), str(found[1]))

    def replace_reading(self, old: StoredReading, ex: Extraction, raw_sha256: str) -> Replaced:
        """Replace a stored document's text by a new reading of the same file, in one transaction: the document
        keeps its id; its mentions and relations are those of the new text; an analyst's latest decision on one
        of its relations moves to the new relation with the same type, ends and quote (else the same type, ends
        and date, when one such relation is left); decisions on relations the new reading does not have stay
        recorded against the old ids, which no longer exist. Entities only the old reading named, that nothing
        else mentions or decides on, go."""
        ex.check()
        try:
            with self.write_engine.begin() as conn:
                locks.lock_in_transaction(conn, identity_locks(ex) | {locks.key_of("document", old.sha256)})
                found = conn.execute(select(t.documents.c.sha256).where(t.documents.c.id == old.id)).first()
                if found is None or found[0] != old.sha256:
                    raise StoreError(f"{self.url}: {old.id} changed while it was read again; ingest again")
                before = [dict(r._mapping) for r in conn.execute(
                    select(t.relations).where(t.relations.c.document_id == old.id))]
                ids = [r["id"] for r in before]
                decided = {r.target: r for r in conn.execute(
                    select(t.overlays).where(t.overlays.c.kind == "edge", t.overlays.c.target.in_(ids))
                    .order_by(t.overlays.c.id))} if ids else {}  # the latest decision on each relation wins
                named = {r[0] for r in conn.execute(select(t.mentions.c.entity_id)
                                                    .where(t.mentions.c.document_id == old.id))}
                conn.execute(delete(t.mentions).where(t.mentions.c.document_id == old.id))
                conn.execute(delete(t.relations).where(t.relations.c.document_id == old.id))
                conn.execute(delete(t.documents).where(t.documents.c.id == old.id))  # a new row: readers see it
                after = self._write_reading(conn, ex, old.id, raw_sha256)
                carried, left = _carry_decisions(conn, before, after, decided)
                removed = _drop_unnamed(conn, named)
                _count_replacement(conn)
                bump_generation(conn)
        except DatabaseError as exc:
            where = ex.document.path or ex.document.id
            raise StoreError(f"{self.url}: cannot store {where} ({db_error(exc, self.target)})") from None
        if left:
            log.warning("%s read again: decisions on %d relations no longer read were left: %s", old.id,
                        len(left), ", ".join(left))
        return Replaced(old.id, carried, len(left), removed, tuple(left))

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


@dataclass(frozen=True, slots=True)
class StoredReading:
    """A stored document (its id and the SHA-256 of its text) that a file was read into before."""

    id: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Replaced:
    """What replacing a reading did: the document id kept, the analysts' relation decisions carried to the new
    reading's relations, those left on relations it no longer has, and the entities no longer named anywhere."""

    document_id: str
    carried: int
    left: int
    removed_entities: int
    left_relations: tuple[str, ...] = ()  # the old relation ids whose decision could not be carried


def _grams(text: str) -> set[str]:
    """Character trigrams of a whitespace-normalised, lower-cased text (any script: Chinese has no spaces)."""
    flat = " ".join(text.split()).lower()
    return {flat[i:i + 3] for i in range(max(len(flat) - 2, 1))}


def _overlap(a: set[str], b: set[str]) -> float:
    """How much of the smaller set the other holds (0..1)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def same_reading(old: str, new: str) -> bool:
    """Whether a stored text is an older reading of a new one: a newer reader adds what the older missed
    (footnotes, a last page) or mends characters (ligatures, joined lines), so nearly all of the old text's
    trigrams are in the new and most of the new's are in the old; another document under the same path is not."""
    a, b = _grams(old), _grams(new)
    if not a or not b:
        return False
    common = len(a & b)
    return common / len(a) >= 0.8 and common / len(b) >= 0.5


def _carry_decisions(conn: Connection, before: list[dict[str, Any]], after: list[dict[str, Any]],
                     decided: dict[str, Any]) -> tuple[int, list[str]]:
    """Copy each decision on an old relation to the new relation that tells the same: same type, subtype and
    ends, and then the same quote; else the one whose quote overlaps the old quote most (a quote a newer reader
    mended: "Oﬃce" -> "Office", joined lines, an OCR digit); else the only one with the same date; else the only
    one with those ends at all. Returns how many were carried and the old relation ids whose decision was not."""
    by_quote: dict[tuple[Any, ...], str] = {}
    by_ends: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in after:
        ends = (r["type"], r["subtype"], r["source_id"], r["target_id"])
        by_quote.setdefault((*ends, " ".join(r["ev_text"].split())), r["id"])
        by_ends.setdefault(ends, []).append(r)
    carried = 0
    left: list[str] = []
    for r in before:
        decision = decided.get(r["id"])
        if decision is None:
            continue
        ends = (r["type"], r["subtype"], r["source_id"], r["target_id"])
        new = by_quote.get((*ends, " ".join(r["ev_text"].split())))
        same = by_ends.get(ends, [])
        if new is None and same:
            old_grams = _grams(r["ev_text"])
            scored = sorted(((_overlap(old_grams, _grams(n["ev_text"])), n["id"]) for n in same), reverse=True)
            if scored[0][0] >= 0.6 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
                new = scored[0][1]
        if new is None:
            dated = [n["id"] for n in same if n["date"] == r["date"]]
            if len(dated) == 1:
                new = dated[0]
            elif len(same) == 1:
                new = same[0]["id"]
        if new is None:
            left.append(str(r["id"]))
            continue
        note = f"carried from {r['id']} (the document was read again)" + (f": {decision.note}" if decision.note else "")
        conn.execute(insert(t.overlays).values(kind="edge", target=new, decision=decision.decision, note=note,
                                               decided_by=decision.decided_by, created_at=now()))
        carried += 1
    return carried, left


def _drop_unnamed(conn: Connection, entity_ids: set[str]) -> int:
    """Delete those of these entities (and their names) that no mention or relation names any more and no merge
    or decision refers to; returns how many. A few set queries, not five per entity: a long document's
    hundreds of entities must not hold the write lock (review doors #10)."""
    if not entity_ids:
        return 0
    ids = sorted(entity_ids)
    used: set[str] = set()
    for i in range(0, len(ids), 500):  # bound the IN list
        part = ids[i:i + 500]
        for query in (select(t.mentions.c.entity_id).where(t.mentions.c.entity_id.in_(part)),
                      select(t.relations.c.source_id).where(t.relations.c.source_id.in_(part)),
                      select(t.relations.c.target_id).where(t.relations.c.target_id.in_(part)),
                      select(t.merges.c.winner_id).where(t.merges.c.winner_id.in_(part)),
                      select(t.merges.c.loser_id).where(t.merges.c.loser_id.in_(part)),
                      select(t.folded.c.entity_id).where(t.folded.c.entity_id.in_(part))):
            used.update(str(r[0]) for r in conn.execute(query.distinct()))
    # decisions name entities in their targets ("a|b" for a merge, "entity|list:entry" for a listing)
    for (target,) in conn.execute(select(t.overlays.c.target).where(t.overlays.c.kind != "edge").distinct()):
        used.update(str(target).split("|"))
        used.add(str(target))
    gone = [eid for eid in ids if eid not in used]
    if gone:
        conn.execute(delete(t.names).where(t.names.c.entity_id.in_(gone)))
        conn.execute(delete(t.entities).where(t.entities.c.id.in_(gone)))
    return len(gone)


REPLACED_KEY = "readings_replaced"  # meta: how many readings were replaced (graph/storestate.py reads it)


def _count_replacement(conn: Connection) -> None:
    """Add one to meta.readings_replaced: rows were deleted and written again, which a graph index that counts
    added rows (graph/storestate.py) must see even when the new rows reuse the old rowids."""
    row = conn.execute(select(t.meta.c.value).where(t.meta.c.key == REPLACED_KEY)).first()
    if row is None:
        conn.execute(insert(t.meta).values(key=REPLACED_KEY, value="1"))
    else:
        conn.execute(update(t.meta).where(t.meta.c.key == REPLACED_KEY).values(value=str(int(row[0]) + 1)))
