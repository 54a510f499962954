"""overlays indexed by (kind, target): the view current_decisions finds the latest decision on each target with
a correlated MAX over the same kind and target, which without an index scanned every decision for every
decision (active_relations runs it on each read: with 3,000 decisions a hub's relations took 0.12 s of CPU on
a 20k-relation SQLite store, with the index 0.02 s; quadratic in the decisions). This file is history.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_overlays_kind_target", "overlays", ["kind", "target"])
    op.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")


def downgrade() -> None:
    op.drop_index("ix_overlays_kind_target", table_name="overlays")
    op.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
