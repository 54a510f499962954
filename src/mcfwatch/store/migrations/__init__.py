"""The store's schema history as Alembic revisions, run from mcfwatch itself (store/schema.py): no alembic.ini.

Each revision also writes ``meta.schema_version`` (its number), the one value that opening a store reads.
A new revision: add ``versions/NNNN_what.py`` with ``down_revision`` the previous one, raise
``tables.SCHEMA_VERSION`` to NNNN, and tests/store/test_migrations.py checks that the chain builds tables.py.
"""
