"""Baseline: the store as schema version 2 made it (content ids, merges unique by pair, folded table, views).

Stores written before mcfwatch used Alembic are at this revision already (meta.schema_version = 2);
`mcfwatch migrate` stamps them. This file is history: it must not follow later changes to tables.py.

Revision ID: 0002
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = None
branch_labels = None
depends_on = None

VIEWS = {
    "entity_canonical": """
        SELECT e.id AS entity_id, COALESCE(f.canonical_id, e.id) AS canonical_id
        FROM entities e LEFT JOIN folded f ON f.entity_id = e.id""",
    "canonical_entities": """
        SELECT e.id AS id, e.name AS name, e.type AS type,
               COUNT(DISTINCT m.id) AS mentions, COUNT(DISTINCT m.document_id) AS documents,
               COUNT(DISTINCT c.entity_id) AS members
        FROM entities e
        JOIN entity_canonical c ON c.canonical_id = e.id
        LEFT JOIN mentions m ON m.entity_id = c.entity_id
        GROUP BY e.id, e.name, e.type""",
    "current_decisions": """
        SELECT o.id AS id, o.kind AS kind, o.target AS target, o.decision AS decision, o.note AS note,
               o.decided_by AS decided_by, o.created_at AS created_at
        FROM overlays o
        WHERE o.id = (SELECT MAX(o2.id) FROM overlays o2 WHERE o2.kind = o.kind AND o2.target = o.target)""",
    "active_relations": """
        SELECT r.id AS id, r.document_id AS document_id, r.type AS type, r.subtype AS subtype,
               cs.canonical_id AS source_id, ct.canonical_id AS target_id,
               r.source_id AS source_member, r.target_id AS target_member,
               r.date AS date, r.date_end AS date_end, r.subject AS subject, r.confidence AS confidence,
               r.method AS method, r.ev_start AS ev_start, r.ev_end AS ev_end, r.ev_text AS ev_text
        FROM relations r
        JOIN entity_canonical cs ON cs.entity_id = r.source_id
        JOIN entity_canonical ct ON ct.entity_id = r.target_id
        WHERE cs.canonical_id <> ct.canonical_id
          AND r.id NOT IN (SELECT target FROM current_decisions WHERE kind = 'edge' AND decision = 'reject')""",
}


def upgrade() -> None:
    op.create_table("meta", sa.Column("key", sa.String, primary_key=True), sa.Column("value", sa.String, nullable=False))
    op.create_table(
        "documents",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("path", sa.Text), sa.Column("url", sa.Text), sa.Column("title", sa.Text),
        sa.Column("language", sa.String(8)), sa.Column("published", sa.String(10)), sa.Column("source", sa.Text),
        sa.Column("format", sa.String(16)), sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String, primary_key=True), sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False), sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "names",
        sa.Column("entity_id", sa.String, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False), sa.Column("key", sa.Text, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.UniqueConstraint("entity_id", "name"),
    )
    op.create_index("ix_names_key", "names", ["key"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("document_id", sa.String, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("entity_id", sa.String, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("local_id", sa.String, nullable=False), sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False), sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.create_index("ix_mentions_doc", "mentions", ["document_id"])
    op.create_table(
        "relations",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("document_id", sa.String, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("type", sa.String(32), nullable=False), sa.Column("subtype", sa.String(32)),
        sa.Column("source_id", sa.String, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("target_id", sa.String, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("date", sa.String(10)), sa.Column("date_end", sa.String(10)), sa.Column("subject", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False), sa.Column("method", sa.String(32), nullable=False),
        sa.Column("ev_start", sa.Integer, nullable=False), sa.Column("ev_end", sa.Integer, nullable=False),
        sa.Column("ev_text", sa.Text, nullable=False),
    )
    op.create_index("ix_rel_source", "relations", ["source_id"])
    op.create_index("ix_rel_target", "relations", ["target_id"])
    op.create_table(
        "merges",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("pair", sa.String, nullable=False, unique=True),
        sa.Column("winner_id", sa.String, nullable=False), sa.Column("loser_id", sa.String, nullable=False),
        sa.Column("score", sa.Float, nullable=False), sa.Column("features", sa.Text, nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=False), sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("undone_at", sa.String(32)),
    )
    op.create_table(
        "overlays",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(32), nullable=False), sa.Column("target", sa.Text, nullable=False),
        sa.Column("decision", sa.String(32), nullable=False), sa.Column("note", sa.Text),
        sa.Column("decided_by", sa.String(64), nullable=False), sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "watch_baseline",
        sa.Column("partner", sa.Text, primary_key=True), sa.Column("snapshot", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "folded",
        sa.Column("entity_id", sa.String, primary_key=True), sa.Column("canonical_id", sa.String, nullable=False),
    )
    op.create_index("ix_folded_canonical", "folded", ["canonical_id"])
    for name, body in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {body}")
    op.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '2')")


TABLES = ('meta', 'documents', 'entities', 'names', 'mentions', 'relations', 'merges', 'overlays', 'watch_baseline', 'folded')  # in creation order: dropped in reverse


def downgrade() -> None:
    """Back to an empty database: the baseline is the first revision, so downgrading it removes the schema."""
    for name in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for name in reversed(TABLES):
        op.drop_table(name)
