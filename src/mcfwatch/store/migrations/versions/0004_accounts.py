"""The web accounts' tables under the schema: users, api_tokens, audit_log, web_secrets (store/accounts.py).

Before this revision store/accounts.py created them on first use; a store where it did keeps its tables and
their rows (only missing ones are created). Downgrading drops the four tables and so the accounts, tokens,
audit log and session key in them. This file is history: it must not follow later changes to tables.py.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TABLES = ("users", "api_tokens", "audit_log", "web_secrets")


def upgrade() -> None:
    present = set(sa.inspect(op.get_bind()).get_table_names())
    if "users" not in present:
        op.create_table(
            "users",
            sa.Column("name", sa.String(64), primary_key=True), sa.Column("role", sa.String(16), nullable=False),
            sa.Column("password_hash", sa.Text, nullable=False), sa.Column("created_at", sa.String(32), nullable=False),
        )
    if "api_tokens" not in present:
        op.create_table(
            "api_tokens",
            sa.Column("sha256", sa.String(64), primary_key=True), sa.Column("user", sa.String(64), nullable=False),
            sa.Column("label", sa.Text), sa.Column("created_at", sa.String(32), nullable=False),
        )
    if "audit_log" not in present:
        op.create_table(
            "audit_log",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("at", sa.String(32), nullable=False), sa.Column("user", sa.String(64)),
            sa.Column("action", sa.String(32), nullable=False), sa.Column("target", sa.Text),
            sa.Column("detail", sa.Text),
        )
    if "web_secrets" not in present:
        op.create_table(
            "web_secrets",
            sa.Column("key", sa.String(32), primary_key=True), sa.Column("value", sa.Text, nullable=False),
        )
    op.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)
    op.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
