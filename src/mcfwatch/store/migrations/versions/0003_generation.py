"""The store's generation counter (meta.generation): every write readers can see adds one, in its transaction,
so a cache keyed by it (graph and screening indexes, API caches) is current while it is unchanged.

It starts at the clock in microseconds, not 0: a store deleted and made again never repeats a generation
its predecessor had, so a cache left beside the old file is never taken for the new one's.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import time

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM meta WHERE key = 'generation'")
    op.execute(f"INSERT INTO meta (key, value) VALUES ('generation', '{time.time_ns() // 1000}')")
    op.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")


def downgrade() -> None:
    op.execute("DELETE FROM meta WHERE key = 'generation'")
    op.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
