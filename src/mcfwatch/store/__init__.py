"""Storage: one narrow seam (Store) over SQLAlchemy; SQLite by default. It owns identity: content ids
(ids.py), the one fold of merges and analyst decisions (fold.py) and the SQL views that expose it (views.py)."""

from mcfwatch.store.fold import Decisions, Fold, check_decision, pair_key
from mcfwatch.store.ids import entity_id_for
from mcfwatch.store.store import NewMerge, Store, StoredEntity

__all__ = ["Decisions", "Fold", "NewMerge", "Store", "StoredEntity", "check_decision", "entity_id_for", "pair_key"]
