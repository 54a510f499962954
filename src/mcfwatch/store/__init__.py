"""Storage: one narrow seam (Store) over SQLAlchemy; SQLite by default."""

from mcfwatch.store.store import Store, StoredEntity, entity_id_for

__all__ = ["Store", "StoredEntity", "entity_id_for"]
