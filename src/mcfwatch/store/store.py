"""The one seam to storage. SQLite by default; any SQLAlchemy URL (PostgreSQL) works the same way.

Invariants: each document is written in exactly one transaction together with its entities' names,
mentions and relations, so a crash leaves no half-written document. No module outside ``store/`` holds
a connection or names a table: every read and write goes through a Store method, and every reader
returns entities and relations folded through the one fold (store/fold.py) via the SQL views
(store/views.py), so the CLI, the API, the exports and a plain SQL query agree.

The methods live in one module per concern, each a link of one chain (each class extends the one before):
opening.py (engines, schema check, generation) -> rows.py (rows as stored, the fold) -> reads.py (canonical
entities, active relations) -> documents.py (writing documents) -> decisions.py (merges, decisions,
baseline) -> state.py (writer locks, resolution mark, health) -> Store.
"""

from __future__ import annotations

from mcfwatch.store.decisions import NewMerge
from mcfwatch.store.opening import now
from mcfwatch.store.reads import StoredEntity
from mcfwatch.store.state import ResolutionState

__all__ = ["NewMerge", "Store", "StoredEntity", "now"]


class Store(ResolutionState):
    """Read and write access to one mcfwatch store: ``Store(db, create=True)`` (opening.py says how)."""
