"""The store's tables (SQLAlchemy Core). SCHEMA_VERSION changes whenever a table changes.

Every extracted claim row (mention, relation) carries its document and character span:
there is no way to store a relation without evidence.
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

SCHEMA_VERSION = 1

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
    Column("id", Integer, primary_key=True, autoincrement=True),
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

# Resolution decisions (issue: watchlists and resolution): loser is folded into winner; undone_at soft-deletes.
merges = Table(
    "merges",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("winner_id", String, nullable=False),
    Column("loser_id", String, nullable=False),
    Column("score", Float, nullable=False),
    Column("features", Text, nullable=False),
    Column("decided_by", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("undone_at", String(32)),
)

# Analyst decisions applied on every query (reject an edge, confirm or split a merge). Survive re-ingest.
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
)

# Monitoring baseline (`mcfwatch watch`): per partner, the comparable part of its last exposure result.
watch_baseline = Table(
    "watch_baseline",
    metadata,
    Column("partner", Text, primary_key=True),
    Column("snapshot", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)
