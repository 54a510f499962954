"""SQL views over the store, so that sqlite3, datasette or DuckDB users see what the CLI sees.

- ``entity_canonical``   every entity id and the canonical id it is folded into (itself when not merged);
- ``canonical_entities`` one row per canonical entity: mentions and documents counted over all its members;
- ``current_decisions``  the analyst decision in force on each target (the latest);
- ``active_relations``   relations with both ends mapped to canonical ids, minus rejected ones and minus
  those whose two ends were folded into one entity; ``source_member``/``target_member`` keep the stored ends.
The Store's readers select from these views: there is no second definition of "canonical" in Python.
No view joins on a computed column (a canonical id) before grouping: SQLite has no index for it and would
scan nested, quadratic in the entities (migrations/versions/0005 says what that cost).
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Float, Integer, MetaData, String, Table, Text, text

VIEWS: dict[str, str] = {
    "entity_canonical": """
        SELECT e.id AS entity_id, COALESCE(f.canonical_id, e.id) AS canonical_id
        FROM entities e LEFT JOIN folded f ON f.entity_id = e.id""",
    "canonical_entities": """
        SELECT e.id AS id, e.name AS name, e.type AS type,
               g.mentions AS mentions, g.documents AS documents, g.members AS members
        FROM (SELECT c.canonical_id AS id, COUNT(DISTINCT m.id) AS mentions,
                     COUNT(DISTINCT m.document_id) AS documents, COUNT(DISTINCT c.entity_id) AS members
              FROM entity_canonical c
              LEFT JOIN mentions m ON m.entity_id = c.entity_id
              GROUP BY c.canonical_id) g
        JOIN entities e ON e.id = g.id""",
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


def create_views(conn: Connection) -> None:
    """Create (or, on servers that can, replace) every view, in dependency order."""
    sqlite = conn.dialect.name == "sqlite"
    for name, body in VIEWS.items():
        verb = "CREATE VIEW IF NOT EXISTS" if sqlite else "CREATE OR REPLACE VIEW"
        conn.execute(text(f"{verb} {name} AS {body}"))


# Table objects to select from the views with SQLAlchemy Core (never created by create_all).
view_metadata = MetaData()

entity_canonical = Table(
    "entity_canonical", view_metadata, Column("entity_id", String), Column("canonical_id", String)
)

canonical_entities = Table(
    "canonical_entities", view_metadata,
    Column("id", String), Column("name", Text), Column("type", String),
    Column("mentions", Integer), Column("documents", Integer), Column("members", Integer),
)

active_relations = Table(
    "active_relations", view_metadata,
    Column("id", String), Column("document_id", String), Column("type", String), Column("subtype", String),
    Column("source_id", String), Column("target_id", String),
    Column("source_member", String), Column("target_member", String),
    Column("date", String), Column("date_end", String), Column("subject", Text), Column("confidence", Float),
    Column("method", String), Column("ev_start", Integer), Column("ev_end", Integer), Column("ev_text", Text),
)
