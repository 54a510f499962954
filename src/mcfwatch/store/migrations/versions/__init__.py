"""Alembic revisions of the store schema, one file each, numbered as the schema versions they produce."""
