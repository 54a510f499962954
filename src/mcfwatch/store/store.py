"""The one seam to storage. SQLite by default; any SQLAlchemy URL (PostgreSQL) works the same way.

Invariants: each document is written in exactly one transaction together with its entities' names,
mentions and relations, so a crash leaves no half-written document. No module outside ``store/`` holds
a connection or names a table: every read and write goes through a Store method, and every reader
returns entities and relations folded through the one fold (store/fold.py) via the SQL views
(store/views.py), so the CLI, the API, the exports and a plain SQL query agree.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Engine,
    String,
    bindparam,
    cast,
    delete,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.exc import DatabaseError, IntegrityError

from mcfwatch.errors import NotFoundError, StoreError
from mcfwatch.model import Document, Extraction
from mcfwatch.model.keys import is_acronym, name_key
from mcfwatch.store import locks, schema
from mcfwatch.store import tables as t
from mcfwatch.store import views as v
from mcfwatch.store.engine import Target, db_error, for_writing, open_engine, shown_db, to_url
from mcfwatch.store.fold import Decisions, Fold, compute_fold, decision_target, pair_key
from mcfwatch.store.ids import entity_id_for, entity_key, mention_id_for, relation_id_for


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class StoredEntity:
    """A canonical entity: its names are those of every entity folded into it (``members``, itself first).

    ``requested_id`` is set when the entity was looked up by an id that was merged into this one.
    """

    id: str
    name: str
    type: str
    names: list[str]
    members: list[str] = field(default_factory=list)
    requested_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "names": self.names,
                "merged": self.members[1:], "requested_id": self.requested_id,
                "merged_into": self.id if self.requested_id else None}


@dataclass(slots=True)
class NewMerge:
    """A merge the resolver decided, as the store records it."""

    winner_id: str
    loser_id: str
    score: float
    features: dict[str, Any]
    decided_by: str


class Store:
    """Read and write access to one mcfwatch store."""

    def __init__(self, db: str | Path, create: bool = True) -> None:
        """Open a store: a SQLite file, or a PostgreSQL URL (``postgresql://user@host/db``). Nothing is written
        before the database is verified as an mcfwatch store of this schema version; an empty database is
        initialised only with create (``ingest`` creates, read commands do not). A SQLite store in a folder or
        file this process cannot write is opened read-only. ``url`` is the store as shown: never a password."""
        self.db = str(db)
        self.target = Target(to_url(db))
        self.url = self.target.shown
        self.engine: Engine
        self.engine, self.read_only = open_engine(self.target, create)
        self.write_engine = for_writing(self.engine)  # every write transaction: store/engine.py says why
        self._lock_depth = 0
        self._init(create and not self.read_only)

    def _init(self, create: bool) -> None:
        """Check the store before changing anything; build the schema only in an empty database."""
        try:
            with self.engine.begin() as conn:
                tables = set(inspect(conn).get_table_names())
                if tables or not create:
                    self._verify(conn, tables)
                    return
            # A new store: two processes creating it at once must not both build it (the second verifies)
            with locks.ingesting(self.target, None), self.write_engine.begin() as conn:
                locks.lock_in_transaction(conn, [locks.CREATE])
                tables = set(inspect(conn).get_table_names())
                if tables:
                    self._verify(conn, tables)
                else:
                    schema.create(conn)
        except DatabaseError as exc:
            raise StoreError(f"{self.url}: cannot open store ({db_error(exc, self.target)})") from None

    def _verify(self, conn: Connection, tables: set[str]) -> None:
        if "meta" in tables:
            schema.check_version(conn, self.url, shown_db(self.db))
            if not self.read_only and not set(v.VIEWS) <= set(inspect(conn).get_view_names()):
                v.create_views(conn)
        elif tables:
            raise StoreError(
                f"{self.url}: not an mcfwatch store (it holds tables {', '.join(sorted(tables)[:4])} "
                "but no schema version); choose another file"
            )
        else:
            raise StoreError(f"{self.url}: empty, not an mcfwatch store; ingest documents into it first")

    # -- writing documents -------------------------------------------------------------------------

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
            locks.lock_in_transaction(conn, _identity_locks(ex))
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
            _bump_generation(conn)
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

    # -- writing decisions and merges: each rewrites the fold in the same transaction ----------------

    def add_overlay(self, kind: str, target: str, decision: str, note: str | None = None, by: str = "analyst") -> int:
        with self.write_engine.begin() as conn:
            res = conn.execute(
                insert(t.overlays).values(
                    kind=kind, target=decision_target(kind, target), decision=decision, note=note,
                    decided_by=by, created_at=now(),
                )
            )
            if kind == "merge":
                self._refresh_fold(conn)
            _bump_generation(conn)
            return int(res.inserted_primary_key[0])  # type: ignore[index]

    def add_merges(self, merges: Iterable[NewMerge]) -> list[int | None]:
        """Record the resolver's merges; a pair already recorded (even undone) is skipped (None)."""
        out: list[int | None] = []
        with self.write_engine.begin() as conn:
            for m in merges:
                pair = pair_key(m.winner_id, m.loser_id)
                if conn.execute(select(t.merges.c.id).where(t.merges.c.pair == pair)).first():
                    out.append(None)
                    continue
                try:
                    with conn.begin_nested():
                        res = conn.execute(
                            insert(t.merges).values(
                                pair=pair, winner_id=m.winner_id, loser_id=m.loser_id, score=m.score,
                                features=json.dumps(m.features, ensure_ascii=False), decided_by=m.decided_by,
                                created_at=now(),
                            )
                        )
                    out.append(int(res.inserted_primary_key[0]))  # type: ignore[index]
                except IntegrityError:  # another writer recorded the pair meanwhile
                    out.append(None)
            self._refresh_fold(conn)
            if any(i is not None for i in out):
                _bump_generation(conn)
        return out

    def undo_merge(self, merge_id: int) -> None:
        """Undo one merge (soft: the row stays, with undone_at set); the pair is never merged again."""
        with self.write_engine.begin() as conn:
            res = conn.execute(update(t.merges).where(t.merges.c.id == merge_id).values(undone_at=now()))
            if res.rowcount == 0:
                raise NotFoundError(f"no merge {merge_id} in the store; `mcfwatch show NAME` lists merged ids")
            self._refresh_fold(conn)
            _bump_generation(conn)

    def _refresh_fold(self, conn: Connection) -> None:
        locks.lock_in_transaction(conn, [locks.FOLD])  # PostgreSQL: concurrent rewrites would collide
        merges = [
            (r[0], r[1])
            for r in conn.execute(
                select(t.merges.c.winner_id, t.merges.c.loser_id).where(t.merges.c.undone_at.is_(None))
                .order_by(t.merges.c.id)
            )
        ]
        decisions = Decisions.from_rows(dict(r._mapping) for r in conn.execute(select(t.overlays)))
        root = compute_fold(merges, decisions)
        conn.execute(delete(t.folded))
        if root:
            conn.execute(insert(t.folded), [{"entity_id": k, "canonical_id": c} for k, c in sorted(root.items())])

    def generation(self) -> int:
        """A number that grows with every committed write readers can see (documents, merges, undos,
        decisions, the monitoring baseline): a cache keyed by it is current while it is unchanged. One query.
        A store made again from scratch starts above every generation of the one it replaces."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "generation")).first()
        return int(row[0]) if row else 0

    # -- resolution state: one writer at a time, and which documents it has seen ----------------------

    @contextmanager
    def writer_lock(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Held by resolution: a second resolver on the same store waits for the first to finish (then finds
        its merges recorded). SQLite: a lock file beside the store; PostgreSQL: a session advisory lock.
        Re-entrant within one Store. on_wait gets a one-line message when another process holds it."""
        if self.read_only or self._lock_depth:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        with locks.writer(self.target, self.engine, on_wait):
            self._lock_depth = 1
            try:
                yield
            finally:
                self._lock_depth = 0

    @contextmanager
    def ingest_lock(self, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
        """Held by a whole ingest run. SQLite takes one writer at a time: a second ingest waits, told why.
        PostgreSQL takes concurrent ingests (each document is one transaction under advisory locks)."""
        if self.read_only:  # nothing will be written (a write fails with a one-line StoreError)
            yield
            return
        with locks.ingesting(self.target, on_wait):
            yield

    def mark_resolved(self, documents: int) -> None:
        """Record that resolution has seen the first `documents` documents (documents are never deleted)."""
        with self.write_engine.begin() as conn:
            conn.execute(delete(t.meta).where(t.meta.c.key == "resolved_documents"))
            conn.execute(insert(t.meta).values(key="resolved_documents", value=str(documents)))

    def unresolved_documents(self) -> int:
        """Documents stored since the last completed resolution (a killed resolution leaves them counted)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "resolved_documents")).first()
            total = int(conn.execute(select(func.count()).select_from(t.documents)).scalar_one())
        return max(0, total - (int(row[0]) if row else 0))

    def health(self) -> dict[str, Any]:
        """What `mcfwatch check` reports: schema state, counts, unresolved documents, dangling rows, and
        whether the stored fold equals the fold recomputed from merges and decisions."""
        def orphans(table: Any, column: Any, parent: Any) -> int:
            q = select(func.count()).select_from(table.outerjoin(parent, column == parent.c.id)).where(parent.c.id.is_(None))
            return int(conn.execute(q).scalar_one())

        with self.engine.connect() as conn:
            version = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).scalar_one()
            dangling = {
                "mentions without entity": orphans(t.mentions, t.mentions.c.entity_id, t.entities),
                "mentions without document": orphans(t.mentions, t.mentions.c.document_id, t.documents),
                "names without entity": orphans(t.names, t.names.c.entity_id, t.entities),
                "relations without source": orphans(t.relations, t.relations.c.source_id, t.entities),
                "relations without target": orphans(t.relations, t.relations.c.target_id, t.entities),
                "relations without document": orphans(t.relations, t.relations.c.document_id, t.documents),
                "merges naming a missing entity": orphans(t.merges, t.merges.c.loser_id, t.entities)
                + orphans(t.merges, t.merges.c.winner_id, t.entities),
            }
            merges = [(r[0], r[1]) for r in conn.execute(
                select(t.merges.c.winner_id, t.merges.c.loser_id).where(t.merges.c.undone_at.is_(None))
                .order_by(t.merges.c.id))]
            decisions = Decisions.from_rows(dict(r._mapping) for r in conn.execute(select(t.overlays)))
        return {
            "store": self.url, "schema_version": int(version), "expected_schema_version": t.SCHEMA_VERSION,
            "read_only": self.read_only, "counts": self.counts(), "unresolved_documents": self.unresolved_documents(),
            "dangling": dangling, "fold_current": compute_fold(merges, decisions) == self.fold().root,
        }

    # -- monitoring baselines ----------------------------------------------------------------------

    def replace_baseline(self, snapshots: dict[str, dict[str, Any]]) -> None:
        """The monitoring baseline becomes exactly these partner snapshots."""
        with self.write_engine.begin() as conn:
            conn.execute(delete(t.watch_baseline))
            for partner, snap in snapshots.items():
                conn.execute(insert(t.watch_baseline).values(partner=partner, snapshot=json.dumps(snap), created_at=now()))
            _bump_generation(conn)

    def update_baseline(self, snapshots: dict[str, dict[str, Any]]) -> None:
        with self.write_engine.begin() as conn:
            for partner, snap in snapshots.items():
                conn.execute(update(t.watch_baseline).where(t.watch_baseline.c.partner == partner).values(
                    snapshot=json.dumps(snap), created_at=now()))
            _bump_generation(conn)

    def baseline(self) -> dict[str, dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.watch_baseline.c.partner, t.watch_baseline.c.snapshot)
                                .order_by(t.watch_baseline.c.partner))
            return {r[0]: json.loads(r[1]) for r in rows}

    # -- reading: raw rows for resolution ----------------------------------------------------------

    def entity_rows(self, ids: Collection[str] | None = None) -> list[dict[str, Any]]:
        """Every stored entity (merged or not) with its mention count: what resolution compares; with ids,
        only those (graph/local.py reads one neighbourhood)."""
        q = (
            select(t.entities.c.id, t.entities.c.name, t.entities.c.type, func.count(t.mentions.c.id).label("mentions"))
            .join(t.mentions, t.mentions.c.entity_id == t.entities.c.id, isouter=True)
            .group_by(t.entities.c.id, t.entities.c.name, t.entities.c.type)
            .order_by(t.entities.c.id)
        )
        if ids is not None:
            q = q.where(t.entities.c.id.in_(_many(ids)))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def names(self, ids: Collection[str] | None = None) -> list[tuple[str, str]]:
        """(entity id, name) for every name of every stored entity (with ids, of those entities)."""
        with self.engine.connect() as conn:
            q = select(t.names.c.entity_id, t.names.c.name).order_by(t.names.c.entity_id, t.names.c.name)
            if ids is not None:
                q = q.where(t.names.c.entity_id.in_(_many(ids)))
            return [(r[0], r[1]) for r in conn.execute(q)]

    def merges(self, active_only: bool = False) -> list[dict[str, Any]]:
        q = select(t.merges).order_by(t.merges.c.id)
        if active_only:
            q = q.where(t.merges.c.undone_at.is_(None))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def overlays(self, kind: str | None = None) -> list[dict[str, Any]]:
        q = select(t.overlays).order_by(t.overlays.c.id)
        if kind:
            q = q.where(t.overlays.c.kind == kind)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def decisions(self) -> Decisions:
        return Decisions.from_rows(self.overlays())

    def fold(self) -> Fold:
        """The fold in force (as written with the last merge or decision) and the decisions."""
        with self.engine.connect() as conn:
            root = {r[0]: r[1] for r in conn.execute(select(t.folded.c.entity_id, t.folded.c.canonical_id))}
        return Fold(root, self.decisions())

    def has_relation(self, relation_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.relations.c.id).where(t.relations.c.id == relation_id)).first() is not None

    def has_entity(self, entity_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.entities.c.id).where(t.entities.c.id == entity_id)).first() is not None

    # -- reading: canonical entities and active relations (through the views) ------------------------

    def counts(self) -> dict[str, int]:
        """Rows as stored (documents, entities, mentions, relations), merged entities counted apart."""
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
        """Canonical entities (merged ones counted once), most mentioned first, each with its ``merged`` ids."""
        ce = v.canonical_entities
        q = select(ce).order_by(ce.c.mentions.desc(), ce.c.name, ce.c.id)
        if etype:
            q = q.where(ce.c.type == etype)
        fold = self.fold()
        groups: dict[str, list[str]] = {}
        for loser, root in sorted(fold.root.items()):
            groups.setdefault(root, []).append(loser)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
        for r in rows:
            r["merged"] = groups.get(r["id"], [])
        return rows

    def entity(self, entity_id: str) -> StoredEntity:
        """The entity with this id; a merged-away id gives the canonical entity, with ``requested_id`` set."""
        if not self.has_entity(entity_id):
            raise NotFoundError(f"no entity {entity_id!r} in the store; `mcfwatch entities` lists them")
        fold = self.fold()
        root = fold.canonical(entity_id)
        members = fold.members(entity_id)
        with self.engine.connect() as conn:
            row = conn.execute(select(t.entities).where(t.entities.c.id == root)).one()
            names: list[str] = [row.name]
            for eid in members:
                q = select(t.names.c.name).where(t.names.c.entity_id == eid).order_by(t.names.c.name)
                names += [r[0] for r in conn.execute(q) if r[0] not in names]
        return StoredEntity(id=row.id, name=row.name, type=row.type, names=names, members=members,
                            requested_id=entity_id if root != entity_id else None)

    def find(self, name: str) -> list[StoredEntity]:
        """Canonical entities carrying exactly this name (by key), else those with a name containing it."""
        key = name_key(name)
        with self.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(
                select(t.names.c.entity_id).where(t.names.c.key == key).distinct().order_by(t.names.c.entity_id))]
            if not ids and key:
                ids = [r[0] for r in conn.execute(
                    select(t.names.c.entity_id).where(t.names.c.key.contains(key, autoescape=True))
                    .distinct().order_by(t.names.c.entity_id).limit(20))]
        fold = self.fold()
        roots = list(dict.fromkeys(fold.canonical(i) for i in ids))
        return [self.entity(r) for r in roots]

    def relations(self, entity_id: str | None = None, members: Collection[str] | None = None) -> list[dict[str, Any]]:
        """Active relations (not rejected; ends folded to canonical ids, with their names), with evidence and
        document metadata; with entity_id, those touching that entity (or the entity it was merged into); with
        members, those whose stored ends include one of these entity ids (by index: one neighbourhood)."""
        ar = v.active_relations
        src = t.entities.alias("src")
        tgt = t.entities.alias("tgt")
        q = (
            select(
                ar,
                src.c.name.label("source_name"), src.c.type.label("source_type"),
                tgt.c.name.label("target_name"), tgt.c.type.label("target_type"),
                t.documents.c.title.label("document_title"), t.documents.c.path.label("document_path"),
                t.documents.c.url.label("document_url"), t.documents.c.published.label("document_published"),
            )
            .join(src, src.c.id == ar.c.source_id)
            .join(tgt, tgt.c.id == ar.c.target_id)
            .join(t.documents, t.documents.c.id == ar.c.document_id)
            .order_by(ar.c.date, ar.c.document_id, ar.c.ev_start, ar.c.id)
        )
        if entity_id:
            root = self.fold().canonical(entity_id)
            q = q.where((ar.c.source_id == root) | (ar.c.target_id == root))
        if members is not None:
            q = q.where(ar.c.source_member.in_(_many(members)) | ar.c.target_member.in_(_many(members)))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def mentions(self, entity_id: str) -> list[dict[str, Any]]:
        """Mentions of the entity and of every entity folded with it."""
        members = self.fold().members(entity_id)
        with self.engine.connect() as conn:
            q = select(t.mentions).where(t.mentions.c.entity_id.in_(members)).order_by(
                t.mentions.c.document_id, t.mentions.c.start, t.mentions.c.id
            )
            return [dict(r._mapping) for r in conn.execute(q)]

    def all_mentions(self) -> list[dict[str, Any]]:
        """Every mention with ``canonical_id``, the canonical entity it counts for."""
        ec = v.entity_canonical
        q = (
            select(t.mentions, ec.c.canonical_id)
            .join(ec, ec.c.entity_id == t.mentions.c.entity_id)
            .order_by(t.mentions.c.document_id, t.mentions.c.start, t.mentions.c.id)
        )
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def decisions_about(self, entity_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The analyst decisions in force that concern these entities: their merges, list matches and the
        relations they are a party to (rejected ones included), oldest first."""
        ids = set(entity_ids)
        latest = {(row["kind"], decision_target(row["kind"], row["target"])): row for row in self.overlays()}
        edges = [target for kind, target in latest if kind == "edge"]
        touching: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(edges), 500):
                batch = edges[i : i + 500]
                q = select(t.relations.c.id).where(
                    t.relations.c.id.in_(batch), t.relations.c.source_id.in_(ids) | t.relations.c.target_id.in_(ids))
                touching |= {r[0] for r in conn.execute(q)}
        found = [row for (kind, target), row in latest.items()
                 if (target in touching if kind == "edge" else bool(set(target.split("|")) & ids))]
        return sorted(found, key=lambda r: r["id"])

    def document_mentions(self, doc_id: str) -> list[dict[str, Any]]:
        """The mentions in one document, in text order."""
        with self.engine.connect() as conn:
            q = select(t.mentions).where(t.mentions.c.document_id == doc_id).order_by(t.mentions.c.start)
            return [dict(r._mapping) for r in conn.execute(q)]

    def search_documents(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Documents whose title or text contains ``text`` literally (LIKE wildcards in it are escaped)."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        cols = [t.documents.c[k] for k in ("id", "title", "path", "url", "published", "language")]
        # ilike: case-insensitive on PostgreSQL as SQLite's LIKE is (ASCII) there
        q = (select(*cols).where(t.documents.c.title.ilike(pattern, escape="\\")
                                 | t.documents.c.text.ilike(pattern, escape="\\"))
             .order_by(t.documents.c.published.desc(), t.documents.c.id).limit(limit))
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


def _many(values: Collection[str]) -> Any:
    """An IN list of any length: rendered into the statement, since SQLite caps bound parameters."""
    return bindparam(None, sorted(values), expanding=True, literal_execute=True)


def _bump_generation(conn: Connection) -> None:
    """In the writer's transaction: one atomic UPDATE, so concurrent writers on PostgreSQL each add one."""
    conn.execute(update(t.meta).where(t.meta.c.key == "generation")
                 .values(value=cast(cast(t.meta.c.value, BigInteger) + 1, String)))


def _identity_locks(ex: Extraction) -> set[int]:
    """What decides a document's ids: its hash and record id, and every name key it stores (store/locks.py)."""
    keys = {locks.key_of("document", ex.document.sha256), locks.key_of("document-id", ex.document.id)}
    for ent in ex.entities:
        keys |= {locks.key_of("name", name_key(n)) for n in (ent.name, *ent.aliases) if name_key(n)}
    return keys
