"""Alembic's environment for the store: always run on a connection that mcfwatch opened (store/schema.py).

render_as_batch lets a revision alter columns on SQLite (which rebuilds the table) and PostgreSQL alike.
"""

from __future__ import annotations

from alembic import context

from mcfwatch.store import tables

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=tables.metadata, render_as_batch=True,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
