"""Reading canonical entities and active relations (through the SQL views: merged entities counted once,
rejected relations left out), documents and mentions."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select

from mcfwatch.errors import NotFoundError
from mcfwatch.model import Document
from mcfwatch.model.keys import name_key
from mcfwatch.store import tables as t
from mcfwatch.store import views as v
from mcfwatch.store.fold import decision_target
from mcfwatch.store.opening import many
from mcfwatch.store.rows import RowReads

OPENING_CHARS = 80  # of a document without a title, read with its relations (graph.model.document_label names it so)


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


class CanonicalReads(RowReads):
    """What the CLI, the API and the exports show: entities folded, relations active."""

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

    def relations(
        self, entity_id: str | None = None, members: Collection[str] | None = None, ids: Collection[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Active relations (not rejected; ends folded to canonical ids, with their names), with evidence and
        document metadata; with entity_id, those touching that entity (or the entity it was merged into); with
        members, those whose stored ends include one of these entity ids (by index: one neighbourhood); with ids,
        those relations (the graph index's update reads the ones added since it was built)."""
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
                # a document without a title is named by its opening words (graph.model.document_label); only
                # those pay for the characters
                case((t.documents.c.title.is_(None), func.substr(t.documents.c.text, 1, OPENING_CHARS)),
                     else_=None).label("document_opening"),
            )
            .join(src, src.c.id == ar.c.source_id)
            .join(tgt, tgt.c.id == ar.c.target_id)
            .join(t.documents, t.documents.c.id == ar.c.document_id)
            .order_by(ar.c.date, ar.c.document_id, ar.c.ev_start, ar.c.id)
        )
        if entity_id:
            fold = self.fold()
            root = fold.canonical(entity_id)
            # The stored ends first: relations.source_id/target_id are indexed, so the database reads only this
            # entity's relations (the view's canonical ends are computed and have no index: a full scan).
            own = many(fold.members(entity_id))
            q = q.where(ar.c.source_member.in_(own) | ar.c.target_member.in_(own))
            q = q.where((ar.c.source_id == root) | (ar.c.target_id == root))
        if members is not None:
            q = q.where(ar.c.source_member.in_(many(members)) | ar.c.target_member.in_(many(members)))
        if ids is not None:
            if not ids:
                return []
            q = q.where(ar.c.id.in_(many(ids)))
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

    def mention_documents(self, entity_ids: Iterable[str]) -> set[str]:
        """The documents that mention any of these entities or an entity folded with one of them: one
        DISTINCT query on the mention index, not the mention rows (a hub on a 100,000-document store has
        hundreds of thousands)."""
        return self._distinct_of_mentions(t.mentions.c.document_id, entity_ids)

    def mention_texts(self, entity_ids: Iterable[str]) -> set[str]:
        """The distinct texts printed as mentions of these entities or of an entity folded with one of them: one
        DISTINCT query, not the mention rows (a hub has ~10^5)."""
        return self._distinct_of_mentions(t.mentions.c.text, entity_ids)

    def _distinct_of_mentions(self, column: Any, entity_ids: Iterable[str]) -> set[str]:
        members: set[str] = set()
        fold = self.fold()
        for eid in entity_ids:
            members.update(fold.members(eid))
        if not members:
            return set()
        with self.engine.connect() as conn:
            q = select(column).where(t.mentions.c.entity_id.in_(many(members))).distinct()
            return {r[0] for r in conn.execute(q)}

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
