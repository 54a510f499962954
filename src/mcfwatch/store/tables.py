"""The store's tables (SQLAlchemy Core). SCHEMA_VERSION changes whenever a table or view changes.

Every extracted claim row (mention, relation) carries its document and character span:
there is no way to store a relation without evidence. Ids derive from content, never from position
(store/ids.py), so re-ingesting or adding documents never changes an id already given out.
Only modules inside ``store/`` import this file.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = 7  # 2: content ids, merges unique by pair, folded table, SQL views; 3: meta.generation;
# 4: the web accounts' tables (users, api_tokens, audit_log, web_secrets); 5: canonical_entities grouped first;
# 6: overlays indexed by (kind, target), the latest decision on a target found by index; 7: documents.raw_sha256
# (the bytes of the file a document was read from: a file read again by a newer reader replaces its reading)
# Each version is an Alembic revision in store/migrations/versions/ (NNNN_what.py): raise both together.

metadata = MetaData()

meta = Table("meta", metadata, Column("key", String, primary_key=True), Column("value", String, nullable=False))

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("path", Text),
    Column("url", Text),
    Column("title", Text),
    Column("language", String(8)),
    Column("published", String(10)),
    Column("source", Text),
    Column("format", String(16)),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("raw_sha256", String(64)),  # the file's bytes (None: a JSON-lines record, or stored before revision 7)
    Index("ix_documents_raw", "raw_sha256"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("created_at", String(32), nullable=False),
)

names = Table(
    "names",
    metadata,
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("origin", String(16), nullable=False),  # mention | alias | pinyin | list
    UniqueConstraint("entity_id", "name"),
    Index("ix_names_key", "key"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String, primary_key=True),  # men-…: hash of document sha256, span and entity type
    Column("document_id", String, ForeignKey("documents.id"), nullable=False),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    Column("local_id", String, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_entity", "entity_id"),
    Index("ix_mentions_doc", "document_id"),
)

relations = Table(
    "relations",
    metadata,
    Column("id", String, primary_key=True),
    Column("document_id", String, ForeignKey("documents.id"), nullable=False),
    Column("type", String(32), nullable=False),
    Column("subtype", String(32)),
    Column("source_id", String, ForeignKey("entities.id"), nullable=False),
    Column("target_id", String, ForeignKey("entities.id"), nullable=False),
    Column("date", String(10)),
    Column("date_end", String(10)),
    Column("subject", Text),
    Column("confidence", Float, nullable=False),
    Column("method", String(32), nullable=False),
    Column("ev_start", Integer, nullable=False),
    Column("ev_end", Integer, nullable=False),
    Column("ev_text", Text, nullable=False),
    Index("ix_rel_source", "source_id"),
    Index("ix_rel_target", "target_id"),
)

# Resolution decisions: loser is folded into winner; undone_at soft-deletes. One row per pair, ever: an undone
# pair is never merged again by the resolver, and two concurrent resolvers cannot both record it.
merges = Table(
    "merges",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("pair", String, nullable=False, unique=True),  # "A|B", the two ids sorted
    Column("winner_id", String, nullable=False),
    Column("loser_id", String, nullable=False),
    Column("score", Float, nullable=False),
    Column("features", Text, nullable=False),
    Column("decided_by", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("undone_at", String(32)),
)

# Analyst decisions applied on every query (reject an edge, confirm or split a merge). Survive re-ingest.
# A merge decision's target is stored as its sorted pair, so that the latest decision on a target is one lookup.
overlays = Table(
    "overlays",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("target", Text, nullable=False),
    Column("decision", String(32), nullable=False),
    Column("note", Text),
    Column("decided_by", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Index("ix_overlays_kind_target", "kind", "target"),  # current_decisions: the latest per target
)

# Monitoring baseline (`mcfwatch watch`): per partner, the comparable part of its last exposure result.
watch_baseline = Table(
    "watch_baseline",
    metadata,
    Column("partner", Text, primary_key=True),
    Column("snapshot", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

# The fold (store/fold.py) written out: every entity merged away, and the canonical entity it is folded into.
# Rewritten in the same transaction as every merge, undo and merge decision; the SQL views read it.
folded = Table(
    "folded",
    metadata,
    Column("entity_id", String, primary_key=True),
    Column("canonical_id", String, nullable=False),
    Index("ix_folded_canonical", "canonical_id"),
)


# Accounts of the web application (store/accounts.py): users with roles, API tokens (their SHA-256 only), the
# audit log and the session-signing key. Built by revision 0004 like every other table.
users = Table(
    "users", metadata,
    Column("name", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)
api_tokens = Table(
    "api_tokens", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("user", String(64), nullable=False),
    Column("label", Text),
    Column("created_at", String(32), nullable=False),
)
audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("user", String(64)),
    Column("action", String(32), nullable=False),
    Column("target", Text),
    Column("detail", Text),
)
web_secrets = Table(
    "web_secrets", metadata, Column("key", String(32), primary_key=True), Column("value", Text, nullable=False)
)
