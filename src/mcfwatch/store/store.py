"""The one seam to storage. SQLite by default; any SQLAlchemy URL (PostgreSQL) works the same way.

Invariant: each document is written in exactly one transaction together with its
entities' names, mentions and relations, so a crash leaves no half-written document.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, select, update
from sqlalchemy.exc import OperationalError

from mcfwatch.errors import NotFoundError, StoreError
from mcfwatch.model import Document, Extraction
from mcfwatch.resolve.keys import name_key
from mcfwatch.store import tables as t


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def entity_id_for(name: str, etype: str) -> str:
    return "ent-" + hashlib.sha256(f"{etype}|{name_key(name)}".encode()).hexdigest()[:16]


def relation_id_for(document_id: str, rel_key: tuple[Any, ...], start: int, end: int) -> str:
    raw = json.dumps([document_id, list(rel_key), start, end], ensure_ascii=False)
    return "rel-" + hashlib.sha256(raw.encode()).hexdigest()[:16]


def to_url(db: str | Path) -> str:
    text = str(db)
    return text if "://" in text else f"sqlite:///{text}"


@dataclass(slots=True)
class StoredEntity:
    id: str
    name: str
    type: str
    names: list[str]


class Store:
    """Read and write access to one mcfwatch store."""

    def __init__(self, db: str | Path) -> None:
        self.url = to_url(db)
        if self.url.startswith("sqlite:///"):
            path = Path(self.url.removeprefix("sqlite:///"))
            if path.parent and not path.parent.exists():
                raise StoreError(f"{path}: the folder {path.parent} does not exist")
        try:
            self.engine: Engine = create_engine(self.url)
        except Exception as exc:  # bad URL, missing driver
            raise StoreError(f"{db}: cannot open store ({exc})") from exc
        if self.url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._init()

    def _init(self) -> None:
        try:
            t.metadata.create_all(self.engine)
            with self.engine.begin() as conn:
                row = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).first()
                if row is None:
                    conn.execute(insert(t.meta).values(key="schema_version", value=str(t.SCHEMA_VERSION)))
                elif int(row[0]) != t.SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.url}: store schema version {row[0]}, this mcfwatch needs {t.SCHEMA_VERSION}; "
                        "re-ingest into a new store"
                    )
        except OperationalError as exc:
            raise StoreError(f"{self.url}: cannot open store ({exc.orig})") from exc

    # -- writing -----------------------------------------------------------------------------------

    def has_document(self, sha256: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents.c.id).where(t.documents.c.sha256 == sha256)).first()
        return row[0] if row else None

    def add_extraction(self, ex: Extraction) -> bool:
        """Store one document with everything extracted from it, atomically. False if already stored."""
        ex.check()
        doc = ex.document
        with self.engine.begin() as conn:
            if conn.execute(select(t.documents.c.id).where(t.documents.c.sha256 == doc.sha256)).first():
                return False
            doc_id = doc.id
            if conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first():
                doc_id = f"{doc.id}-{doc.sha256[:8]}"  # same record id, different text: keep both
            conn.execute(
                insert(t.documents).values(
                    id=doc_id, sha256=doc.sha256, path=doc.path, url=doc.url, title=doc.title,
                    language=doc.language, published=doc.published, source=doc.source,
                    format=doc.format, text=doc.text, ingested_at=now(),
                )
            )
            local_to_global: dict[str, str] = {}
            for ent in ex.entities:
                gid = self._entity_for(conn, ent.name, ent.type, [ent.name, *ent.aliases])
                local_to_global[ent.id] = gid
                for m in ent.mentions:
                    conn.execute(
                        insert(t.mentions).values(
                            document_id=doc_id, entity_id=gid, local_id=ent.id,
                            start=m.start, end=m.end, text=m.text,
                        )
                    )
            seen: set[str] = set()
            for rel in ex.relations:
                ev = rel.evidence
                rid = relation_id_for(doc_id, rel.key(), ev.start, ev.end)
                if rid in seen:
                    continue
                seen.add(rid)
                conn.execute(
                    insert(t.relations).values(
                        id=rid, document_id=doc_id, type=rel.type, subtype=rel.subtype,
                        source_id=local_to_global[rel.source], target_id=local_to_global[rel.target],
                        date=rel.date, date_end=rel.date_end, subject=rel.subject,
                        confidence=rel.confidence, method=rel.method,
                        ev_start=ev.start, ev_end=ev.end, ev_text=ev.text,
                    )
                )
        return True

    def _entity_for(self, conn: Connection, name: str, etype: str, all_names: list[str]) -> str:
        """Find the stored entity of this type that already carries one of these names, else create it."""
        keys = [name_key(n) for n in all_names if name_key(n)]
        row = conn.execute(
            select(t.entities.c.id)
            .join(t.names, t.names.c.entity_id == t.entities.c.id)
            .where(t.names.c.key.in_(keys), t.entities.c.type == etype)
            .limit(1)
        ).first()
        if row:
            gid = str(row[0])
        else:
            gid = entity_id_for(name, etype)
            if not conn.execute(select(t.entities.c.id).where(t.entities.c.id == gid)).first():
                conn.execute(insert(t.entities).values(id=gid, name=name, type=etype, created_at=now()))
        existing = {r[0] for r in conn.execute(select(t.names.c.name).where(t.names.c.entity_id == gid))}
        for n in all_names:
            if n not in existing and name_key(n):
                origin = "mention" if n == name else "alias"
                conn.execute(insert(t.names).values(entity_id=gid, name=n, key=name_key(n), origin=origin))
                existing.add(n)
        return gid

    def add_overlay(self, kind: str, target: str, decision: str, note: str | None = None, by: str = "analyst") -> int:
        with self.engine.begin() as conn:
            res = conn.execute(
                insert(t.overlays).values(
                    kind=kind, target=target, decision=decision, note=note, decided_by=by, created_at=now()
                )
            )
            return int(res.inserted_primary_key[0])  # type: ignore[index]

    def undo_merge(self, merge_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(t.merges).where(t.merges.c.id == merge_id).values(undone_at=now()))

    # -- reading -----------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in (
                    ("documents", t.documents), ("entities", t.entities),
                    ("mentions", t.mentions), ("relations", t.relations),
                )
            }

    def documents(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.documents).order_by(t.documents.c.ingested_at, t.documents.c.id))
            return [dict(r._mapping) for r in rows]

    def document(self, doc_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).first()
        if row is None:
            raise NotFoundError(f"no document {doc_id!r} in the store")
        return dict(row._mapping)

    def entities(self, etype: str | None = None) -> list[dict[str, Any]]:
        """Entities with their number of mentions and documents, most mentioned first."""
        q = (
            select(
                t.entities.c.id, t.entities.c.name, t.entities.c.type,
                func.count(t.mentions.c.id).label("mentions"),
                func.count(func.distinct(t.mentions.c.document_id)).label("documents"),
            )
            .join(t.mentions, t.mentions.c.entity_id == t.entities.c.id, isouter=True)
            .group_by(t.entities.c.id)
            .order_by(func.count(t.mentions.c.id).desc(), t.entities.c.name)
        )
        if etype:
            q = q.where(t.entities.c.type == etype)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def entity(self, entity_id: str) -> StoredEntity:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).first()
            if row is None:
                raise NotFoundError(f"no entity {entity_id!r} in the store")
            nm = [r[0] for r in conn.execute(select(t.names.c.name).where(t.names.c.entity_id == entity_id))]
        return StoredEntity(id=row.id, name=row.name, type=row.type, names=nm)

    def find(self, name: str) -> list[StoredEntity]:
        """Entities carrying exactly this name (by key), else those whose name contains it."""
        key = name_key(name)
        with self.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(select(t.names.c.entity_id).where(t.names.c.key == key).distinct())]
            if not ids and key:
                ids = [
                    r[0]
                    for r in conn.execute(
                        select(t.names.c.entity_id).where(t.names.c.key.contains(key)).distinct().limit(20)
                    )
                ]
        return [self.entity(i) for i in ids]

    def relations(self, entity_id: str | None = None) -> list[dict[str, Any]]:
        """Relations (with evidence and document metadata), optionally those touching one entity."""
        src = t.entities.alias("src")
        tgt = t.entities.alias("tgt")
        q = (
            select(
                t.relations,
                src.c.name.label("source_name"), src.c.type.label("source_type"),
                tgt.c.name.label("target_name"), tgt.c.type.label("target_type"),
                t.documents.c.title.label("document_title"), t.documents.c.path.label("document_path"),
                t.documents.c.url.label("document_url"),
            )
            .join(src, src.c.id == t.relations.c.source_id)
            .join(tgt, tgt.c.id == t.relations.c.target_id)
            .join(t.documents, t.documents.c.id == t.relations.c.document_id)
            .order_by(t.relations.c.date, t.relations.c.document_id, t.relations.c.ev_start)
        )
        if entity_id:
            q = q.where((t.relations.c.source_id == entity_id) | (t.relations.c.target_id == entity_id))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def mentions(self, entity_id: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            q = select(t.mentions).where(t.mentions.c.entity_id == entity_id).order_by(
                t.mentions.c.document_id, t.mentions.c.start
            )
            return [dict(r._mapping) for r in conn.execute(q)]

    def overlays(self, kind: str | None = None) -> list[dict[str, Any]]:
        q = select(t.overlays).order_by(t.overlays.c.id)
        if kind:
            q = q.where(t.overlays.c.kind == kind)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def iter_documents(self) -> Iterator[Document]:
        for row in self.documents():
            yield Document(
                text=row["text"], path=row["path"], title=row["title"], language=row["language"],
                published=row["published"], url=row["url"], source=row["source"], id=row["id"],
                sha256=row["sha256"], format=row["format"] or "txt",
            )

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
