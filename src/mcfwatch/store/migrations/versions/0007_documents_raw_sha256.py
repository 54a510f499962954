"""documents.raw_sha256: the SHA-256 of the file's bytes a document was read from (NULL for JSON-lines records,
texts given without a file, and documents stored before this revision: an ingest that meets the same path or the
same bytes again fills it). A file whose bytes are stored but whose reader now gives another text replaces its
older reading (store/documents.py `replace_reading`) instead of being stored a second time. This file is
history: it must not follow later changes to tables.py.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("raw_sha256", sa.String(64), nullable=True))  # ALTER TABLE on both
    op.create_index("ix_documents_raw", "documents", ["raw_sha256"])
    op.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")


def downgrade() -> None:
    op.drop_index("ix_documents_raw", table_name="documents")
    with op.batch_alter_table("documents") as batch:  # SQLite: the table copied without the column
        batch.drop_column("raw_sha256")
    op.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
